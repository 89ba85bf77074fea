import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ungeforlob import policy
from ungeforlob.chain import selectors, services
from ungeforlob.chain.models import ChainRole, Handover, HandoverStatus, LegalBasis, Membership
from ungeforlob.chain.tests.helpers import consent_for, uu_colleague
from ungeforlob.testing import Personas, make_youth


def _handover(p: Personas, receiver, **kw) -> Handover:
    data = dict(role=ChainRole.CONTACT_PERSON, what_works="Korte møder om formiddagen.",
                watch_out="Bliver stille i store grupper.", agreements="Tirsdage kl. 10.", plan="FGU til august.")
    data.update(kw)
    return services.handover_create(actor=p.contact_person, youth=p.youth, receiver=receiver, **data)


def test_a_handover_to_a_named_receiver_waits_for_acceptance(p: Personas) -> None:
    kasper = uu_colleague(p)
    h = _handover(p, kasper)
    assert h.status == HandoverStatus.SENT
    assert policy.can(p.contact_person, policy.Action.CONTACT_PERSON, p.youth)
    assert kasper.notifications.filter(kind="overlevering").exists()
    assert _handover(p, kasper) == h  # sent twice: one handover


def test_accepting_changes_the_contact_person_and_keeps_history(p: Personas) -> None:
    kasper = uu_colleague(p)
    h = _handover(p, kasper)
    services.handover_accept(actor=kasper, handover=h)
    assert policy.can(kasper, policy.Action.CONTACT_PERSON, p.youth)
    assert not policy.can(p.contact_person, policy.Action.VIEW, p.youth)
    old = Membership.objects.get(youth=p.youth, professional=p.contact_person)
    assert old.end_date == timezone.localdate()
    with pytest.raises(ValidationError, match="allerede behandlet"):
        services.handover_accept(actor=kasper, handover=h)


def test_only_the_receiver_accepts(p: Personas) -> None:
    h = _handover(p, uu_colleague(p))
    with pytest.raises(ValidationError):
        services.handover_accept(actor=p.colleague, handover=h)


def test_a_handover_to_another_sector_needs_consent(p: Personas) -> None:
    with pytest.raises(ValidationError, match="anden sektor"):
        _handover(p, p.outsider, role=ChainRole.MENTOR)
    consent = consent_for(p, p.outsider.organisation)
    h = _handover(p, p.outsider, role=ChainRole.MENTOR, consent=consent)
    services.consent_withdraw(consent=consent, by_youth=True)
    with pytest.raises(ValidationError, match="Samtykket"):
        services.handover_accept(actor=p.outsider, handover=h)
    assert not policy.can(p.outsider, policy.Action.VIEW, p.youth)


def test_a_non_contact_role_moves_from_sender_to_receiver(p: Personas) -> None:
    h = services.handover_create(actor=p.colleague, youth=p.youth, receiver=p.outsider, role=ChainRole.JOB_CONSULTANT,
                                 what_works="Praktik virker.", legal_basis=LegalBasis.KUI)
    services.handover_accept(actor=p.outsider, handover=h)
    assert policy.roles_in_circle(p.outsider, p.youth) == {ChainRole.JOB_CONSULTANT}
    assert not policy.can(p.colleague, policy.Action.VIEW, p.youth)


def test_declining_needs_a_reason(p: Personas) -> None:
    kasper = uu_colleague(p)
    h = _handover(p, kasper)
    with pytest.raises(ValidationError):
        services.handover_decline(actor=kasper, handover=h, reason="")
    services.handover_decline(actor=kasper, handover=h, reason="Fuld kalender")
    assert policy.can(p.contact_person, policy.Action.CONTACT_PERSON, p.youth)


def test_the_youth_reads_and_comments_through_the_portal_service(p: Personas) -> None:
    h = _handover(p, uu_colleague(p))
    services.handover_comment(handover=h, youth=p.youth, text="Jeg vil gerne mødes om eftermiddagen.")
    [shown] = selectors.handovers_for_youth(p.youth)
    assert shown.what_works and [c.text for c in shown.comments.all()] == ["Jeg vil gerne mødes om eftermiddagen."]
    assert p.youth.notices.filter(kind="overlevering").exists()
    with pytest.raises(ValidationError):
        services.handover_comment(handover=h, youth=p.other_youth, text="Ikke min")


def test_the_receiver_reads_the_handover_before_joining_but_nobody_else_does(p: Personas, as_user) -> None:
    kasper = uu_colleague(p)
    h = _handover(p, kasper)
    assert "Korte møder" in as_user(kasper).get(f"/overleveringer/{h.pk}/").content.decode()
    assert as_user(p.outsider).get(f"/overleveringer/{h.pk}/").status_code == 404
    # The receiver cannot open the youth's own pages before accepting.
    assert as_user(kasper).get(f"/unge/{p.youth.pk}/").status_code == 404
    assert as_user(kasper).post(f"/overleveringer/{h.pk}/accepter/").status_code == 302
    assert as_user(kasper).get(f"/unge/{p.youth.pk}/").status_code == 200


def test_the_handover_form_sends_to_the_receiver(p: Personas, as_user) -> None:
    kasper = uu_colleague(p)
    response = as_user(p.contact_person).post(f"/unge/{p.youth.pk}/overlevering/ny/", {
        "receiver": kasper.pk, "role": "kontaktperson", "what_works": "Ro og tydelige aftaler."})
    assert response.status_code == 302
    assert Handover.objects.get().receiver == kasper


def test_a_leader_reassigns_a_whole_caseload_evenly(p: Personas) -> None:
    a, b = uu_colleague(p, "a"), uu_colleague(p, "b")
    extra = [make_youth(p.contact_person, first_name=f"Ung{i}") for i in range(4)]
    services.caseload_reassign(actor=p.leader, departing=p.contact_person, receivers=[a, b],
                               note="Mette stopper; ring til den unge i første uge.")
    assert not Membership.objects.filter(professional=p.contact_person, role=ChainRole.CONTACT_PERSON,
                                         end_date__isnull=True).exists()
    for y in [p.youth, *extra]:
        assert Membership.objects.filter(youth=y, role=ChainRole.CONTACT_PERSON, end_date__isnull=True).count() == 1
    counts = sorted(Membership.objects.filter(professional__in=[a, b], role=ChainRole.CONTACT_PERSON)
                    .values_list("professional", flat=True))
    assert sorted([counts.count(a.pk), counts.count(b.pk)]) == [2, 3]
    assert Handover.objects.filter(is_reassignment=True, status=HandoverStatus.ACCEPTED).count() == 5


def test_reassignment_requires_a_note_and_own_staff(p: Personas) -> None:
    with pytest.raises(ValidationError):
        services.caseload_reassign(actor=p.leader, departing=p.contact_person, receivers=[uu_colleague(p)], note="")
    with pytest.raises(ValidationError, match="egne medarbejdere"):
        services.caseload_reassign(actor=p.leader, departing=p.colleague, receivers=[p.outsider], note="x")


def test_the_reassign_page_shows_a_count_not_names(p: Personas, as_user) -> None:
    uu_colleague(p)
    body = as_user(p.leader).get(f"/kapacitet/omfordel/{p.contact_person.pk}/").content.decode()
    assert "1 ung har" in body and p.youth.first_name not in body
    assert as_user(p.leader).get(f"/kapacitet/omfordel/{p.colleague.pk}/").status_code == 403


def test_accepted_handovers_appear_in_the_timeline(p: Personas) -> None:
    from ungeforlob.youth.timeline import timeline_for

    h = _handover(p, uu_colleague(p))
    services.handover_accept(actor=h.receiver, handover=h)
    titles = [e.title for e in timeline_for(p.youth)]
    assert "Overlevering accepteret" in titles


def test_a_legal_basis_is_enough_for_a_handover(p: Personas) -> None:
    h = _handover(p, p.outsider, role=ChainRole.MENTOR, legal_basis=LegalBasis.KUI)
    services.handover_accept(actor=p.outsider, handover=h)
    assert policy.can(p.outsider, policy.Action.VIEW, p.youth)
    assert h.created_at <= timezone.now() + datetime.timedelta(seconds=1)


def test_the_handover_list_has_a_constant_query_count(p: Personas, as_user, count_queries) -> None:
    kasper = uu_colleague(p)
    c = as_user(kasper)
    _handover(p, kasper)
    small = count_queries(lambda: c.get("/overleveringer/"))
    for i in range(6):
        y = make_youth(p.contact_person, first_name=f"Ung{i}")
        services.handover_create(actor=p.contact_person, youth=y, receiver=kasper, role=ChainRole.CONTACT_PERSON,
                                 what_works="x")
    large = count_queries(lambda: c.get("/overleveringer/"))
    assert small == large, (small, large)
    assert c.get("/overleveringer/").content.decode().count("/overleveringer/") >= 7


def test_a_leaving_professionals_other_roles_end_with_the_reassignment_so_no_access_is_left(p: Personas) -> None:
    from ungeforlob import policy

    a = uu_colleague(p, "a")
    other = make_youth(p.colleague, first_name="Anden")
    mentor = services.member_add(actor=p.colleague, youth=other, professional=p.contact_person,
                                 role=ChainRole.MENTOR, legal_basis=LegalBasis.RETSSIKKERHED_11C)
    assert policy.can(p.contact_person, policy.Action.VIEW, other)
    services.caseload_reassign(actor=p.leader, departing=p.contact_person, receivers=[a],
                               note="Mette stopper.", end_other_roles=True)
    mentor.refresh_from_db()
    assert mentor.end_date is not None and "stoppede" in mentor.note
    assert not policy.can(p.contact_person, policy.Action.VIEW, other)
    assert not policy.visible_youth(p.contact_person).exists()


def test_a_reassignment_that_only_rebalances_keeps_the_other_roles(p: Personas, as_user) -> None:
    a = uu_colleague(p, "a")
    other = make_youth(p.colleague, first_name="Anden")
    mentor = services.member_add(actor=p.colleague, youth=other, professional=p.contact_person,
                                 role=ChainRole.MENTOR, legal_basis=LegalBasis.RETSSIKKERHED_11C)
    page = as_user(p.leader).get(f"/kapacitet/omfordel/{p.contact_person.pk}/").content.decode()
    assert "har også 1 anden rolle i en ung persons kæde" in page and other.first_name not in page
    response = as_user(p.leader).post(f"/kapacitet/omfordel/{p.contact_person.pk}/",
                                      {"receivers": [a.pk], "note": "Mette får færre unge."})
    assert response.status_code == 302
    mentor.refresh_from_db()
    assert mentor.end_date is None
