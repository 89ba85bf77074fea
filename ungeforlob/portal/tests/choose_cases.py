"""Outsider and success cases for choosing and saying (issue 17, points 5–6), listed by outsider_cases.py and
success_cases.py. Min side's pages answer only a young person's own session (a staff session goes to the
portal login); the contact person's pages stand behind the access policy."""

from __future__ import annotations

from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase, SuccessCase

PORTAL = (302,)


def _data(p: Personas) -> dict:
    from ungeforlob.offers.models import Offer
    from ungeforlob.plans.models import SubGoal
    from ungeforlob.portal import services
    from ungeforlob.portal.models import CheckIn, ReachedStatus
    from ungeforlob.portal.testing import give_plan

    existing = SubGoal.objects.filter(goal__youth=p.youth).first()  # the portal's own cases may have made the plan
    plan = {"subgoal": existing} if existing else give_plan(p.youth, p.contact_person)
    sara = services.presentation_save(actor=p.outsider, choosable=True, good_at="Jeg lytter og finder praktik").user
    offer = Offer.objects.create(municipality=p.municipality, code="klatring", name="Klatring sammen", age_min=15,
                                 age_max=29)
    proposal = services.contact_proposal_create(youth=p.youth, professional_id=sara.pk, why="Hun er rar")
    checkin = CheckIn.objects.create(youth=p.youth, subgoal=plan["subgoal"], line="Jeg kom op", closeness=5,
                                     reached=ReachedStatus.PROPOSED)
    return {"plan": plan, "sara": sara, "offer": offer, "proposal": proposal, "checkin": checkin}


def outsider_cases(p: Personas) -> list[OutsiderCase]:
    C = OutsiderCase
    d = _data(p)
    y, proposal, checkin = p.youth.pk, d["proposal"], d["checkin"]
    return [
        C("portal:choose_contact", "/min-side/kontaktperson/", refused_statuses=PORTAL),
        C("portal:choose_contact", "/min-side/kontaktperson/", "post", {"professional": str(d["sara"].pk)},
          refused_statuses=PORTAL),
        C("portal:offers", "/min-side/tilbud/", refused_statuses=PORTAL),
        C("portal:offers", "/min-side/tilbud/", "post", {"offer": str(d["offer"].pk)}, refused_statuses=PORTAL),
        C("portal:staff_checkins", f"/unge/{y}/tjek-ind/"),
        C("portal:staff_checkins", f"/unge/{y}/tjek-ind/", "post", {"seen": "1"}),
        C("portal:staff_checkins", f"/unge/{y}/tjek-ind/", "post",
          {"checkin": str(checkin.pk), f"c{checkin.pk}-decision": "ja"}),
        C("portal:staff_proposals", f"/unge/{y}/kontaktperson-forslag/"),
        C("portal:staff_proposals", f"/unge/{y}/kontaktperson-forslag/", "post",
          {"proposal": str(proposal.pk), f"p{proposal.pk}-decision": "ja"}),
        # Every professional writes their own presentation (no young person's data): allowed for each of them.
        C("portal:presentation", "/min-praesentation-for-unge/", allowed_for=("outsider", "leader", "stranger")),
    ]


def success_cases(p: Personas) -> list[SuccessCase]:
    from ungeforlob.plans.models import SubGoal, SubGoalStatus
    from ungeforlob.portal.models import (
        CheckIn,
        ContactProposal,
        ProposalStatus,
        ReachedStatus,
        StaffPresentation,
        Wish,
        WishKind,
    )

    C = SuccessCase
    d = _data(p)
    y, proposal, checkin, offer = p.youth, d["proposal"], d["checkin"], d["offer"]
    jonas = p.colleague
    StaffPresentation.objects.create(user=jonas, choosable=True, good_at="Jeg kender mange arbejdspladser")
    ContactProposal.objects.filter(pk=proposal.pk).update(status=ProposalStatus.DISCUSS)  # open, and room for another
    youth = {"who": "youth"}

    def proposed_jonas(r) -> bool:
        return ContactProposal.objects.filter(youth=y, professional=jonas).exists()

    return [
        C("portal:choose_contact", "/min-side/kontaktperson/", contains="Jeg kender mange arbejdspladser", **youth),
        C("portal:choose_contact", "/min-side/kontaktperson/", "post", {"professional": str(jonas.pk)}, **youth,
          effect=proposed_jonas),
        C("portal:offers", "/min-side/tilbud/", contains="Klatring sammen", **youth),
        C("portal:offers", "/min-side/tilbud/", "post", {"offer": str(offer.pk)}, **youth,
          effect=lambda r: Wish.objects.filter(youth=y, kind=WishKind.OFFER, offer=offer).exists()),
        C("portal:staff_checkins", f"/unge/{y.pk}/tjek-ind/", contains="Jeg kom op"),
        C("portal:staff_checkins", f"/unge/{y.pk}/tjek-ind/", "post", {"seen": "1"},
          effect=lambda r: CheckIn.objects.get(pk=checkin.pk).seen_by_id == p.contact_person.pk),
        C("portal:staff_checkins", f"/unge/{y.pk}/tjek-ind/", "post",
          {"checkin": str(checkin.pk), f"c{checkin.pk}-decision": "ja"},
          effect=lambda r: CheckIn.objects.get(pk=checkin.pk).reached == ReachedStatus.CONFIRMED
          and SubGoal.objects.get(pk=checkin.subgoal_id).status == SubGoalStatus.REACHED),
        C("portal:staff_proposals", f"/unge/{y.pk}/kontaktperson-forslag/", contains="Hun er rar"),
        C("portal:staff_proposals", f"/unge/{y.pk}/kontaktperson-forslag/", "post",
          {"proposal": str(proposal.pk), f"p{proposal.pk}-decision": "ja"},
          effect=lambda r: ContactProposal.objects.get(pk=proposal.pk).status == ProposalStatus.ACCEPTED),
        C("portal:presentation", "/min-praesentation-for-unge/", contains="Jeg lytter og finder praktik",
          who="outsider"),
        C("portal:presentation", "/min-praesentation-for-unge/", "post", {"choosable": "on", "good_at": "Jeg er god til job"},
          who="outsider", reader_may=True,
          effect=lambda r: StaffPresentation.objects.get(user=p.outsider).good_at == "Jeg er god til job"),
    ]
