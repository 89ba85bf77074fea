"""The notices' part of "Hent mine data" (registered in `ungeforlob.portal.export.EXPORT_SECTIONS`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ungeforlob.notifications.models import YouthNotice
from ungeforlob.portal.export import Section, d
from ungeforlob.youth.models import Youth


def notices_section(youth: Youth) -> Section:
    """What the young person was told in Min side ("Nyt til dig"), and when they saw it. One query."""
    rows = [{"dato": d(n.created_at), "besked": n.text, "set": d(n.read_at)}
            for n in YouthNotice.objects.filter(youth=youth).order_by("created_at", "pk")]
    return (str(_("Nyt til dig")), rows)
