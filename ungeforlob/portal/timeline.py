"""Timeline entries for the young person's wishes (meddesign): proposed, and answered."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from ungeforlob.core.prepared import prepared, reads_ahead
from ungeforlob.portal.models import Wish
from ungeforlob.youth.timeline import TimelineEntry, latest, newest_at, newest_by, newest_read, run_newest


@prepared(youth_id=int)
def _wishes(*, youth_id: int, limit: int | None) -> QuerySet[Wish]:
    """Her wishes; with `limit`, those whose latest moment (proposed or answered) is newest."""
    return newest_by(Wish.objects.filter(youth_id=youth_id), latest("created_at", "handled_at"), limit)


@reads_ahead(lambda youth, limit: newest_read(_wishes, youth_id=youth.pk, limit=limit))
@newest_at(lambda youth: [(Wish.objects.filter(youth=youth), latest("created_at", "handled_at"))])
def wish_entries(youth: Any, *, limit: int | None = None) -> list[TimelineEntry]:
    """One query (read ahead with the other sources')."""
    entries = []
    for wish in run_newest(_wishes, youth_id=youth.pk, limit=limit):
        entries.append(TimelineEntry(wish.created_at, "oenske",
                                     _("Den unge ønskede: %(kind)s") % {"kind": wish.get_kind_display().lower()},
                                     text=wish.text, by=_("den unge")))
        if wish.handled_at:
            entries.append(TimelineEntry(wish.handled_at, "oenske",
                                         _("Ønsket er besvaret: %(answer)s") % {"answer": wish.get_status_display()},
                                         text=wish.reply, by=wish.handled_by_name))
    return entries
