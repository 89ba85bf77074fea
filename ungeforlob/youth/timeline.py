"""One chronological timeline per young person, gathered from every capability.

Each source is a function `(youth) -> list[TimelineEntry]` costing a fixed number of queries; apps add
theirs to TIMELINE_SOURCES. The timeline is shown to staff in the circle and (later) to the youth.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from ungeforlob.youth.models import Youth


@dataclass(frozen=True)
class TimelineEntry:
    when: datetime.datetime | datetime.date
    kind: str
    title: str
    text: str = ""
    by: str = ""
    url: str = ""

    @property
    def sort_key(self) -> datetime.datetime:
        if isinstance(self.when, datetime.datetime):
            return self.when.replace(tzinfo=None)
        return datetime.datetime.combine(self.when, datetime.time.min)


def course_entries(youth: Youth) -> list[TimelineEntry]:
    entries = []
    for course in youth.courses.all():
        entries.append(TimelineEntry(course.start_date, "forloeb", _("Forløbet startede")))
        if course.end_date:
            entries.append(
                TimelineEntry(course.end_date, "forloeb", _("Forløbet sluttede"), course.get_end_reason_display())
            )
    return entries


def membership_entries(youth: Youth) -> list[TimelineEntry]:
    entries = []
    for m in youth.memberships.select_related("professional__organisation", "team"):
        entries.append(
            TimelineEntry(m.start_date, "kaede", _("%(name)s kom med i kæden som %(role)s")
                          % {"name": m.holder_name, "role": m.get_role_display()})
        )
        if m.end_date:
            entries.append(
                TimelineEntry(m.end_date, "kaede", _("%(name)s stoppede som %(role)s")
                              % {"name": m.holder_name, "role": m.get_role_display()})
            )
    return entries


TIMELINE_SOURCES: list[str] = [
    "ungeforlob.youth.timeline.course_entries",
    "ungeforlob.youth.timeline.membership_entries",
    "ungeforlob.plans.timeline.plan_entries",
    "ungeforlob.chain.timeline.concern_entries",
    "ungeforlob.chain.timeline.handover_entries",
    "ungeforlob.chain.timeline.consent_entries",
    "ungeforlob.chain.timeline.plan_stop_entries",
    "ungeforlob.transitions.timeline.transition_entries",
    "ungeforlob.progression.timeline.assessment_entries",
    "ungeforlob.messaging.timeline.sms_entries",
    "ungeforlob.portal.timeline.wish_entries",
]


def timeline_for(youth: Youth) -> list[TimelineEntry]:
    entries: list[TimelineEntry] = []
    for path in TIMELINE_SOURCES:
        source: Callable[[Youth], list[TimelineEntry]] = import_string(path)
        entries.extend(source(youth))
    return sorted(entries, key=lambda e: e.sort_key, reverse=True)
