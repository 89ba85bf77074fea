"""Writes for progression. Each is atomic, validates (Danish, field-keyed messages), checks who acts, and
records its own audit row.

Services a young person can use themselves (the portal calls them with `by_youth=True` and no staff actor):
`youth_placement_record`, `self_evaluation_start`, `self_evaluation_answer`, `self_evaluation_finish`,
`self_evaluation_follow_up`, `self_evaluation_discard`. Staff actors are checked with
`permissions.may_write_progression` (the contact person and `policy.EDITING_ROLES`).
"""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.progression.levels import LEVEL_ORDER, Level
from ungeforlob.progression.models import (
    Assessment,
    AssessmentVersion,
    Indicator,
    IndicatorSet,
    IndicatorSource,
    ObservedIndicator,
    ProfessionalReading,
    ProgressionSettings,
    RoundStatus,
    SelfEvaluationAnswer,
    SelfEvaluationGoal,
    SelfEvaluationRound,
    YouthPlacement,
)
from ungeforlob.progression.permissions import check_writer
from ungeforlob.progression.questionnaire import STATEMENTS_BY_KEY, Dimension
from ungeforlob.progression.selectors import circle_professionals
from ungeforlob.youth.models import Youth

DEFAULTS_FILE = Path(__file__).parent / "data" / "indicators.json"
MAX_EVIDENCE = 300
MAX_RATIONALE = 4000
MAX_INDICATOR = 300


# --- the indicator set -------------------------------------------------------------------------------


@cache
def indicator_defaults() -> list[tuple[str, str, str]]:
    """(level, text, source) for every default indicator, in taxonomy order."""
    data = json.loads(DEFAULTS_FILE.read_text(encoding="utf-8"))
    rows = []
    for level in Level:
        for text, source in data["levels"][level.value]:
            rows.append((level.value, text, source))
    return rows


def _audit_set(*, actor: Any, indicator_set: IndicatorSet, detail: dict[str, Any]) -> None:
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=indicator_set, municipality=indicator_set.municipality,
                 detail={"version": indicator_set.version, **detail})


@transaction.atomic
def indicator_set_current(*, municipality: Any, actor: Any = None) -> IndicatorSet:
    """The municipality's current indicator set; the first time, version 1 is made from the defaults."""
    current = IndicatorSet.objects.filter(municipality=municipality).order_by("-version").first()
    if current is not None:
        return current
    try:
        with transaction.atomic():
            current = IndicatorSet.objects.create(
                municipality=municipality, version=1, created_by=actor,
                change_note=_("Standardindikatorerne fra taksonomien."),
            )
    except IntegrityError:  # made at the same moment by another request
        return IndicatorSet.objects.filter(municipality=municipality).order_by("-version").first()  # type: ignore[return-value]
    Indicator.objects.bulk_create(
        Indicator(indicator_set=current, level=level, text=text, source=source, position=i)
        for i, (level, text, source) in enumerate(indicator_defaults())
    )
    _audit_set(actor=actor, indicator_set=current, detail={"change": "defaults"})
    return current


def _new_version(
    *, actor: Any, municipality: Any, change_note: str,
    change: Callable[[list[dict[str, Any]]], list[dict[str, Any]]],
) -> IndicatorSet:
    """Copy the current set into a new version with `change` applied to its rows. Older versions stay."""
    current = indicator_set_current(municipality=municipality, actor=actor)
    rows = [
        {"lineage": i.lineage, "level": i.level, "text": i.text, "source": i.source}
        for i in current.indicators.order_by("position", "pk")
    ]
    rows = change(rows)
    rows.sort(key=lambda r: LEVEL_ORDER[r["level"]])  # stable: keeps the order within a level
    try:
        with transaction.atomic():
            new = IndicatorSet.objects.create(
                municipality=municipality, version=current.version + 1, created_by=actor, change_note=change_note[:300]
            )
    except IntegrityError as exc:
        raise ValidationError(
            {"text": _("En anden har netop ændret indikatorerne. Indlæs siden igen, og prøv igen.")}
        ) from exc
    Indicator.objects.bulk_create(Indicator(indicator_set=new, position=pos, **row) for pos, row in enumerate(rows))
    _audit_set(actor=actor, indicator_set=new, detail={"change": change_note[:300]})
    return new


def _clean_indicator_input(level: str, text: str) -> str:
    errors = {}
    text = (text or "").strip()
    if level not in LEVEL_ORDER:
        errors["level"] = _("Vælg et niveau.")
    if not text:
        errors["text"] = _("Skriv indikatoren.")
    elif len(text) > MAX_INDICATOR:
        errors["text"] = _("Indikatoren må højst være %(n)s tegn.") % {"n": MAX_INDICATOR}
    if errors:
        raise ValidationError(errors)
    return text


def _check_current(indicator: Indicator) -> IndicatorSet:
    current = indicator_set_current(municipality=indicator.indicator_set.municipality)
    if indicator.indicator_set_id != current.pk:
        raise ValidationError(
            {"text": _("Indikatoren hører til en ældre version. Indlæs siden igen, og prøv igen.")}
        )
    return current


@transaction.atomic
def indicator_add(*, actor: Any, municipality: Any, level: str, text: str) -> IndicatorSet:
    """Add a municipality's own indicator: a new version of the set."""
    text = _clean_indicator_input(level, text)

    def change(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [*rows, {"lineage": uuid.uuid4(), "level": level, "text": text, "source": IndicatorSource.LOCAL}]

    note = _("Tilføjet: %(text)s") % {"text": text}
    return _new_version(actor=actor, municipality=municipality, change_note=note, change=change)


@transaction.atomic
def indicator_edit(*, actor: Any, indicator: Indicator, level: str, text: str) -> IndicatorSet:
    """Reword an indicator or move it to another level: a new version. A reworded indicator is the
    municipality's own from then on (it no longer quotes the source)."""
    text = _clean_indicator_input(level, text)
    _check_current(indicator)
    if text == indicator.text and level == indicator.level:
        raise ValidationError({"text": _("Du har ikke ændret noget.")})

    def change(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for row in rows:
            if row["lineage"] == indicator.lineage:
                if row["text"] != text:
                    row["source"] = IndicatorSource.LOCAL
                row.update(level=level, text=text)
        return rows

    note = _("Rettet: %(text)s") % {"text": text}
    return _new_version(actor=actor, municipality=indicator.indicator_set.municipality, change_note=note,
                        change=change)


@transaction.atomic
def indicator_retire(*, actor: Any, indicator: Indicator) -> IndicatorSet:
    """Take an indicator out of use: a new version without it. Assessments that used it keep it."""
    _check_current(indicator)

    def change(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [r for r in rows if r["lineage"] != indicator.lineage]

    note = _("Udgået: %(text)s") % {"text": indicator.text}
    return _new_version(actor=actor, municipality=indicator.indicator_set.municipality, change_note=note,
                        change=change)


@transaction.atomic
def progression_settings_update(
    *, actor: Any, municipality: Any, reassessment_months: int, first_assessment_days: int, due_soon_days: int
) -> ProgressionSettings:
    settings_row, _created = ProgressionSettings.objects.get_or_create(municipality=municipality)
    settings_row.reassessment_months = reassessment_months
    settings_row.first_assessment_days = first_assessment_days
    settings_row.due_soon_days = due_soon_days
    settings_row.updated_by = actor
    settings_row.full_clean()
    settings_row.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=settings_row, municipality=municipality,
                 detail={"reassessment_months": reassessment_months, "first_assessment_days": first_assessment_days,
                         "due_soon_days": due_soon_days})
    return settings_row


# --- team assessments --------------------------------------------------------------------------------


def _clean_date(value: Any, *, youth: Youth, field: str) -> datetime.date:
    if not isinstance(value, datetime.date):
        raise ValidationError({field: _("Skriv en gyldig dato.")})
    if value > timezone.localdate():
        raise ValidationError({field: _("Datoen kan ikke ligge i fremtiden.")})
    if value < youth.birth_date:
        raise ValidationError({field: _("Datoen ligger før den unge blev født.")})
    return value


def _clean_version_input(
    *,
    youth: Youth,
    indicator_set: IndicatorSet,
    assessed_on: Any,
    level: str,
    overlap_level: str,
    observations: Mapping[int, str],
    participant_ids: Iterable[int],
    youth_took_part: bool,
    other_participants: str,
    rationale: str,
) -> dict[str, Any]:
    errors: dict[str, str] = {}
    try:
        assessed_on = _clean_date(assessed_on, youth=youth, field="assessed_on")
    except ValidationError as exc:
        errors.update({k: v[0] for k, v in exc.message_dict.items()})
    if level not in LEVEL_ORDER:
        errors["level"] = _("Vælg det niveau, teamet vurderer, at den unge er på.")
    overlap_level = overlap_level or ""
    if overlap_level and overlap_level not in LEVEL_ORDER:
        errors["overlap_level"] = _("Vælg et gyldigt niveau.")
    elif overlap_level and overlap_level == level:
        errors["overlap_level"] = _("Den unge kan ikke overlappe med det samme niveau. Vælg et andet, eller intet.")
    rationale = (rationale or "").strip()
    if not rationale:
        errors["rationale"] = _("Skriv teamets begrundelse.")
    elif len(rationale) > MAX_RATIONALE:
        errors["rationale"] = _("Begrundelsen må højst være %(n)s tegn.") % {"n": MAX_RATIONALE}
    other_participants = (other_participants or "").strip()
    if len(other_participants) > 200:
        errors["other_participants"] = _("Højst 200 tegn.")
    valid_indicators = {i.pk: i for i in indicator_set.indicators.all()}
    cleaned_obs: dict[int, str] = {}
    for key, evidence in observations.items():
        try:
            pk = int(key)
        except (TypeError, ValueError):
            pk = -1
        if pk not in valid_indicators:
            errors["observations"] = _(
                "En af de valgte indikatorer hører ikke til indikatorsættet for denne vurdering (version %(v)s)."
            ) % {"v": indicator_set.version}
            continue
        evidence = (evidence or "").strip()
        if not evidence:
            errors[f"evidence_{pk}"] = _("Skriv kort, hvad I har set, der viser det.")
        elif len(evidence) > MAX_EVIDENCE:
            errors[f"evidence_{pk}"] = _("Højst %(n)s tegn.") % {"n": MAX_EVIDENCE}
        cleaned_obs[pk] = evidence
    try:
        participants = {int(pk) for pk in participant_ids}
    except (TypeError, ValueError):
        participants = {-1}
    if participants - {pk for pk, _name in circle_professionals(youth)}:
        errors["participants"] = _("Vælg kun fagpersoner fra den unges kæde.")
    elif not participants and not youth_took_part and not other_participants:
        errors["participants"] = _("Skriv hvem der deltog i vurderingen.")
    if errors:
        raise ValidationError(errors)
    return {
        "assessed_on": assessed_on, "level": level, "overlap_level": overlap_level, "rationale": rationale,
        "other_participants": other_participants, "youth_took_part": bool(youth_took_part),
        "observations": cleaned_obs, "participants": participants,
    }


def _save_version(*, assessment: Assessment, number: int, indicator_set: IndicatorSet, actor: Any,
                  data: dict[str, Any], correction_reason: str = "") -> AssessmentVersion:
    version = AssessmentVersion.objects.create(
        assessment=assessment, version=number, is_current=True, assessed_on=data["assessed_on"],
        level=data["level"], overlap_level=data["overlap_level"], indicator_set=indicator_set,
        rationale=data["rationale"], youth_took_part=data["youth_took_part"],
        other_participants=data["other_participants"], correction_reason=correction_reason, created_by=actor,
    )
    version.participants.set(data["participants"])
    ObservedIndicator.objects.bulk_create(
        ObservedIndicator(version=version, indicator_id=pk, evidence=ev) for pk, ev in data["observations"].items()
    )
    return version


@transaction.atomic
def assessment_create(
    *,
    actor: Any,
    youth: Youth,
    assessed_on: Any,
    level: str,
    rationale: str,
    overlap_level: str = "",
    observations: Mapping[int, str] | None = None,
    participant_ids: Iterable[int] = (),
    youth_took_part: bool = False,
    other_participants: str = "",
    indicator_set: IndicatorSet | None = None,
    submission_key: uuid.UUID | None = None,
    youth_placement_level: str = "",
    youth_placement_words: str = "",
) -> Assessment:
    """Record a team assessment (version 1) with the current indicator set, and — when given — the young
    person's own placement beside it.

    A repeated `submission_key` returns the assessment already made (a double click makes one assessment).
    Raises ValidationError for no level, an indicator from another version, a future date and the like.
    """
    check_writer(actor=actor, youth=youth)
    if submission_key is not None:
        existing = Assessment.objects.filter(submission_key=submission_key, youth=youth).first()
        if existing is not None:
            return existing
    current = indicator_set_current(municipality=youth.municipality, actor=actor)
    indicator_set = indicator_set or current
    if indicator_set.municipality_id != youth.municipality_id:
        raise ValidationError({"observations": _("Indikatorsættet hører til en anden kommune.")})
    data = _clean_version_input(
        youth=youth, indicator_set=indicator_set, assessed_on=assessed_on, level=level,
        overlap_level=overlap_level, observations=observations or {}, participant_ids=participant_ids,
        youth_took_part=youth_took_part, other_participants=other_participants, rationale=rationale,
    )
    placement_words = (youth_placement_words or "").strip()
    if placement_words and not youth_placement_level:
        raise ValidationError({"youth_placement_level": _("Vælg hvor den unge selv ser sig.")})
    try:
        with transaction.atomic():
            assessment = Assessment.objects.create(youth=youth, created_by=actor, submission_key=submission_key)
    except IntegrityError as exc:  # the same form submitted twice at the same moment
        existing = Assessment.objects.filter(submission_key=submission_key, youth=youth).first()
        if existing is None:
            raise ValidationError({"__all__": _("Formularen er allerede brugt. Indlæs siden igen.")}) from exc
        return existing
    version = _save_version(assessment=assessment, number=1, indicator_set=indicator_set, actor=actor, data=data)
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=assessment,
                 detail={"version": 1, "indicator_set_version": indicator_set.version})
    if youth_placement_level:
        youth_placement_record(youth=youth, level=youth_placement_level, own_words=placement_words,
                               placed_on=version.assessed_on, actor=actor, assessment=assessment)
    return assessment


@transaction.atomic
def assessment_correct(
    *,
    actor: Any,
    assessment: Assessment,
    reason: str,
    assessed_on: Any,
    level: str,
    rationale: str,
    overlap_level: str = "",
    observations: Mapping[int, str] | None = None,
    participant_ids: Iterable[int] = (),
    youth_took_part: bool = False,
    other_participants: str = "",
    based_on_version: int | None = None,
) -> AssessmentVersion:
    """Correct an assessment: a new version saying who and why. The earlier versions stay as they were.

    The correction uses the indicator set of the version it corrects. `based_on_version` (the version the
    form showed) refuses a correction made on top of someone else's newer one.
    """
    youth = assessment.youth
    check_writer(actor=actor, youth=youth)
    current = (
        AssessmentVersion.objects.select_for_update(of=("self",)).select_related("indicator_set")
        .filter(assessment=assessment, is_current=True).get()
    )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Skriv hvorfor vurderingen rettes.")})
    if len(reason) > 500:
        raise ValidationError({"reason": _("Højst 500 tegn.")})
    if based_on_version is not None and based_on_version != current.version:
        raise ValidationError({"reason": _(
            "Vurderingen er blevet rettet af en anden, mens du skrev. Se den nye version, og ret igen om nødvendigt."
        )})
    data = _clean_version_input(
        youth=youth, indicator_set=current.indicator_set, assessed_on=assessed_on, level=level,
        overlap_level=overlap_level, observations=observations or {}, participant_ids=participant_ids,
        youth_took_part=youth_took_part, other_participants=other_participants, rationale=rationale,
    )
    AssessmentVersion.objects.filter(pk=current.pk).update(is_current=False)
    version = _save_version(assessment=assessment, number=current.version + 1, indicator_set=current.indicator_set,
                            actor=actor, data=data, correction_reason=reason)
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=youth, obj=assessment, purpose=reason,
                 detail={"version": version.version})
    return version


@transaction.atomic
def youth_placement_record(
    *,
    youth: Youth,
    level: str,
    own_words: str = "",
    placed_on: Any = None,
    actor: Any = None,
    by_youth: bool = False,
    assessment: Assessment | None = None,
) -> YouthPlacement:
    """Record where the young person sees themselves ("hvor ser du dig selv?"), in their own words.

    Called by staff with the youth, or by the youth in the portal (`by_youth=True`, `actor=None`).
    """
    check_writer(actor=actor, youth=youth, by_youth=by_youth)
    placed_on = placed_on or timezone.localdate()
    errors = {}
    try:
        _clean_date(placed_on, youth=youth, field="placed_on")
    except ValidationError as exc:
        errors.update({k: v[0] for k, v in exc.message_dict.items()})
    if level not in LEVEL_ORDER:
        errors["level"] = _("Vælg hvor du ser dig selv.")
    own_words = (own_words or "").strip()
    if len(own_words) > 1000:
        errors["own_words"] = _("Højst 1000 tegn.")
    if assessment is not None and assessment.youth_id != youth.pk:
        raise PermissionDenied
    if errors:
        raise ValidationError(errors)
    placement = YouthPlacement.objects.create(
        youth=youth, placed_on=placed_on, level=level, own_words=own_words, assessment=assessment,
        by_youth=by_youth and actor is None, recorded_by=actor,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=placement,
                 actor_youth=youth if by_youth and actor is None else None)
    return placement


# --- the work-readiness self-evaluation -------------------------------------------------------------


def _audit_round(round: SelfEvaluationRound, action: str, *, actor: Any, by_youth: bool,
                 detail: dict[str, Any] | None = None) -> None:
    audit_record(actor=actor, action=action, youth=round.youth, obj=round, detail=detail,
                 actor_youth=round.youth if by_youth and actor is None else None)


def _discard(round: SelfEvaluationRound, *, actor: Any, by_youth: bool, why: str) -> None:
    _audit_round(round, AuditAction.DELETE, actor=actor, by_youth=by_youth, detail={"why": why})
    round.delete()


@transaction.atomic
def self_evaluation_start(*, youth: Youth, actor: Any = None, by_youth: bool = False) -> SelfEvaluationRound:
    """Start a round, or return the one already in progress (a round is finished before a new one starts).

    A round the young person chose not to keep is deleted now if it is still waiting to be printed.
    """
    check_writer(actor=actor, youth=youth, by_youth=by_youth)
    for old in youth.self_evaluation_rounds.filter(status=RoundStatus.NOT_KEPT):
        _discard(old, actor=actor, by_youth=by_youth, why="not_kept")
    existing = youth.self_evaluation_rounds.filter(status=RoundStatus.IN_PROGRESS).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            round = SelfEvaluationRound.objects.create(
                youth=youth, by_youth=by_youth and actor is None, started_by=actor
            )
    except IntegrityError:  # started twice at the same moment
        return youth.self_evaluation_rounds.get(status=RoundStatus.IN_PROGRESS)
    _audit_round(round, AuditAction.CREATE, actor=actor, by_youth=by_youth)
    return round


def _lock_round(round: SelfEvaluationRound) -> SelfEvaluationRound:
    return SelfEvaluationRound.objects.select_for_update(of=("self",)).select_related("youth__municipality").get(pk=round.pk)


@transaction.atomic
def self_evaluation_answer(
    *,
    round: SelfEvaluationRound,
    answers: Mapping[str, int | None],
    goals: Mapping[str, str] | None = None,
    actor: Any = None,
    by_youth: bool = False,
) -> SelfEvaluationRound:
    """Save answers (statement key -> 1..5, or None for "ved ikke") and the youth's own goals per dimension.

    Answering again replaces the earlier answer; an empty goal removes it. Only a round in progress takes
    answers.
    """
    check_writer(actor=actor, youth=round.youth, by_youth=by_youth)
    round = _lock_round(round)
    if not round.is_in_progress:
        raise ValidationError({"__all__": _("Runden er afsluttet og kan ikke længere ændres.")})
    errors = {}
    for key, value in answers.items():
        if key not in STATEMENTS_BY_KEY:
            errors["__all__"] = _("Et af svarene hører ikke til spørgsmålene.")
        elif value is not None and (not isinstance(value, int) or not 1 <= value <= 5):
            errors[key] = _("Vælg et tal fra 1 til 5, eller ved ikke.")
    for dimension, text in (goals or {}).items():
        if dimension not in Dimension.values:
            errors["__all__"] = _("Et af målene hører ikke til spørgsmålene.")
        elif len((text or "").strip()) > 300:
            errors[f"goal_{dimension}"] = _("Højst 300 tegn.")
    if errors:
        raise ValidationError(errors)
    keys = list(answers)
    SelfEvaluationAnswer.objects.filter(round=round, statement__in=keys).delete()
    SelfEvaluationAnswer.objects.bulk_create(
        SelfEvaluationAnswer(round=round, statement=k, value=answers[k]) for k in keys
    )
    for dimension, text in (goals or {}).items():
        text = (text or "").strip()
        SelfEvaluationGoal.objects.filter(round=round, dimension=dimension).delete()
        if text:
            SelfEvaluationGoal.objects.create(round=round, dimension=dimension, text=text)
    _audit_round(round, AuditAction.UPDATE, actor=actor, by_youth=by_youth, detail={"answers": len(keys)})
    return round


@transaction.atomic
def self_evaluation_finish(
    *, round: SelfEvaluationRound, keep: bool, actor: Any = None, by_youth: bool = False
) -> SelfEvaluationRound:
    """Finish the round with the young person's decision. Kept: it joins their profile. Not kept: it can be
    printed to PDF once, and is deleted then (or when the next round starts, or by the nightly purge)."""
    check_writer(actor=actor, youth=round.youth, by_youth=by_youth)
    round = _lock_round(round)
    if not round.is_in_progress:
        raise ValidationError({"keep": _("Runden er allerede afsluttet.")})
    if not round.answers.exists():
        raise ValidationError({"keep": _("Besvar mindst ét udsagn, før runden afsluttes.")})
    round.status = RoundStatus.KEPT if keep else RoundStatus.NOT_KEPT
    round.finished_at = timezone.now()
    round.save(update_fields=["status", "finished_at"])
    _audit_round(round, AuditAction.UPDATE, actor=actor, by_youth=by_youth, detail={"kept": bool(keep)})
    return round


@transaction.atomic
def self_evaluation_follow_up(
    *, round: SelfEvaluationRound, note: str, actor: Any = None, by_youth: bool = False
) -> SelfEvaluationRound:
    """The follow-up note (what the young person and the professional agreed after looking at the profile)."""
    check_writer(actor=actor, youth=round.youth, by_youth=by_youth)
    round = _lock_round(round)
    if not round.is_kept:
        raise ValidationError({"note": _("Opfølgning kan kun skrives på en runde, der gemmes.")})
    note = (note or "").strip()
    if len(note) > 4000:
        raise ValidationError({"note": _("Højst 4000 tegn.")})
    round.follow_up_note = note
    round.follow_up_at = timezone.now()
    round.follow_up_by = actor
    round.save(update_fields=["follow_up_note", "follow_up_at", "follow_up_by"])
    _audit_round(round, AuditAction.UPDATE, actor=actor, by_youth=by_youth, detail={"follow_up": True})
    return round


@transaction.atomic
def professional_reading_add(
    *, round: SelfEvaluationRound, actor: Any, text: str, scores: Mapping[str, int | None] | None = None
) -> ProfessionalReading:
    """A professional's reading of a kept round, beside (never instead of) the young person's answers."""
    check_writer(actor=actor, youth=round.youth)
    if not round.is_kept:
        raise ValidationError({"text": _("En læsning kan kun skrives på en runde, der gemmes.")})
    text = (text or "").strip()
    errors = {}
    if not text:
        errors["text"] = _("Skriv din læsning af profilen.")
    elif len(text) > 4000:
        errors["text"] = _("Højst 4000 tegn.")
    clean_scores = {}
    for dimension, value in (scores or {}).items():
        if dimension not in Dimension.values:
            errors["__all__"] = _("En af dimensionerne findes ikke.")
        elif value is None:
            continue
        elif not isinstance(value, int) or not 1 <= value <= 5:
            errors[f"score_{dimension}"] = _("Vælg et tal fra 1 til 5.")
        else:
            clean_scores[dimension] = value
    if errors:
        raise ValidationError(errors)
    reading = ProfessionalReading.objects.create(round=round, author=actor, text=text, scores=clean_scores)
    _audit_round(round, AuditAction.CREATE, actor=actor, by_youth=False, detail={"reading": reading.pk})
    return reading


@transaction.atomic
def self_evaluation_discard(*, round: SelfEvaluationRound, actor: Any = None, by_youth: bool = False) -> None:
    """Delete a round and everything in it, at the young person's wish. The audit log keeps only that it
    happened, not what it said."""
    check_writer(actor=actor, youth=round.youth, by_youth=by_youth)
    _discard(_lock_round(round), actor=actor, by_youth=by_youth, why="discarded")


def self_evaluation_purge_unkept(*, older_than: datetime.timedelta = datetime.timedelta(hours=1)) -> int:
    """Delete rounds the young person chose not to keep once they are `older_than` (run by the worker/cron)."""
    cutoff = timezone.now() - older_than
    count = 0
    for round in SelfEvaluationRound.objects.filter(status=RoundStatus.NOT_KEPT, finished_at__lt=cutoff).select_related(
        "youth__municipality"
    ):
        with transaction.atomic():
            _discard(round, actor=None, by_youth=False, why="not_kept_purged")
        count += 1
    return count



@transaction.atomic
def self_evaluation_printed(*, round: SelfEvaluationRound, actor: Any = None, by_youth: bool = False) -> bool:
    """Log that a round was printed to PDF. A round the young person chose not to keep is deleted now that
    they have their copy; returns True when it was."""
    discard = round.status == RoundStatus.NOT_KEPT
    if discard:
        check_writer(actor=actor, youth=round.youth, by_youth=by_youth)
    _audit_round(round, AuditAction.EXPORT, actor=actor, by_youth=by_youth, detail={"format": "pdf"})
    if discard:
        _discard(_lock_round(round), actor=actor, by_youth=by_youth, why="printed_not_kept")
        return True
    return False
