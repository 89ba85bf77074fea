"""Reads: everything professionals have written about a young person, and what of it is withheld.

`written_items` is the one list of "what is written about me": the youth's page "Alt skrevet om mig" filters
it through the withholdings in force, and the staff page offers its items to be withheld. A fixed number of
queries whatever the amount of data.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ungeforlob.disclosure.models import Ground, ItemKind, Withholding
from ungeforlob.youth.models import Youth

# What the young person reads about why something is withheld: the legal ground in plain words (LIX ≤ 35).
YOUTH_REASON: dict[str, Any] = {
    Ground.THIRD_PARTY: _("Der står noget om andre mennesker. Dem skal vi også passe på."),
    Ground.OWN_INTEREST: _("Vi tror, det kan gøre dig ondt at læse det nu. Spørg os, så taler vi om det."),
    Ground.CRIME: _("Politiet eller en anden myndighed er ved at se på en sag. Så må vi ikke vise det endnu."),
    Ground.INTERNAL: _("Det er et papir, vi bruger i vores eget arbejde. Det er ikke en afgørelse om dig."),
}

# The profile as the professionals wrote it: the fields, in the page's order (the youth's own story is shown
# on Min plan; here is what others wrote).
PROFILE_FIELDS = ("professional_description", "challenges", "potentials", "needs", "motivation_mastery",
                  "motivation_direction", "motivation_practice", "motivation_relation", "motivation_necessity")


@dataclass(frozen=True)
class Item:
    kind: str
    pk: int
    label: str
    when: Any  # a date or a datetime

    @property
    def day(self) -> datetime.date:
        """The local calendar day (a datetime is read in Europe/Copenhagen)."""
        return timezone.localdate(self.when) if isinstance(self.when, datetime.datetime) else self.when


def withholdings_in_force(youth: Youth) -> dict[tuple[str, int], Withholding]:
    return {(w.kind, w.item_id): w for w in Withholding.objects.filter(youth=youth).in_force()}


def written_items(youth: Youth) -> dict[str, Any]:
    """Every kind of thing written about the young person, unfiltered, newest first."""
    from ungeforlob.chain.models import Concern, Referral
    from ungeforlob.chain.selectors import handovers_for_youth
    from ungeforlob.education.models import AttendanceRecord
    from ungeforlob.meetings.models import AgendaEntry, Decision
    from ungeforlob.plans.models import Evaluation, JournalNote, Profile
    from ungeforlob.progression.selectors import current_versions

    profile = Profile.objects.filter(youth=youth).first()
    profile_fields = [(Profile._meta.get_field(f).verbose_name, getattr(profile, f)) for f in PROFILE_FIELDS
                      if profile is not None and getattr(profile, f).strip()]
    return {
        "profile": profile if profile_fields else None,
        "profile_fields": profile_fields,
        "notes": list(JournalNote.objects.filter(youth=youth).order_by("-created_at", "-pk")),
        "evaluations": list(Evaluation.objects.filter(youth=youth).select_related("subgoal", "goal")
                            .order_by("-created_at", "-pk")),
        "assessments": list(reversed(current_versions(youth))),
        "concerns": list(Concern.objects.filter(youth=youth).order_by("-raised_at", "-pk")),
        "referrals": list(Referral.objects.filter(youth=youth).order_by("-submitted_at", "-pk")),
        "handovers": handovers_for_youth(youth),
        "meetings": list(AgendaEntry.objects.filter(youth=youth).select_related("occurrence__meeting")
                         .prefetch_related(Prefetch("decisions", queryset=Decision.objects.order_by("due_on", "pk")))
                         .order_by("-occurrence__held_on", "-pk")),
        # Absence a school or workplace recorded week by week (education): figures, not opinions — shown, not withheld.
        "attendance": list(AttendanceRecord.objects.filter(youth=youth).select_related("station")
                           .order_by("-week", "-pk")),
    }


def items_for_staff(written: dict[str, Any]) -> list[Item]:
    """The items of `written_items` that can be withheld here, as (kind, id, a short label, date)."""
    items: list[Item] = []
    if written["profile"] is not None:
        items.append(Item(ItemKind.PROFILE, written["profile"].pk, str(_("Profilen")), written["profile"].updated_at))
    items += [Item(ItemKind.EVALUATION, e.pk, (e.subgoal.text if e.subgoal else e.goal.text if e.goal else "")[:80],
                   e.created_at) for e in written["evaluations"]]
    items += [Item(ItemKind.ASSESSMENT, v.assessment_id, v.get_level_display(), v.assessed_on)
              for v in written["assessments"]]
    items += [Item(ItemKind.CONCERN, c.pk, c.get_category_display(), c.raised_at) for c in written["concerns"]]
    items += [Item(ItemKind.REFERRAL, r.pk, r.organisation_name or str(_("Henvisning")), r.submitted_at)
              for r in written["referrals"]]
    items += [Item(ItemKind.HANDOVER, h.pk, h.get_role_display(), h.created_at) for h in written["handovers"]]
    items += [Item(ItemKind.MEETING, e.pk, e.question[:80], e.occurrence.held_on) for e in written["meetings"]]
    return items


def item_key(kind: str, obj: Any) -> tuple[str, int]:
    """The (kind, id) a withholding names for one shown object (an assessment's version names its assessment)."""
    return (kind, obj.assessment_id if kind == ItemKind.ASSESSMENT else obj.pk)
