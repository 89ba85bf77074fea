""""Hent mine data": the young person's membership of Ungerådet (the meetings and proposals are the council's,
not hers)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ungeforlob.portal.export import Section, d
from ungeforlob.youth.models import Youth
from ungeforlob.youthcouncil.models import CouncilMember


def council_section(youth: Youth) -> Section:
    rows = [{"meldt ind": d(m.joined_at), "navn, de andre ser": m.shown_name}
            for m in CouncilMember.objects.filter(youth=youth)]
    return (_("Ungerådet"), rows)
