"""event_emit and the chain's services: who hears of what, written in the changing transaction."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone

from ungeforlob.chain import services as chain
from ungeforlob.chain.models import ConcernCategory, Severity
from ungeforlob.integrations.scopes import Scope
from ungeforlob.testing import Personas
from ungeforlob.transitions.services import station_end, transition_create
from ungeforlob.webhooks.models import Delivery, EventType
from ungeforlob.webhooks.services import event_emit
from ungeforlob.webhooks.tests.factories import api_client, subscription

pytestmark = pytest.mark.django_db


def _raise(p: Personas, youth: Any = None) -> Any:
    return chain.concern_raise(actor=p.contact_person, youth=youth or p.youth, category=ConcernCategory.values[0],
                               severity=Severity.values[-1], description="Hun er ikke mødt i skole i en uge.")


def test_raising_a_concern_writes_one_delivery_per_matching_subscription(p: Personas) -> None:
    a = subscription(p, events=(EventType.CONCERN_RAISED,))
    b = subscription(p, client=api_client(p, name="Jobcentrets system", organisation=p.colleague.organisation),
                     events=(EventType.CONCERN_RAISED, EventType.HANDOVER))
    subscription(p, client=api_client(p, name="Kun overgange"), events=(EventType.TRANSITION_STARTED,))

    concern = _raise(p)

    rows = list(Delivery.objects.order_by("subscription_id"))
    assert [r.subscription_id for r in rows] == [a.pk, b.pk]
    assert len({r.event_id for r in rows}) == 1, "one event, one id, however many receivers"
    assert {r.dedup_key for r in rows} == {f"{rows[0].event_id}:{a.pk}", f"{rows[0].event_id}:{b.pk}"}
    assert rows[0].payload["type"] == "concern.raised"
    assert rows[0].payload["data"]["concern_id"] == concern.pk
    assert rows[0].payload["data"]["youth_id"] == p.youth.pk


def test_a_rolled_back_change_emits_nothing(p: Personas) -> None:
    subscription(p, events=(EventType.CONCERN_RAISED,))

    class Boom(Exception):
        pass

    with pytest.raises(Boom), transaction.atomic():
        _raise(p)
        assert Delivery.objects.count() == 1  # written inside the transaction …
        raise Boom

    assert Delivery.objects.count() == 0  # … and gone with it


def test_a_client_hears_only_of_young_people_its_organisation_may_see(p: Personas) -> None:
    # The job centre's members are in Josefine's circle, not in Mikkel's.
    subscription(p, client=api_client(p, organisation=p.colleague.organisation), events=(EventType.CONCERN_RAISED,))

    chain.concern_raise(actor=p.administrator, youth=p.other_youth, category=ConcernCategory.values[0],
                        severity=Severity.values[0], description="Set sammen med en ny gruppe.")
    assert Delivery.objects.count() == 0
    _raise(p)
    assert Delivery.objects.count() == 1


def test_paused_revoked_expired_and_unscoped_clients_hear_nothing(p: Personas) -> None:
    subscription(p, paused_at=timezone.now(), events=(EventType.CONCERN_RAISED,))
    subscription(p, client=api_client(p, name="Tilbagekaldt", revoked_at=timezone.now()),
                 events=(EventType.CONCERN_RAISED,))
    subscription(p, client=api_client(p, name="Udløbet", expires_at=timezone.now() - datetime.timedelta(days=1)),
                 events=(EventType.CONCERN_RAISED,))
    subscription(p, client=api_client(p, name="Uden webhooks", scopes=(Scope.CONCERNS_READ,)),
                 events=(EventType.CONCERN_RAISED,))

    _raise(p)

    assert Delivery.objects.count() == 0


def test_names_travel_only_to_a_client_that_may_read_young_people(p: Personas) -> None:
    ids_only = subscription(p, events=(EventType.CONCERN_RAISED,))
    with_names = subscription(p, client=api_client(p, name="Med navne", scopes=(Scope.WEBHOOKS, Scope.YOUTH_READ)),
                              events=(EventType.CONCERN_RAISED,))

    _raise(p)

    bare = Delivery.objects.get(subscription=ids_only).payload
    named = Delivery.objects.get(subscription=with_names).payload
    assert "Josefine" not in str(bare) and "youth" not in bare["data"]
    assert named["data"]["youth"] == {"id": p.youth.pk, "first_name": "Josefine", "last_name": "Hansen"}
    assert "Hun er ikke mødt" not in str(named), "a concern's free text never travels"


def test_a_referral_is_heard_of_only_by_the_referring_organisations_clients(p: Personas) -> None:
    mine = subscription(p, client=api_client(p, organisation=p.colleague.organisation),
                        events=(EventType.REFERRAL_RECEIVED, EventType.REFERRAL_DECIDED))
    subscription(p, client=api_client(p, name="Ungeindsatsens system"),
                 events=(EventType.REFERRAL_RECEIVED, EventType.REFERRAL_DECIDED))
    today = timezone.localdate()

    referral, created = chain.referral_submit(
        actor=p.outsider, first_name="Ali", last_name="Demir", cpr_number="", birth_date=today.replace(year=today.year - 18),
        problem="Er droppet ud af FGU.", youth_accepted=True, accepted_asked_by="Sara", accepted_on=today)
    chain.referral_decline(actor=p.contact_person, referral=referral, reason="Hører til i en anden kommune.")

    rows = list(Delivery.objects.order_by("pk"))
    assert [(r.subscription_id, r.event_type) for r in rows] == [
        (mine.pk, EventType.REFERRAL_RECEIVED), (mine.pk, EventType.REFERRAL_DECIDED)]
    assert rows[1].payload["data"] == {"referral_id": referral.pk, "status": "afvist"}
    assert "Ali" not in str(rows[0].payload)


def test_a_transition_and_a_station_end_are_events(p: Personas) -> None:
    subscription(p, events=(EventType.TRANSITION_STARTED, EventType.TRANSITION_ENDED))
    today = timezone.localdate()

    transition = transition_create(actor=p.contact_person, youth=p.youth, kind="fgu", date=today,
                                   institution="Tradium")
    station_end(actor=p.contact_person, station=transition.to_station, end_date=today, end_reason="afbrudt")

    types = list(Delivery.objects.order_by("pk").values_list("event_type", flat=True))
    assert types == [EventType.TRANSITION_STARTED, EventType.TRANSITION_ENDED]


def test_emitting_costs_three_queries_whatever_the_number_of_subscriptions(p: Personas, count_queries: Any) -> None:
    def emit() -> int:
        return count_queries(lambda: event_emit(event_type=EventType.CONCERN_RAISED, municipality_id=p.municipality.pk,
                                                youth=p.youth, data={"concern_id": 1}))

    subscription(p, events=(EventType.CONCERN_RAISED,))
    few = emit()
    for n in range(8):
        subscription(p, client=api_client(p, name=f"System {n}"), events=(EventType.CONCERN_RAISED,))
    assert emit() == few == 3
