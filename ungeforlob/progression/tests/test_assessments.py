"""Team assessments: what is recorded, what is refused (in Danish), and corrections that never edit silently."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.core.forms import ALREADY_SUBMITTED
from ungeforlob.progression import services
from ungeforlob.progression.models import Assessment, AssessmentVersion, YouthPlacement
from ungeforlob.progression.tests.factories import assess, days_ago
from ungeforlob.testing import Personas


def _indicator(p: Personas, text_start: str):
    return services.indicator_set_current(municipality=p.municipality).indicators.get(text__startswith=text_start)


def test_it_records_a_team_assessment_with_overlap_indicators_participants_and_the_youths_placement(
    p: Personas,
) -> None:
    ind = _indicator(p, "kan nævne 1–3")
    assessment = services.assessment_create(
        actor=p.contact_person, youth=p.youth, assessed_on=days_ago(2), level="valgparat",
        overlap_level="uddannelsesparat", rationale="Har holdt fast i tømrer i seks uger.",
        observations={ind.pk: "Nævnte tømrer, murer og VVS"}, participant_ids=[p.contact_person.pk, p.colleague.pk],
        youth_took_part=True, other_participants="Mor", youth_placement_level="uddannelsesparat",
        youth_placement_words="Jeg er klar til at starte",
    )
    v = assessment.versions.get()
    assert (v.version, v.is_current, v.level, v.overlap_level) == (1, True, "valgparat", "uddannelsesparat")
    assert v.observations.get().evidence == "Nævnte tømrer, murer og VVS"
    assert set(v.participants.all()) == {p.contact_person, p.colleague}
    assert v.youth_took_part and v.other_participants == "Mor"
    placement = YouthPlacement.objects.get(youth=p.youth)
    assert (placement.level, placement.own_words, placement.assessment) == (
        "uddannelsesparat", "Jeg er klar til at starte", assessment)
    event = AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="assessment").get()
    assert event.youth_id == p.youth.pk and event.actor == p.contact_person


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"level": ""}, "level", "Vælg det niveau"),
        ({"assessed_on": "tomorrow"}, "assessed_on", "fremtiden"),
        ({"assessed_on": datetime.date(1990, 1, 1)}, "assessed_on", "før den unge blev født"),
        ({"overlap_level": "valgparat"}, "overlap_level", "samme niveau"),
        ({"rationale": "  "}, "rationale", "begrundelse"),
        ({"rationale": "x" * 4001}, "rationale", "4000"),
        ({"participant_ids": []}, "participants", "hvem der deltog"),
    ],
)
def test_it_refuses_bad_input_in_danish(p: Personas, change: dict, field: str, message: str) -> None:
    kwargs = {"actor": p.contact_person, "youth": p.youth, "assessed_on": days_ago(1), "level": "valgparat",
              "rationale": "Begrundelse", "participant_ids": [p.contact_person.pk]}
    kwargs.update(change)
    if kwargs["assessed_on"] == "tomorrow":  # resolved when the test runs, not when it is collected
        kwargs["assessed_on"] = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        services.assessment_create(**kwargs)
    assert message in " ".join(exc.value.message_dict[field])
    assert not Assessment.objects.exists()


def test_it_refuses_an_indicator_from_another_version(p: Personas) -> None:
    old = _indicator(p, "kan nævne 1–3")
    services.indicator_add(actor=p.administrator, municipality=p.municipality, level="valgparat", text="Ny")
    with pytest.raises(ValidationError) as exc:
        assess(p.youth, p.contact_person, level="valgparat", observations={old.pk: "Set"})
    assert "hører ikke til indikatorsættet" in exc.value.message_dict["observations"][0]
    assert not Assessment.objects.exists()


def test_it_refuses_an_indicator_without_evidence(p: Personas) -> None:
    ind = _indicator(p, "kan nævne 1–3")
    with pytest.raises(ValidationError) as exc:
        assess(p.youth, p.contact_person, level="valgparat", observations={ind.pk: " "})
    assert exc.value.message_dict[f"evidence_{ind.pk}"] == ["Skriv kort, hvad I har set, der viser det."]


def test_it_refuses_participants_outside_the_circle(p: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        services.assessment_create(actor=p.contact_person, youth=p.youth, assessed_on=days_ago(1), level="valgparat",
                                   rationale="x", participant_ids=[p.outsider.pk])
    assert "kæde" in exc.value.message_dict["participants"][0]


def test_a_double_submission_makes_one_assessment(p: Personas) -> None:
    key = uuid.uuid4()
    kwargs = {"actor": p.contact_person, "youth": p.youth, "assessed_on": days_ago(1), "level": "valgparat",
              "rationale": "x", "participant_ids": [p.contact_person.pk], "submission_key": key}
    first = services.assessment_create(**kwargs)
    second = services.assessment_create(**kwargs)
    assert first.pk == second.pk
    assert Assessment.objects.count() == 1


def test_who_may_assess_the_contact_person_and_editing_roles_but_not_a_teacher_or_outsider(p: Personas) -> None:
    assess(p.youth, p.colleague, level="kontaktparat")  # job consultant: an editing role
    teacher = p.reader  # a teacher in the circle: reads, does not assess
    for actor in (teacher, p.outsider, p.leader, p.stranger, None):
        with pytest.raises(PermissionDenied):
            assess(p.youth, actor, level="kontaktparat") if actor else services.assessment_create(
                actor=None, youth=p.youth, assessed_on=days_ago(1), level="valgparat", rationale="x")
    assert Assessment.objects.count() == 1


def test_a_correction_is_a_new_version_with_who_and_why_and_the_old_one_stays(p: Personas) -> None:
    ind = _indicator(p, "kan nævne 1–3")
    assessment = assess(p.youth, p.contact_person, level="valgparat", on=days_ago(10),
                        observations={ind.pk: "Nævnte tømrer"})
    version = services.assessment_correct(
        actor=p.colleague, assessment=assessment, reason="Niveauet var sat for højt", assessed_on=days_ago(10),
        level="vejledningsparat", rationale="Ved nærmere eftersyn.", participant_ids=[p.colleague.pk],
        observations={ind.pk: "Nævnte kun tømrer"}, based_on_version=1,
    )
    versions = list(assessment.versions.order_by("version"))
    assert [(v.version, v.is_current, v.level) for v in versions] == [
        (1, False, "valgparat"), (2, True, "vejledningsparat")]
    assert version.correction_reason == "Niveauet var sat for højt"
    assert version.created_by == p.colleague
    assert versions[0].observations.get().evidence == "Nævnte tømrer"  # untouched
    assert version.indicator_set_id == versions[0].indicator_set_id
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE, object_type="assessment").get()
    assert event.purpose == "Niveauet var sat for højt" and event.actor == p.colleague


def test_a_correction_needs_a_reason_and_the_latest_version(p: Personas) -> None:
    assessment = assess(p.youth, p.contact_person, level="valgparat")
    kwargs = {"actor": p.contact_person, "assessment": assessment, "assessed_on": days_ago(0), "level": "valgparat",
              "rationale": "x", "participant_ids": [p.contact_person.pk]}
    with pytest.raises(ValidationError) as exc:
        services.assessment_correct(reason=" ", **kwargs)
    assert "Skriv hvorfor" in exc.value.message_dict["reason"][0]
    services.assessment_correct(reason="Første rettelse", based_on_version=1, **kwargs)
    with pytest.raises(ValidationError) as exc:
        services.assessment_correct(reason="Samtidig rettelse", based_on_version=1, **kwargs)
    assert "rettet af en anden" in exc.value.message_dict["reason"][0]
    assert AssessmentVersion.objects.filter(assessment=assessment).count() == 2


def test_the_youth_can_record_their_own_placement_and_it_is_audited_as_the_youth(p: Personas) -> None:
    placement = services.youth_placement_record(youth=p.youth, level="valgparat", own_words="Jeg vil være frisør",
                                                by_youth=True)
    assert placement.by_youth and placement.recorded_by is None
    event = AuditEvent.objects.filter(object_type="youthplacement").get()
    assert event.actor is None and event.actor_youth_id == p.youth.pk


def test_a_placement_is_refused_a_future_date_and_no_level(p: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        services.youth_placement_record(youth=p.youth, level="", placed_on=days_ago(-3), by_youth=True)
    assert set(exc.value.message_dict) == {"level", "placed_on"}


# --- the pages ----------------------------------------------------------------------------------------


def test_the_contact_person_records_an_assessment_in_the_form(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    page = client.get(f"/unge/{p.youth.pk}/progression/ny/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "reagerer på henvendelser via telefon eller andre medier" in body
    assert "Fra kilden" in body and "Forslag" in body
    form = page.context["form"]
    ind = _indicator(p, "kan nævne 1–3")
    data = {
        "assessed_on": days_ago(1).isoformat(), "level": "valgparat", "overlap_level": "vejledningsparat",
        "participants": [str(p.contact_person.pk)], "rationale": "Holder fast i valget.",
        f"ind_{ind.pk}": "on", f"evidence_{ind.pk}": "Nævnte tre fag", "youth_placement_level": "uddannelsesparat",
        "youth_placement_words": "Jeg er klar", "submission": form["submission"].value(),
        "indicator_set_version": "1",
    }
    response = client.post(f"/unge/{p.youth.pk}/progression/ny/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    again = client.post(f"/unge/{p.youth.pk}/progression/ny/", data)  # the double click
    assert again.status_code == 200 and str(ALREADY_SUBMITTED) in again.content.decode()
    assert Assessment.objects.count() == 1
    v = AssessmentVersion.objects.get()
    assert v.observations.get().evidence == "Nævnte tre fag"
    assert YouthPlacement.objects.get().level == "uddannelsesparat"


def test_the_form_shows_danish_errors_and_saves_nothing(p: Personas, as_user) -> None:
    response = as_user(p.contact_person).post(f"/unge/{p.youth.pk}/progression/ny/", {
        "assessed_on": "2999-01-01", "level": "", "rationale": "",
        "indicator_set_version": "1",
    })
    assert response.status_code == 200
    body = response.content.decode()
    assert "Datoen kan ikke ligge i fremtiden." in body
    assert "Der er fejl i formularen" in body
    assert not Assessment.objects.exists()


def test_the_form_notices_that_the_indicators_changed_while_writing(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    client.get(f"/unge/{p.youth.pk}/progression/ny/")
    services.indicator_add(actor=p.administrator, municipality=p.municipality, level="valgparat", text="Ny")
    response = client.post(f"/unge/{p.youth.pk}/progression/ny/", {
        "assessed_on": days_ago(1).isoformat(), "level": "valgparat", "rationale": "x",
        "participants": [str(p.contact_person.pk)],
        "indicator_set_version": "1",
    })
    assert response.status_code == 200
    assert "indikatorer er blevet ændret" in response.content.decode()
    assert not Assessment.objects.exists()


def test_a_correction_in_the_pages_keeps_the_history_visible(p: Personas, as_user) -> None:
    assessment = assess(p.youth, p.contact_person, level="valgparat", on=days_ago(5))
    client = as_user(p.colleague)
    page = client.get(f"/unge/{p.youth.pk}/progression/vurderinger/{assessment.pk}/ret/")
    assert page.status_code == 200
    assert page.context["form"]["level"].value() == "valgparat"
    response = client.post(f"/unge/{p.youth.pk}/progression/vurderinger/{assessment.pk}/ret/", {
        "reason": "Forkert dato", "based_on_version": "1", "assessed_on": days_ago(6).isoformat(),
        "level": "valgparat", "rationale": "Teamet er enige.", "participants": [str(p.colleague.pk)],
    })
    assert response.status_code == 302
    detail = client.get(f"/unge/{p.youth.pk}/progression/vurderinger/{assessment.pk}/").content.decode()
    assert "Version 2" in detail and "Version 1" in detail
    assert "Forkert dato" in detail and "erstattet" in detail


def test_another_youths_assessment_is_not_found_through_this_youth(p: Personas, as_user) -> None:
    other = assess(p.other_youth, p.other_youth.memberships.get().professional, level="valgparat")
    client = as_user(p.contact_person)
    assert client.get(f"/unge/{p.youth.pk}/progression/vurderinger/{other.pk}/").status_code == 404
    assert client.get(f"/unge/{p.youth.pk}/progression/vurderinger/{other.pk}/ret/").status_code == 404


def test_a_reader_in_the_circle_sees_but_cannot_assess(p: Personas, as_user) -> None:
    client = as_user(p.reader)  # a teacher in the circle
    page = client.get(f"/unge/{p.youth.pk}/progression/")
    assert page.status_code == 200
    assert "Ny teamvurdering" not in page.content.decode()
    assert client.get(f"/unge/{p.youth.pk}/progression/ny/").status_code == 404


def test_the_placement_page_records_the_youths_own_words(p: Personas, as_user) -> None:
    response = as_user(p.contact_person).post(f"/unge/{p.youth.pk}/progression/egen-placering/", {
        "placed_on": days_ago(0).isoformat(), "level": "erhvervsparat", "own_words": "Jeg kan godt"})
    assert response.status_code == 302
    placement = YouthPlacement.objects.get()
    assert (placement.level, placement.own_words, placement.recorded_by) == ("erhvervsparat", "Jeg kan godt",
                                                                              p.contact_person)
