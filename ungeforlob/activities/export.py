""""Hent mine data": her sign-ups to fællesskaber and whether she came (registered in
`ungeforlob.portal.export.EXPORT_SECTIONS`)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ungeforlob.activities.models import SignUp
from ungeforlob.portal.export import Section, d
from ungeforlob.youth.models import Youth


def signups_section(youth: Youth) -> Section:
    """One query."""
    rows = []
    for s in (SignUp.objects.filter(youth=youth).select_related("activity__organisation")
              .order_by("activity__starts_at", "pk")):
        came = "" if s.attended is None else str(_("ja") if s.attended else _("nej"))
        rows.append({"fællesskab": s.activity.title, "tidspunkt": d(timezone.localtime(s.activity.starts_at)),
                     "sted": s.activity.place, "arrangør": s.activity.organisation.name,
                     "status": s.get_status_display(), "fornavn vist for de andre": str(_("ja") if s.show_first_name
                                                                                        else _("nej")),
                     "aflyst": d(s.activity.cancelled_at), "mødte op": came})
    return (str(_("Fællesskaber")), rows)
