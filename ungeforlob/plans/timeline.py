"""The plan's entries on the youth's timeline: profile and plan changes, evaluations, meetings and notes.

Four queries whatever the amount; with `limit`, each reads only its newest `limit` rows. Only notes visible to the youth appear here, because the same timeline
is shown to the youth; hidden notes stay on the staff's notes page.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ungeforlob.core.links import reverse_ids
from ungeforlob.core.prepared import prepared, reads_ahead
from ungeforlob.plans.models import Evaluation, JournalNote, PlanChange, PlanMeeting
from ungeforlob.youth.models import Youth
from ungeforlob.youth.timeline import (
    PageSoFar,
    TimelineEntry,
    newest_at,
    newest_by,
    newest_read,
    newest_rows,
    older_than,
)

_TITLES = {
    ("profile", "update"): gettext_lazy("Ungeprofilen blev ændret"),
    ("goal", "create"): gettext_lazy("Nyt mål"),
    ("goal", "update"): gettext_lazy("Et mål blev ændret"),
    ("goal", "delete"): gettext_lazy("Et mål blev fjernet"),
    ("subgoal", "create"): gettext_lazy("Nyt delmål"),
    ("subgoal", "update"): gettext_lazy("Et delmål blev ændret"),
    ("subgoal", "delete"): gettext_lazy("Et delmål blev fjernet"),
    ("activity", "create"): gettext_lazy("Ny aktivitet"),
    ("activity", "update"): gettext_lazy("En aktivitet blev ændret"),
    ("activity", "delete"): gettext_lazy("En aktivitet blev fjernet"),
}


def change_title(change: PlanChange) -> str:
    return str(_TITLES.get((change.object_type, change.action), _("Planen blev ændret")))


@prepared(youth_id=int)
def _changes(*, youth_id: int, limit: int | None) -> QuerySet[PlanChange]:
    return newest_by(PlanChange.objects.filter(youth_id=youth_id).only(
        "created_at", "object_type", "action", "object_label", "actor_name"), "created_at", limit)


@prepared(youth_id=int)
def _evaluations(*, youth_id: int, limit: int | None) -> QuerySet[Evaluation]:
    return newest_by(Evaluation.objects.filter(youth_id=youth_id).select_related("subgoal", "goal"), "created_at",
                     limit)


@prepared(youth_id=int)
def _meetings(*, youth_id: int, limit: int | None) -> QuerySet[PlanMeeting]:
    return newest_by(PlanMeeting.objects.filter(youth_id=youth_id), "held_on", limit)


@prepared(youth_id=int)
def _notes(*, youth_id: int, limit: int | None) -> QuerySet[JournalNote]:
    return newest_by(JournalNote.objects.filter(youth_id=youth_id, visible_to_youth=True), "created_at", limit)


@reads_ahead(lambda youth, limit: [read for query in (_changes, _evaluations, _meetings, _notes)
                                   for read in newest_read(query, youth_id=youth.pk, limit=limit)])
@newest_at(lambda youth: [
    (PlanChange.objects.filter(youth=youth), "created_at"),
    (Evaluation.objects.filter(youth=youth), "created_at"),
    (PlanMeeting.objects.filter(youth=youth), "held_on"),
    (JournalNote.objects.filter(youth=youth, visible_to_youth=True), "created_at"),
])
def plan_entries(youth: Youth, *, limit: int | None = None, page: PageSoFar | None = None) -> list[TimelineEntry]:
    """With `limit`, each kind's rows are read newest first until the page's last moment so far (`page.since`,
    raised by what the kinds before have filled)."""
    tz = timezone.get_current_timezone()
    page = page or PageSoFar.whole()
    history_url = reverse_ids("plans:history", [youth.pk])
    entries = []
    for c in newest_rows(_changes, youth_id=youth.pk, limit=limit):
        if older_than(c.created_at, page.since, tz):
            break
        text = "" if c.object_type == "profile" else c.object_label
        entries.append(TimelineEntry(c.created_at, "plan", change_title(c), text, c.actor_name, history_url))
    page.tighten(entries)
    plan_url = reverse_ids("plans:plan", [youth.pk])
    for e in newest_rows(_evaluations, youth_id=youth.pk, limit=limit):
        if older_than(e.created_at, page.since, tz):
            break
        target = e.subgoal.text if e.subgoal_id else e.goal.text
        entries.append(TimelineEntry(
            e.created_at, "evaluering", _("Evaluering: %(n)s af 5 på vej") % {"n": e.closeness}, target,
            e.author_name, plan_url))
    page.tighten(entries)
    for m in newest_rows(_meetings, youth_id=youth.pk, limit=limit):
        if older_than(m.held_on, page.since, tz):
            break
        entries.append(TimelineEntry(m.held_on, "planmoede", _("Planmøde"), m.agreed, "",
                                     reverse_ids("plans:meeting_detail", [youth.pk, m.pk])))
    page.tighten(entries)
    notes_url = reverse_ids("plans:notes", [youth.pk])
    for n in newest_rows(_notes, youth_id=youth.pk, limit=limit):
        if older_than(n.created_at, page.since, tz):
            break
        entries.append(TimelineEntry(n.created_at, "notat", _("Notat"), n.text, n.author_name, notes_url))
    return entries
