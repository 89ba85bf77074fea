import datetime

from django.utils import timezone

from ungeforlob.chain import services
from ungeforlob.chain.models import ChainRole, Handover, PlanStop
from ungeforlob.testing import Personas, cpr_for_age
from ungeforlob.testing_cases import OutsiderCase as C


def cases(p: Personas) -> list[C]:
    y = p.youth.pk
    today = timezone.localdate()
    member = p.youth.memberships.get(professional=p.colleague)
    contact = p.youth.memberships.get(professional=p.contact_person, role="kontaktperson")
    consent = services.consent_record(actor=p.contact_person, youth=p.youth, purpose="Samarbejde",
                                      receiving_organisation=p.colleague.organisation, scope="Plan",
                                      expires_on=today + datetime.timedelta(days=30))
    concern = services.concern_raise(actor=p.colleague, youth=p.youth, category="fravaer", severity="middel",
                                     description="Udebliver")
    referral, _ = services.referral_submit(
        actor=p.colleague, first_name="Ida", last_name="Berg", cpr_number=cpr_for_age(18), problem="Hjælp",
        youth_accepted=True, accepted_asked_by="Jonas", accepted_on=today)
    handover = Handover.objects.create(youth=p.youth, sender=p.contact_person, receiver=p.colleague,
                                       role=ChainRole.MENTOR, what_works="Ro")
    stop = PlanStop.objects.create(youth=p.youth, stopped_on=today, recorded_by=p.contact_person,
                                   contact_due=today, offer_due=today)
    day = {"day": today.isoformat(), "offer": "FGU"}
    return [
        C("chain:circle", f"/unge/{y}/kaede/"),
        C("chain:member_add", f"/unge/{y}/kaede/tilfoej/", "post", {"professional": p.outsider.pk, "role": "mentor"}),
        C("chain:member_role", f"/unge/{y}/kaede/{member.pk}/rolle/", "post", {"role": "mentor"}),
        C("chain:member_end", f"/unge/{y}/kaede/{member.pk}/afslut/", "post"),
        C("chain:member_extended", f"/unge/{y}/kaede/{contact.pk}/kontaktperson-plus/"),
        C("chain:member_extended", f"/unge/{y}/kaede/{contact.pk}/kontaktperson-plus/", "post", {"extended": "on"}),
        C("chain:contact_wish", f"/unge/{y}/kaede/oenske/", "post", {"wish_text": "Sara"}),
        C("chain:consent_add", f"/unge/{y}/samtykker/ny/", "post",
          {"receiving_organisation": p.organisation.pk, "purpose": "x", "scope": "x", "expires_on": "2030-01-01"}),
        C("chain:consent_withdraw", f"/unge/{y}/samtykker/{consent.pk}/tilbagekald/", "post"),
        C("chain:youth_concerns", f"/unge/{y}/bekymringer/"),
        C("chain:concern_create", f"/unge/{y}/bekymringer/ny/", "post",
          {"category": "trivsel", "severity": "lav", "description": "x"}),
        # Lists only ever show the caller's own circles (asserted by name in test_views).
        C("chain:concern_list", "/bekymringer/?status=alle", refused_statuses=(200,)),
        C("chain:concern_detail", f"/bekymringer/{concern.pk}/"),
        C("chain:concern_ack", f"/bekymringer/{concern.pk}/kvitter/", "post"),
        C("chain:concern_action", f"/bekymringer/{concern.pk}/handling/", "post", {"text": "x"}),
        C("chain:concern_close", f"/bekymringer/{concern.pk}/afslut/", "post", {"outcome": "x"}),
        # Intake (UU/KUI professionals) only; a UU professional of another municipality sees their own,
        # empty, queue (asserted in test_referrals).
        C("chain:referral_queue", "/henvisninger/", refused_statuses=(403,), allowed_for=("stranger",)),
        # Any member of staff may refer and see their own referrals' status.
        C("chain:referral_create", "/henvisninger/ny/", refused_statuses=(200,)),
        C("chain:referral_mine", "/henvisninger/mine/", refused_statuses=(200,)),
        C("chain:referral_detail", f"/henvisninger/{referral.pk}/"),
        C("chain:referral_accept", f"/henvisninger/{referral.pk}/modtag/", "post",
          {"contact_person": p.outsider.pk}),
        C("chain:referral_decline", f"/henvisninger/{referral.pk}/afvis/", "post", {"reason": "x"}),
        C("chain:handover_create", f"/unge/{y}/overlevering/ny/", "post",
          {"receiver": p.outsider.pk, "role": "mentor", "what_works": "x"}),
        C("chain:handover_list", "/overleveringer/", refused_statuses=(200,)),
        C("chain:handover_detail", f"/overleveringer/{handover.pk}/"),
        C("chain:handover_accept", f"/overleveringer/{handover.pk}/accepter/", "post"),
        C("chain:handover_decline", f"/overleveringer/{handover.pk}/afvis/", "post", {"reason": "x"}),
        C("chain:handover_comment", f"/overleveringer/{handover.pk}/kommentar/", "post", {"text": "x"}),
        C("chain:plan_stop_create", f"/unge/{y}/frister/ny/", "post", {"stopped_on": today.isoformat()}),
        C("chain:plan_stop_contact", f"/unge/{y}/frister/{stop.pk}/kontakt/", "post", day),
        C("chain:plan_stop_offer", f"/unge/{y}/frister/{stop.pk}/tilbud/", "post", day),
        C("chain:capacity", "/kapacitet/", allowed_for=("leader",)),
        C("chain:reassign", f"/kapacitet/omfordel/{p.contact_person.pk}/", allowed_for=("leader",)),
        C("chain:reassign", f"/kapacitet/omfordel/{p.contact_person.pk}/", "post",
          {"receivers": [p.outsider.pk], "note": "x"}, allowed_for=("leader",)),
    ]
