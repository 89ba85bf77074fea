"""Chain pages end to end: the forms work for their rightful user, are saved once, and lists and searches are
logged."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from ungeforlob import policy
from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.chain import services
from ungeforlob.chain.models import (
    ChainRole,
    Concern,
    Consent,
    ContactWish,
    Handover,
    LegalBasis,
    Membership,
    PlanStop,
    Referral,
    ReferralStatus,
)
from ungeforlob.chain.tests.helpers import uu_colleague
from ungeforlob.testing import Personas, add_member, cpr_for_age, make_youth


def _form_data(client, url: str, data: dict) -> dict:
    """The data a browser posts: the page's one-time token plus the fields typed."""
    token = client.get(url).context["form"]["submission"].value()
    return {"submission": token, **data}


# --- Ending a membership (issue 13: a server error on every valid submit) ---------------------------------

def test_ending_a_membership_through_the_form_ends_it(p: Personas, as_user) -> None:
    member = p.youth.memberships.get(professional=p.colleague)
    response = as_user(p.contact_person).post(f"/unge/{p.youth.pk}/kaede/{member.pk}/afslut/",
                                              {"note": "Forløbet i jobcentret er slut"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.end_date == timezone.localdate() and member.note == "Forløbet i jobcentret er slut"
    assert not policy.can(p.colleague, policy.Action.VIEW, p.youth)


def test_ending_a_membership_can_end_the_persons_other_roles_in_the_circle(p: Personas, as_user) -> None:
    member = p.youth.memberships.get(professional=p.colleague)
    mentor = add_member(p.youth, p.colleague, ChainRole.MENTOR)
    client = as_user(p.contact_person)
    page = client.get(f"/unge/{p.youth.pk}/kaede/{member.pk}/afslut/").content.decode()
    assert "Afslut også personens andre roller" in page
    client.post(f"/unge/{p.youth.pk}/kaede/{member.pk}/afslut/", {"note": "Stopper", "end_other_roles": "on"})
    mentor.refresh_from_db()
    assert mentor.end_date == timezone.localdate()
    assert not policy.can(p.colleague, policy.Action.VIEW, p.youth)


def test_ending_one_role_keeps_the_persons_other_roles_unless_asked(p: Personas, as_user) -> None:
    member = p.youth.memberships.get(professional=p.colleague)
    mentor = add_member(p.youth, p.colleague, ChainRole.MENTOR)
    as_user(p.contact_person).post(f"/unge/{p.youth.pk}/kaede/{member.pk}/afslut/", {"note": "Ny rolle"})
    mentor.refresh_from_db()
    assert mentor.end_date is None
    assert policy.roles_in_circle(p.colleague, p.youth) == frozenset({ChainRole.MENTOR})


def test_ending_other_roles_never_ends_a_contact_person_role(p: Personas) -> None:
    contact = p.youth.memberships.get(role=ChainRole.CONTACT_PERSON)
    mentor = add_member(p.youth, p.contact_person, ChainRole.MENTOR)
    services.member_end(actor=p.contact_person, membership=mentor, end_other_roles=True)
    contact.refresh_from_db()
    assert contact.end_date is None


def test_the_end_form_asks_about_other_roles_only_when_there_are_some(p: Personas, as_user) -> None:
    member = p.youth.memberships.get(professional=p.colleague)
    page = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/kaede/{member.pk}/afslut/").content.decode()
    assert "Afslut også personens andre roller" not in page


@pytest.mark.django_db(transaction=True)
def test_ending_a_membership_is_all_or_nothing(p: Personas) -> None:
    """member_end runs in one transaction (its select_for_update needs one on PostgreSQL): a failure after the
    save leaves the membership open."""
    member = p.youth.memberships.get(professional=p.colleague)
    with mock.patch("ungeforlob.chain.services.circle.audit_record", side_effect=RuntimeError("log down")), \
            pytest.raises(RuntimeError):
        services.member_end(actor=p.contact_person, membership=member, note="x")
    member.refresh_from_db()
    assert member.end_date is None


# --- The reassignment's "the person is leaving" checkbox ------------------------------------------------

def test_a_leader_reassigning_a_leaving_professional_ends_their_other_roles_through_the_form(
        p: Personas, as_user) -> None:
    receiver = uu_colleague(p, "a")
    other = make_youth(p.colleague, first_name="Anden")
    mentor = services.member_add(actor=p.colleague, youth=other, professional=p.contact_person,
                                 role=ChainRole.MENTOR, legal_basis=LegalBasis.RETSSIKKERHED_11C)
    response = as_user(p.leader).post(f"/kapacitet/omfordel/{p.contact_person.pk}/",
                                      {"receivers": [receiver.pk], "note": "Mette stopper.", "end_other_roles": "on"})
    assert response.status_code == 302
    mentor.refresh_from_db()
    assert mentor.end_date is not None
    assert not policy.visible_youth(p.contact_person).exists()


# --- Double submissions --------------------------------------------------------------------------------

def _post_twice(client, url: str, data: dict) -> None:
    data = _form_data(client, url, data)
    first = client.post(url, data)
    assert first.status_code == 302
    second = client.post(url, data)
    assert second.status_code == 200 and "allerede sendt" in second.content.decode()


def test_the_contact_person_wish_posted_twice_is_saved_once(p: Personas, as_user) -> None:
    _post_twice(as_user(p.contact_person), f"/unge/{p.youth.pk}/kaede/oenske/", {"wish_text": "Sara"})
    assert ContactWish.objects.filter(youth=p.youth).count() == 1


def test_a_consent_posted_twice_is_saved_once(p: Personas, as_user) -> None:
    expires = (timezone.localdate() + datetime.timedelta(days=90)).isoformat()
    _post_twice(as_user(p.contact_person), f"/unge/{p.youth.pk}/samtykker/ny/",
                {"receiving_organisation": p.colleague.organisation.pk, "purpose": "Praktik", "scope": "Plan",
                 "expires_on": expires})
    assert Consent.objects.filter(youth=p.youth).count() == 1


def test_a_concern_posted_twice_is_saved_once(p: Personas, as_user) -> None:
    _post_twice(as_user(p.reader), f"/unge/{p.youth.pk}/bekymringer/ny/",
                {"category": "trivsel", "severity": "lav", "description": "Virker træt"})
    assert Concern.objects.filter(youth=p.youth).count() == 1


def test_a_member_added_twice_is_added_once(p: Personas, as_user) -> None:
    _post_twice(as_user(p.contact_person), f"/unge/{p.youth.pk}/kaede/tilfoej/",
                {"professional": p.outsider.pk, "role": ChainRole.MENTOR, "legal_basis": LegalBasis.RETSSIKKERHED_11C})
    assert Membership.objects.filter(youth=p.youth, professional=p.outsider).count() == 1


def test_a_handover_posted_twice_is_sent_once(p: Personas, as_user) -> None:
    _post_twice(as_user(p.contact_person), f"/unge/{p.youth.pk}/overlevering/ny/",
                {"receiver": p.outsider.pk, "role": ChainRole.MENTOR, "what_works": "Korte møder",
                 "legal_basis": LegalBasis.RETSSIKKERHED_11C})
    assert Handover.objects.filter(youth=p.youth).count() == 1


def test_a_plan_stop_posted_twice_is_recorded_once(p: Personas, as_user) -> None:
    young = make_youth(p.contact_person, first_name="Liva", age=16, mobile="+4540123456")
    _post_twice(as_user(p.contact_person), f"/unge/{young.pk}/frister/ny/",
                {"stopped_on": timezone.localdate().isoformat()})
    assert PlanStop.objects.filter(youth=young).count() == 1


def test_a_handover_comment_posted_twice_is_saved_once(p: Personas, as_user) -> None:
    handover = Handover.objects.create(youth=p.youth, sender=p.contact_person, receiver=p.colleague,
                                       role=ChainRole.MENTOR, what_works="Ro")
    client = as_user(p.contact_person)
    token = client.get(f"/overleveringer/{handover.pk}/").context["comment_form"]["submission"].value()
    url = f"/overleveringer/{handover.pk}/kommentar/"
    assert client.post(url, {"submission": token, "text": "Husk mødet"}).status_code == 302
    assert client.post(url, {"submission": token, "text": "Husk mødet"}).status_code == 400
    assert handover.comments.count() == 1


# --- Lists and searches are logged ------------------------------------------------------------------------

def test_the_handover_list_logs_each_young_person_shown(p: Personas, as_user) -> None:
    Handover.objects.create(youth=p.youth, sender=p.contact_person, receiver=p.colleague, role=ChainRole.MENTOR,
                            what_works="Ro")
    page = as_user(p.colleague).get("/overleveringer/").content.decode()
    assert "Josefine" in page
    assert AuditEvent.objects.filter(action=AuditAction.LIST, actor=p.colleague, youth_id=p.youth.pk).count() == 1


def test_concern_searches_are_logged_with_their_terms_and_cpr_numbers_masked(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    client.get("/bekymringer/?q=Josef")
    assert AuditEvent.objects.filter(action=AuditAction.SEARCH, object_type="concern_list", detail__q="Josef").exists()
    number = p.youth.cpr_reveal()
    client.get(f"/bekymringer/?q={number}")
    logged = [e.detail["q"] for e in AuditEvent.objects.filter(action=AuditAction.SEARCH)]
    assert "CPR-søgning" in logged
    assert all(number not in q and number.replace("-", "") not in q for q in logged)


def test_referral_queue_searches_are_logged_with_their_terms(p: Personas, as_user) -> None:
    as_user(p.contact_person).get("/henvisninger/?q=Ida")
    assert AuditEvent.objects.filter(action=AuditAction.SEARCH, object_type="referral_queue", detail__q="Ida",
                                     actor=p.contact_person).exists()


def test_the_referral_queue_logs_the_young_people_on_record_it_names(p: Personas, as_user) -> None:
    referral, _ = services.referral_submit(
        actor=p.colleague, first_name="Josefine", last_name="Hansen", cpr_number=cpr_for_age(19), problem="Hjælp",
        youth_accepted=True, accepted_asked_by="Jonas", accepted_on=timezone.localdate())
    Referral.objects.filter(pk=referral.pk).update(status=ReferralStatus.ACCEPTED, youth=p.youth)
    as_user(p.contact_person).get("/henvisninger/?status=modtaget")
    assert AuditEvent.objects.filter(action=AuditAction.LIST, youth_id=p.youth.pk, actor=p.contact_person).exists()


def test_the_handover_list_has_a_constant_query_count_with_its_audit_rows(p: Personas, as_user, count_queries) -> None:
    client = as_user(p.contact_person)
    Handover.objects.create(youth=p.youth, sender=p.contact_person, receiver=p.colleague, role=ChainRole.MENTOR,
                            what_works="Ro")
    small = count_queries(lambda: client.get("/overleveringer/"))
    for i in range(5):
        y = make_youth(p.contact_person, first_name=f"Ung{i}", mobile=f"+452012{i:04d}")
        Handover.objects.create(youth=y, sender=p.contact_person, receiver=p.colleague, role=ChainRole.MENTOR,
                                what_works="Ro")
    assert count_queries(lambda: client.get("/overleveringer/")) == small


# --- The read-only member -----------------------------------------------------------------------------

def test_the_read_only_member_may_raise_a_concern_but_not_comment_on_a_handover(p: Personas, as_user) -> None:
    handover = Handover.objects.create(youth=p.youth, sender=p.contact_person, receiver=p.colleague,
                                       role=ChainRole.MENTOR, what_works="Ro")
    reader = as_user(p.reader)
    assert reader.get(f"/unge/{p.youth.pk}/bekymringer/ny/").status_code == 200
    assert reader.post(f"/overleveringer/{handover.pk}/kommentar/", {"text": "x"}).status_code == 403
    assert "Gem kommentar" not in reader.get(f"/overleveringer/{handover.pk}/").content.decode()
    assert not handover.comments.exists()


def test_only_the_receiver_may_accept_a_handover(p: Personas, as_user) -> None:
    handover = Handover.objects.create(youth=p.youth, sender=p.contact_person, receiver=p.colleague,
                                       role=ChainRole.MENTOR, what_works="Ro")
    assert as_user(p.contact_person).post(f"/overleveringer/{handover.pk}/accepter/").status_code == 403
    handover.refresh_from_db()
    assert handover.status == "sendt"
