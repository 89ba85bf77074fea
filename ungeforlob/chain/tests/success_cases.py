"""Every chain URL for its rightful user: GET renders, each valid POST has its effect."""

import datetime
import uuid

from django.utils import timezone

from ungeforlob.chain import services
from ungeforlob.chain.models import (
    ChainRole,
    Concern,
    ConcernAction,
    Consent,
    ContactWish,
    Handover,
    HandoverComment,
    HandoverStatus,
    LegalBasis,
    Membership,
    PlanStop,
    Referral,
    ReferralStatus,
)
from ungeforlob.testing import Personas, add_member, cpr_for_age, make_youth
from ungeforlob.testing_cases import SuccessCase as C


def cases(p: Personas) -> list[C]:
    y = p.youth.pk
    today = timezone.localdate()
    member = p.youth.memberships.get(professional=p.colleague)
    contact = p.youth.memberships.get(professional=p.contact_person, role=ChainRole.CONTACT_PERSON)
    consent = services.consent_record(actor=p.contact_person, youth=p.youth, purpose="Samarbejde om job",
                                      receiving_organisation=p.colleague.organisation, scope="Plan",
                                      expires_on=today + datetime.timedelta(days=30))
    concern = services.concern_raise(actor=p.colleague, youth=p.youth, category="fravaer", severity="middel",
                                     description="Udebliver fra jobcentret")
    referral, _ = services.referral_submit(
        actor=p.colleague, first_name="Ida", last_name="Berg", cpr_number=cpr_for_age(18), problem="Hjælp",
        youth_accepted=True, accepted_asked_by="Jonas", accepted_on=today)
    # An accepted referral names a young person on record: the queue's list audit goes on their log.
    accepted, _ = services.referral_submit(
        actor=p.colleague, first_name="Josefine", last_name="Hansen", cpr_number=cpr_for_age(19), problem="Hjælp",
        youth_accepted=True, accepted_asked_by="Jonas", accepted_on=today)
    Referral.objects.filter(pk=accepted.pk).update(status=ReferralStatus.ACCEPTED, youth=p.youth)
    handover = Handover.objects.create(youth=p.youth, sender=p.contact_person, receiver=p.colleague,
                                       role=ChainRole.UU_COUNSELLOR, what_works="Ro og faste aftaler")
    stop = PlanStop.objects.create(youth=p.youth, stopped_on=today - datetime.timedelta(days=3),
                                   recorded_by=p.contact_person,
                                   contact_due=today, offer_due=today)
    # The KUI deadlines apply to 15–17-year-olds only.
    young = make_youth(p.contact_person, first_name="Liva", last_name="Berg", age=16, mobile="+4540123456")
    add_member(young, p.reader, ChainRole.TEACHER)

    def membership_exists(**kw: object) -> bool:
        return Membership.objects.active().filter(youth=p.youth, **kw).exists()

    return [
        C("chain:circle", f"/unge/{y}/kaede/", contains="Jonas"),
        C("chain:member_add", f"/unge/{y}/kaede/tilfoej/"),
        C("chain:member_add", f"/unge/{y}/kaede/tilfoej/", "post",
          {"professional": p.outsider.pk, "role": ChainRole.MENTOR, "legal_basis": LegalBasis.RETSSIKKERHED_11C},
          effect=lambda r: membership_exists(professional=p.outsider, role=ChainRole.MENTOR)),
        C("chain:member_role", f"/unge/{y}/kaede/{member.pk}/rolle/"),
        C("chain:member_role", f"/unge/{y}/kaede/{member.pk}/rolle/", "post", {"role": ChainRole.MENTOR},
          effect=lambda r: membership_exists(professional=p.colleague, role=ChainRole.MENTOR)),
        C("chain:member_extended", f"/unge/{y}/kaede/{contact.pk}/kontaktperson-plus/", contains="Kontaktperson+"),
        C("chain:member_extended", f"/unge/{y}/kaede/{contact.pk}/kontaktperson-plus/", "post", {"extended": "on"},
          effect=lambda resp: Membership.objects.get(pk=contact.pk).extended),
        C("chain:member_end", f"/unge/{y}/kaede/{member.pk}/afslut/"),
        C("chain:member_end", f"/unge/{y}/kaede/{member.pk}/afslut/", "post",
          {"note": "Forløbet i jobcentret er slut", "end_other_roles": "on"},
          effect=lambda r: not membership_exists(professional=p.colleague)),
        C("chain:contact_wish", f"/unge/{y}/kaede/oenske/"),
        C("chain:contact_wish", f"/unge/{y}/kaede/oenske/", "post", {"wish_text": "Den jeg kender fra skolen"},
          effect=lambda r: ContactWish.objects.filter(youth=p.youth, wish_text="Den jeg kender fra skolen").exists()),
        C("chain:consent_add", f"/unge/{y}/samtykker/ny/"),
        C("chain:consent_add", f"/unge/{y}/samtykker/ny/", "post",
          {"receiving_organisation": p.colleague.organisation.pk, "purpose": "Praktik", "scope": "Plan",
           "expires_on": (today + datetime.timedelta(days=90)).isoformat()},
          effect=lambda r: Consent.objects.filter(youth=p.youth, purpose="Praktik").exists()),
        C("chain:consent_withdraw", f"/unge/{y}/samtykker/{consent.pk}/tilbagekald/"),
        C("chain:consent_withdraw", f"/unge/{y}/samtykker/{consent.pk}/tilbagekald/", "post",
          effect=lambda r: Consent.objects.get(pk=consent.pk).withdrawn_at is not None),
        C("chain:youth_concerns", f"/unge/{y}/bekymringer/", contains=f"/bekymringer/{concern.pk}/"),
        C("chain:concern_create", f"/unge/{y}/bekymringer/ny/"),
        # Raising a concern is every member's: "den der først ser problemet, tager initiativ".
        C("chain:concern_create", f"/unge/{y}/bekymringer/ny/", "post",
          {"category": "trivsel", "severity": "lav", "description": "Virker træt"}, reader_may=True,
          effect=lambda r: Concern.objects.filter(youth=p.youth, description="Virker træt").exists()),
        C("chain:concern_list", "/bekymringer/?status=alle", contains="Josefine", lists_youth=True),
        C("chain:concern_list", "/bekymringer/?status=alle&q=Josefine", contains="Josefine", lists_youth=True),
        C("chain:concern_detail", f"/bekymringer/{concern.pk}/", contains="Udebliver"),
        C("chain:concern_ack", f"/bekymringer/{concern.pk}/kvitter/", "post",
          effect=lambda r: Concern.objects.get(pk=concern.pk).acknowledged_at is not None),
        C("chain:concern_action", f"/bekymringer/{concern.pk}/handling/", "post", {"text": "Ringet til Josefine"},
          effect=lambda r: ConcernAction.objects.filter(concern=concern, text="Ringet til Josefine").exists()),
        C("chain:concern_close", f"/bekymringer/{concern.pk}/afslut/"),
        C("chain:concern_close", f"/bekymringer/{concern.pk}/afslut/", "post", {"outcome": "Møder op igen"},
          effect=lambda r: Concern.objects.get(pk=concern.pk).closed_at is not None),
        # Intake: the contact person works in Ungeindsatsen (UU/KUI).
        C("chain:referral_queue", "/henvisninger/", contains="Ida"),
        C("chain:referral_queue", "/henvisninger/?status=modtaget&q=Josefine", contains="Josefine", lists_youth=True),
        C("chain:referral_create", "/henvisninger/ny/"),
        # Any member of staff may refer a young person (the read-only member too).
        C("chain:referral_create", "/henvisninger/ny/", "post",
          {"key": str(uuid.uuid4()), "first_name": "Omar", "last_name": "Khalil", "cpr": cpr_for_age(17),
           "problem": "Ingen uddannelse", "youth_accepted": "on", "accepted_asked_by": "Mette",
           "accepted_on": today.isoformat()}, reader_may=True,
          effect=lambda r: Referral.objects.filter(first_name="Omar", last_name="Khalil").exists()),
        C("chain:referral_mine", "/henvisninger/mine/", who="colleague", contains="Ida"),
        C("chain:referral_detail", f"/henvisninger/{referral.pk}/", contains="Ida"),
        C("chain:referral_accept", f"/henvisninger/{referral.pk}/modtag/", "post",
          {"contact_person": p.contact_person.pk},
          effect=lambda r: Referral.objects.get(pk=referral.pk).status == ReferralStatus.ACCEPTED),
        C("chain:referral_decline", f"/henvisninger/{referral.pk}/afvis/", "post", {"reason": "Hører til nabokommunen"},
          effect=lambda r: Referral.objects.get(pk=referral.pk).status == ReferralStatus.DECLINED),
        C("chain:handover_create", f"/unge/{y}/overlevering/ny/"),
        C("chain:handover_create", f"/unge/{y}/overlevering/ny/", "post",
          {"receiver": p.outsider.pk, "role": ChainRole.MENTOR, "what_works": "Korte møder",
           "legal_basis": LegalBasis.RETSSIKKERHED_11C},
          effect=lambda r: Handover.objects.filter(youth=p.youth, receiver=p.outsider).exists()),
        C("chain:handover_list", "/overleveringer/", contains="Josefine", lists_youth=True),
        C("chain:handover_detail", f"/overleveringer/{handover.pk}/", contains="Ro og faste aftaler"),
        C("chain:handover_accept", f"/overleveringer/{handover.pk}/accepter/", "post", who="colleague",
          effect=lambda r: Handover.objects.get(pk=handover.pk).status == HandoverStatus.ACCEPTED
          and membership_exists(professional=p.colleague, role=ChainRole.UU_COUNSELLOR)),
        C("chain:handover_decline", f"/overleveringer/{handover.pk}/afvis/", "post", {"reason": "Ingen tid"},
          who="colleague", effect=lambda r: Handover.objects.get(pk=handover.pk).status == HandoverStatus.DECLINED),
        C("chain:handover_comment", f"/overleveringer/{handover.pk}/kommentar/", "post", {"text": "Husk mødet"},
          effect=lambda r: HandoverComment.objects.filter(handover=handover, text="Husk mødet").exists()),
        C("chain:plan_stop_create", f"/unge/{young.pk}/frister/ny/"),
        C("chain:plan_stop_create", f"/unge/{young.pk}/frister/ny/", "post", {"stopped_on": today.isoformat()},
          effect=lambda r: PlanStop.objects.filter(youth=young, stopped_on=today).exists()),
        C("chain:plan_stop_contact", f"/unge/{y}/frister/{stop.pk}/kontakt/", "post", {"day": today.isoformat()},
          effect=lambda r: PlanStop.objects.get(pk=stop.pk).contacted_on == today),
        C("chain:plan_stop_offer", f"/unge/{y}/frister/{stop.pk}/tilbud/", "post",
          {"day": today.isoformat(), "offer": "FGU"},
          effect=lambda r: PlanStop.objects.get(pk=stop.pk).offer == "FGU"),
        C("chain:capacity", "/kapacitet/", who="leader", contains="Mette"),
        C("chain:reassign", f"/kapacitet/omfordel/{p.contact_person.pk}/", who="leader"),
        C("chain:reassign", f"/kapacitet/omfordel/{p.contact_person.pk}/", "post",
          {"receivers": [p.outsider.pk], "note": "Mette stopper"}, who="leader",
          effect=lambda r: membership_exists(professional=p.outsider, role=ChainRole.CONTACT_PERSON)),
    ]
