""""Hent mine data": the decisions to withhold something from the young person's view (what kind, why, when)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ungeforlob.disclosure.models import Withholding
from ungeforlob.disclosure.selectors import YOUTH_REASON
from ungeforlob.plans.models import JournalNote
from ungeforlob.portal.export import Section, d
from ungeforlob.youth.models import Youth


def withholdings_section(youth: Youth) -> Section:
    """The kind of item and the reason, as "Alt skrevet om mig" shows them; never the withheld content."""
    rows = [{"besluttet": d(w.decided_at), "hvad": w.get_kind_display(), "hvorfor": str(YOUTH_REASON[w.ground]),
             "lovhjemmel": w.get_ground_display(), "forklaring": w.explanation, "vist igen": d(w.lifted_at)}
            for w in Withholding.objects.filter(youth=youth).order_by("decided_at", "pk")]
    rows += [{"besluttet": d(n.hidden_at), "hvad": str(_("Note")), "hvorfor": str(YOUTH_REASON.get(n.hidden_reason, "")),
              "lovhjemmel": n.get_hidden_reason_display(), "forklaring": n.hidden_explanation, "vist igen": ""}
             for n in JournalNote.objects.filter(youth=youth, visible_to_youth=False).order_by("hidden_at", "pk")]
    return (str(_("Det, vi har undtaget")), rows)
