"""The work-readiness self-evaluation: the young person's rounds, their answers and goals, their decision to
keep a round or not, and the professional's reading beside it."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.progression.models import (
    ProfessionalReading,
    RoundStatus,
    SelfEvaluationAnswer,
    SelfEvaluationGoal,
    SelfEvaluationRound,
)
from ungeforlob.progression.questionnaire import STATEMENTS_BY_KEY, Dimension
from ungeforlob.progression.services._writer import check_writer
from ungeforlob.youth.models import Youth


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


def self_evaluation_purge_unkept(*, older_than: datetime.timedelta = datetime.timedelta(hours=1),
                                 rounds: Any = None) -> int:
    """Delete rounds the young person chose not to keep once they are `older_than`; return how many.

    The retention rules run it (kind "self_evaluations_unkept", `retention.services.retention_purge_unkept` in
    the worker), passing the municipality's due `rounds`; only rounds not kept are ever deleted here."""
    if rounds is None:
        rounds = SelfEvaluationRound.objects.filter(finished_at__lt=timezone.now() - older_than)
    count = 0
    for round in rounds.filter(status=RoundStatus.NOT_KEPT).select_related("youth__municipality"):
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
