""""Hent mine data" for choosing and saying: her check-ins and her proposals of a contact person."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ungeforlob.portal.export import Section, d
from ungeforlob.portal.models import CheckIn, ContactProposal
from ungeforlob.youth.models import Youth


def checkins_section(youth: Youth) -> Section:
    rows = [{"dato": d(c.created_at), "delmål": c.subgoal.text, "aktivitet": c.activity.title if c.activity else "",
             "sådan gik det": str(_("Jeg har gjort det") if c.done else _("Det gik ikke")), "dine ord": c.line,
             "tæt på delmålet (1-5)": c.closeness, "nået": c.get_reached_display() if c.reached else "",
             "svar": c.reply, "set af": c.seen_by_name}
            for c in CheckIn.objects.filter(youth=youth).select_related("subgoal", "activity").order_by("created_at", "pk")]
    return (str(_("Dine tjek ind")), rows)


def contact_proposals_section(youth: Youth) -> Section:
    rows = [{"dato": d(p.created_at), "foreslået": p.professional_name, "hvorfor": p.why,
             "status": p.get_status_display(), "svar": p.reply, "svar fra": p.handled_by_name}
            for p in ContactProposal.objects.filter(youth=youth).order_by("created_at", "pk")]
    return (str(_("Dine forslag til kontaktperson")), rows)
