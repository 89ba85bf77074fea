"""The quarterly report: the figures of the chosen quarter, the same on the page and in the PDF."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import pytest

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.testing import Personas, make_youth
from ungeforlob.voice.quarters import Quarter
from ungeforlob.voice.report import report_context
from ungeforlob.voice.tests.helpers import give
from ungeforlob.youth.models import Course, CourseEndReason

ARTIFACTS = Path(__file__).resolve().parents[3] / "artifacts"
Q = Quarter(2026, 2)


def _ended(p: Personas, n: int, reason: str, *, start: datetime.date, end: datetime.date, tag: str) -> None:
    for i in range(n):
        y = make_youth(p.contact_person, first_name=f"{tag}{i}", mobile=f"+4571{abs(hash(tag)) % 100:02d}{i:04d}")
        Course.objects.filter(youth=y).update(start_date=start, end_date=end, end_reason=reason)


@pytest.fixture
def quarter_data(p: Personas) -> Personas:
    """Q2 2026: 6 courses ended in education (90 days each), 2 in a job (120 days); 5 answers, 4 of them 4–5."""
    _ended(p, 6, CourseEndReason.EDUCATION, start=datetime.date(2026, 2, 1), end=datetime.date(2026, 5, 2), tag="E")
    _ended(p, 2, CourseEndReason.JOB, start=datetime.date(2026, 2, 1), end=datetime.date(2026, 6, 1), tag="J")
    for heard in (5, 5, 4, 4, 2):
        give(p.youth, heard=heard, useful=3, on=datetime.date(2026, 4, 20))
    return p


def test_the_report_counts_the_quarter_by_hand(quarter_data: Personas) -> None:
    ctx = report_context(municipality_id=quarter_data.municipality.pk, quarter=Q)
    ended, durations = ctx["outcomes"]["tables"][:2]
    in_q = dict(ended.rows)["2. kvt. 2026"]
    assert str(in_q[0]) == "75 %" and str(in_q[-1]) == "8"  # 6 of 8 in education; the 2 in a job are hidden
    assert str(in_q[1]) == "færre end 5"
    assert str(dict(durations.rows)["2. kvt. 2026"][0]) == "90"
    chart = ctx["outcomes"]["charts"][0]
    assert [(b["label"], str(b["figure"])) for b in chart["bars"]][-1] == ("2. kvt. 2026", "75 %")
    assert str(ctx["voice"]["last"]["questions"][0]["mean"]) == "4"
    celebrate = {c["text"]: str(c["figure"]) for c in ctx["celebrate"]}
    assert celebrate["unge gik fra forløbet videre i uddannelse"] == "6"
    assert celebrate["unge gik fra forløbet videre i job"] == "færre end 5"
    assert celebrate["svar fra unge, der følte sig hørt (4 eller 5 ud af 5)"] == "færre end 5"


def test_the_preview_draws_each_chart_with_its_table(quarter_data: Personas, as_user) -> None:
    page = as_user(quarter_data.leader).get("/ledelse/rapport/", {"kvartal": Q.code}).content.decode()
    # Every bar chart has its table beside it; the from→to grid has the matrix table right under it.
    assert page.count("<svg") == page.count("voice-chart-table") + page.count("voice-matrix-svg") >= 6
    assert "Kvartalsrapport 2. kvt. 2026" in page
    assert 'width="12,' not in page  # SVG numbers are not localised
    assert page.count('fill-opacity="') == 30  # insights' from→to grid: 6 from-levels × 5 to-levels


def test_the_report_pdf_renders_and_is_looked_at_as_png(quarter_data: Personas, as_user, tmp_path: Path) -> None:
    response = as_user(quarter_data.leader).get("/ledelse/rapport/pdf/", {"kvartal": Q.code})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="kvartalsrapport-2026-2.pdf"' in response["Content-Disposition"]
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_type="voice_report", object_id="2026-2",
                                     actor=quarter_data.leader, youth_id__isnull=True).exists()
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(response.content)
    out = ARTIFACTS / "screenshots" / "voice-report-pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(out)], check=True)  # noqa: S603, S607
    assert list(out.parent.glob("voice-report-pdf*.png"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,  # noqa: S603, S607
                          text=True).stdout
    assert "Det kan vi glæde os over" in text and "færre end 5" in text


@pytest.mark.parametrize("kvartal", ["", "nej", "2026-5"])
def test_a_bad_quarter_gives_the_last_complete_one(p: Personas, as_user, kvartal: str) -> None:
    response = as_user(p.leader).get("/ledelse/rapport/pdf/", {"kvartal": kvartal})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_the_report_has_a_constant_query_count(p: Personas, as_user, count_queries) -> None:
    client = as_user(p.leader)
    _ended(p, 1, CourseEndReason.JOB, start=datetime.date(2025, 2, 1), end=datetime.date(2026, 5, 2), tag="S")
    give(p.youth, comment="hej", on=datetime.date(2026, 5, 3))
    small = count_queries(lambda: client.get("/ledelse/rapport/", {"kvartal": Q.code}))
    _ended(p, 12, CourseEndReason.EDUCATION, start=datetime.date(2025, 2, 1), end=datetime.date(2026, 5, 2), tag="X")
    for i in range(20):
        give(p.youth, heard=1 + i % 5, comment="hej", on=datetime.date(2025, 1 + i % 12, 3))
    assert count_queries(lambda: client.get("/ledelse/rapport/", {"kvartal": Q.code})) == small


def test_the_report_sets_the_years_targets_against_the_actual_figures(quarter_data: Personas, as_user) -> None:
    from decimal import Decimal

    from ungeforlob.targets.models import Direction
    from ungeforlob.targets.services import target_create

    target_create(actor=quarter_data.leader, year=2026, measure="ended_in_education_or_job",
                  direction=Direction.AT_LEAST, value=Decimal("65"))
    response = as_user(quarter_data.leader).get("/ledelse/rapport/", {"kvartal": Q.code})
    (row,) = response.context["targets"]
    assert str(row["row"].actual) == "100 %"  # 8 of 8 ended courses in Q1–Q2 2026 ended in education or job
    assert row["row"].met is True
    page = response.content.decode()
    assert "Afsluttede forløb, der endte i uddannelse eller job" in page and "Målet er nået" in page
    assert 'stroke-dasharray="5 4"' in page  # the target drawn as a dashed line in its chart


def test_the_report_shows_the_chains_own_figures(p: Personas, as_user) -> None:
    page = as_user(p.leader).get("/ledelse/rapport/", {"kvartal": Q.code}).content.decode()
    assert "Kædens egne tal" in page and "Kontaktrytme" in page and "Bekymringer" in page
    assert "/ledelse/eksport/chain-kontakt.csv?fra=2025-3&amp;til=2026-2" in page  # the same table downloads


def test_young_people_who_moved_up_a_level_are_celebrated_as_a_count(p: Personas) -> None:
    from ungeforlob.insights.models import QuarterSnapshot

    youths = [make_youth(p.contact_person, first_name=f"L{i}", mobile=f"+45727070{i:02d}") for i in range(7)]
    for i, y in enumerate(youths):
        QuarterSnapshot.objects.create(municipality=p.municipality, youth=y, quarter=Q.start, course_state="aaben",
                                       sector="", previous_level="vejledningsparat",
                                       level="valgparat" if i < 6 else "vejledningsparat")
    ctx = report_context(municipality_id=p.municipality.pk, quarter=Q)
    celebrate = {c["text"]: str(c["figure"]) for c in ctx["celebrate"]}
    assert celebrate["unge rykkede et niveau op"] == "6"


def test_a_download_serves_the_kept_pdf_and_the_page_says_when_it_was_made(quarter_data: Personas, as_user) -> None:
    from ungeforlob.voice.models import ReportDocument
    from ungeforlob.voice.services import report_document_prepare

    document = report_document_prepare(municipality_id=quarter_data.municipality.pk, quarter=Q)
    ReportDocument.objects.filter(pk=document.pk).update(pdf=b"%PDF-1.7 the kept one")
    client = as_user(quarter_data.leader)
    response = client.get("/ledelse/rapport/pdf/", {"kvartal": Q.code})
    assert response.content == b"%PDF-1.7 the kept one"  # not rendered again
    page = client.get("/ledelse/rapport/", {"kvartal": Q.code}).content.decode()
    assert "PDF'en blev lavet" in page and "Lav PDF'en igen" in page


def test_making_the_pdf_again_replaces_the_kept_one(quarter_data: Personas, as_user) -> None:
    from ungeforlob.voice.models import ReportDocument
    from ungeforlob.voice.services import report_document_prepare

    document = report_document_prepare(municipality_id=quarter_data.municipality.pk, quarter=Q)
    ReportDocument.objects.filter(pk=document.pk).update(pdf=b"old")
    response = as_user(quarter_data.leader).post("/ledelse/rapport/pdf/lav-igen/", {"kvartal": Q.code})
    assert response.status_code == 302 and "kvartal=2026-2" in response["Location"]
    assert bytes(ReportDocument.objects.get(pk=document.pk).pdf).startswith(b"%PDF")
    assert ReportDocument.objects.count() == 1


def test_the_worker_prepares_the_last_complete_quarter_for_municipalities_with_a_leader(p: Personas) -> None:
    from ungeforlob.voice.models import ReportDocument
    from ungeforlob.voice.quarters import last_complete_quarter
    from ungeforlob.voice.tasks import reports_prepare

    made = reports_prepare()
    kept = set(ReportDocument.objects.values_list("municipality_id", "quarter_code"))
    assert (p.municipality.pk, last_complete_quarter().code) in kept
    assert made == len(kept) >= 1
    assert reports_prepare() == made and ReportDocument.objects.count() == made  # replaced, not added
