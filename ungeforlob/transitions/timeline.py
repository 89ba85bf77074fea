"""Timeline entries from transitions: stations begun and ended, cancelled transitions, follow-ups done or
skipped with their note. Three queries whatever the history's length."""

from __future__ import annotations

from django.db.models import Case, F, QuerySet, When
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.core.links import reverse_ids
from ungeforlob.core.prepared import prepared, reads_ahead
from ungeforlob.core.text import choice_label
from ungeforlob.transitions.models import FollowUp, FollowUpStatus, Station, StationEndReason, Transition
from ungeforlob.youth.models import Youth
from ungeforlob.youth.timeline import TODAY, TimelineEntry, newest_at


def _closed_followups(youth_id: int) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(youth_id=youth_id, status__in=[FollowUpStatus.DONE, FollowUpStatus.SKIPPED],
                                   done_at__isnull=False, done_by__isnull=False)


@prepared(youth_id=int)
def _stations(*, youth_id: int) -> QuerySet[Station]:
    return Station.objects.filter(youth_id=youth_id).exclude(transition__cancelled_at__isnull=False)


@prepared(youth_id=int)
def _cancelled(*, youth_id: int) -> QuerySet[Transition]:
    return Transition.objects.filter(youth_id=youth_id, cancelled_at__isnull=False).select_related(
        "to_station", "cancelled_by")


@prepared(youth_id=int)
def _closed(*, youth_id: int) -> QuerySet[FollowUp]:
    return _closed_followups(youth_id).select_related("done_by")


@reads_ahead(lambda youth, limit: [_stations.read(youth_id=youth.pk), _cancelled.read(youth_id=youth.pk),
                                   _closed.read(youth_id=youth.pk)])
@newest_at(lambda youth: [
    # A station shows from the day it begins, and its end from the day it ends: a planned one is not the newest.
    (Station.objects.filter(youth=youth, start_date__lte=TODAY).exclude(transition__cancelled_at__isnull=False),
     Case(When(end_date__lte=TODAY, then=F("end_date")), default=F("start_date"))),
    (Transition.objects.filter(youth=youth, cancelled_at__isnull=False), "cancelled_at"),
    (_closed_followups(youth.pk), "done_at"),
])
def transition_entries(youth: Youth) -> list[TimelineEntry]:
    today = timezone.localdate()
    url = reverse_ids("transitions:youth", [youth.pk])
    entries: list[TimelineEntry] = []
    for s in _stations(youth_id=youth.pk):
        if s.start_date <= today:
            entries.append(TimelineEntry(s.start_date, "overgang", _("Startede: %(station)s") % {"station": s},
                                         url=url))
        if s.end_date and s.end_date <= today:
            entries.append(TimelineEntry(s.end_date, "overgang", _("Sluttede: %(station)s") % {"station": s},
                                         choice_label(StationEndReason, s.end_reason), url=url))
    for t in _cancelled(youth_id=youth.pk):
        entries.append(TimelineEntry(timezone.localtime(t.cancelled_at), "overgang",
                                     _("Overgang aflyst: %(station)s") % {"station": t.to_station},
                                     t.cancel_reason, by=str(t.cancelled_by or ""), url=url))
    for f in _closed(youth_id=youth.pk):
        title = (_("Opfølgning udført: %(title)s") if f.status == FollowUpStatus.DONE
                 else _("Opfølgning sprunget over: %(title)s")) % {"title": f.title}
        when = timezone.localtime(f.done_at)
        entries.append(TimelineEntry(when, "opfoelgning", title, f.note, by=str(f.done_by), url=url))
    return entries
