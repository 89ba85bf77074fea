"""Progression's entries on the youth's timeline (registered in youth.timeline.TIMELINE_SOURCES)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.functions import Coalesce
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ungeforlob.core.links import reverse_ids
from ungeforlob.core.prepared import prepared, reads_ahead
from ungeforlob.core.text import choice_label
from ungeforlob.progression.levels import Level
from ungeforlob.progression.models import AssessmentVersion, RoundStatus, SelfEvaluationRound, YouthPlacement
from ungeforlob.youth.models import Youth
from ungeforlob.youth.timeline import TimelineEntry, newest_at


@prepared(youth_id=int)
def _versions(*, youth_id: int) -> QuerySet[AssessmentVersion]:
    return AssessmentVersion.objects.filter(assessment__youth_id=youth_id).select_related("created_by").order_by(
        "assessment_id", "version")


@prepared(youth_id=int)
def _placements(*, youth_id: int) -> QuerySet[YouthPlacement]:
    return YouthPlacement.objects.filter(youth_id=youth_id).select_related("recorded_by")


@prepared(youth_id=int)
def _kept_rounds(*, youth_id: int) -> QuerySet[SelfEvaluationRound]:
    return SelfEvaluationRound.objects.filter(youth_id=youth_id, status=RoundStatus.KEPT)


@reads_ahead(lambda youth, limit: [_versions.read(youth_id=youth.pk), _placements.read(youth_id=youth.pk),
                                   _kept_rounds.read(youth_id=youth.pk)])
@newest_at(lambda youth: [
    (AssessmentVersion.objects.filter(assessment__youth=youth, version=1), "assessed_on"),
    (AssessmentVersion.objects.filter(assessment__youth=youth, version__gt=1), "created_at"),
    (youth.placements.all(), "placed_on"),
    (youth.self_evaluation_rounds.filter(status=RoundStatus.KEPT), Coalesce("finished_at", "started_at")),
])
def assessment_entries(youth: Youth) -> list[TimelineEntry]:
    """Team assessments (on their date), corrections (when made, with why) and the youth's own placements."""
    entries = []
    for v in _versions(youth_id=youth.pk):
        url = reverse_ids("progression:assessment_detail", [youth.pk, v.assessment_id])
        by = str(v.created_by) if v.created_by else ""
        level = choice_label(Level, v.level)
        if v.overlap_level:
            level = _("%(level)s (overlapper med %(other)s)") % {"level": level, "other": choice_label(Level, v.overlap_level)}
        if v.version == 1:
            entries.append(TimelineEntry(v.assessed_on, "progression", _("Teamvurdering: %(level)s") % {"level": level},
                                         v.rationale[:300], by, url))
        else:
            entries.append(TimelineEntry(
                v.created_at, "progression",
                _("Teamvurderingen fra %(date)s blev rettet til %(level)s")
                % {"date": formats.date_format(v.assessed_on, "DATE_FORMAT"), "level": level},
                v.correction_reason, by, url,
            ))
    for p in _placements(youth_id=youth.pk):
        p.youth = youth
        entries.append(TimelineEntry(
            p.placed_on, "progression", _("Den unge placerede sig selv: %(level)s") % {"level": choice_label(Level, p.level)},
            p.own_words, _("den unge selv") if p.by_youth else (str(p.recorded_by) if p.recorded_by else ""),
            reverse_ids("progression:overview", [youth.pk]),
        ))
    for r in _kept_rounds(youth_id=youth.pk):
        r.youth = youth
        entries.append(TimelineEntry(
            timezone.localtime(r.finished_at or r.started_at), "selvevaluering", _("Selvevaluering gemt"), "", "",
            reverse_ids("progression:selfeval_round", [youth.pk, r.pk]),
        ))
    return entries
