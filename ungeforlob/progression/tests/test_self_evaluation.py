"""The work-readiness self-evaluation: six dimensions, 1–5 or "ved ikke", a radar with earlier rounds, the
youth decides whether a round is kept, a printable PDF, a follow-up note and a professional's reading."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.progression import selectors, services
from ungeforlob.progression.models import RoundStatus, SelfEvaluationAnswer, SelfEvaluationRound
from ungeforlob.progression.questionnaire import DIMENSION_ORDER, STATEMENTS, Dimension, statements_for
from ungeforlob.progression.tests.factories import answered_round
from ungeforlob.testing import Personas

ARTIFACTS = Path(__file__).resolve().parents[3] / "artifacts" / "pdf"


def test_the_questionnaire_has_six_dimensions_with_several_statements_each() -> None:
    assert [d.label for d in Dimension] == ["Motivation", "Mål", "Fleksibilitet", "Robusthed", "Sociale normer",
                                            "Faglighed"]
    for d in DIMENSION_ORDER:
        assert len(statements_for(d)) >= 3
    assert len({s.key for s in STATEMENTS}) == len(STATEMENTS)


def test_the_youth_can_do_a_round_alone_and_it_is_audited_as_the_youth(p: Personas) -> None:
    round = services.self_evaluation_start(youth=p.youth, by_youth=True)
    assert round.by_youth and round.started_by is None
    services.self_evaluation_answer(round=round, answers={"mot1": 4, "mot2": None}, goals={"motivation": "Stå op"},
                                    by_youth=True)
    services.self_evaluation_finish(round=round, keep=True, by_youth=True)
    round.refresh_from_db()
    assert round.status == RoundStatus.KEPT
    events = AuditEvent.objects.filter(object_type="selfevaluationround")
    assert events.count() == 3
    assert all(e.actor is None and e.actor_youth_id == p.youth.pk for e in events)


def test_answers_are_1_to_5_or_ved_ikke_and_can_be_changed_while_in_progress(p: Personas) -> None:
    round = services.self_evaluation_start(youth=p.youth, actor=p.contact_person)
    services.self_evaluation_answer(round=round, answers={"mot1": 2}, actor=p.contact_person)
    services.self_evaluation_answer(round=round, answers={"mot1": None, "mot2": 5}, actor=p.contact_person)
    assert dict(round.answers.values_list("statement", "value")) == {"mot1": None, "mot2": 5}
    for bad in ({"mot1": 6}, {"mot1": 0}, {"nope": 3}, {"mot1": "3"}):
        with pytest.raises(ValidationError):
            services.self_evaluation_answer(round=round, answers=bad, actor=p.contact_person)
    assert round.answers.count() == 2


def test_scores_are_means_that_ignore_ved_ikke() -> None:
    answers = [SelfEvaluationAnswer(statement="mot1", value=2), SelfEvaluationAnswer(statement="mot2", value=5),
               SelfEvaluationAnswer(statement="mot3", value=None), SelfEvaluationAnswer(statement="maal1", value=None)]
    scores = selectors.dimension_scores(answers)
    assert scores["motivation"] == 3.5
    assert scores["maal"] is None
    assert scores["faglighed"] is None


def test_a_started_round_is_resumed_not_duplicated(p: Personas) -> None:
    first = services.self_evaluation_start(youth=p.youth, actor=p.contact_person)
    assert services.self_evaluation_start(youth=p.youth, actor=p.colleague).pk == first.pk
    assert SelfEvaluationRound.objects.count() == 1


def test_a_round_cannot_finish_empty_or_twice_and_takes_no_answers_after(p: Personas) -> None:
    round = services.self_evaluation_start(youth=p.youth, actor=p.contact_person)
    with pytest.raises(ValidationError):
        services.self_evaluation_finish(round=round, keep=True, actor=p.contact_person)
    services.self_evaluation_answer(round=round, answers={"mot1": 3}, actor=p.contact_person)
    services.self_evaluation_finish(round=round, keep=True, actor=p.contact_person)
    with pytest.raises(ValidationError):
        services.self_evaluation_finish(round=round, keep=False, actor=p.contact_person)
    with pytest.raises(ValidationError):
        services.self_evaluation_answer(round=round, answers={"mot1": 1}, actor=p.contact_person)


def test_a_round_not_kept_is_deleted_when_printed_or_when_the_next_round_starts(p: Personas) -> None:
    round = answered_round(p.youth, p.contact_person, keep=False)
    assert services.self_evaluation_printed(round=round, actor=p.contact_person) is True
    assert not SelfEvaluationRound.objects.filter(pk=round.pk).exists()
    assert not SelfEvaluationAnswer.objects.exists()
    second = answered_round(p.youth, p.contact_person, keep=False)
    services.self_evaluation_start(youth=p.youth, actor=p.contact_person)
    assert not SelfEvaluationRound.objects.filter(pk=second.pk).exists()
    deleted = AuditEvent.objects.filter(action=AuditAction.DELETE, object_type="selfevaluationround")
    assert deleted.count() == 2
    assert all("mot1" not in str(e.detail) for e in deleted)  # the log keeps that, not what


def test_unkept_rounds_left_behind_are_purged(p: Personas) -> None:
    kept = answered_round(p.youth, p.contact_person, keep=True)
    round = answered_round(p.youth, p.contact_person, keep=False)
    assert services.self_evaluation_purge_unkept(older_than=datetime.timedelta(hours=1)) == 0
    SelfEvaluationRound.objects.filter(pk=round.pk).update(finished_at=timezone.now() - datetime.timedelta(hours=2))
    assert services.self_evaluation_purge_unkept(older_than=datetime.timedelta(hours=1)) == 1
    assert list(SelfEvaluationRound.objects.values_list("pk", flat=True)) == [kept.pk]


def test_a_professional_outside_the_circle_or_a_reader_cannot_run_a_round(p: Personas) -> None:
    with pytest.raises(PermissionDenied):
        services.self_evaluation_start(youth=p.youth, actor=p.outsider)
    with pytest.raises(PermissionDenied):
        services.self_evaluation_start(youth=p.youth)  # neither staff nor the youth


def test_follow_up_and_reading_are_kept_beside_the_youths_answers(p: Personas) -> None:
    round = answered_round(p.youth, p.contact_person, value=2)
    services.self_evaluation_follow_up(round=round, note="Vi aftalte en praktikdag.", actor=p.contact_person)
    reading = services.professional_reading_add(round=round, actor=p.colleague, text="Jeg ser mere robusthed.",
                                                scores={"robusthed": 4, "maal": None})
    assert reading.scores == {"robusthed": 4}
    assert set(round.answers.values_list("value", flat=True)) == {2}  # the youth's answers are untouched
    with pytest.raises(ValidationError):
        services.professional_reading_add(round=round, actor=p.colleague, text="x", scores={"robusthed": 9})
    unkept = answered_round(p.youth, p.contact_person, keep=False)
    with pytest.raises(ValidationError):
        services.self_evaluation_follow_up(round=unkept, note="x", actor=p.contact_person)


def test_the_radar_overlays_up_to_three_earlier_rounds_and_the_reading(p: Personas) -> None:
    rounds = [answered_round(p.youth, p.contact_person, value=v) for v in (1, 2, 3, 4, 5)]
    for i, r in enumerate(rounds):
        SelfEvaluationRound.objects.filter(pk=r.pk).update(started_at=timezone.now() - datetime.timedelta(days=100 - i))
    services.professional_reading_add(round=rounds[-1], actor=p.contact_person, text="x", scores={"maal": 3})
    overview = selectors.self_evaluation_overview(p.youth)
    kinds = [s.kind for s in overview["series"]]
    assert kinds == ["earlier", "earlier", "earlier", "reading", "current"]
    assert overview["series"][-1].scores["motivation"] == 5
    assert overview["radar"]["desc"].startswith("Den unges svar fra 1 til 5: Motivation 5,0")
    assert len(overview["radar"]["axes"]) == 6


def test_the_whole_round_in_the_pages(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    base = f"/unge/{p.youth.pk}/selvevaluering"
    assert "Der er ingen gemte runder" in client.get(f"{base}/").content.decode()
    response = client.post(f"{base}/start/")
    round = SelfEvaluationRound.objects.get()
    assert response["Location"] == f"{base}/{round.pk}/svar/motivation/"
    for i, dimension in enumerate(DIMENSION_ORDER):
        page = client.get(f"{base}/{round.pk}/svar/{dimension}/")
        assert page.status_code == 200
        data = {f"s_{s.key}": ("ved_ikke" if j == 0 else str((i + j) % 5 + 1))
                for j, s in enumerate(statements_for(dimension))}
        data["goal"] = "Blive bedre til at møde til tiden" if dimension == "sociale_normer" else ""
        response = client.post(f"{base}/{round.pk}/svar/{dimension}/", data)
        assert response.status_code == 302
    assert response["Location"] == f"{base}/{round.pk}/afslut/"
    finish = client.get(f"{base}/{round.pk}/afslut/").content.decode()
    assert 'class="prog-radar"' in finish and "Vil du gemme din profil?" in finish
    assert client.post(f"{base}/{round.pk}/afslut/", {}).status_code == 200  # the decision is required
    response = client.post(f"{base}/{round.pk}/afslut/", {"keep": "ja"})
    assert response["Location"] == f"{base}/{round.pk}/"
    page = client.get(f"{base}/{round.pk}/").content.decode()
    assert "Blive bedre til at møde til tiden" in page and "ved ikke" in page
    client.post(f"{base}/{round.pk}/opfoelgning/", {"note": "Vi aftalte et besøg på FGU."})
    client.post(f"{base}/{round.pk}/laesning/", {"text": "Stærk på motivation.", "score_motivation": "4"})
    page = client.get(f"{base}/{round.pk}/").content.decode()
    assert "Vi aftalte et besøg på FGU." in page and "Stærk på motivation." in page and "Motivation: 4" in page
    assert SelfEvaluationAnswer.objects.filter(round=round).count() == len(STATEMENTS)


def test_a_bad_dimension_or_round_is_not_found(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    round = services.self_evaluation_start(youth=p.youth, actor=p.contact_person)
    base = f"/unge/{p.youth.pk}/selvevaluering"
    assert client.get(f"{base}/{round.pk}/svar/nope/").status_code == 404
    assert client.get(f"{base}/999999/").status_code == 404
    other = services.self_evaluation_start(youth=p.other_youth, by_youth=True)
    assert client.get(f"{base}/{other.pk}/").status_code == 404


def test_the_pdf_of_a_round_not_kept_is_printed_once_and_the_round_is_gone(p: Personas, as_user) -> None:
    answered_round(p.youth, p.contact_person, value=4, keep=True)
    round = answered_round(p.youth, p.contact_person, value=2, keep=False, goal="Finde en praktikplads")
    client = as_user(p.contact_person)
    base = f"/unge/{p.youth.pk}/selvevaluering/{round.pk}"
    page = client.get(f"{base}/").content.decode()
    assert "Den unge har valgt ikke at gemme denne runde" in page
    assert client.get(f"{base}/pdf/").status_code == 302  # not by GET: printing deletes it
    assert SelfEvaluationRound.objects.filter(pk=round.pk).exists()
    response = client.post(f"{base}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert not SelfEvaluationRound.objects.filter(pk=round.pk).exists()
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_type="selfevaluationround").count() == 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / "selvevaluering.pdf"
    pdf.write_bytes(response.content)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(ARTIFACTS / "selvevaluering")], check=True)
    assert list(ARTIFACTS.glob("selvevaluering-*.png"))
    assert client.post(f"{base}/pdf/").status_code == 404  # gone


def test_a_kept_round_prints_by_get_and_stays(p: Personas, as_user) -> None:
    round = answered_round(p.youth, p.contact_person, value=3, keep=True)
    response = as_user(p.colleague).get(f"/unge/{p.youth.pk}/selvevaluering/{round.pk}/pdf/")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert SelfEvaluationRound.objects.filter(pk=round.pk).exists()


def test_discarding_a_kept_round_asks_first(p: Personas, as_user) -> None:
    round = answered_round(p.youth, p.contact_person, keep=True)
    client = as_user(p.contact_person)
    url = f"/unge/{p.youth.pk}/selvevaluering/{round.pk}/slet/"
    assert "Slet runden fra" in client.get(url).content.decode()
    assert SelfEvaluationRound.objects.filter(pk=round.pk).exists()
    assert client.post(url).status_code == 302
    assert not SelfEvaluationRound.objects.filter(pk=round.pk).exists()


def test_a_dimension_without_a_number_breaks_the_outline_instead_of_drawing_a_zero() -> None:
    from ungeforlob.progression import charts

    dims = [(d.value, str(d.label)) for d in Dimension]
    full = charts.RadarSeries("a", "current", {d: 3.0 for d in DIMENSION_ORDER})
    gap = charts.RadarSeries("b", "current", {**{d: 3.0 for d in DIMENSION_ORDER}, "maal": None})
    charts.radar(dims, [full, gap])
    assert full.complete and full.points.count(",") == 6 and full.segments == []
    assert not gap.complete and gap.points == ""
    assert len(gap.segments) == 4 and len(gap.markers) == 5
