"""The model's own words (issue 20 point 5): the level texts follow the taxonomy as written.

*Erhvervsparat* most often follows or supplements *uddannelsesparat* — beside it or after it, never a fixed
achievement above it — and movement both ways is normal. The young person reads the level texts on Min side
(Hvor er jeg), so each must be easy to read: LIX ≤ 35, the project's threshold for youth-facing text.
"""

from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string

from ungeforlob.progression import selectors
from ungeforlob.progression.levels import (
    LEVEL_MEANING,
    LEVEL_PLAIN_TEXT,
    LEVEL_PLAIN_TITLE,
    LEVEL_SELF_PLACEMENT,
    Level,
)
from ungeforlob.progression.tests.factories import assess, days_ago
from ungeforlob.testing import Personas, youth_session_client


def _lix(text: str) -> float:
    words = re.findall(r"[A-Za-zÆØÅæøå]+", text)
    sentences = max(1, len(re.findall(r"[.!?:]+(\s|$)", text)))
    long_words = [w for w in words if len(w) > 6]
    return len(words) / sentences + 100 * len(long_words) / max(1, len(words))


def _shown(text: str) -> str:
    return text if text.rstrip().endswith((".", "!", "?")) else f"{text}."


@pytest.mark.parametrize("level", list(Level))
def test_each_level_text_on_min_side_is_easy_to_read(level: Level) -> None:
    """As shown to the young person: the step's title and text, and the words she may place herself with."""
    for text in (f"{_shown(str(LEVEL_PLAIN_TITLE[level]))} {LEVEL_PLAIN_TEXT[level]}", str(LEVEL_SELF_PLACEMENT[level])):
        assert _lix(_shown(text)) <= 35, f"{level}: LIX {_lix(_shown(text)):.1f} for {text!r}"


def test_work_readiness_is_beside_or_after_education_readiness_not_a_fixed_step_above_it() -> None:
    plain = str(LEVEL_PLAIN_TEXT[Level.WORK_READY])
    assert "ved siden af" in plain and "ikke fast" in plain
    assert "flere måneder" not in plain  # the old text made it the durable achievement above education
    assert "ved siden af uddannelsesparat" in str(LEVEL_MEANING[Level.WORK_READY])
    assert "skrøbeligt" in str(LEVEL_MEANING[Level.WORK_READY])
    assert "også" in str(LEVEL_PLAIN_TITLE[Level.WORK_READY])
    for level in Level:
        if level != Level.WORK_READY:
            assert "erhvervsparat" not in str(LEVEL_PLAIN_TEXT[level]).lower()


def test_min_side_says_that_movement_both_ways_is_normal(p: Personas) -> None:
    assess(p.youth, p.contact_person, level="uddannelsesparat", on=days_ago(100))
    assess(p.youth, p.contact_person, level="valgparat", on=days_ago(5))
    html = render_to_string("progression/_journey.html", {"journey": selectors.youth_journey(p.youth)})
    assert "Du kan gå både frem og tilbage. Det er helt normalt." in html
    assert "omvej" in html
    body = youth_session_client(p.youth).get("/min-side/hvor-er-jeg/").content.decode()
    assert "frem og tilbage" in body
    assert "Du er også klar til et job" in body and str(LEVEL_PLAIN_TEXT[Level.WORK_READY]) in body


def test_the_journey_texts_together_are_easy_to_read(p: Personas) -> None:
    html = render_to_string("progression/_journey.html", {"journey": selectors.youth_journey(p.youth)})
    text = re.sub(r"<[^>]+>", " ", html)
    text = re.sub(r"{%.*?%}", " ", text)
    assert _lix(text) <= 35


# --- the formal uddannelsesparathedsvurdering (UPV), beside the level -------------------------------------


def test_a_upv_is_recorded_beside_the_level_and_does_not_change_it(p: Personas, as_user) -> None:
    from ungeforlob.progression.models import AssessmentVersion, EducationReadinessAssessment

    assess(p.youth, p.contact_person, level="valgparat", on=days_ago(20))
    c = as_user(p.contact_person)
    token = c.get(f"/unge/{p.youth.pk}/progression/upv/").context["form"]["submission"].initial
    response = c.post(f"/unge/{p.youth.pk}/progression/upv/", {
        "submission": token, "assessed_on": days_ago(10).isoformat(), "result": "ikke_parat",
        "assessed_by": "Demo Skole, UU-vejleder", "note": "Personlige forudsætninger mangler"})
    assert response.status_code == 302
    upv = EducationReadinessAssessment.objects.get(youth=p.youth)
    assert (upv.result, upv.assessed_by, upv.recorded_by) == ("ikke_parat", "Demo Skole, UU-vejleder", p.contact_person)
    assert list(AssessmentVersion.objects.filter(assessment__youth=p.youth).values_list("level", flat=True)) == [
        "valgparat"]  # the level on the step chart is untouched
    body = c.get(f"/unge/{p.youth.pk}/progression/").content.decode()
    assert "Uddannelsesparathedsvurdering (UPV)" in body and "Ikke uddannelsesparat" in body
    assert "Demo Skole, UU-vejleder" in body and "ikke det samme" in body


@pytest.mark.parametrize("data, field", [
    ({"assessed_on": "2999-01-01", "result": "parat", "assessed_by": "Skolen"}, "assessed_on"),
    ({"assessed_on": "2025-01-01", "result": "maaske", "assessed_by": "Skolen"}, "result"),
    ({"assessed_on": "2025-01-01", "result": "parat", "assessed_by": ""}, "assessed_by"),
    ({"assessed_on": "ikke en dato", "result": "parat", "assessed_by": "Skolen"}, "assessed_on"),
    ({"assessed_on": "2025-01-01", "result": "parat", "assessed_by": "x" * 500}, "assessed_by"),
])
def test_a_bad_upv_gets_a_danish_message_and_nothing_is_saved(p: Personas, as_user, data: dict, field: str) -> None:
    from ungeforlob.progression.models import EducationReadinessAssessment

    response = as_user(p.contact_person).post(f"/unge/{p.youth.pk}/progression/upv/", data)
    assert response.status_code == 200 and field in response.context["form"].errors
    assert not EducationReadinessAssessment.objects.exists()


def test_a_upv_is_saved_once_however_often_it_is_sent(p: Personas, as_user) -> None:
    from ungeforlob.progression.models import EducationReadinessAssessment

    c = as_user(p.contact_person)
    data = {"submission": "abc123", "assessed_on": days_ago(1).isoformat(), "result": "parat", "assessed_by": "Skolen"}
    c.post(f"/unge/{p.youth.pk}/progression/upv/", data)
    again = c.post(f"/unge/{p.youth.pk}/progression/upv/", data)
    assert again.status_code == 200
    assert EducationReadinessAssessment.objects.count() == 1


def test_the_upv_is_in_the_young_persons_own_data(p: Personas) -> None:
    from ungeforlob.progression import export, services

    services.upv_record(actor=p.contact_person, youth=p.youth, assessed_on=days_ago(2), result="parat",
                        assessed_by="Skolen")
    _title, rows = export.assessments_section(p.youth)
    assert any(r.get("uddannelsesparathedsvurdering (UPV)") == "Uddannelsesparat" for r in rows)


# --- the contact person in the youth effort and the extended Kontaktperson+ ---------------------------------


def test_a_contact_person_is_not_called_kontaktperson_plus_unless_they_work_as_one(p: Personas, as_user) -> None:
    from ungeforlob.chain.models import ChainRole

    assert str(ChainRole.CONTACT_PERSON.label) == "Kontaktperson"
    membership = p.youth.memberships.get(role=ChainRole.CONTACT_PERSON, end_date__isnull=True)
    assert membership.get_role_display() == "Kontaktperson" and membership.role_term_key == "kontaktperson-kui"
    page = as_user(p.colleague).get(f"/unge/{p.youth.pk}/kaede/").content.decode()
    assert ">Kontaktperson<" in page and ">Kontaktperson+<" not in page
    membership.extended = True
    membership.save()
    assert membership.get_role_display() == "Kontaktperson+" and membership.role_term_key == "kontaktperson"
    page = as_user(p.colleague).get(f"/unge/{p.youth.pk}/kaede/").content.decode()
    assert "Kontaktperson+" in page
    other = p.youth.memberships.exclude(role=ChainRole.CONTACT_PERSON).first()
    assert other.get_role_display() == str(ChainRole(other.role).label)  # every other role keeps its name
