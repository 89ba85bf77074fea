"""Create forms are saved once however often they are sent; searches and lists are audited; the participants
offered are the circle's active members (issue 13)."""

from __future__ import annotations

from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.chain import services as chain
from ungeforlob.chain.models import ChainRole, Consent
from ungeforlob.chain.tests.helpers import consent_for
from ungeforlob.core.forms import ALREADY_SUBMITTED
from ungeforlob.progression import selectors, services
from ungeforlob.progression.models import (
    IndicatorSet,
    ProfessionalReading,
    SelfEvaluationRound,
    YouthPlacement,
)
from ungeforlob.progression.tests.factories import answered_round, days_ago
from ungeforlob.testing import Personas


def _token(page) -> str:  # noqa: ANN001 - a test response
    form = page.context.get("form") or page.context.get("start_form")
    return form["submission"].value() if form is not None and "submission" in form.fields else "same-token"


def _twice(client, url: str, data: dict, page_url: str | None = None) -> tuple:  # noqa: ANN001 - a test client
    token = _token(client.get(page_url or url))
    return client.post(url, {**data, "submission": token}), client.post(url, {**data, "submission": token})


def test_the_youths_own_placement_posted_twice_is_recorded_once(p: Personas, as_user) -> None:
    first, second = _twice(as_user(p.contact_person), f"/unge/{p.youth.pk}/progression/egen-placering/",
                           {"placed_on": days_ago(0).isoformat(), "level": "valgparat", "own_words": "På vej"})
    assert first.status_code == 302
    assert second.status_code == 200 and str(ALREADY_SUBMITTED) in second.content.decode()
    assert YouthPlacement.objects.filter(youth=p.youth).count() == 1


def test_a_reading_posted_twice_is_saved_once(p: Personas, as_user) -> None:
    kept = answered_round(p.youth, p.contact_person, keep=True)
    _twice(as_user(p.contact_person), f"/unge/{p.youth.pk}/selvevaluering/{kept.pk}/laesning/",
           {"text": "Hun er klar til mere"})
    assert ProfessionalReading.objects.filter(round=kept).count() == 1


def test_the_start_button_sent_again_after_the_round_is_finished_starts_no_new_round(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    overview = f"/unge/{p.youth.pk}/selvevaluering/"
    token = _token(client.get(overview))
    assert client.post(f"{overview}start/", {"submission": token}).status_code == 302
    round = SelfEvaluationRound.objects.get(youth=p.youth)
    services.self_evaluation_answer(round=round, answers={"mot1": 3}, actor=p.contact_person)
    services.self_evaluation_finish(round=round, keep=True, actor=p.contact_person)
    again = client.post(f"{overview}start/", {"submission": token})  # the browser re-sends the old form
    assert again.status_code == 302 and again["Location"] == overview
    assert SelfEvaluationRound.objects.filter(youth=p.youth).count() == 1


def test_a_new_indicator_posted_twice_makes_one_new_version(p: Personas, as_user) -> None:
    services.indicator_set_current(municipality=p.municipality)
    _twice(as_user(p.administrator), "/administration/indikatorer/ny/",
           {"level": "valgparat", "text": "Kan selv finde en praktikplads"})
    assert IndicatorSet.objects.filter(municipality=p.municipality).count() == 2


def test_a_search_of_the_reassessments_is_audited_with_its_terms(p: Personas, as_user) -> None:
    as_user(p.contact_person).get("/revurderinger/?q=josefine")
    search = AuditEvent.objects.get(action=AuditAction.SEARCH, actor=p.contact_person)
    assert (search.object_type, search.detail["q"]) == ("reassessments", "josefine")
    assert AuditEvent.objects.filter(action=AuditAction.LIST, youth_id=p.youth.pk, purpose="Revurderinger").exists()


def test_a_cpr_number_searched_for_is_not_written_to_the_log(p: Personas, as_user) -> None:
    as_user(p.contact_person).get("/revurderinger/?q=0101051234")
    assert "0101051234" not in str(AuditEvent.objects.get(action=AuditAction.SEARCH).detail)


def test_the_participants_leave_out_a_member_whose_consent_is_withdrawn(p: Personas) -> None:
    consent = consent_for(p, p.outsider.organisation)
    chain.member_add(actor=p.contact_person, youth=p.youth, professional=p.outsider, role=ChainRole.MENTOR,
                     consent=consent)
    assert p.outsider.pk in dict(selectors.circle_professionals(p.youth))
    Consent.objects.filter(pk=consent.pk).update(withdrawn_at=timezone.now())
    assert p.outsider.pk not in dict(selectors.circle_professionals(p.youth))


def test_the_read_only_member_sees_the_progression_but_writes_nothing(p: Personas, as_user) -> None:
    kept = answered_round(p.youth, p.contact_person, keep=True)
    client = as_user(p.reader)
    assert client.get(f"/unge/{p.youth.pk}/progression/").status_code == 200
    assert client.get(f"/unge/{p.youth.pk}/selvevaluering/{kept.pk}/").status_code == 200
    assert client.post(f"/unge/{p.youth.pk}/progression/egen-placering/",
                       {"placed_on": days_ago(0).isoformat(), "level": "valgparat"}).status_code == 404
    assert client.post(f"/unge/{p.youth.pk}/selvevaluering/start/").status_code == 404
    assert client.post(f"/unge/{p.youth.pk}/selvevaluering/{kept.pk}/pdf/").status_code == 404
    assert not YouthPlacement.objects.exists() and SelfEvaluationRound.objects.count() == 1
