"""The circle's part of "Hent mine data" (registered in `ungeforlob.portal.export.EXPORT_SECTIONS`).

Each function is `(youth) -> (title, rows)` with a fixed number of queries.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from ungeforlob.chain.models import (
    Concern,
    ConcernAction,
    ContactWish,
    Handover,
    HandoverComment,
    Membership,
    PlanStop,
    Referral,
)
from ungeforlob.portal.export import Section, d, name
from ungeforlob.youth.models import Youth


def chain_section(youth: Youth) -> Section:
    rows: list[dict[str, Any]] = [
        {"navn": m.holder_name, "rolle": m.get_role_display(), "fra": d(m.start_date), "til": d(m.end_date)}
        for m in Membership.objects.filter(youth=youth).select_related("professional", "team")
        .order_by("start_date", "pk")
    ]
    rows += [{"dato": d(w.recorded_at), "ønsket kontaktperson": name(w.wished_professional),
              "dit ønske med dine ord": w.wish_text}
             for w in ContactWish.objects.filter(youth=youth).select_related("wished_professional")
             .order_by("recorded_at", "pk")]
    return (str(_("Din kæde")), rows)


def concerns_section(youth: Youth) -> Section:
    """Concerns raised about the young person and what was done about them."""
    actions = Prefetch("actions", queryset=ConcernAction.objects.select_related("created_by").order_by("created_at", "pk"))
    rows: list[dict[str, Any]] = []
    for c in (Concern.objects.filter(youth=youth).select_related("raised_by").prefetch_related(actions)
              .order_by("raised_at", "pk")):
        rows.append({"dato": d(c.raised_at), "bekymring": c.get_category_display(), "alvor": c.get_severity_display(),
                     "det blev set": c.description, "skrevet af": name(c.raised_by),
                     "kvitteret": d(c.acknowledged_at), "udfald": c.outcome, "lukket": d(c.closed_at)})
        rows += [{"dato": d(a.created_at), "handling på bekymringen": a.text, "af": name(a.created_by)}
                 for a in c.actions.all()]
    return (str(_("Bekymringer")), rows)


def plan_stops_section(youth: Youth) -> Section:
    rows = [{"planen stoppede": d(s.stopped_on), "note": s.note, "kontakt senest": d(s.contact_due),
             "tilbud senest": d(s.offer_due), "kontakt taget": d(s.contacted_on), "tilbud givet": d(s.offered_on),
             "tilbuddet": s.offer}
            for s in PlanStop.objects.filter(youth=youth).order_by("stopped_on", "pk")]
    return (str(_("Stop i uddannelsesplanen")), rows)


def referrals_section(youth: Youth) -> Section:
    """Referrals that became this young person (CPR number and internal keys left out)."""
    rows = [{"dato": d(r.submitted_at), "henvist af": r.organisation_name or name(r.submitted_by),
             "problemet": r.problem, "du sagde ja": d(r.accepted_on), "status": r.get_status_display(),
             "afgjort": d(r.decided_at), "begrundelse": r.decline_reason}
            for r in Referral.objects.filter(youth=youth).select_related("submitted_by").order_by("submitted_at", "pk")]
    return (str(_("Henvisninger")), rows)


def handovers_section(youth: Youth) -> Section:
    comments = Prefetch("comments", queryset=HandoverComment.objects.order_by("created_at", "pk"))
    rows: list[dict[str, Any]] = []
    for h in (Handover.objects.filter(youth=youth).select_related("sender", "receiver").prefetch_related(comments)
              .order_by("created_at", "pk")):
        rows.append({"dato": d(h.created_at), "fra": name(h.sender), "til": name(h.receiver),
                     "det der virker": h.what_works, "opmærksom på": h.watch_out, "aftaler": h.agreements,
                     "planen": h.plan, "status": h.get_status_display()})
        rows += [{"dato": d(c.created_at), "kommentar": c.text, "fra dig": c.by_youth} for c in h.comments.all()]
    return (str(_("Overleveringer")), rows)
