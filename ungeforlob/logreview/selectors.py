"""Reads of the log review. The audit log is read through its indexes: a month by `created_at`, one young
person by `audit_youth_recent` (youth_id, -created_at), one member of staff by the actor's foreign-key index."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ungeforlob.accounts.models import Team
from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.chain.models import Membership
from ungeforlob.logreview.models import LogSample, Outcome, SampledRead
from ungeforlob.logreview.weighting import Read

READ_ACTIONS = (AuditAction.READ, AuditAction.REVEAL, AuditAction.EXPORT)


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The month's first moment and the next month's, in local time."""
    start = month.replace(day=1)
    end = (start + datetime.timedelta(days=32)).replace(day=1)
    tz = timezone.get_current_timezone()
    return (datetime.datetime.combine(start, datetime.time(), tzinfo=tz),
            datetime.datetime.combine(end, datetime.time(), tzinfo=tz))


def month_reads(*, municipality: Any, month: datetime.date) -> Iterator[Read]:
    """The month's reads of one young person by a member of staff, ordered by person, time and id; streamed in
    one query."""
    start, end = month_bounds(month)
    rows = (AuditEvent.objects
            .filter(municipality=municipality, created_at__gte=start, created_at__lt=end, action__in=READ_ACTIONS,
                    youth_id__isnull=False, actor_id__isnull=False)
            .order_by("actor_id", "created_at", "id")
            .values_list("id", "created_at", "actor_id", "youth_id", "action", "object_type", "purpose", "detail",
                         "actor_name", "actor_organisation"))
    for row in rows.iterator(chunk_size=5000):
        yield Read(*row)


def circle_on_the_day(reads: list[Read]) -> dict[int, bool]:
    """{event id: was the person, or a team they are in now, a member of the young person's circle on the day of
    the read} for the drawn reads, in two queries. Memberships are read by their dates (not by consent): what the
    officer asks is whether the person belonged to the circle then. Team membership is today's (it has no history).
    """
    if not reads:
        return {}
    actors = {r.actor_id for r in reads}
    teams: dict[int, set[int]] = {}
    for user_id, team_id in Team.members.through.objects.filter(user_id__in=actors).values_list("user_id", "team_id"):
        teams.setdefault(user_id, set()).add(team_id)
    spans: dict[int, list[tuple[Any, ...]]] = {}
    for youth_id, *span in (Membership.objects.filter(youth_id__in={r.youth_id for r in reads})
                            .values_list("youth_id", "professional_id", "team_id", "start_date", "end_date")):
        spans.setdefault(youth_id, []).append(tuple(span))
    answer = {}
    for read in reads:
        day = timezone.localdate(read.created_at)
        mine = teams.get(read.actor_id, set())
        answer[read.event_id] = any(
            (professional == read.actor_id or team in mine) and start <= day and (end is None or end >= day)
            for professional, team, start, end in spans.get(read.youth_id, []))
    return answer


def _outcome_counts() -> dict[str, Any]:
    return {
        "sampled": Count("rows"),
        "reviewed": Count("rows", filter=~Q(rows__outcome="")),
        "justified": Count("rows", filter=Q(rows__outcome=Outcome.JUSTIFIED)),
        "asked": Count("rows", filter=Q(rows__outcome=Outcome.ASK)),
        "answered": Count("rows", filter=Q(rows__outcome=Outcome.ASK, rows__answered_at__isnull=False)),
        "not_justified": Count("rows", filter=Q(rows__outcome=Outcome.NOT_JUSTIFIED)),
    }


def samples_for(user: Any, *, year: int | None = None) -> QuerySet[LogSample]:
    """The user's municipality's samples, newest first, each with its counts of reviews (one query)."""
    samples = LogSample.objects.filter(municipality_id=user.municipality_id)
    if year is not None:
        samples = samples.filter(month__year=year)
    return samples.annotate(**_outcome_counts()).order_by("-month")


def sample_for(user: Any, pk: int) -> LogSample | None:
    return samples_for(user).filter(pk=pk).first()


ROW_FILTERS: dict[str, Q] = {
    "alle": Q(),
    "mangler": Q(outcome=""),
    "spurgt": Q(outcome=Outcome.ASK),
    "ikke-begrundet": Q(outcome=Outcome.NOT_JUSTIFIED),
    "begrundet": Q(outcome=Outcome.JUSTIFIED),
}


def sample_rows(sample: LogSample, *, show: str = "alle") -> QuerySet[SampledRead]:
    """A sample's rows in time order (snapshots: no join)."""
    return sample.rows.filter(ROW_FILTERS.get(show, Q())).order_by("read_at", "pk")


def row_for_reviewer(user: Any, pk: int) -> SampledRead | None:
    return (SampledRead.objects.select_related("sample", "reviewed_by", "actor")
            .filter(pk=pk, sample__municipality_id=user.municipality_id).first())


def row_for_answer(user: Any, pk: int) -> SampledRead | None:
    """A sampled read of the user's own that the data protection officer asked about (also after the review)."""
    return (SampledRead.objects.select_related("sample", "reviewed_by")
            .filter(pk=pk, actor_id=user.pk, asked_at__isnull=False).first())


def questions_for(user: Any) -> QuerySet[SampledRead]:
    """Questions to the user not yet answered."""
    return SampledRead.objects.filter(actor_id=user.pk, outcome=Outcome.ASK, answered_at__isnull=True)


def log_rows(*, municipality_id: int, youth_id: int | None = None, actor_id: int | None = None,
             date_from: datetime.date | None = None, date_to: datetime.date | None = None) -> QuerySet[AuditEvent]:
    """One young person's or one member of staff's rows of the municipality's log, oldest first."""
    rows = AuditEvent.objects.filter(municipality_id=municipality_id)
    if youth_id is not None:
        rows = rows.filter(youth_id=youth_id)
    if actor_id is not None:
        rows = rows.filter(actor_id=actor_id)
    tz = timezone.get_current_timezone()
    if date_from is not None:
        rows = rows.filter(created_at__gte=datetime.datetime.combine(date_from, datetime.time(), tzinfo=tz))
    if date_to is not None:
        after = date_to + datetime.timedelta(days=1)
        rows = rows.filter(created_at__lt=datetime.datetime.combine(after, datetime.time(), tzinfo=tz))
    return rows.order_by("created_at", "id")
