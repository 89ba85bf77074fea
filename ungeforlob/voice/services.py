"""Writes of the voice app: a leader reads and answers a comment; a municipality opts in to comparison."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.portal.models import ServiceFeedback
from ungeforlob.voice.models import BenchmarkOptIn, FeedbackReview, ReportDocument

MAX_ANSWER = 2000


class StaleReview(ValidationError):
    """Someone saved the review since the form was drawn; `current_version` is the version now."""

    def __init__(self, current_version: int) -> None:
        super().__init__(_("En anden leder har gemt noget om denne kommentar imens. Se det nye svar, og skriv "
                           "dit igen, hvis det stadig er nødvendigt."))
        self.current_version = current_version


@transaction.atomic
def feedback_review_save(*, actor: Any, feedback: ServiceFeedback, answer: str | None = None,
                         version: int | None = None) -> FeedbackReview:
    """Mark a comment as read by `actor`, and (when `answer` is given) store what was done about it.

    `version` is the version the leader saw (0 when the comment had no review yet): when someone else saved in
    the meantime, nothing is saved and a Danish message says so. Marking an already read comment as read again
    changes nothing.
    """
    if answer is not None:
        answer = answer.strip()
        if len(answer) > MAX_ANSWER:
            raise ValidationError({"answer": _("Skriv højst %(n)s tegn.") % {"n": MAX_ANSWER}})
    now = timezone.now()
    review = FeedbackReview.objects.select_for_update().filter(feedback=feedback).first()
    current = review.version if review else 0
    if review is not None and answer is None:
        return review  # already read: a second "mark as read" (a double click, a colleague) changes nothing
    if version is not None and version != current:
        raise StaleReview(current)
    if review is None:
        review = FeedbackReview(feedback=feedback, read_at=now, read_by=actor, version=0)
    if answer is not None and answer != review.answer:
        review.answer = answer
        review.answered_at = now if answer else None
        review.answered_by = actor if answer else None
    review.version += 1
    review.save()
    audit_record(actor=actor, action=AuditAction.UPDATE if current else AuditAction.CREATE, obj=review,
                 municipality=actor.municipality, detail={"answered": bool(review.answer)})
    return review


@transaction.atomic
def benchmark_opt_set(*, actor: Any, opted_in: bool) -> BenchmarkOptIn:
    """The leader's municipality takes part in the comparison by name (or stops)."""
    choice, _created = BenchmarkOptIn.objects.select_for_update().get_or_create(
        municipality_id=actor.municipality_id,
        defaults={"opted_in": opted_in, "changed_at": timezone.now(), "changed_by": actor})
    if not _created:
        if choice.opted_in == opted_in:
            return choice
        choice.opted_in, choice.changed_at, choice.changed_by = opted_in, timezone.now(), actor
        choice.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=choice, municipality=actor.municipality,
                 detail={"opted_in": opted_in})
    return choice


def report_export_record(*, actor: Any, quarter_code: str) -> None:
    """A downloaded quarterly report leaves an EXPORT row, like every leader table's download (aggregates only:
    no young person)."""
    audit_record(actor=actor, action=AuditAction.EXPORT, object_type="voice_report", object_id=quarter_code,
                 municipality=actor.municipality, detail={"format": "pdf"})


def report_document_prepare(*, municipality_id: int, quarter: Any) -> ReportDocument:
    """Render `quarter`'s report for the municipality as PDF and keep it (replacing the one kept before).

    Aggregates only; no personal data is read or written, so nothing is audited here (a download is)."""
    from ungeforlob.voice.pdf import render_report_pdf
    from ungeforlob.voice.report import report_context

    pdf = render_report_pdf(report_context(municipality_id=municipality_id, quarter=quarter))
    document, _created = ReportDocument.objects.update_or_create(
        municipality_id=municipality_id, quarter_code=quarter.code,
        defaults={"pdf": pdf, "rendered_at": timezone.now()})
    return document
