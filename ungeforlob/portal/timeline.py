"""Timeline entries for the young person's wishes (meddesign): proposed, and answered."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from ungeforlob.portal.models import Wish
from ungeforlob.youth.timeline import TimelineEntry, latest, newest_at


@newest_at(lambda youth: [(Wish.objects.filter(youth=youth), latest("created_at", "handled_at"))])
def wish_entries(youth: Any) -> list[TimelineEntry]:
    """One query."""
    entries = []
    for wish in Wish.objects.filter(youth=youth).order_by("created_at", "pk"):
        entries.append(TimelineEntry(wish.created_at, "oenske",
                                     _("Den unge ønskede: %(kind)s") % {"kind": wish.get_kind_display().lower()},
                                     text=wish.text, by=_("den unge")))
        if wish.handled_at:
            entries.append(TimelineEntry(wish.handled_at, "oenske",
                                         _("Ønsket er besvaret: %(answer)s") % {"answer": wish.get_status_display()},
                                         text=wish.reply, by=wish.handled_by_name))
    return entries
