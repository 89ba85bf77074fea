"""Reads for "Choosing and saying" on Min side (issue 17, points 5–9) and its staff side.

The youth functions take the youth from the portal session (a youth only reads their own data); the staff
functions are called after `policy.get_youth_for` has reached the young person. Each costs a fixed number of
queries whatever the amount of data.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.chain.selectors import contact_people
from ungeforlob.portal.models import CheckIn, ContactProposal, ReachedStatus, Wish, WishKind, WishStatus
from ungeforlob.youth.models import Youth

# --- Contact person ---------------------------------------------------------------------------------------


def _contact_memberships(youth: Youth) -> QuerySet[Membership]:
    return Membership.objects.active().filter(youth=youth, role=ChainRole.CONTACT_PERSON)


def current_contact_ids(youth: Youth) -> set[int]:
    return {u.pk for u in contact_people(youth)}


def choosable_professionals(youth: Youth) -> QuerySet[Any]:
    """The people the municipality lets young people choose among: active staff of her municipality who opted in
    ("kan vælges af unge") with a short presentation. One query (organisation and presentation joined)."""
    from ungeforlob.accounts.models import Role, User

    return (User.objects.filter(municipality_id=youth.municipality_id, is_active=True,
                                youth_presentation__choosable=True)
            .exclude(role=Role.ADMINISTRATOR).exclude(youth_presentation__good_at="")
            .select_related("organisation", "youth_presentation").order_by("first_name", "last_name", "pk"))


def proposals_for(youth: Youth) -> QuerySet[ContactProposal]:
    return ContactProposal.objects.filter(youth=youth)


def choose_contact_page(youth: Youth) -> dict[str, Any]:
    """Min side's "Vælg kontaktperson": whom she can choose, her contact person now and her proposals."""
    from ungeforlob.portal.models import ProposalStatus

    current = current_contact_ids(youth)
    proposals = list(proposals_for(youth)[:10])
    return {
        "people": [u for u in choosable_professionals(youth) if u.pk not in current],
        "current": [m.holder_name for m in _contact_memberships(youth).select_related("professional", "team")],
        "proposals": proposals,
        "waiting": any(p.status == ProposalStatus.NEW for p in proposals),
    }


# --- Offers suggested for her ---------------------------------------------------------------------------


def suggested_offers(youth: Youth) -> list[dict[str, Any]]:
    """The offers the offers app suggests for her level, needs and age, each with why in plain words."""
    from ungeforlob.offers.selectors import current_levels, suggestions_for

    found = suggestions_for(youth, limit=8)
    levels = current_levels(youth)
    out = []
    for s in found["suggestions"]:
        offer = s.offer
        why = []
        if s.score >= 10:  # the offers app gives 10 a need it meets in her profile
            names = ", ".join(t.name.lower() for t in offer.need_tags.all())
            why.append(_("Det kan hjælpe dig med: %(needs)s.") % {"needs": names})
        if any(lv in offer.readiness.split() for lv in levels):
            why.append(_("Det passer til, hvor du er lige nu."))
        if offer.age_min is not None or offer.age_max is not None:
            why.append(_("Det er for unge på din alder."))
        out.append({"offer": offer, "why": why, "full": s.full,
                    "about": (offer.focus or offer.description or offer.target_group).strip()[:240]})
    return out


def offers_page(youth: Youth) -> dict[str, Any]:
    """The suggested offers with the status of her "Det vil jeg gerne høre mere om" for each (two queries more)."""
    offers = suggested_offers(youth)
    asked = {w.offer_id: w for w in Wish.objects.filter(youth=youth, kind=WishKind.OFFER,
                                                         offer_id__in=[o["offer"].pk for o in offers])
             .order_by("created_at", "pk")}
    for o in offers:
        o["wish"] = asked.get(o["offer"].pk)
    return {"offers": offers}


# --- Check-ins ------------------------------------------------------------------------------------------


def my_checkins(youth: Youth, *, per_subgoal: int = 3) -> dict[int, list[CheckIn]]:
    """Her latest check-ins per sub-goal, her own words shown back on Min plan. One query."""
    by_subgoal: dict[int, list[CheckIn]] = {}
    for c in CheckIn.objects.filter(youth=youth).select_related("activity").order_by("-created_at", "-pk")[:200]:
        rows = by_subgoal.setdefault(c.subgoal_id, [])
        if len(rows) < per_subgoal:
            rows.append(c)
    return by_subgoal


def staff_checkins(youth: Youth, *, limit: int = 30) -> list[CheckIn]:
    """For the contact person: her check-ins, newest first, those waiting first. One query."""
    rows = list(CheckIn.objects.filter(youth=youth).select_related("subgoal", "activity")
                .order_by("-created_at", "-pk")[:limit])
    rows.sort(key=lambda c: not c.waits)
    return rows


def waiting_reached(youth: Youth) -> QuerySet[CheckIn]:
    return CheckIn.objects.filter(youth=youth, reached=ReachedStatus.PROPOSED)


# --- Self-evaluation in plain words ----------------------------------------------------------------------

PLAIN_SCALE = {
    1: gettext_lazy("Det passer slet ikke på dig nu."),
    2: gettext_lazy("Det passer lidt på dig nu."),
    3: gettext_lazy("Det passer nogenlunde på dig nu."),
    4: gettext_lazy("Det passer godt på dig nu."),
    5: gettext_lazy("Det passer helt på dig nu."),
}


def plain_words(scores: dict[str, Any]) -> dict[str, Any]:
    """The self-evaluation's result as sentences, before the chart: where she sees herself strongest, where she
    has most to work on, and one line per theme."""
    from ungeforlob.progression.questionnaire import DIMENSION_ORDER, Dimension

    lines = []
    answered = {d: v for d, v in scores.items() if v is not None}
    for code in DIMENSION_ORDER:
        value = scores.get(code)
        if value is None:
            text = _("Du har ikke svaret her.")
        else:
            text = str(PLAIN_SCALE[max(1, min(5, round(value)))])
        lines.append({"label": Dimension(code).label, "text": text, "value": value})
    lead = []
    if answered:
        best = max(answered.values())
        low = min(answered.values())
        strongest = [str(Dimension(d).label).lower() for d in DIMENSION_ORDER if answered.get(d) == best]
        lead.append(_("Du ser dig selv stærkest i: %(themes)s.") % {"themes": ", ".join(strongest)})
        if low < best:
            weakest = [str(Dimension(d).label).lower() for d in DIMENSION_ORDER if answered.get(d) == low]
            lead.append(_("Du har mest at arbejde med i: %(themes)s.") % {"themes": ", ".join(weakest)})
    return {"lead": lead, "lines": lines}


# --- The contact person's I dag ----------------------------------------------------------------------------


def open_wish_count(youth: Youth) -> int:
    return Wish.objects.filter(youth=youth, status=WishStatus.NEW).count()
