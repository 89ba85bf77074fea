"""Leaders see aggregates only: every page and export of the voice app, as the demo's leader, names no demo
young person, shows no CPR number and links to no young person's page. Also: the demo tells the story."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import pytest

from ungeforlob.accounts.models import User
from ungeforlob.demo.loader import load_demo
from ungeforlob.portal.models import ServiceFeedback
from ungeforlob.testing import client_for
from ungeforlob.voice.models import FeedbackReview
from ungeforlob.voice.quarters import last_quarters
from ungeforlob.youth.models import Youth


def _pdf_text(content: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        Path(f.name).write_bytes(content)
        return subprocess.run(["pdftotext", f.name, "-"], check=True, capture_output=True,  # noqa: S603, S607
                              text=True).stdout


@pytest.fixture
def demo(db: None) -> dict:
    load_demo()
    return {"leader": User.objects.get(username="leder"), "youth": list(Youth.objects.all())}


def _pages(client) -> list[tuple[str, str]]:
    urls = ["/ledelse/sammenligning/"]
    for q in last_quarters(8):
        urls += [f"/ledelse/stemme/?kvartal={q.code}", f"/ledelse/stemme/?kvartal={q.code}&vis=ulaeste",
                 f"/ledelse/rapport/?kvartal={q.code}"]
    out = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        out.append((url, response.content.decode()))
        for c in (response.context.get("comments") or {}).get("comments", []):
            review_url = f"/ledelse/stemme/kommentar/{c['pk']}/"
            out.append((review_url, client.get(review_url).content.decode()))
    quarters = last_quarters(8)
    span = f"fra={quarters[0].code}&til={quarters[-1].code}"
    out.append(("/ledelse/", client.get("/ledelse/").content.decode()))
    slugs = ["voice-quarters", "voice-compare", *(f"voice-distribution-{q.code}" for q in quarters)]
    for slug in slugs:
        response = client.get(f"/ledelse/eksport/{slug}.csv?{span}")
        if response.status_code == 200:
            out.append((slug, response.content.decode("utf-8-sig")))
    for q in last_quarters(3)[:2]:
        response = client.get(f"/ledelse/rapport/pdf/?kvartal={q.code}")
        assert response.status_code == 200
        out.append((f"pdf {q.code}", _pdf_text(response.content)))
    return out


def test_no_page_or_export_of_the_voice_app_identifies_a_demo_young_person(demo: dict) -> None:
    pages = _pages(client_for(demo["leader"]))
    assert len(pages) > 25
    crawled = {url for url, _text in pages}
    assert {"/ledelse/", "voice-quarters", f"voice-distribution-{last_quarters(1)[0].code}"} <= crawled
    leaks = []
    for youth in demo["youth"]:
        cpr = youth.cpr_reveal()
        needles = [f"{youth.first_name} {youth.last_name}", cpr, f"{cpr[:6]}-{cpr[6:]}", f"/unge/{youth.pk}/",
                   f"youth={youth.pk}", f"youth_id={youth.pk}"]
        for url, text in pages:
            leaks += [f"{needle!r} on {url}" for needle in needles if needle in text]
    for url, text in pages:
        leaks += [f"a CPR-like number on {url}" for _m in re.findall(r"(?<!\d)\d{6}-?\d{4}(?!\d)", text)]
    assert not leaks, leaks


def test_the_demo_has_two_years_of_answers_some_answered_and_loads_once(demo: dict) -> None:
    municipality = demo["leader"].municipality
    answers = ServiceFeedback.objects.filter(municipality=municipality)
    first = answers.order_by("created_at").first()
    assert first is not None and first.created_at.date() < last_quarters(8)[0].end  # two years back
    assert answers.count() >= 80
    assert FeedbackReview.objects.exclude(answer="").exists() and FeedbackReview.objects.filter(answer="").exists()
    assert answers.exclude(comment="").filter(review__isnull=True).exists()
    counts = (answers.count(), FeedbackReview.objects.count())
    load_demo()
    assert (answers.count(), FeedbackReview.objects.count()) == counts
