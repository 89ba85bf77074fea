"""Team assessments (every correction a new version) and the young person's own placement beside them."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.progression.levels import LEVEL_ORDER
from ungeforlob.progression.models import (
    Assessment,
    AssessmentVersion,
    EducationReadinessAssessment,
    IndicatorSet,
    ObservedIndicator,
    UpvResult,
    YouthPlacement,
)
from ungeforlob.progression.selectors import circle_professionals
from ungeforlob.progression.services._writer import check_writer
from ungeforlob.progression.services.indicators import indicator_set_current
from ungeforlob.youth.models import Youth

MAX_EVIDENCE = 300
MAX_RATIONALE = 4000


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


@transaction.atomic
def upv_record(*, actor: Any, youth: Youth, assessed_on: Any, result: str, assessed_by: str,
               note: str = "") -> EducationReadinessAssessment:
    """Record a formal uddannelsesparathedsvurdering (UPV) beside the taxonomy level (never as a level)."""
    check_writer(actor=actor, youth=youth)
    errors: dict[str, Any] = {}
    try:
        _clean_date(assessed_on, youth=youth, field="assessed_on")
    except ValidationError as exc:
        errors.update({k: v[0] for k, v in exc.message_dict.items()})
    if result not in UpvResult.values:
        errors["result"] = _("Vælg, om den unge blev vurderet uddannelsesparat eller ikke uddannelsesparat.")
    assessed_by = (assessed_by or "").strip()
    if not assessed_by:
        errors["assessed_by"] = _("Skriv, hvem der traf vurderingen.")
    elif len(assessed_by) > 200:
        errors["assessed_by"] = _("Højst 200 tegn.")
    note = (note or "").strip()
    if len(note) > 1000:
        errors["note"] = _("Højst 1000 tegn.")
    if errors:
        raise ValidationError(errors)
    upv = EducationReadinessAssessment.objects.create(
        youth=youth, assessed_on=assessed_on, result=result, assessed_by=assessed_by, note=note, recorded_by=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=upv)
    return upv
