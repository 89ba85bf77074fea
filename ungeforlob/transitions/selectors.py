"""Reads for transitions: a youth's path and schedule, the contact person's day, and the leaders' figures.

Reads of personal data start from the access policy (`policy.visible_youth`); the leaders' figures are counts per
procedure within the leader's own municipality and never carry a name. Each function costs a fixed number of
queries whatever the number of rows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.chain.models import ChainRole
from ungeforlob.core.agenda import AgendaItem
from ungeforlob.core.prepared import Read, prepared, reads_ahead
from ungeforlob.core.text import choice_label
from ungeforlob.messaging.models import OutboundMessage
from ungeforlob.transitions.models import (
    SMS_GONE,
    SMS_HANDLED,
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Procedure,
    Station,
    StationEndReason,
    Transition,
)
from ungeforlob.transitions.schedule import add_months
from ungeforlob.youth.models import Youth

RETENTION_MONTHS = (3, 6, 12)
# Leaders' figures: a share is shown only when this many transitions stand behind it, so that nobody can be
# recognised from a small group.
MIN_GROUP = 5


# The outbox (messaging app) ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class OutboxState:
    status: str
    sent_at: datetime.datetime | None

    @property
    def has_gone(self) -> bool:
        return self.status in SMS_GONE

    @property
    def sent_on(self) -> datetime.date | None:
        return self.sent_at.astimezone(ZoneInfo(settings.TIME_ZONE)).date() if self.sent_at else None


def _outbox() -> Any:
    return OutboundMessage.objects


def outbox_states(message_ids: list[int]) -> dict[int, OutboxState]:
    if not message_ids:
        return {}
    rows = _outbox().filter(pk__in=message_ids).values_list("pk", "status", "sent_at")
    return {pk: OutboxState(status, sent_at) for pk, status, sent_at in rows}


def with_sms_state(qs: QuerySet[FollowUp]) -> QuerySet[FollowUp]:
    """Annotate each follow-up with its SMS's outbox status and send time (empty for other kinds)."""
    message = _outbox().filter(pk=OuterRef("message_id"))
    return qs.annotate(sms_status=Subquery(message.values("status")[:1]),
                       sms_sent_at=Subquery(message.values("sent_at")[:1]))


def _needs_a_person(qs: QuerySet[FollowUp]) -> QuerySet[FollowUp]:
    """Leave out SMS steps the outbox takes care of; an SMS that failed or was never queued needs a person."""
    return qs.exclude(Q(kind=FollowUpKind.SMS) & Q(sms_status__in=SMS_HANDLED))


# A youth's path and schedule --------------------------------------------------------------------------------

@dataclass
class YouthTransitions:
    stations: list[Station]
    transitions: list[Transition]
    cancelled: list[Transition]
    current: Station | None
    next_followups: list[FollowUp] = field(default_factory=list)


def live_stations(youth: Youth) -> QuerySet[Station]:
    """The youth's path: every station except those of cancelled transitions."""
    return youth.stations.exclude(transition__cancelled_at__isnull=False)


def current_station(stations: list[Station], today: datetime.date) -> Station | None:
    active = [s for s in stations if s.is_active_on(today)]
    return max(active, key=lambda s: (s.start_date, s.pk)) if active else None


def youth_transitions(youth: Youth, *, today: datetime.date) -> YouthTransitions:
    """The Overgange tab: the path, each transition with its schedule, in four queries."""
    stations = list(live_stations(youth).select_related("transition").order_by("start_date", "pk"))
    followups = with_sms_state(FollowUp.objects.select_related("done_by").order_by("due_date", "due_time", "pk"))
    transitions = list(
        Transition.objects.filter(youth=youth)
        .select_related("to_station", "from_station", "procedure", "cancelled_by")
        .prefetch_related(Prefetch("followups", queryset=followups))
        .order_by("-to_station__start_date", "-pk")
    )
    return YouthTransitions(
        stations=stations,
        transitions=[t for t in transitions if not t.is_cancelled],
        cancelled=[t for t in transitions if t.is_cancelled],
        current=current_station(stations, today),
    )


@prepared(youth_id=int)
def _live_stations(*, youth_id: int) -> QuerySet[Station]:
    return Station.objects.filter(youth_id=youth_id).exclude(transition__cancelled_at__isnull=False).order_by(
        "start_date", "pk")


@prepared(youth_id=int)
def _next_open_followups(*, youth_id: int) -> QuerySet[FollowUp]:
    return _needs_a_person(with_sms_state(FollowUp.objects.filter(
        youth_id=youth_id, status=FollowUpStatus.OPEN, transition__cancelled_at__isnull=True))).order_by(
        "due_date", "due_time", "pk")[:3]


@reads_ahead(lambda youth, today: [_live_stations.read(youth_id=youth.pk),
                                   _next_open_followups.read(youth_id=youth.pk)])
def overview_card(youth: Youth, *, today: datetime.date) -> dict[str, Any]:
    """The youth overview's card: the current station and the next open follow-ups (two queries)."""
    stations = _live_stations(youth_id=youth.pk)
    upcoming = _next_open_followups(youth_id=youth.pk)
    for row in [*stations, *upcoming]:
        row.youth = youth
    return {"current": current_station(stations, today), "upcoming": upcoming, "today": today,
            "has_stations": bool(stations)}


def next_followup_subquery() -> Subquery:
    """For Mine unge: each youth's next open follow-up date (one subquery, whatever the caseload's size).

    SMS steps the outbox takes care of are left out: the column tells when a person is next due."""
    return Subquery(
        _needs_a_person(with_sms_state(FollowUp.objects.filter(
            youth=OuterRef("pk"), status=FollowUpStatus.OPEN, transition__cancelled_at__isnull=True)))
        .order_by("due_date").values("due_date")[:1]
    )


# I dag -----------------------------------------------------------------------------------------------------

def _responsible(user: Any) -> Q | Exists:
    """The follow-ups the user answers for: every step for youths they are contact person for, and steps whose
    responsible role they hold in the youth's circle. Inside a request the user's circles are known, so the
    condition names young people and roles (index lookups); otherwise two EXISTS subqueries ask the same."""
    circles = policy.circles(user)
    if circles is None:
        mine = policy.memberships_of(user)
        return (Exists(mine.filter(youth=OuterRef("youth_id"), role=ChainRole.CONTACT_PERSON))
                | Exists(mine.filter(youth=OuterRef("youth_id"), role=OuterRef("responsible_role"))))
    by_role: dict[str, list[int]] = {}
    for youth_id, roles in sorted(circles.items()):
        for role in roles:
            by_role.setdefault(role, []).append(youth_id)
    condition = Q(youth_id__any_of=by_role.pop(ChainRole.CONTACT_PERSON, []))
    for role, youth_ids in sorted(by_role.items()):
        condition |= Q(responsible_role=role, youth_id__any_of=youth_ids)
    return condition


def followups_for(user: Any) -> QuerySet[FollowUp]:
    """Open follow-ups the user answers for (see `_responsible`), of young people the user may see."""
    qs = FollowUp.objects.filter(policy.youth_in(user), status=FollowUpStatus.OPEN,
                                 transition__cancelled_at__isnull=True).filter(_responsible(user))
    return _needs_a_person(with_sms_state(qs)).select_related("youth", "transition__to_station")


UPCOMING_DAYS = 7


def _followups_through(user: Any, *, today: datetime.date) -> list[FollowUp]:
    """Everything *I dag* shows of follow-ups, due, overdue and the coming week's, in one query per request."""
    last = today + datetime.timedelta(days=UPCOMING_DAYS)
    return policy.remembered(("transitions.followups", user.pk, today), lambda: _read_followups_through(user, last))


def _read_followups_through(user: Any, last: datetime.date) -> list[FollowUp]:
    named = _named_values(user, last)
    if named is None:
        return list(followups_for(user).filter(due_date__lte=last).order_by("due_date", "due_time", "pk"))
    return _followups_named(**named)


def _named_values(user: Any, last: datetime.date) -> dict[str, Any] | None:
    """`_followups_named`'s values for the user (None outside a request, where the circles are not known)."""
    circles = policy.circles(user)
    if circles is None:
        return None
    # The same question as `followups_for`, with the young people named by id: compiled once per process.
    by_role: dict[str, list[int]] = {role: [] for role in _ROLES}
    for youth_id, roles in sorted(circles.items()):
        for role in roles:
            by_role[role].append(youth_id)
    return {"visible": policy.youth_ids(user) or [], "last": last,
            **{f"role_{i}": by_role[role] for i, role in enumerate(_ROLES)}}


def agenda_reads(user: Any, *, today: datetime.date) -> list[Read]:
    """The read *I dag*'s follow-ups make, to be run ahead with the other sources' (`core.agenda`)."""
    named = _named_values(user, today + datetime.timedelta(days=UPCOMING_DAYS))
    return [] if named is None else [_followups_named.read(**named)]


# Every role in a fixed order: the prepared question below has one list of young people per role (empty for the
# roles the user holds in no circle), so its text is the same for everyone.
_ROLES: tuple[str, ...] = (ChainRole.CONTACT_PERSON, *sorted(set(ChainRole.values) - {ChainRole.CONTACT_PERSON}))


@prepared(visible=list, last=datetime.date, **{f"role_{i}": list for i in range(len(_ROLES))})
def _followups_named(*, visible: list[int], last: datetime.date, **by_role: list[int]) -> QuerySet[FollowUp]:
    """`followups_for` due by `last`: every step of the young people she is contact person for (`role_0`), and
    the steps whose responsible role she holds in the young person's circle (the other lists, one per role)."""
    responsible = Q(youth_id__any_of=by_role["role_0"])
    for i, role in enumerate(_ROLES[1:], start=1):
        responsible |= Q(responsible_role=role, youth_id__any_of=by_role[f"role_{i}"])
    qs = FollowUp.objects.filter(youth_id__any_of=visible, status=FollowUpStatus.OPEN,
                                 transition__cancelled_at__isnull=True).filter(responsible)
    return (_needs_a_person(with_sms_state(qs)).select_related("youth", "transition__to_station")
            .filter(due_date__lte=last).order_by("due_date", "due_time", "pk"))


def followups_due(user: Any, *, today: datetime.date) -> list[FollowUp]:
    return [f for f in _followups_through(user, today=today) if f.due_date <= today]


def followups_upcoming(user: Any, *, today: datetime.date) -> list[FollowUp]:
    return [f for f in _followups_through(user, today=today) if f.due_date > today]


def followup_detail(followup: FollowUp) -> str:
    station = followup.transition.to_station
    parts = [choice_label(FollowUpKind, followup.kind), _("kl. %(time)s") % {"time": followup.due_time.strftime("%H:%M")},
             _("overgang til %(station)s") % {"station": station}]
    if followup.kind == FollowUpKind.SMS:
        status = getattr(followup, "sms_status", None)
        parts.append(_("SMS'en blev ikke sendt – tag kontakt på anden måde") if status
                     else _("SMS'en er ikke sat i kø – tjek mobilnummer og samtykke"))
    return " · ".join(parts)


_YOUTH, _PK = 987654321, 123456789


def _url_maker(name: str) -> Any:
    """Reverse once, fill in per row: hundreds of rows must not cost hundreds of URL resolutions."""
    pattern = reverse(name, args=[_YOUTH, _PK])
    return lambda youth_id, pk: pattern.replace(str(_YOUTH), str(youth_id)).replace(str(_PK), str(pk))


def agenda_items(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    """AGENDA_SOURCES entry: the user's follow-ups due today or overdue."""
    done, move, skip = (_url_maker(f"transitions:{n}") for n in ("followup_done", "followup_move", "followup_skip"))
    youth_page = reverse("transitions:youth", args=[_YOUTH])
    items = []
    for f in followups_due(user, today=today):
        items.append(AgendaItem(
            due=f.due_date, kind="opfoelgning", title=f.title, youth_id=f.youth_id, youth_name=f.youth.full_name,
            url=youth_page.replace(str(_YOUTH), str(f.youth_id)), overdue=f.due_date < today,
            detail=followup_detail(f),
            actions={"done": done(f.youth_id, f.pk), "move": move(f.youth_id, f.pk), "skip": skip(f.youth_id, f.pk)},
        ))
    return items


# Leaders: retention and compliance, aggregates only --------------------------------------------------------

@dataclass
class Share:
    counted: int
    kept: int

    @property
    def percent(self) -> int | None:
        if self.counted < MIN_GROUP:
            return None
        return round(100 * self.kept / self.counted)


@dataclass
class RetentionRow:
    label: str
    transitions: int
    shares: dict[int, Share]


def retention(municipality_id: int, *, today: datetime.date) -> list[RetentionRow]:
    """Per procedure (and "no procedure"): of the transitions at least 3/6/12 months old, how many youths were
    still in the station that long, or completed it. One query; only dates and reasons leave the database."""
    rows = (Transition.objects.filter(youth__municipality_id=municipality_id, cancelled_at__isnull=True,
                                      to_station__start_date__lte=today)
            .values_list("procedure_id", "procedure__name", "to_station__start_date", "to_station__end_date",
                         "to_station__end_reason"))
    groups: dict[int | None, RetentionRow] = {}
    # A large municipality has some 15,000 transitions on a few hundred distinct start days: each day's marks
    # are worked out once.
    marks: dict[datetime.date, list[tuple[int, datetime.date]]] = {}
    for procedure_id, name, start, end, reason in rows:
        row = groups.setdefault(procedure_id, RetentionRow(name or _("Uden procedure"), 0,
                                                           {m: Share(0, 0) for m in RETENTION_MONTHS}))
        row.transitions += 1
        if start not in marks:
            marks[start] = [(m, add_months(start, m)) for m in RETENTION_MONTHS]
        for months, mark in marks[start]:
            if mark > today:
                continue
            share = row.shares[months]
            share.counted += 1
            if end is None or end >= mark or reason == StationEndReason.COMPLETED:
                share.kept += 1
    return sorted(groups.values(), key=lambda r: (r.label == _("Uden procedure"), r.label))


@dataclass
class ComplianceRow:
    procedure: str
    step: str
    due: int = 0
    on_time: int = 0
    late: int = 0
    skipped: int = 0
    missing: int = 0

    @property
    def percent(self) -> int | None:
        if self.due < MIN_GROUP:
            return None
        return round(100 * self.on_time / self.due)


# How a follow-up planned before today came out, as the compliance query classifies it. An open SMS step with
# an outbox message is "_BY_OUTBOX" in the first query and classified by its message in a second one.
_ON_TIME, _LATE, _SKIPPED, _MISSING, _BY_OUTBOX = 1, 2, 3, 4, 5


def _outcome() -> Case:
    done = Q(status=FollowUpStatus.DONE)
    return Case(
        When(done & Q(done_on__lte=F("planned_date")), then=Value(_ON_TIME)),
        When(done, then=Value(_LATE)),
        When(status=FollowUpStatus.SKIPPED, then=Value(_SKIPPED)),
        When(Q(status=FollowUpStatus.OPEN, kind=FollowUpKind.SMS, message_id__isnull=False), then=Value(_BY_OUTBOX)),
        default=Value(_MISSING), output_field=IntegerField(),
    )


def _sms_outcome() -> Coalesce:
    """An open SMS step counts as done on the Danish day its message went out; missing while it has not."""
    sent = (_outbox().filter(pk=OuterRef("message_id"), status__in=SMS_GONE, sent_at__isnull=False)
            .annotate(sent_day=TruncDate("sent_at", tzinfo=ZoneInfo(settings.TIME_ZONE)))
            .annotate(outcome=Case(When(sent_day__lte=OuterRef("planned_date"), then=Value(_ON_TIME)),
                                   default=Value(_LATE)))
            .values("outcome")[:1])
    return Coalesce(Subquery(sent, output_field=IntegerField()), Value(_MISSING))


# The periods a leader can look at follow-ups over (months back from today; 0 = the whole history). The page
# opens on the last year: what the municipality does now, read in time independent of how long its history is.
COMPLIANCE_PERIODS = (12, 24, 0)


def compliance_since(today: datetime.date, months: int) -> datetime.date | None:
    """The first day of a period of `months` months up to today (None for the whole history)."""
    return add_months(today, -months) if months else None


def compliance(municipality_id: int, *, today: datetime.date, procedure_id: int | None = None,
               since: datetime.date | None = None) -> list[ComplianceRow]:
    """Per procedure step: of the follow-ups planned before today (not cancelled; with `since`, planned on or
    after it), how many were done on time (on or before the planned day; an SMS when it went out), late,
    skipped, or are still not done.

    Two queries, counted in the database (GROUP BY step, title and outcome), so only a few rows per step leave
    it however long the history: one over every follow-up, one over the open SMS steps, which the outbox
    decides. (Kept apart so the planner does not cost an outbox lookup for every follow-up.) The follow-ups are
    reached through the municipality's own procedures, so the scan stays within the municipality.
    """
    procedures = Procedure.objects.filter(municipality_id=municipality_id)
    if procedure_id:
        procedures = procedures.filter(pk=procedure_id)
    followups = (FollowUp.objects.filter(transition__procedure__in=procedures.values("pk"),
                                         youth__municipality_id=municipality_id, planned_date__lt=today)
                 .exclude(status=FollowUpStatus.CANCELLED))
    if since is not None:
        followups = followups.filter(planned_date__gte=since)
    group = ("transition__procedure__name", "step_id", "title", "outcome")
    counts = {"n": Count("pk"), "first_offset": Min("offset_days"), "first_due": Min("due_date")}
    rows = [*followups.annotate(outcome=_outcome()).values_list(*group).annotate(**counts).order_by(),
            *followups.filter(status=FollowUpStatus.OPEN, kind=FollowUpKind.SMS, message_id__isnull=False)
            .annotate(outcome=_sms_outcome()).values_list(*group).annotate(**counts).order_by()]
    table: dict[tuple[str, Any], ComplianceRow] = {}
    first_offset: dict[tuple[str, Any], int] = {}
    first_due: dict[tuple[str, Any], tuple[datetime.date, str]] = {}
    for name, step_id, title, outcome, n, offset, due in rows:
        key = (name, step_id or title)
        row = table.setdefault(key, ComplianceRow(name, title))
        first_offset[key] = min(offset, first_offset.get(key, offset))
        # A step renamed after some follow-ups were made is shown under the title of its first follow-up.
        if key not in first_due or (due, title) < first_due[key]:
            first_due[key] = (due, title)
            row.step = title
        if outcome == _BY_OUTBOX:
            continue  # counted by the second query
        row.due += n
        if outcome == _ON_TIME:
            row.on_time += n
        elif outcome == _LATE:
            row.late += n
        elif outcome == _SKIPPED:
            row.skipped += n
        else:
            row.missing += n
    ordered = sorted(table, key=lambda k: (k[0], first_offset[k], table[k].step))
    return [table[k] for k in ordered]


def procedures_in(municipality_id: int) -> QuerySet[Procedure]:
    return Procedure.objects.filter(municipality_id=municipality_id)


def procedures_for_admin(municipality_id: int, *, q: str = "") -> QuerySet[Procedure]:
    qs = procedures_in(municipality_id).annotate(step_count=Count("steps", distinct=True),
                                                 use_count=Count("transitions", distinct=True))
    return qs.filter(name__icontains=q) if q else qs
