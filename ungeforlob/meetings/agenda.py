"""Items on *I dag* (declared in `MeetingsConfig.agenda_sources`), each source a fixed number of queries.

* tasks_due – the user's open tasks from chain meetings (their decisions), by deadline.
* meetings_ahead – chain meetings, plan meetings and follow-up steps the user takes part in, today and the
  next 7 days.
* agreement_reviews – for leaders: cooperation agreements to review within 30 days (or overdue).

A chain meeting's task names the young person by first name only and links to the agenda entry (the minimum
the meeting shares, audited there): its owner may be outside the young person's circle.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.core.agenda import AgendaItem, probe_query, probed
from ungeforlob.meetings import access
from ungeforlob.meetings.models import CooperationAgreement, Decision, MeetingParticipant, Occurrence
from ungeforlob.meetings.selectors import REVIEW_NOTICE_DAYS

AHEAD_DAYS = 7


def _open_tasks(user: Any, *, today: datetime.date) -> list[Any]:
    if not access.may_take_part(user):
        return []
    return [Decision.objects.filter(owner=user, done_at__isnull=True, entry__in=access.entries_for(user))]


def _open_tasks_probe(user: Any, *, today: datetime.date) -> list[Any]:
    """The probe: the user's open decisions from any meeting — more than `_open_tasks` may show, and much cheaper
    to build (the source then reads exactly what it shows)."""
    if not access.may_take_part(user):
        return []
    return [_open_decisions(user_id=user.pk)]


@probe_query(user_id=int)
def _open_decisions(*, user_id: int) -> QuerySet[Decision]:
    return Decision.objects.filter(owner=user_id, done_at__isnull=True)


@probed(_open_tasks_probe)
def tasks_due(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    """Open decisions the user owns, from meetings they still take part in."""
    tasks = _open_tasks(user, today=today)
    if not tasks:
        return []
    qs = tasks[0].select_related("entry__youth", "entry__occurrence__meeting").order_by("due_on", "pk")[:50]
    return [
        AgendaItem(due=d.due_on, kind="kædemøde", title=d.text, youth_name=d.entry.youth.first_name,
                   url=reverse("meetings:entry", args=[d.entry_id]), overdue=d.due_on < today,
                   detail=_("Frist %(due)s. Besluttet på %(name)s %(d)s.") % {
                       "due": d.due_on.strftime("%d.%m.%Y"), "name": d.entry.occurrence.meeting.name,
                       "d": d.entry.occurrence.held_on.strftime("%d.%m.%Y")},
                   actions={"done": reverse("meetings:decision_done", args=[d.pk])})
        for d in qs
    ]


def _meetings_ahead(user: Any, *, today: datetime.date) -> list[Any]:
    """The chain meetings' occurrences, and the plan meetings and follow-up steps the user takes part in."""
    if not access.may_take_part(user):
        return []
    until = today + datetime.timedelta(days=AHEAD_DAYS)
    return [
        Occurrence.objects.filter(meeting__in=access.meetings_for(user), held_on__gte=today, held_on__lte=until),
        MeetingParticipant.objects.filter(professional=user)
        .filter((~_none("plan_meeting") & _between("plan_meeting__held_on", today, until)
                 & policy.youth_in(user, field="plan_meeting__youth"))
                | (~_none("followup") & _between("followup__due_date", today, until)
                   & policy.youth_in(user, field="followup__youth"))),
    ]


def _meetings_ahead_probe(user: Any, *, today: datetime.date) -> list[Any]:
    """The probe: meetings the user is a member of and plan meetings and follow-ups they take part in, in the
    coming week, without the access conditions `_meetings_ahead` adds (the source reads exactly what it shows)."""
    if not access.may_take_part(user):
        return []
    until = today + datetime.timedelta(days=AHEAD_DAYS)
    return [_occurrences_ahead(user_id=user.pk, today=today, until=until),
            _taking_part_ahead(user_id=user.pk, today=today, until=until)]


@probe_query(user_id=int, today=datetime.date, until=datetime.date)
def _occurrences_ahead(*, user_id: int, today: datetime.date, until: datetime.date) -> QuerySet[Occurrence]:
    return Occurrence.objects.filter(meeting__members__professional=user_id, held_on__gte=today, held_on__lte=until)


@probe_query(user_id=int, today=datetime.date, until=datetime.date)
def _taking_part_ahead(*, user_id: int, today: datetime.date, until: datetime.date) -> QuerySet[MeetingParticipant]:
    return MeetingParticipant.objects.filter(professional=user_id).filter(
        _between("plan_meeting__held_on", today, until) | _between("followup__due_date", today, until))


@probed(_meetings_ahead_probe)
def meetings_ahead(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    ahead = _meetings_ahead(user, today=today)
    if not ahead:
        return []
    occurrences, participants = ahead
    items = [
        AgendaItem(due=o.held_on, kind="møde", title=_("Kædemøde: %(name)s") % {"name": o.meeting.name},
                   url=reverse("meetings:occurrence", args=[o.pk]),
                   detail=o.meeting.starts_at.strftime("%H:%M"))
        for o in occurrences.select_related("meeting").order_by("held_on")[:20]
    ]
    rows = participants.select_related("plan_meeting__youth", "followup__youth").order_by("pk")[:50]
    for p in rows:
        if p.plan_meeting_id:
            m = p.plan_meeting
            items.append(AgendaItem(due=m.held_on, kind="møde", title=_("Planmøde"), youth_id=m.youth_id,
                                    youth_name=m.youth.full_name, url=reverse("meetings:youth", args=[m.youth_id])))
        else:
            f = p.followup
            items.append(AgendaItem(due=f.due_date, kind="møde", title=f.title, youth_id=f.youth_id,
                                    youth_name=f.youth.full_name, detail=f.due_time.strftime("%H:%M"),
                                    url=reverse("meetings:youth", args=[f.youth_id])))
    return items


def _none(field: str) -> Q:
    return Q(**{f"{field}__isnull": True})


def _between(field: str, start: datetime.date, end: datetime.date) -> Q:
    return Q(**{f"{field}__gte": start, f"{field}__lte": end})


def agreement_reviews(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    """Leaders: agreements whose review date is within 30 days or past."""
    if not policy.is_leader(user) or user.municipality_id is None:
        return []
    qs = (CooperationAgreement.objects.filter(municipality_id=user.municipality_id,
                                              review_on__lte=today + datetime.timedelta(days=REVIEW_NOTICE_DAYS))
          .select_related("organisation").order_by("review_on", "pk")[:50])
    return [
        AgendaItem(due=a.review_on, kind="samarbejdsaftale",
                   title=_("Tag samarbejdsaftalen op igen: %(title)s") % {"title": a.title},
                   url=reverse("meetings:agreement", args=[a.pk]), overdue=a.review_on < today,
                   detail=a.organisation.name)
        for a in qs
    ]
