"""The policy change: a membership resting on consent gives access only while the consent is valid."""

import datetime

from django.utils import timezone

from ungeforlob import policy
from ungeforlob.chain import services
from ungeforlob.chain.models import ChainRole, Consent, Membership
from ungeforlob.chain.tests.helpers import consent_for
from ungeforlob.testing import Personas


def _member_on_consent(p: Personas, consent: Consent) -> Membership:
    return services.member_add(actor=p.contact_person, youth=p.youth, professional=p.outsider,
                               role=ChainRole.MENTOR, consent=consent)


def test_a_member_on_a_valid_consent_sees_the_youth(p: Personas) -> None:
    _member_on_consent(p, consent_for(p, p.outsider.organisation))
    assert policy.can(p.outsider, policy.Action.VIEW, p.youth)


def test_withdrawing_consent_removes_access_at_once(p: Personas) -> None:
    consent = consent_for(p, p.outsider.organisation)
    _member_on_consent(p, consent)
    services.consent_withdraw(consent=consent, by_youth=True)
    assert not policy.can(p.outsider, policy.Action.VIEW, p.youth)
    assert policy.roles_in_circle(p.outsider, p.youth) == set()


def test_the_policy_alone_refuses_a_withdrawn_consent_even_if_the_membership_is_still_open(p: Personas) -> None:
    consent = consent_for(p, p.outsider.organisation)
    membership = _member_on_consent(p, consent)
    Consent.objects.filter(pk=consent.pk).update(withdrawn_at=timezone.now())
    membership.refresh_from_db()
    assert membership.end_date is None
    assert not policy.can(p.outsider, policy.Action.VIEW, p.youth)


def test_an_expired_consent_gives_no_access(p: Personas) -> None:
    consent = consent_for(p, p.outsider.organisation)
    _member_on_consent(p, consent)
    Consent.objects.filter(pk=consent.pk).update(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    assert not policy.can(p.outsider, policy.Action.VIEW, p.youth)


def test_a_consent_is_valid_through_its_expiry_day(p: Personas) -> None:
    consent = consent_for(p, p.outsider.organisation)
    _member_on_consent(p, consent)
    Consent.objects.filter(pk=consent.pk).update(expires_on=timezone.localdate())
    assert policy.can(p.outsider, policy.Action.VIEW, p.youth)


def test_memberships_without_consent_are_unaffected(p: Personas) -> None:
    assert policy.can(p.colleague, policy.Action.VIEW, p.youth)
    assert policy.can(p.contact_person, policy.Action.CONTACT_PERSON, p.youth)


def test_expired_consents_end_their_memberships_in_the_periodic_run(p: Personas) -> None:
    consent = consent_for(p, p.outsider.organisation)
    membership = _member_on_consent(p, consent)
    Consent.objects.filter(pk=consent.pk).update(expires_on=timezone.localdate() - datetime.timedelta(days=3))
    assert services.consents_expire() == 1
    membership.refresh_from_db()
    assert membership.end_date is not None
    assert services.consents_expire() == 0


def test_the_circle_and_meeting_participants_leave_out_a_member_whose_consent_is_withdrawn(p: Personas) -> None:
    from ungeforlob.chain.selectors import circle_for
    from ungeforlob.plans.selectors import circle_professionals

    consent = consent_for(p, p.outsider.organisation)
    _member_on_consent(p, consent)
    assert p.outsider in circle_professionals(p.youth)
    Consent.objects.filter(pk=consent.pk).update(withdrawn_at=timezone.now())
    assert p.outsider not in circle_professionals(p.youth)
    assert all(m.professional_id != p.outsider.pk for m in circle_for(p.youth)["active"])
