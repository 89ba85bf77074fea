"""Letters to Digital Post in "Hent mine data" (registered in `ungeforlob.portal.export.EXPORT_SECTIONS`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ungeforlob.portal.export import Section, d
from ungeforlob.serviceplatform.models import Letter
from ungeforlob.youth.models import Youth


def letters_section(youth: Youth) -> Section:
    """One query."""
    rows = [{"sendt": d(letter.sent_at), "brev": letter.title, "til": letter.get_recipient_role_display()
             + (f" ({letter.recipient_name})" if letter.recipient_name else ""), "sendt af": letter.sent_by_name}
            for letter in Letter.objects.filter(youth=youth).order_by("sent_at", "pk")]
    return (str(_("Breve i Digital Post")), rows)
