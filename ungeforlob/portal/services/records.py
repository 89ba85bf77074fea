"""Small writes for the young person's own pages: anonymous feedback, the data export and reading one's own data
(both logged)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.portal.models import ServiceFeedback
from ungeforlob.youth.models import Youth


@transaction.atomic
def feedback_give(*, youth: Youth, heard: int, useful: int, comment: str = "") -> ServiceFeedback:
    """Anonymous: the row does not point at the youth (only at the municipality)."""
    for field, value in (("heard", heard), ("useful", useful)):
        if value not in range(1, 6):
            raise ValidationError({field: _("Vælg et tal fra 1 til 5.")})
    if len(comment) > 1000:
        raise ValidationError({"comment": _("Skriv højst 1000 tegn.")})
    return ServiceFeedback.objects.create(
        municipality_id=youth.municipality_id, heard=heard, useful=useful, comment=comment.strip()
    )


def export_record(*, youth: Youth, fmt: str) -> None:
    audit_record(actor=None, actor_youth=youth, action=AuditAction.EXPORT, youth=youth,
                 object_type="data_export", detail={"format": fmt})


def portal_read(*, youth: Youth, what: str) -> None:
    """The youth reading their own data is logged too (it shows in their own access log as 'dig selv')."""
    audit_record(actor=None, actor_youth=youth, action=AuditAction.READ, youth=youth, object_type=what)
