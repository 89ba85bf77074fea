import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from ungeforlob import policy
from ungeforlob.chain import services
from ungeforlob.chain.models import ChainRole, LegalBasis, Membership
from ungeforlob.chain.tests.helpers import consent_for, uu_colleague
from ungeforlob.notifications.models import YouthNotice
from ungeforlob.notifications.services import sms_available
from ungeforlob.testing import Personas


def test_it_adds_a_same_sector_colleague_without_consent(p: Personas) -> None:
    kasper = uu_colleague(p)
    m = services.member_add(actor=p.contact_person, youth=p.youth, professional=kasper, role=ChainRole.UU_COUNSELLOR)
    assert m.consent is None and m.legal_basis == ""
    assert policy.can(kasper, policy.Action.VIEW, p.youth)


def test_it_refuses_another_sector_without_consent_or_legal_basis(p: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        services.member_add(actor=p.contact_person, youth=p.youth, professional=p.outsider, role=ChainRole.MENTOR)
    assert "anden sektor" in str(exc.value)
    assert not Membership.objects.filter(professional=p.outsider).exists()


def test_it_refuses_a_consent_given_to_another_organisation(p: Personas) -> None:
    consent = consent_for(p, p.organisation)
    with pytest.raises(ValidationError, match="gælder ikke"):
        services.member_add(actor=p.contact_person, youth=p.youth, professional=p.outsider, role=ChainRole.MENTOR,
                            consent=consent)


def test_it_accepts_a_chosen_legal_basis_and_requires_a_note_for_other(p: Personas) -> None:
    with pytest.raises(ValidationError):
        services.member_add(actor=p.contact_person, youth=p.youth, professional=p.outsider, role=ChainRole.MENTOR,
                            legal_basis=LegalBasis.OTHER)
    m = services.member_add(actor=p.contact_person, youth=p.youth, professional=p.outsider, role=ChainRole.MENTOR,
                            legal_basis=LegalBasis.RETSSIKKERHED_11C)
    assert m.legal_basis == LegalBasis.RETSSIKKERHED_11C


def test_the_youth_is_told_when_someone_joins(p: Personas) -> None:
    consent = consent_for(p, p.outsider.organisation)
    services.member_add(actor=p.contact_person, youth=p.youth, professional=p.outsider, role=ChainRole.MENTOR,
                        consent=consent)
    notice = YouthNotice.objects.get(youth=p.youth, kind="kaede_ny")
    assert "Sara Holm" in notice.text and "Mentor" in notice.text


def test_the_joined_sms_names_nobody_when_messaging_exists(p: Personas) -> None:
    if not sms_available():
        pytest.skip("messaging.sms_enqueue is not there")
    from ungeforlob.messaging.models import OutboundMessage

    services.member_add(actor=p.contact_person, youth=p.youth, professional=p.outsider, role=ChainRole.MENTOR,
                        legal_basis=LegalBasis.KUI)
    sms = OutboundMessage.objects.filter(youth=p.youth).order_by("-pk").first()
    assert sms is not None
    assert "Sara" not in sms.body and "mentor" not in sms.body.lower()
    # Adding again (another role) sends its own message; the key is per membership.
    services.member_add(actor=p.contact_person, youth=p.youth, professional=p.outsider, role=ChainRole.VOLUNTEER,
                        legal_basis=LegalBasis.KUI)
    assert OutboundMessage.objects.filter(youth=p.youth).count() == 2


def test_it_refuses_a_second_contact_person(p: Personas) -> None:
    with pytest.raises(ValidationError, match="overlevering"):
        services.member_add(actor=p.contact_person, youth=p.youth, professional=uu_colleague(p),
                            role=ChainRole.CONTACT_PERSON)


def test_it_refuses_the_same_person_twice_in_the_same_role(p: Personas) -> None:
    with pytest.raises(ValidationError, match="allerede med"):
        services.member_add(actor=p.contact_person, youth=p.youth, professional=p.colleague,
                            role=ChainRole.JOB_CONSULTANT, legal_basis=LegalBasis.KUI)


def test_a_role_change_keeps_the_old_role_as_history(p: Personas) -> None:
    old = p.youth.memberships.get(professional=p.colleague)
    new = services.member_change_role(actor=p.contact_person, membership=old, role=ChainRole.CASEWORKER)
    old.refresh_from_db()
    assert old.end_date == timezone.localdate()
    assert new.previous == old and new.role == ChainRole.CASEWORKER
    assert policy.roles_in_circle(p.colleague, p.youth) == {ChainRole.CASEWORKER}


def test_the_contact_persons_role_is_not_changed_by_role_change(p: Personas) -> None:
    cp = p.youth.memberships.get(role=ChainRole.CONTACT_PERSON)
    with pytest.raises(ValidationError):
        services.member_change_role(actor=p.contact_person, membership=cp, role=ChainRole.MENTOR)


def test_ending_a_membership_removes_access_and_keeps_history(p: Personas) -> None:
    m = p.youth.memberships.get(professional=p.colleague)
    services.member_end(actor=p.contact_person, membership=m, note="Forløbet på jobcentret er slut")
    assert not policy.can(p.colleague, policy.Action.VIEW, p.youth)
    with pytest.raises(ValidationError, match="allerede afsluttet"):
        services.member_end(actor=p.contact_person, membership=m)


def test_the_contact_person_cannot_be_ended_leaving_the_youth_without_one(p: Personas) -> None:
    cp = p.youth.memberships.get(role=ChainRole.CONTACT_PERSON)
    with pytest.raises(ValidationError, match="kontaktperson"):
        services.member_end(actor=p.contact_person, membership=cp)


def test_withdrawal_ends_the_memberships_and_tells_the_member(p: Personas) -> None:
    consent = consent_for(p, p.outsider.organisation)
    m = services.member_add(actor=p.contact_person, youth=p.youth, professional=p.outsider, role=ChainRole.MENTOR,
                            consent=consent)
    services.consent_withdraw(consent=consent, actor=p.contact_person)
    services.consent_withdraw(consent=consent, actor=p.contact_person)  # twice: nothing more happens
    m.refresh_from_db()
    assert m.end_date == timezone.localdate()
    assert p.outsider.notifications.filter(kind="samtykke_tilbage").count() == 1


def test_consent_needs_purpose_scope_and_a_future_expiry(p: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        services.consent_record(actor=p.contact_person, youth=p.youth, purpose=" ", scope="",
                                receiving_organisation=p.organisation,
                                expires_on=timezone.localdate() - datetime.timedelta(days=1))
    assert set(exc.value.message_dict) == {"purpose", "scope", "expires_on"}


def test_contact_wish_is_recorded(p: Personas) -> None:
    wish = services.contact_wish_record(actor=p.contact_person, youth=p.youth, wish_text="Den jeg kender fra skolen")
    assert wish.recorded_by == p.contact_person
    with pytest.raises(ValidationError):
        services.contact_wish_record(actor=p.contact_person, youth=p.youth)


# --- views ---

def test_the_circle_page_offers_management_to_the_contact_person(p: Personas, as_user) -> None:
    response = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/kaede/")
    assert response.status_code == 200
    assert "Tilføj til kæden" in response.content.decode()


def test_the_circle_page_offers_no_management_to_a_reading_member(p: Personas, as_user) -> None:
    services.member_add(actor=p.contact_person, youth=p.youth, professional=uu_colleague(p), role=ChainRole.TEACHER)
    from ungeforlob.accounts.models import User

    teacher = User.objects.get(username="uukollega")
    response = as_user(teacher).get(f"/unge/{p.youth.pk}/kaede/")
    assert response.status_code == 200 and "Tilføj til kæden" not in response.content.decode()
    assert as_user(teacher).get(f"/unge/{p.youth.pk}/kaede/tilfoej/").status_code == 404


def test_adding_through_the_form_shows_the_consent_error_in_danish(p: Personas, as_user) -> None:
    response = as_user(p.contact_person).post(f"/unge/{p.youth.pk}/kaede/tilfoej/",
                                              {"professional": p.outsider.pk, "role": "mentor"})
    assert response.status_code == 200
    assert "anden sektor" in response.content.decode()


def test_adding_through_the_form_with_consent_redirects(p: Personas, as_user) -> None:
    consent = consent_for(p, p.outsider.organisation)
    response = as_user(p.contact_person).post(f"/unge/{p.youth.pk}/kaede/tilfoej/",
                                              {"professional": p.outsider.pk, "role": "mentor", "consent": consent.pk})
    assert response.status_code == 302
    assert policy.can(p.outsider, policy.Action.VIEW, p.youth)


def test_bad_input_gives_a_form_error_not_a_500(p: Personas, as_user) -> None:
    c = as_user(p.contact_person)
    assert c.post(f"/unge/{p.youth.pk}/kaede/tilfoej/", {"professional": "abc", "role": "x" * 500,
                                                         "start_date": "2020-99-99"}).status_code == 200
    assert c.get(f"/unge/{p.youth.pk}/kaede/999999/rolle/").status_code == 404
    assert c.post(f"/unge/{p.youth.pk}/samtykker/ny/", {"receiving_organisation": "1' OR 1=1",
                                                        "expires_on": "igår"}).status_code == 200


def test_consent_withdraw_asks_first_then_withdraws(p: Personas, as_user) -> None:
    consent = consent_for(p, p.outsider.organisation)
    c = as_user(p.contact_person)
    assert "Træk samtykket tilbage" in c.get(f"/unge/{p.youth.pk}/samtykker/{consent.pk}/tilbagekald/").content.decode()
    assert c.post(f"/unge/{p.youth.pk}/samtykker/{consent.pk}/tilbagekald/").status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_the_circle_page_has_a_constant_query_count(p: Personas, as_user, count_queries) -> None:
    c = as_user(p.contact_person)
    url = f"/unge/{p.youth.pk}/kaede/"
    small = count_queries(lambda: c.get(url))
    for i in range(8):
        other = uu_colleague(p, f"u{i}")
        services.member_add(actor=p.contact_person, youth=p.youth, professional=other, role=ChainRole.TEACHER)
        services.consent_record(actor=p.contact_person, youth=p.youth, purpose=f"p{i}", scope="s",
                                receiving_organisation=p.organisation,
                                expires_on=timezone.localdate() + datetime.timedelta(days=9))
    large = count_queries(lambda: c.get(url))
    assert small == large, (small, large)
    assert mail.outbox == []  # joining sends no e-mail


def test_the_contact_person_works_as_kontaktperson_plus_only_when_chosen(p, as_user) -> None:
    contact = p.youth.memberships.get(professional=p.contact_person, role=ChainRole.CONTACT_PERSON)
    assert contact.get_role_display() == "Kontaktperson"
    response = as_user(p.contact_person).post(
        f"/unge/{p.youth.pk}/kaede/{contact.pk}/kontaktperson-plus/", {"extended": "on"})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.extended and contact.get_role_display() == "Kontaktperson+"
    assert "Kontaktperson+" in as_user(p.contact_person).get(f"/unge/{p.youth.pk}/kaede/").content.decode()
    services.member_set_extended(actor=p.contact_person, membership=contact, extended=False)
    contact.refresh_from_db()
    assert not contact.extended


def test_only_the_contact_person_can_be_kontaktperson_plus(p) -> None:
    mentor = p.youth.memberships.get(professional=p.colleague)
    with pytest.raises(ValidationError):
        services.member_set_extended(actor=p.contact_person, membership=mentor, extended=True)
