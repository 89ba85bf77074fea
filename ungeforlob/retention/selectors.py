"""Reads: a municipality's rules (its own or the shipped defaults), what is due now, and the runs' history.

What is due is counted, never listed: the pages show numbers per kind to the administrator and the leader,
never a young person. The queries start from the municipality's young people (not `policy.visible_youth`):
retention is the municipality's duty over every record, and nothing here leaves as personal data.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, F, OuterRef, QuerySet, Subquery
from django.utils import timezone

from ungeforlob.retention.kinds import KINDS, KINDS_BY_KEY, Kind, defaults, youth_paths
from ungeforlob.retention.models import (
    ArchiveTransfer,
    Disposal,
    RetentionDone,
    RetentionRule,
    RetentionRun,
    RetentionSetup,
    Unit,
)
from ungeforlob.youth.models import Course, Youth

# A round the young person chose not to keep may be printed for this long after it was finished.
UNKEPT_PRINT_GRACE = datetime.timedelta(hours=1)


def rules_for(municipality: Any) -> list[RetentionRule]:
    """The municipality's rule for every kind, in the order a run applies them: its own where the administrator
    saved one, else the shipped default (an unsaved RetentionRule, `pk` None, `version` 0). Each rule carries its
    `kind_def` (label, help, models). Used by the record of processing (art. 30) too."""
    saved = {r.kind: r for r in RetentionRule.objects.filter(municipality=municipality)}
    rules = []
    for kind in KINDS:
        rule = saved.get(kind.key)
        if rule is None:
            d = defaults()[kind.key]
            rule = RetentionRule(municipality=municipality, kind=kind.key, keep_for=d["keep_for"], unit=d["unit"],
                                 disposal=d["disposal"], legal_basis=d["legal_basis"],
                                 archive_note=d["archive_note"], version=0)
        rule.kind_def = kind  # type: ignore[attr-defined]
        rules.append(rule)
    return rules


def rule_for(municipality: Any, kind: str) -> RetentionRule:
    return next(rule for rule in rules_for(municipality) if rule.kind == kind)


def is_automatic(municipality: Any) -> bool:
    return RetentionSetup.objects.filter(municipality=municipality, automatic=True).exists()


def _minus(day: datetime.date, amount: int, unit: str) -> datetime.date:
    """`day` less the period; a month without that day ends on its last (29 February less a year: 28)."""
    if unit == Unit.DAYS:
        return day - datetime.timedelta(days=amount)
    months = amount * (12 if unit == Unit.YEARS else 1)
    year, index = divmod(day.year * 12 + day.month - 1 - months, 12)
    month = index + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def cutoff(rule: RetentionRule, today: datetime.date) -> datetime.date:
    """A course that ended on or before this day has been kept as long as the rule says."""
    return _minus(today, rule.keep_for, rule.unit)


def due_youth(rule: RetentionRule, *, today: datetime.date | None = None) -> QuerySet[Youth]:
    """The municipality's young people whose data of this kind is due: every course ended, the last on or before
    the cutoff, and this kind not yet done for that course (a young person who came back for a new course is due
    again when it has ended and its time has passed). A young person who has never had a course is not due.
    Each carries `last_end`, the end of their last course."""
    today = today or timezone.localdate()
    open_course = Course.objects.filter(youth=OuterRef("pk"), end_date__isnull=True)
    done = RetentionDone.objects.filter(kind=rule.kind, youth_id=OuterRef("pk"), course_end__gte=OuterRef("last_end"))
    last_end = Course.objects.filter(youth=OuterRef("pk")).order_by(F("end_date").desc(nulls_last=True))
    return (Youth.objects.filter(municipality_id=rule.municipality_id)
            .annotate(last_end=Subquery(last_end.values("end_date")[:1]))
            .filter(last_end__lte=cutoff(rule, today))
            .exclude(Exists(open_course)).exclude(Exists(done)))


def transferred(rule: RetentionRule) -> QuerySet[ArchiveTransfer]:
    return ArchiveTransfer.objects.filter(municipality_id=rule.municipality_id, kind=rule.kind)


def unkept_rounds(rule: RetentionRule, *, now: datetime.datetime | None = None) -> QuerySet[Any]:
    """Self-evaluation rounds the young person chose not to keep, finished longer ago than the rule (at least
    UNKEPT_PRINT_GRACE, the time to print them)."""
    from ungeforlob.progression.models import RoundStatus, SelfEvaluationRound

    now = now or timezone.now()
    days = (timezone.localdate(now) - cutoff(rule, timezone.localdate(now))).days
    wait = max(datetime.timedelta(days=days), UNKEPT_PRINT_GRACE)
    return SelfEvaluationRound.objects.filter(youth__municipality_id=rule.municipality_id,
                                              status=RoundStatus.NOT_KEPT, finished_at__lt=now - wait)


def rows_of(kind: Kind, youth_ids: Any) -> dict[str, QuerySet[Any]]:
    """{model label: its rows of these young people (ids or a subquery of ids)} for the kind's models."""
    from django.apps import apps

    paths = youth_paths()
    return {label: apps.get_model(label)._default_manager.filter(**{f"{paths[label]}__in": youth_ids})
            for label in kind.models if label in paths}


@dataclass
class Due:
    """What one rule would do now: young people, rows, and (for "afleveres til arkiv") how many of them wait for
    the administrator to mark them transferred."""

    rule: RetentionRule
    youth: int
    rows: int
    awaiting_archive: int = 0

    @property
    def kind(self) -> Kind:
        return KINDS_BY_KEY[self.rule.kind]


def dry_run(municipality: Any, *, now: datetime.datetime | None = None) -> list[Due]:
    """What a run would do now, per kind: counts only. A fixed number of queries per kind, whatever the data."""
    from ungeforlob.audit.models import AuditEvent

    now = now or timezone.now()
    today = timezone.localdate(now)
    result = []
    for rule in rules_for(municipality):
        kind = KINDS_BY_KEY[rule.kind]
        if kind.anchor == "finished":
            n = unkept_rounds(rule, now=now).count()
            result.append(Due(rule, youth=n and unkept_rounds(rule, now=now).values("youth_id").distinct().count(),
                              rows=n))
            continue
        due = due_youth(rule, today=today)
        ids = due.values("pk")
        awaiting = 0
        if rule.disposal == Disposal.ARCHIVE:
            awaiting = due.exclude(pk__in=transferred(rule).values("youth_id")).count()
        youth = due.count()
        if kind.key == "audit_identity":
            rows = AuditEvent.objects.filter(youth_id__in=ids).count() if youth else 0
        elif kind.key == "record":
            rows = youth
        else:
            rows = sum(qs.count() for qs in rows_of(kind, ids).values()) if youth else 0
        result.append(Due(rule, youth=youth, rows=rows, awaiting_archive=awaiting))
    return result


def runs(municipality: Any) -> QuerySet[RetentionRun]:
    return RetentionRun.objects.filter(municipality=municipality).select_related("actor")
