"""De unges stemme: aggregates per quarter, comments without identities, the leader's review."""

from __future__ import annotations

import datetime

import pytest

from ungeforlob.accounts.models import Role
from ungeforlob.testing import Personas, make_user
from ungeforlob.voice import selectors
from ungeforlob.voice.models import FeedbackReview
from ungeforlob.voice.quarters import Quarter, last_quarters
from ungeforlob.voice.scrub import scrub
from ungeforlob.voice.tests.helpers import a_reviewable_comment, give

Q = Quarter(2025, 2)
IN_Q = datetime.date(2025, 5, 14)


def _row(p: Personas, q: Quarter = Q) -> dict:
    return selectors.feedback_by_quarter(municipality_id=p.municipality.pk, quarters=[q])[0]


def test_a_quarter_counts_its_answers_with_average_and_distribution(p: Personas) -> None:
    for heard in (5, 5, 5, 5, 5, 3, 3, 3, 3, 3):
        give(p.youth, heard=heard, useful=2, on=IN_Q)
    give(p.youth, heard=1, useful=1, on=datetime.date(2025, 7, 1))  # the next quarter
    row = _row(p)
    heard, useful = row["questions"]
    assert row["n"] == 10 and str(row["answers"]) == "10"
    assert heard["mean"].value == pytest.approx(4.0) and str(heard["mean"]) == "4"
    assert [str(c) for c in heard["distribution"]] == ["færre end 5", "færre end 5", "5", "færre end 5", "5"]
    assert [c.value for c in useful["distribution"]] == [None, 10, None, None, None]


def test_a_quarter_with_fewer_than_five_answers_shows_neither_figures_nor_comments(p: Personas) -> None:
    for _i in range(4):
        give(p.youth, heard=5, comment="Godt", on=IN_Q)
    row = _row(p)
    assert str(row["answers"]) == "færre end 5"
    assert str(row["questions"][0]["mean"]) == "færre end 5"
    assert not row["comments_shown"]
    assert selectors.comments_in(municipality_id=p.municipality.pk, quarter=Q)["comments"] == []


def test_a_lone_small_cell_takes_a_second_cell_with_it(p: Personas) -> None:
    """With the total shown, one hidden cell could be recovered from the others: a second one is hidden too."""
    for heard in (1,) * 5 + (2,) * 5 + (3,) * 5 + (4,) * 6 + (5,):
        give(p.youth, heard=heard, on=IN_Q)
    cells = _row(p)["questions"][0]["distribution"]
    # The single 5 is hidden, and so is the smallest other cell (the five 1s): else 22 minus the rest gives it.
    assert [c.reason for c in cells] == ["secondary", "", "", "", "primary"]
    assert str(cells[0]) == "færre end 5" and str(cells[1]) == "5"


def test_comments_carry_the_month_only_and_no_cpr_or_phone_number(p: Personas, as_user) -> None:
    for _i in range(4):
        give(p.youth, on=IN_Q)
    give(p.youth, on=IN_Q, comment="Ring til mig på 20 12 34 56 eller +4520123456, mit cpr er 010203-1234")
    page = as_user(p.leader).get("/ledelse/stemme/?kvartal=2025-2").content.decode()
    assert "maj 2025" in page
    assert "14. maj" not in page and "14.05" not in page
    assert "20 12 34 56" not in page and "20123456" not in page and "010203" not in page
    assert "[telefonnummer fjernet]" in page and "[cpr-nummer fjernet]" in page


@pytest.mark.parametrize("text", ["0102031234", "010203 1234", "tlf 12345678", "0045 12 34 56 78", "a@b.dk"])
def test_scrub_removes_what_identifies(text: str) -> None:
    assert not any(ch.isdigit() for ch in scrub(text)) and "@" not in scrub(text)


def test_the_leader_marks_a_comment_as_read(p: Personas, as_user) -> None:
    fb = a_reviewable_comment(p.youth)
    response = as_user(p.leader).post(f"/ledelse/stemme/kommentar/{fb.pk}/", {"action": "read", "version": 0})
    assert response.status_code == 302
    review = FeedbackReview.objects.get(feedback=fb)
    assert review.read_by == p.leader and review.answer == "" and review.answered_at is None


def test_the_leader_writes_what_was_done_kept_apart_from_the_comment(p: Personas, as_user) -> None:
    fb = a_reviewable_comment(p.youth, text="Ventetiden er for lang.")
    client = as_user(p.leader)
    client.post(f"/ledelse/stemme/kommentar/{fb.pk}/",
                {"action": "answer", "version": 0, "answer": "Vi har ansat en ekstra vejleder."})
    review = FeedbackReview.objects.get(feedback=fb)
    fb.refresh_from_db()
    assert review.answer == "Vi har ansat en ekstra vejleder." and review.answered_by == p.leader
    assert fb.comment == "Ventetiden er for lang."
    assert "Vi har ansat en ekstra vejleder." in client.get("/ledelse/stemme/").content.decode()


def test_a_stale_answer_is_refused_and_the_first_one_kept(p: Personas, as_user) -> None:
    fb = a_reviewable_comment(p.youth)
    other = make_user("leder2", p.municipality, p.organisation, role=Role.LEADER)
    as_user(p.leader).post(f"/ledelse/stemme/kommentar/{fb.pk}/", {"action": "answer", "version": 0, "answer": "A"})
    response = as_user(other).post(f"/ledelse/stemme/kommentar/{fb.pk}/",
                                   {"action": "answer", "version": 0, "answer": "B"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "En anden leder har gemt" in page and "B</textarea>" in page  # what they wrote is kept
    assert "<strong>Hvad blev der gjort:</strong> A" in page  # and the colleague's answer is shown
    assert FeedbackReview.objects.get(feedback=fb).answer == "A"
    again = response.context["form"].data  # the form moved to the current version: saving again is deliberate
    as_user(other).post(f"/ledelse/stemme/kommentar/{fb.pk}/", {**again.dict(), "action": "answer"})
    assert FeedbackReview.objects.get(feedback=fb).answer == "B"


def test_a_double_submitted_read_mark_is_saved_once_without_an_error(p: Personas, as_user) -> None:
    fb = a_reviewable_comment(p.youth)
    client = as_user(p.leader)
    responses = [client.post(f"/ledelse/stemme/kommentar/{fb.pk}/", {"action": "read", "version": 0})
                 for _i in range(2)]
    assert [r.status_code for r in responses] == [302, 302]
    assert FeedbackReview.objects.get(feedback=fb).version == 1


def test_an_overlong_answer_is_refused_with_nothing_saved(p: Personas, as_user) -> None:
    fb = a_reviewable_comment(p.youth)
    response = as_user(p.leader).post(f"/ledelse/stemme/kommentar/{fb.pk}/",
                                      {"action": "answer", "version": 0, "answer": "x" * 2001})
    assert response.status_code == 200 and "højst" in response.content.decode()
    assert not FeedbackReview.objects.filter(feedback=fb).exists()


@pytest.mark.parametrize("version", ["", "abc", "-1", "99999999999999999999"])
def test_a_bad_version_is_a_form_error_not_a_crash(p: Personas, as_user, version: str) -> None:
    fb = a_reviewable_comment(p.youth)
    response = as_user(p.leader).post(f"/ledelse/stemme/kommentar/{fb.pk}/", {"action": "read", "version": version})
    assert response.status_code == 200
    assert not FeedbackReview.objects.filter(feedback=fb).exists()


def test_a_comment_of_another_municipality_is_not_found(p: Personas, as_user) -> None:
    fb = a_reviewable_comment(p.youth)
    their_leader = make_user("nabo-leder", p.stranger.municipality, p.other_organisation, role=Role.LEADER)
    client = as_user(their_leader)
    assert client.get(f"/ledelse/stemme/kommentar/{fb.pk}/").status_code == 404
    assert client.post(f"/ledelse/stemme/kommentar/{fb.pk}/", {"action": "read", "version": 0}).status_code == 404
    assert not FeedbackReview.objects.exists()


def test_a_comment_from_a_quarter_of_few_answers_cannot_be_opened(p: Personas, as_user) -> None:
    fb = give(p.youth, comment="Kun mig", on=IN_Q)
    assert as_user(p.leader).get(f"/ledelse/stemme/kommentar/{fb.pk}/").status_code == 404


@pytest.mark.parametrize("pk", ["0", "99999999999999999999999"])
def test_a_bad_comment_id_is_not_found(p: Personas, as_user, pk: str) -> None:
    assert as_user(p.leader).get(f"/ledelse/stemme/kommentar/{pk}/").status_code == 404


@pytest.mark.parametrize("kvartal", ["x", "2025-9", "1999-1", "2025-1-1", "9" * 50])
def test_a_bad_quarter_shows_the_latest_with_a_message(p: Personas, as_user, kvartal: str) -> None:
    response = as_user(p.leader).get("/ledelse/stemme/", {"kvartal": kvartal})
    assert response.status_code == 200
    assert "Vælg et af de viste kvartaler." in response.content.decode()


def test_unread_only_leaves_out_the_read_comments(p: Personas, as_user) -> None:
    read = a_reviewable_comment(p.youth, text="Allerede læst")
    give(p.youth, comment="Ikke læst endnu")
    client = as_user(p.leader)
    client.post(f"/ledelse/stemme/kommentar/{read.pk}/", {"action": "read", "version": 0})
    page = client.get("/ledelse/stemme/", {"vis": "ulaeste"}).content.decode()
    assert "Ikke læst endnu" in page and "Allerede læst" not in page


def test_the_voice_page_has_a_constant_query_count(p: Personas, as_user, count_queries) -> None:
    client = as_user(p.leader)
    a_reviewable_comment(p.youth)
    small = count_queries(lambda: client.get("/ledelse/stemme/"))
    for q in last_quarters(8):
        for i in range(12):
            give(p.youth, heard=1 + i % 5, comment=f"Kommentar {i}", on=q.start + datetime.timedelta(days=i))
    for fb in selectors.comments_in(municipality_id=p.municipality.pk, quarter=last_quarters(1)[0])["comments"][:3]:
        client.post(f"/ledelse/stemme/kommentar/{fb['pk']}/", {"action": "answer", "version": 0, "answer": "Ja"})
    assert count_queries(lambda: client.get("/ledelse/stemme/")) == small


def test_professionals_are_refused_the_voice_pages(p: Personas, as_user) -> None:
    fb = a_reviewable_comment(p.youth)
    client = as_user(p.contact_person)
    assert client.get("/ledelse/stemme/").status_code == 403
    assert client.post(f"/ledelse/stemme/kommentar/{fb.pk}/", {"action": "read", "version": 0}).status_code == 403
    assert not FeedbackReview.objects.exists()


@pytest.mark.parametrize(("side", "expected"), [("1", 20), ("2", 5), ("abc", 20), ("999", 5)])
def test_the_comments_come_twenty_to_a_page(p: Personas, as_user, side: str, expected: int) -> None:
    for i in range(25):
        give(p.youth, comment=f"Kommentar nummer {i}", on=IN_Q)
    response = as_user(p.leader).get("/ledelse/stemme/", {"kvartal": Q.code, "side": side})
    assert response.status_code == 200
    assert len(response.context["comments"]["comments"]) == expected


def test_the_leaders_home_has_a_voice_section_with_the_quarters(p: Personas, as_user) -> None:
    a_reviewable_comment(p.youth)
    response = as_user(p.leader).get("/ledelse/")
    page = response.content.decode()
    assert 'id="stemme"' in page and "Svar fra de unge pr. kvartal" in page
    assert "1 kommentar venter på at blive læst." in page


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_voice_tables_download_with_small_numbers_hidden(p: Personas, as_user, fmt: str) -> None:
    from ungeforlob.audit.models import AuditAction, AuditEvent

    for heard in (5, 5, 5, 5, 5, 1):
        give(p.youth, heard=heard)
    q = last_quarters(1)[0]
    response = as_user(p.leader).get(f"/ledelse/eksport/voice-distribution-{q.code}.{fmt}",
                                     {"fra": last_quarters(8)[0].code, "til": q.code})
    assert response.status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_id=f"voice-distribution-{q.code}").exists()
    if fmt == "csv":
        text = response.content.decode("utf-8-sig")
        assert "Blev du hørt?;færre end 5;færre end 5;færre end 5;færre end 5;5;6" in text


@pytest.mark.parametrize("url", ["/ledelse/stemme/", "/ledelse/sammenligning/", "/ledelse/rapport/",
                                 "/ledelse/rapport/pdf/"])
def test_an_administrator_without_a_municipality_is_refused_not_crashed(p: Personas, as_user, url: str) -> None:
    p.administrator.municipality = None
    p.administrator.save()
    assert as_user(p.administrator).get(url).status_code == 403
