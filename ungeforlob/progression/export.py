"""Progression's part of "Hent mine data" (registered in `ungeforlob.portal.export.EXPORT_SECTIONS`).

Each function is `(youth) -> (title, rows)`.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from ungeforlob.portal.export import Section, d, name
from ungeforlob.progression.models import (
    EducationReadinessAssessment,
    ProfessionalReading,
    RoundStatus,
    YouthPlacement,
)
from ungeforlob.youth.models import Youth


def assessments_section(youth: Youth) -> Section:
    from ungeforlob.progression.selectors import current_versions

    rows: list[dict[str, Any]] = [
        {"dato": d(v.assessed_on), "niveau": v.get_level_display(), "overlapper med": v.get_overlap_level_display(),
         "begrundelse": v.rationale, "det har vi set": "; ".join(o.evidence for o in v.observations.all()),
         "du var med": v.youth_took_part}
        for v in current_versions(youth)
    ]
    rows += [{"dato": d(p.placed_on), "du placerede dig selv": p.get_level_display(), "med dine ord": p.own_words}
             for p in YouthPlacement.objects.filter(youth=youth).order_by("placed_on", "pk")]
    rows += [{"dato": d(u.assessed_on), "uddannelsesparathedsvurdering (UPV)": u.get_result_display(),
              "vurderet af": u.assessed_by, "note": u.note}
             for u in EducationReadinessAssessment.objects.filter(youth=youth).order_by("assessed_on", "pk")]
    return (str(_("Vurderinger")), rows)


def self_evaluations_section(youth: Youth) -> Section:
    """Only the rounds the young person chose to keep (a round not kept is deleted, so it is not here; a round in
    progress is theirs to finish), with the professionals' readings of them."""
    from ungeforlob.progression.selectors import round_profile, self_evaluation_overview

    rows: list[dict[str, Any]] = []
    for r in self_evaluation_overview(youth)["kept"]:
        profile = round_profile(r)
        for g in profile["groups"]:
            rows.append({"runde": d(r.started_at), "tema": str(g["label"]), "gennemsnit": g["score"],
                         "dit mål": g["goal"],
                         "svar": "; ".join(f"{s['text']}: {s['value'] if s['value'] is not None else 'ved ikke'}"
                                           for s in g["statements"] if s["answered"])})
        if r.follow_up_note:
            rows.append({"runde": d(r.started_at), "opfølgning": r.follow_up_note})
    readings = (ProfessionalReading.objects.filter(round__youth=youth, round__status=RoundStatus.KEPT)
                .select_related("round", "author").order_by("round__started_at", "created_at", "pk"))
    rows += [{"runde": d(reading.round.started_at), "fagpersonens læsning": reading.text,
              "skrevet af": name(reading.author), "dato": d(reading.created_at)} for reading in readings]
    return (str(_("Selvevalueringer")), rows)
