"""Progression's items on the contact person's *I dag* (declared in ProgressionConfig.agenda_sources)."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _

from ungeforlob.core.agenda import AgendaItem
from ungeforlob.core.prepared import reads_ahead
from ungeforlob.progression.selectors import reassessments_due_for, reassessments_reads


@reads_ahead(lambda user, today: reassessments_reads(user))
def reassessments_due(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    """Reassessments due soon or overdue for the young people the user is contact person for (2 queries)."""
    items = []
    for row in reassessments_due_for(user, today=today):
        if row.last_assessed:
            detail = _("Sidst vurderet %(date)s: %(level)s") % {
                "date": formats.date_format(row.last_assessed, "SHORT_DATE_FORMAT"), "level": row.last_level_label}
        else:
            detail = _("Endnu ikke vurderet")
        items.append(AgendaItem(
            due=row.due, kind="revurdering", title=_("Revurdering af progression"), youth_id=row.youth_id,
            youth_name=row.youth_name, url=row.url, overdue=row.overdue, detail=detail,
            actions={"vurder": row.url},  # shown as a link "Vurder" on I dag
        ))
    return items
