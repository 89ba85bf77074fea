"""Reads for progression. Everything about one young person takes that youth (already fetched through
`policy.get_youth_for` or the portal's login); lists across young people start from `policy.visible_youth`.

There is deliberately no selector over self-evaluations of more than one young person.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ungeforlob import policy
from ungeforlob.chain.models import Membership
from ungeforlob.core.prepared import Read, prepared
from ungeforlob.progression import charts
from ungeforlob.progression.levels import (
    LEVEL_ORDER,
    LEVEL_PLAIN_TEXT,
    LEVEL_PLAIN_TITLE,
    LEVEL_SELF_PLACEMENT,
    level_label,
)
from ungeforlob.progression.models import (
    Assessment,
    AssessmentVersion,
    Indicator,
    IndicatorSet,
    ObservedIndicator,
    ProgressionSettings,
    RoundStatus,
    SelfEvaluationRound,
    YouthPlacement,
)
from ungeforlob.progression.questionnaire import (
    DIMENSION_ORDER,
    STATEMENTS,
    STATEMENTS_BY_KEY,
    Dimension,
)
from ungeforlob.youth.models import Course, Youth

# --- levels, settings and the rhythm -----------------------------------------------------------------


def add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def progression_settings_for(municipality_id: int | None) -> ProgressionSettings:
    """The municipality's rhythm, or the defaults (three months) when it has never been changed."""
    found = _settings_row(municipality_id=municipality_id) if municipality_id is not None else []
    return found[0] if found else ProgressionSettings(municipality_id=municipality_id)


@prepared(municipality_id=int)
def _settings_row(*, municipality_id: int) -> QuerySet[ProgressionSettings]:
    return ProgressionSettings.objects.filter(municipality_id=municipality_id).order_by("pk")[:1]


def next_due(*, last_assessed: datetime.date | None, course_start: datetime.date | None,
             settings_row: ProgressionSettings) -> datetime.date | None:
    """When the next assessment falls due: N months after the last, or some days after the course started."""
    if last_assessed is not None:
        return add_months(last_assessed, settings_row.reassessment_months)
    if course_start is not None:
        return course_start + datetime.timedelta(days=settings_row.first_assessment_days)
    return None


def _latest_version() -> QuerySet[AssessmentVersion]:
    return AssessmentVersion.objects.filter(assessment__youth=OuterRef("pk"), is_current=True).order_by(
        "-assessed_on", "-assessment__created_at", "-pk"
    )


def caseload_level_annotations() -> dict[str, Any]:
    """Subqueries for the caseload: the latest assessment's level, its sort order and its date, each looked up
    once per row (a CASE over an annotation would repeat the subquery in every branch). The label is the
    level's name, given in Python by `with_level_labels`."""
    latest = _latest_version()
    order = Case(*[When(level=code, then=Value(n)) for code, n in LEVEL_ORDER.items()], default=Value(0),
                 output_field=IntegerField())
    return {
        "current_level": Coalesce(Subquery(latest.values("level")[:1], output_field=CharField()), Value(""),
                                  output_field=CharField()),
        "current_level_order": Coalesce(Subquery(latest.annotate(order=order).values("order")[:1],
                                                 output_field=IntegerField()), Value(0)),
        "current_level_date": Subquery(latest.values("assessed_on")[:1]),
    }


def with_level_labels(rows: Any) -> list[Any]:
    """The rows of a caseload (annotated by `caseload_level_annotations`) with `current_level_label` set."""
    rows = list(rows)
    for row in rows:
        row.current_level_label = level_label(row.current_level)
    return rows


@dataclass(frozen=True)
class CurrentLevel:
    level: str
    label: str
    order: int
    overlap_level: str
    overlap_label: str
    assessed_on: datetime.date


@prepared(youth_id=int)
def _latest_assessment(*, youth_id: int) -> QuerySet[AssessmentVersion]:
    return (AssessmentVersion.objects.filter(assessment__youth_id=youth_id, is_current=True)
            .order_by("-assessed_on", "-assessment__created_at", "-pk")
            .values("level", "overlap_level", "assessed_on")[:1])


def current_level_for(youth: Youth) -> CurrentLevel | None:
    """The team's latest assessment of the youth (None when never assessed). One query, asked once per request
    (the overview's progression card and its offer suggestions both ask)."""
    return policy.remembered(("progression.current_level", youth.pk), lambda: _current_level(youth.pk))


def _current_level(youth_id: int) -> CurrentLevel | None:
    rows = _latest_assessment(youth_id=youth_id)
    if not rows:
        return None
    latest = rows[0]
    return CurrentLevel(
        level=latest["level"], label=level_label(latest["level"]), order=LEVEL_ORDER[latest["level"]],
        overlap_level=latest["overlap_level"], overlap_label=level_label(latest["overlap_level"]),
        assessed_on=latest["assessed_on"],
    )


def rhythm_for(youth: Youth, *, today: datetime.date, current: CurrentLevel | None = None) -> dict[str, Any]:
    """The youth's next reassessment: date, and whether it is due soon or overdue."""
    settings_row = progression_settings_for(youth.municipality_id)
    # Her courses as read for this request when the page has them already (the youth overview), else one query.
    course = next((c for c in youth.courses.all() if c.end_date is None), None)
    if course is None:
        return {"due": None, "overdue": False, "due_soon": False, "settings": settings_row, "open_course": False}
    due = next_due(last_assessed=current.assessed_on if current else None, course_start=course.start_date,
                   settings_row=settings_row)
    return {
        "due": due, "overdue": bool(due and due < today),
        "due_soon": bool(due and today <= due <= today + datetime.timedelta(days=settings_row.due_soon_days)),
        "settings": settings_row, "open_course": True,
    }


@dataclass(frozen=True)
class DueRow:
    youth_id: int
    youth_name: str
    due: datetime.date
    overdue: bool
    last_assessed: datetime.date | None
    last_level_label: str

    @property
    def url(self) -> str:
        return reverse("progression:assessment_create", args=[self.youth_id])


REASSESSMENT_SORTS = {"forfald", "-forfald", "navn", "-navn"}


def _with_rhythm(qs: QuerySet[Youth]) -> QuerySet[Youth]:
    """The young people with an open course, each with her last assessment and the course's start."""
    open_course = Course.objects.filter(youth=OuterRef("pk"), end_date__isnull=True)
    # The filter asks whether an open course exists rather than testing the annotation, which would repeat its
    # subquery in the WHERE clause.
    return qs.filter(Exists(open_course)).annotate(
        last_assessed=Subquery(_latest_version().values("assessed_on")[:1]),
        last_level=Subquery(_latest_version().values("level")[:1]),
        course_start=Subquery(open_course.order_by("-start_date").values("start_date")[:1]),
    )


@prepared(ids=list)
def _due_rows(*, ids: list[int]) -> QuerySet[Youth]:
    return _with_rhythm(Youth.objects.filter(pk__any_of=ids))


def reassessments_reads(user: Any) -> list[Read]:
    """The reads `reassessments_due_for` makes for *I dag*, to be run ahead with the other sources' (`core.agenda`)."""
    ids = policy.youth_ids(user, policy.Action.CONTACT_PERSON)
    if getattr(user, "municipality_id", None) is None or ids is None:
        return []
    return [_settings_row.read(municipality_id=user.municipality_id), _due_rows.read(ids=ids)]


def reassessments_due_for(user: Any, *, today: datetime.date, q: str = "", sort: str = "forfald") -> list[DueRow]:
    """Reassessments due soon or overdue for the young people the user is contact person for.

    Two queries whatever the caseload: the rhythm, and the youths with their last assessment as subqueries.
    """
    if getattr(user, "municipality_id", None) is None:
        return []
    settings_row = progression_settings_for(user.municipality_id)
    horizon = today + datetime.timedelta(days=settings_row.due_soon_days)
    ids = policy.youth_ids(user, policy.Action.CONTACT_PERSON)
    youths: Any
    if ids is not None and not q:  # *I dag*: compiled once per process
        youths = _due_rows(ids=ids)
    else:
        youths = _with_rhythm(policy.contact_person_youth(user))
        if q:
            from ungeforlob.youth.selectors import search_filter

            youths = search_filter(youths, q)
    rows = []
    for y in youths:
        due = next_due(last_assessed=y.last_assessed, course_start=y.course_start, settings_row=settings_row)
        if due is None or due > horizon:
            continue
        rows.append(DueRow(youth_id=y.pk, youth_name=y.full_name, due=due, overdue=due < today,
                           last_assessed=y.last_assessed, last_level_label=level_label(y.last_level or "")))
    if sort.lstrip("-") == "navn":
        rows.sort(key=lambda r: (r.youth_name, r.youth_id), reverse=sort.startswith("-"))
    else:
        rows.sort(key=lambda r: (r.due, r.youth_name), reverse=sort.startswith("-"))
    return rows


# --- one youth's progression -------------------------------------------------------------------------


def circle_professionals(youth: Youth) -> list[tuple[int, str]]:
    """(id, "Name, role") of every active professional in the circle, personally or through a team."""
    memberships = (
        Membership.objects.active().filter(youth=youth)
        .select_related("professional")
        .prefetch_related("team__members")
        .order_by("start_date", "pk")
    )
    seen: dict[int, str] = {}
    for m in memberships:
        people = [m.professional] if m.professional_id else list(m.team.members.all())
        for person in people:
            if person.is_active and person.pk not in seen:
                seen[person.pk] = f"{person.get_full_name() or person.username}, {m.get_role_display()}"
    return list(seen.items())


def current_versions(youth: Youth) -> list[AssessmentVersion]:
    """The current version of each of the youth's assessments, oldest first, with what the page shows."""
    return list(
        AssessmentVersion.objects.filter(assessment__youth=youth, is_current=True)
        .select_related("assessment", "created_by", "indicator_set")
        .prefetch_related(
            Prefetch("observations", queryset=ObservedIndicator.objects.select_related("indicator")),
            "participants",
        )
        .order_by("assessed_on", "assessment__created_at", "pk")
    )


def placements_for(youth: Youth) -> list[YouthPlacement]:
    return list(youth.placements.select_related("recorded_by").order_by("placed_on", "pk"))


def progression_for(youth: Youth, *, today: datetime.date) -> dict[str, Any]:
    """Everything the progression page shows, in a fixed number of queries whatever the history."""
    versions = current_versions(youth)
    placements = placements_for(youth)
    corrected = set(
        AssessmentVersion.objects.filter(assessment__youth=youth, is_current=False).values_list(
            "assessment_id", flat=True
        )
    )
    steps = [charts.Step(v.assessed_on, v.level, v.overlap_level, ref=v) for v in versions]
    marks = [charts.Placement(p.placed_on, p.level, p.own_words) for p in placements]
    chart = charts.step_chart(steps, marks, today=today, name=youth.first_name)
    # The same data drawn for a phone; CSS shows one of the two (the hidden one is hidden from everyone).
    chart_narrow = charts.step_chart(steps, marks, today=today, name=youth.first_name, layout=charts.NARROW,
                                     id_prefix="stepchart-narrow")
    current = None
    if versions:
        last = max(versions, key=lambda v: (v.assessed_on, v.assessment.created_at, v.pk))
        current = CurrentLevel(last.level, level_label(last.level), LEVEL_ORDER[last.level], last.overlap_level,
                               level_label(last.overlap_level), last.assessed_on)
    return {
        "versions": versions,
        "placements": placements,
        "chart": chart,
        "chart_narrow": chart_narrow,
        "corrected_ids": corrected,
        "current": current,
        "latest_placement": placements[-1] if placements else None,
        "latest_placement_team_level": level_label(team_level_on(
            [(v.assessed_on, v.level) for v in versions], placements[-1].placed_on)) if placements else "",
        "rhythm": rhythm_for(youth, today=today, current=current),
    }


def assessment_history(assessment: Assessment) -> list[AssessmentVersion]:
    """Every version, newest first, each with its indicators, observations and participants."""
    return list(
        assessment.versions.select_related("created_by", "indicator_set")
        .prefetch_related(
            Prefetch("observations", queryset=ObservedIndicator.objects.select_related("indicator")),
            "participants",
        )
        .order_by("-version")
    )


def indicators_by_level(indicator_set: IndicatorSet) -> list[dict[str, Any]]:
    """The set's indicators grouped by level in taxonomy order (one query)."""
    groups: dict[str, list[Indicator]] = {code: [] for code in LEVEL_ORDER}
    for indicator in indicator_set.indicators.all().order_by("position", "pk"):
        groups[indicator.level].append(indicator)
    return [{"code": code, "label": level_label(code), "indicators": items} for code, items in groups.items()]


def indicator_versions(municipality_id: int) -> list[IndicatorSet]:
    return list(
        IndicatorSet.objects.filter(municipality_id=municipality_id).select_related("created_by").order_by("-version")
    )


def team_level_on(history: list[tuple[datetime.date, str]], day: datetime.date) -> str:
    """The team's level in force on `day` (history in date order), or "" before the first assessment."""
    level = ""
    for on, code in history:
        if on > day:
            break
        level = code
    return level


def youth_journey(youth: Youth, *, today: datetime.date | None = None) -> dict[str, Any]:
    """The plain-language view for the young person ("her er du på vej"). Reused by the portal: pass the
    result as `journey` to the template `progression/_journey.html`. Two queries."""
    history = list(
        AssessmentVersion.objects.filter(assessment__youth=youth, is_current=True)
        .order_by("assessed_on", "assessment__created_at", "pk")
        .values_list("assessed_on", "level", "overlap_level")
    )
    placement = youth.placements.order_by("-placed_on", "-pk").first()
    now = history[-1][1] if history else None
    also = history[-1][2] if history else ""
    previous_level = history[-2][1] if len(history) > 1 else None
    steps = []
    for code, order in LEVEL_ORDER.items():
        state = "ahead"
        if now is not None:
            if code == now:
                state = "here"
            elif code == also:
                state = "also" if order > LEVEL_ORDER[now] else "also_below"
            elif order < LEVEL_ORDER[now]:
                state = "behind"
        steps.append({
            "code": code, "order": order, "title": str(LEVEL_PLAIN_TITLE[code]), "text": str(LEVEL_PLAIN_TEXT[code]),
            "state": state, "self": placement is not None and placement.level == code,
        })
    message = ""
    if now is not None and previous_level is not None:
        delta = LEVEL_ORDER[now] - LEVEL_ORDER[previous_level]
        if delta > 0:
            message = _("Siden sidst er du kommet et stykke videre. Godt gået!")
        elif delta < 0:
            message = _("Siden sidst har du taget en omvej. Det sker for de fleste, og det er helt i orden – "
                        "vi finder vejen videre sammen.")
        else:
            message = _("Du er samme sted som sidst. Nogle gange tager et skridt tid.")
    team_then = team_level_on([(on, code) for on, code, _o in history], placement.placed_on) if placement else ""
    return {
        "steps": list(reversed(steps)),
        "current": now,
        "placement": placement,
        "placement_text": str(LEVEL_SELF_PLACEMENT[placement.level]) if placement else "",
        "differs": bool(placement and team_then and placement.level != team_then),
        "message": message,
    }


# --- the self-evaluation (always one young person) ----------------------------------------------------


def dimension_scores(answers: Any) -> dict[str, float | None]:
    """Mean of the numeric answers per dimension; None when the youth answered only "ved ikke" or nothing."""
    sums: dict[str, list[int]] = {d: [] for d in DIMENSION_ORDER}
    for a in answers:
        statement = STATEMENTS_BY_KEY.get(a.statement)
        if statement is not None and a.value is not None:
            sums[statement.dimension].append(a.value)
    return {d: round(sum(v) / len(v), 1) if v else None for d, v in sums.items()}


def rounds_with_answers() -> QuerySet[SelfEvaluationRound]:
    """Rounds with what their pages show (answers, goals, readings); staff views scope them with `policy.access`."""
    return SelfEvaluationRound.objects.select_related("started_by", "follow_up_by").prefetch_related(
        "answers", "goals", "readings__author"
    )


def _rounds(youth: Youth) -> QuerySet[SelfEvaluationRound]:
    return rounds_with_answers().filter(youth=youth)


def self_evaluation_round_for(youth: Youth, pk: Any) -> SelfEvaluationRound:
    """One round of this youth (404 for anything else)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    found = _rounds(youth).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def _dimensions() -> list[tuple[str, str]]:
    return [(d.value, str(d.label)) for d in Dimension]


def round_profile(round: SelfEvaluationRound) -> dict[str, Any]:
    """One round: the youth's answers by dimension, their goals, scores and the professionals' readings."""
    answers = {a.statement: a.value for a in round.answers.all()}
    goals = {g.dimension: g.text for g in round.goals.all()}
    scores = dimension_scores(round.answers.all())
    groups = []
    for d in Dimension:
        groups.append({
            "code": d.value, "label": d.label, "score": scores[d.value], "goal": goals.get(d.value, ""),
            "statements": [
                {"key": s.key, "text": s.text, "answered": s.key in answers, "value": answers.get(s.key)}
                for s in STATEMENTS if s.dimension == d.value
            ],
        })
    readings = list(round.readings.all())
    for reading in readings:
        reading.score_rows = [(label, reading.scores[code]) for code, label in _dimensions() if code in reading.scores]
    return {"round": round, "groups": groups, "scores": scores, "readings": readings,
            "reading": readings[-1] if readings else None, "answered": len(answers), "total": len(STATEMENTS)}


def self_evaluation_overview(youth: Youth, *, focus: SelfEvaluationRound | None = None) -> dict[str, Any]:
    """This youth's kept rounds, the radar with the focused round (default: the newest kept) and up to three
    earlier rounds overlaid, and a round in progress if any. Fixed number of queries."""
    rounds = list(_rounds(youth).order_by("started_at", "pk"))
    kept = [r for r in rounds if r.status == RoundStatus.KEPT]
    in_progress = next((r for r in rounds if r.status == RoundStatus.IN_PROGRESS), None)
    if focus is None:
        focus = kept[-1] if kept else None
    else:
        focus = next((r for r in rounds if r.pk == focus.pk), focus)
    profiles = {r.pk: round_profile(r) for r in [*kept, *([focus] if focus and focus not in kept else [])]}
    series = []
    earlier = [r for r in kept if focus and r.started_at < focus.started_at][-3:]
    tones = [("#5c5c5c", "6 3"), ("#6f6f6f", "3 3"), ("#8a8a8a", "1 3")]
    for i, r in enumerate(earlier):
        stroke, dash = tones[len(earlier) - 1 - i]
        series.append(charts.RadarSeries(
            label=_("Runde %(date)s") % {"date": _date(r.started_at)}, kind="earlier", scores=profiles[r.pk]["scores"],
            stroke=stroke, dash=dash))
    focus_profile = profiles.get(focus.pk) if focus else None
    if focus_profile is not None:
        reading = focus_profile["reading"]
        if reading is not None and reading.scores:
            series.append(charts.RadarSeries(
                label=_("Fagpersonens læsning"), kind="reading",
                scores={d: reading.scores.get(d) for d in DIMENSION_ORDER}))
        series.append(charts.RadarSeries(
            label=_("Denne runde, %(date)s") % {"date": _date(focus.started_at)}, kind="current",
            scores=focus_profile["scores"]))
    radar = charts.radar(_dimensions(), series) if focus_profile else None
    if radar is not None and focus is not None and focus_profile is not None:
        radar["title"] = _("Profilbillede fra %(date)s") % {"date": _date(focus.started_at)}
        radar["desc"] = _radar_desc(focus_profile["scores"], earlier=len(earlier),
                                    reading=any(s.kind == "reading" for s in series))
    table = [
        {"label": label, "values": [{"label": s.label, "value": s.scores.get(code)} for s in series]}
        for code, label in _dimensions()
    ]
    return {"kept": kept, "in_progress": in_progress, "focus": focus, "focus_profile": focus_profile,
            "radar": radar, "series": series, "table": table}


def _radar_desc(scores: dict[str, float | None], *, earlier: int, reading: bool) -> str:
    from django.utils import formats

    parts = [
        f"{label} {formats.number_format(scores[code], 1) if scores[code] is not None else _('ikke besvaret')}"
        for code, label in _dimensions()
    ]
    text = _("Den unges svar fra 1 til 5: %(scores)s.") % {"scores": ", ".join(parts)}
    if earlier:
        text += " " + ngettext("Tegnet oven på %(n)s tidligere runde.", "Tegnet oven på %(n)s tidligere runder.", earlier) % {"n": earlier}
    if reading:
        text += " " + _("Fagpersonens læsning er tegnet med prikker.")
    return text


def _date(value: datetime.datetime) -> str:
    from django.utils import formats

    return formats.date_format(timezone.localtime(value), "j. F Y")
