"""Reads for leaders: targets against actual figures, caseloads against the band, the chain's own figures.

Aggregates only — never a young person's name, CPR number, id or free text. Every figure is a suppressed cell
(`ungeforlob.insights.suppression`): resting on fewer than 5 young people, it reads "færre end 5".
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, OuterRef, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from ungeforlob.accounts.models import Team, User
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.insights import suppression as s
from ungeforlob.targets.measures import MEASURES, Measure
from ungeforlob.targets.models import CaseloadBand, Direction, Target
from ungeforlob.targets.periods import Period, last_quarters, year_period

TREND_QUARTERS = 8


# --- The caseload band ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Band:
    """The municipality's band of young people per contact person; `low`/`high` are None until it is set."""

    low: int | None = None
    high: int | None = None
    version: int = 0

    @property
    def is_set(self) -> bool:
        return self.low is not None and self.high is not None

    def place(self, n: float | None) -> str:
        """"under", "inden" or "over" the band ("" when no band is set or there is no number)."""
        if not self.is_set or n is None:
            return ""
        return "under" if n < self.low else ("over" if n > self.high else "inden")  # type: ignore[operator]


def caseload_band(municipality_id: int | None) -> Band:
    """The one band every page that shows caseloads reads (one query)."""
    row = CaseloadBand.objects.filter(municipality_id=municipality_id).values_list("low", "high", "version").first()
    return Band(*row) if row else Band()


# --- Targets against actual figures ------------------------------------------------------------------------

@dataclass
class TargetRow:
    target: Target
    measure: Measure
    actual: s.Cell
    actual_number: float | None
    met: bool | None
    trend: list[tuple[Period, s.Cell, float | None]] = field(default_factory=list)
    trend_word: str = ""
    trend_better: bool | None = None

    @property
    def status_word(self) -> str:
        if self.met is None:
            return _("Kan ikke vises endnu")
        if self.met:
            return _("Målet er nået")
        return _("Under målet") if self.target.direction == Direction.AT_LEAST else _("Over målet")

    @property
    def status_class(self) -> str:
        return "" if self.met is None else ("targets-good" if self.met else "targets-bad")

    @property
    def trend_class(self) -> str:
        return "" if self.trend_better is None else ("targets-good" if self.trend_better else "targets-bad")

    @property
    def chart(self) -> dict[str, Any]:
        return trend_chart(self.trend, float(self.target.value), self.measure.unit)


def is_met(number: float | None, target: Target) -> bool | None:
    if number is None:
        return None
    value = float(target.value)
    return number >= value if target.direction == Direction.AT_LEAST else number <= value


def trend_words(numbers: list[float | None], direction: str) -> tuple[str, bool | None]:
    """Compare the last two quarters that can be shown: "Stiger", "Falder" or "Uændret", and whether that
    is towards the target (None when unchanged or unknown)."""
    shown = [n for n in numbers if n is not None]
    if len(shown) < 2:
        return _("Ingen udvikling at vise endnu"), None
    before, now = shown[-2], shown[-1]
    if abs(now - before) < 0.5:
        return _("Uændret"), None
    rising = now > before
    better = rising if direction == Direction.AT_LEAST else not rising
    word = _("Stiger") if rising else _("Falder")
    return (word + " – " + (_("i målets retning") if better else _("væk fra målet"))), better


def trend_chart(trend: list[tuple[Period, s.Cell, float | None]], target: float, unit: str,
                width: int = 320, height: int = 90) -> dict[str, Any]:
    """An SVG line of the quarters' figures with the target as a dashed line (coordinates only; the template
    draws it). Suppressed quarters leave a gap."""
    numbers = [n for _p, _c, n in trend]
    top = 100.0 if unit == "pct" else max([target, *[n for n in numbers if n is not None]]) * 1.2 or 1.0
    pad = 6
    step = (width - 2 * pad) / max(len(trend) - 1, 1)

    def y(v: float) -> float:
        return round(height - pad - (height - 2 * pad) * min(v, top) / top, 1)

    # Coordinates as text: a template would localise a float ("21,6"), which SVG does not read.
    points = [(f"{pad + i * step:.1f}", f"{y(n):.1f}") for i, n in enumerate(numbers) if n is not None]
    return {"width": width, "height": height, "target_y": f"{y(target):.1f}",
            "points": " ".join(f"{x},{yy}" for x, yy in points), "dots": points}


def targets_for_year(municipality_id: int, year: int, *, today: datetime.date) -> list[TargetRow]:
    """The year's targets, each with its actual figure for the year (so far) and the trend over the last
    quarters up to the year's end. Queries: one for the targets, then per measure with a target a fixed few."""
    order = list(MEASURES)  # the registry's order, a measure no longer in it last
    targets = sorted(Target.objects.filter(municipality_id=municipality_id, year=year).select_related("updated_by"),
                     key=lambda t: (order.index(t.measure) if t.measure in order else len(order), t.pk))
    if not targets:
        return []
    whole_year = year_period(year, today)
    quarters = last_quarters(min(whole_year.end, today) if whole_year.start <= today else today, TREND_QUARTERS)
    if whole_year.start > today:
        quarters = []
    rows = []
    for target in targets:
        measure = MEASURES.get(target.measure)
        if measure is None:  # a measure taken out of the registry: the target stays, without figures
            continue
        periods = [whole_year, *quarters] if whole_year.start <= today else []
        cells = measure.compute(municipality_id, periods, today) if periods else []
        actual = cells[0] if cells else s.Cell("share", None, 0, "primary")
        number = measure.number(actual) if cells else None
        trend = [(p, c, measure.number(c)) for p, c in zip(quarters, cells[1:], strict=True)]
        word, better = trend_words([n for _p, _c, n in trend], target.direction)
        rows.append(TargetRow(target, measure, actual, number, is_met(number, target), trend, word, better))
    return rows


def target_years(municipality_id: int) -> list[dict[str, Any]]:
    """The years with targets and how many (the history), newest first."""
    return list(Target.objects.filter(municipality_id=municipality_id).values("year")
                .annotate(n=Count("pk")).order_by("-year"))


def targets_of(user: Any) -> QuerySet[Target]:
    """The targets of the leader's own municipality."""
    return Target.objects.filter(municipality_id=user.municipality_id)


# --- Caseloads against the band ----------------------------------------------------------------------------

@dataclass
class CaseloadRow:
    name: str
    organisation: str
    youth: s.Cell
    place: str
    members: int | None = None
    per_member: float | None = None


def caseloads(municipality_id: int, band: Band, *, today: datetime.date) -> dict[str, Any]:
    """Per contact person and per team: the young people they are active contact person for, against the band.
    Two queries. Staff names are shown (they are staff); the numbers follow the suppression rule."""
    active = Membership.objects.active(today).filter(role=ChainRole.CONTACT_PERSON, youth__municipality_id=municipality_id)
    people = (active.filter(professional__isnull=False)
              .values("professional_id", "professional__first_name", "professional__last_name",
                      "professional__organisation__name")
              .annotate(n=Count("youth", distinct=True))
              .order_by("professional__first_name", "professional__last_name", "professional_id"))
    person_rows = [
        CaseloadRow(f"{r['professional__first_name']} {r['professional__last_name']}".strip(),
                    r["professional__organisation__name"] or "", s.count(r["n"]), band.place(r["n"]))
        for r in people
    ]
    members = (User.teams.through.objects.filter(team_id=OuterRef("pk"), user__is_active=True)
               .order_by().values("team_id").annotate(c=Count("pk")).values("c"))
    youth = (active.filter(team_id=OuterRef("pk")).order_by().values("team_id")
             .annotate(c=Count("youth", distinct=True)).values("c"))
    teams = (Team.objects.filter(municipality_id=municipality_id).select_related("organisation")
             .annotate(n=Coalesce(youth, 0), m=Coalesce(members, 0)).filter(n__gt=0).order_by("name", "pk"))
    team_rows = []
    for team in teams:
        per_member = round(team.n / team.m, 1) if team.m else None
        team_rows.append(CaseloadRow(team.name, team.organisation.name, s.count(team.n), band.place(per_member),
                                     team.m, per_member))
    counts = {"under": 0, "inden": 0, "over": 0}
    for row in person_rows:
        if row.place:
            counts[row.place] += 1
    return {"people": person_rows, "teams": team_rows, "places": counts}
