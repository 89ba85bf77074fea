"""Small builders for the offers tests."""

from __future__ import annotations

from typing import Any

from ungeforlob.accounts.models import Municipality
from ungeforlob.offers.models import NeedTag, Offer
from ungeforlob.plans.models import Activity, ActivityStatus, Goal, Profile, SubGoal
from ungeforlob.youth.models import Youth


def make_offer(municipality: Municipality, name: str = "Mentorforløb", *, needs: tuple[str, ...] = (),
               **fields: Any) -> Offer:
    fields.setdefault("code", name.lower().replace(" ", "-"))
    offer = Offer.objects.create(municipality=municipality, name=name, **fields)
    for need in needs:
        tag, _ = NeedTag.objects.get_or_create(municipality=municipality, name=need)
        offer.need_tags.add(tag)
    return offer


def make_activity(youth: Youth, title: str = "Mødes med mentor", *, offer: Offer | None = None,
                  status: str = ActivityStatus.PLANNED, **extra: Any) -> Activity:
    goal = Goal.objects.filter(youth=youth).first() or Goal.objects.create(
        youth=youth, position=1, text="Jeg vil i gang med en uddannelse", written_by="sammen")
    subgoal = goal.subgoals.first() or SubGoal.objects.create(
        goal=goal, text="Komme ud af huset hver dag", success_criterion="Jeg møder op tre gange om ugen")
    return Activity.objects.create(subgoal=subgoal, title=title, reason="Det giver struktur på ugen",
                                   responsible="ung", offer=offer, status=status, **extra)


def set_profile_needs(youth: Youth, needs: str) -> Profile:
    profile, _ = Profile.objects.get_or_create(youth=youth)
    profile.needs = needs
    profile.save()
    return profile
