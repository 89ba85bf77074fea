"""Timeline entries from chain meetings: the young person on an agenda and the meeting's decisions."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from ungeforlob.meetings.models import AgendaEntry, Decision
from ungeforlob.youth.models import Youth
from ungeforlob.youth.timeline import TimelineEntry, latest, newest_at


@newest_at(lambda youth: [
    (AgendaEntry.objects.filter(youth=youth), "created_at"),
    (Decision.objects.filter(entry__youth=youth), latest("created_at", "done_at")),
])
def meeting_entries(youth: Youth, *, limit: int | None = None) -> list[TimelineEntry]:
    """Two queries. With `limit`, the newest `limit` agenda entries (their decisions come after them)."""
    decisions = Prefetch("decisions", queryset=Decision.objects.select_related("owner").order_by("created_at", "pk"))
    qs = (AgendaEntry.objects.filter(youth=youth).select_related("occurrence__meeting", "raised_by")
          .prefetch_related(decisions).order_by("-created_at", "-pk"))
    if limit is not None:
        qs = qs[:limit]
    entries = []
    for e in qs:
        meeting = e.occurrence.meeting.name
        entries.append(TimelineEntry(e.created_at, "kaedemoede", _("Sat på dagsordenen til kædemødet %(name)s")
                                     % {"name": meeting}, e.question, by=str(e.raised_by)))
        for d in e.decisions.all():
            entries.append(TimelineEntry(d.created_at, "kaedemoede", _("Kædemødet besluttede: %(text)s")
                                         % {"text": d.text}, _("Ansvarlig: %(owner)s, frist %(d)s")
                                         % {"owner": d.owner, "d": d.due_on.strftime("%d.%m.%Y")}))
            if d.done_at:
                entries.append(TimelineEntry(d.done_at, "kaedemoede", _("Opgave fra kædemøde udført: %(text)s")
                                             % {"text": d.text}, by=str(d.owner)))
    return entries
