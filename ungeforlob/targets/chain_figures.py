"""The chain's own figures per quarter for a municipality's leaders (issue 15, point 4).

Concern response (median hours to acknowledgement, share answered by the deadline, escalations), follow-up
steps done on time, referrals from received to decided, handovers, and the contact rhythm. Counted in a fixed
number of queries (one per figure group, plus two per quarter for the contact rhythm), however much data.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ungeforlob.chain.models import Handover, HandoverStatus, Referral, ReferralStatus
from ungeforlob.insights import suppression as s
from ungeforlob.insights.tables import Table
from ungeforlob.messaging.models import OutboundMessage
from ungeforlob.targets import measures
from ungeforlob.targets.models import Target
from ungeforlob.targets.periods import Period
from ungeforlob.transitions.models import SMS_GONE, FollowUp, FollowUpKind, FollowUpStatus


@dataclass
class FigureRow:
    label: Promise
    cells: list[s.Cell]
    explanation: Promise | str = ""
    measure: str = ""  # the key of the same figure in the targets registry, when it has one


@dataclass
class FigureGroup:
    key: str
    title: Promise
    rows: list[FigureRow]


def _tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _hours(minutes: list[int]) -> list[float]:
    return [m / 60 for m in minutes]


def _period_index(field: str, periods: list[Period]) -> Case:
    """Which of `periods` the moment in `field` falls in (0, 1, …), as a CASE the database evaluates."""
    return Case(*[When(**{f"{field}__gte": p.since, f"{field}__lt": p.until}, then=Value(i))
                  for i, p in enumerate(periods)], default=Value(-1), output_field=IntegerField())


def _grouped(rows: Any, n: int) -> list[list[Any]]:
    """(period index, value) rows as one list of values per period."""
    out: list[list[Any]] = [[] for _ in range(n)]
    for i, value in rows:
        if 0 <= i < n:
            out[i].append(value)
    return out


def concern_figures(municipality_id: int, periods: list[Period], today: datetime.date,
                    only: Any = None) -> list[FigureRow]:
    """Counted in the database per period (one query), the response times fetched as (period, minutes) only."""
    concerns = measures.concerns_in(municipality_id, periods[0].since, periods[-1].until, only)
    counts: dict[str, Any] = {}
    for i, p in enumerate(periods):
        inside = Q(raised_at__gte=p.since, raised_at__lt=p.until)
        due = inside & measures.concern_due(today)
        counts |= {f"n{i}": Count("pk", filter=inside), f"d{i}": Count("pk", filter=due),
                   f"k{i}": Count("pk", filter=due & measures.concern_answered_on_time()),
                   f"e{i}": Count("pk", filter=inside & Q(escalated_at__isnull=False))}
    row = concerns.aggregate(**counts)
    minutes = _grouped(concerns.filter(response_minutes__isnull=False)
                       .values_list(_period_index("raised_at", periods), "response_minutes"), len(periods))
    n = range(len(periods))
    return [
        FigureRow(_("Bekymringer rejst"), [s.count(row[f"n{i}"]) for i in n]),
        FigureRow(_("Timer til kvittering (median)"), [s.median(_hours(minutes[i])) for i in n]),
        FigureRow(_("Kvitteret inden fristen"), [s.share(row[f"k{i}"], row[f"d{i}"]) for i in n],
                  _("Af dem, hvis frist er gået eller som er kvitteret."), "concerns_answered_on_time"),
        FigureRow(_("Bekymringer rejst i perioden, der blev eskaleret"), [s.count(row[f"e{i}"]) for i in n]),
    ]


def followup_figures(municipality_id: int, periods: list[Period], today: datetime.date,
                     only: Any = None) -> list[FigureRow]:
    """Follow-up steps planned in the period (before today, not cancelled): done on or before the planned day
    — an SMS step when its message went out by then.

    Two queries: the steps and those done in time; then the open SMS steps whose message went out in time,
    joined to the outbox over the partial index `followup_open_sms` (an outbox lookup in the same query as every step made
    PostgreSQL read every step of two years: 0.6 s at 10,000 young people)."""
    first, last = periods[0].start, min(periods[-1].end, today - datetime.timedelta(days=1))
    steps = measures.scoped(FollowUp.objects.filter(planned_date__gte=first, planned_date__lte=last),
                            municipality_id, only).exclude(status=FollowUpStatus.CANCELLED)
    inside = [Q(planned_date__gte=p.start, planned_date__lte=min(p.end, last)) for p in periods]
    done = Q(status=FollowUpStatus.DONE, done_on__lte=F("planned_date"))
    row = steps.aggregate(**{f"n{i}": Count("pk", filter=q) for i, q in enumerate(inside)},
                          **{f"k{i}": Count("pk", filter=q & done) for i, q in enumerate(inside)})
    sms_sent = (OutboundMessage.objects.filter(pk=OuterRef("message_id"), status__in=SMS_GONE,
                                               sent_at__isnull=False)
                .annotate(day=TruncDate("sent_at", tzinfo=_tz())).filter(day__lte=OuterRef("planned_date")))
    sent = (steps.filter(status=FollowUpStatus.OPEN, kind=FollowUpKind.SMS, message_id__isnull=False)
            .filter(Exists(sms_sent))
            .aggregate(**{f"s{i}": Count("pk", filter=q) for i, q in enumerate(inside)}))
    return [
        FigureRow(_("Opfølgningsskridt planlagt"), [s.count(row[f"n{i}"]) for i in range(len(periods))]),
        FigureRow(_("Udført til tiden"),
                  [s.share(row[f"k{i}"] + sent[f"s{i}"], row[f"n{i}"]) for i in range(len(periods))],
                  _("Udført senest den planlagte dag; en sms, når den er sendt senest den dag.")),
    ]


def _days_between(start: str, end: str) -> ExpressionWrapper:
    return ExpressionWrapper(F(end) - F(start), output_field=DurationField())


def referral_figures(municipality_id: int, periods: list[Period], today: datetime.date,
                     only: Any = None) -> list[FigureRow]:
    since, until = periods[0].since, periods[-1].until
    referrals = Referral.objects.filter(municipality_id=municipality_id)
    if only is not None:  # filtered: the referrals of the young people in the filters (accepted ones)
        referrals = referrals.filter(youth__in=only)
    row = referrals.aggregate(**{f"n{i}": Count("pk", filter=Q(submitted_at__gte=p.since, submitted_at__lt=p.until))
                                 for i, p in enumerate(periods)})
    decided = _grouped(referrals.filter(decided_at__gte=since, decided_at__lt=until)
                       .exclude(status=ReferralStatus.PENDING)
                       .values_list(_period_index("decided_at", periods), _days_between("submitted_at", "decided_at")),
                       len(periods))
    n = range(len(periods))
    return [
        FigureRow(_("Henvisninger modtaget"), [s.count(row[f"n{i}"]) for i in n]),
        FigureRow(_("Henvisninger afgjort"), [s.count(len(decided[i])) for i in n]),
        FigureRow(_("Dage fra modtaget til afgjort (median)"),
                  [s.median([d.total_seconds() / 86400 for d in decided[i]]) for i in n]),
    ]


def handover_figures(municipality_id: int, periods: list[Period], today: datetime.date,
                     only: Any = None) -> list[FigureRow]:
    handovers = measures.scoped(Handover.objects.filter(created_at__gte=periods[0].since,
                                                        created_at__lt=periods[-1].until), municipality_id, only)
    answered = Q(decided_at__isnull=False) & ~Q(status=HandoverStatus.SENT)
    counts: dict[str, Any] = {}
    for i, p in enumerate(periods):
        inside = Q(created_at__gte=p.since, created_at__lt=p.until)
        own = inside & Q(is_reassignment=False)
        counts |= {f"own{i}": Count("pk", filter=own), f"dec{i}": Count("pk", filter=own & answered),
                   f"acc{i}": Count("pk", filter=own & answered & Q(status=HandoverStatus.ACCEPTED)),
                   f"re{i}": Count("pk", filter=inside & Q(is_reassignment=True))}
    row = handovers.aggregate(**counts)
    days = _grouped(handovers.filter(answered, is_reassignment=False)
                    .values_list(_period_index("created_at", periods), _days_between("created_at", "decided_at")),
                    len(periods))
    n = range(len(periods))
    return [
        FigureRow(_("Overleveringer sendt"), [s.count(row[f"own{i}"]) for i in n]),
        FigureRow(_("Accepteret af modtageren"), [s.share(row[f"acc{i}"], row[f"dec{i}"]) for i in n],
                  _("Af de overleveringer, modtageren har svaret på.")),
        FigureRow(_("Dage til modtagerens svar (median)"),
                  [s.median([d.total_seconds() / 86400 for d in days[i]]) for i in n]),
        FigureRow(_("Unge flyttet ved omfordeling af en sagsstamme"), [s.count(row[f"re{i}"]) for i in n]),
    ]


def contact_figures(municipality_id: int, periods: list[Period], today: datetime.date,
                    only: Any = None) -> list[FigureRow]:
    shares = measures.contact_shares(municipality_id, periods, (7, 14), only=only)
    return [
        FigureRow(_("Kontakt de seneste 7 dage"), shares[7],
                  _("Andel af de unge i et åbent forløb på kvartalets sidste dag (i dag for det løbende)."),
                  "contact_7_days"),
        FigureRow(_("Kontakt de seneste 14 dage"), shares[14], "", "contact_14_days"),
    ]


def chain_figures(municipality_id: int, periods: list[Period], *, today: datetime.date,
                  only: Any = None) -> list[FigureGroup]:
    args = (municipality_id, periods, today, only)
    return [
        FigureGroup("kontakt", _("Kontaktrytme"), contact_figures(*args)),
        FigureGroup("bekymringer", _("Bekymringer"), concern_figures(*args)),
        FigureGroup("opfoelgning", _("Opfølgning efter overgange"), followup_figures(*args)),
        FigureGroup("henvisninger", _("Henvisninger"), referral_figures(*args)),
        FigureGroup("overleveringer", _("Overleveringer"), handover_figures(*args)),
    ]


def periods_of(filters: Any, today: datetime.date) -> list[Period]:
    """The filters' quarters (insights.quarters.Quarter) as periods, the running one counted so far."""
    return [Period(q.start, q.end, q.label).clipped(today) for q in filters.quarters if q.start <= today]


def tables(filters: Any, *, today: datetime.date | None = None) -> list[Table]:
    """The chain's figures in the leader's filters, one table per group (registered in insights' TABLE_SOURCES
    as "chain", so each downloads as CSV and XLSX). Filtered views are suppressed as a whole when the filtered
    group differs from a parent by fewer than 5 young people."""
    today = today or timezone.localdate()
    periods = periods_of(filters, today)
    if not periods:
        return []
    only = filters.youth_ids() if filters.active else None
    groups = chain_figures(filters.municipality_id, periods, today=today, only=only)
    if filters.active:
        base, parents = filters.base(), filters.parent_bases()
        for group in groups:
            for row in group.rows:
                row.cells = s.suppress_for_filter(row.cells, base=base, parent_bases=parents)
    columns = [gettext("Tal"), *[p.label for p in periods]]
    targets = {t.measure: t for t in Target.objects.filter(municipality_id=filters.municipality_id, year=today.year)}

    def label(row: FigureRow) -> str:
        """A figure with a target this year says so: "Kvitteret inden fristen (mål 2026: Mindst (≥) 95)"."""
        target = targets.get(row.measure)
        if target is None:
            return str(row.label)
        return gettext("%(label)s (mål %(year)s: %(direction)s %(value)s)") % {
            "label": row.label, "year": target.year, "direction": target.get_direction_display(),
            "value": number_format(target.value, decimal_pos=0 if target.value % 1 == 0 else 1)}

    return [Table(f"chain-{g.key}", str(g.title), columns, [(label(r), r.cells) for r in g.rows],
                  note=" ".join(str(r.explanation) for r in g.rows if r.explanation)) for g in groups]
