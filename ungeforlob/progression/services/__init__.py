"""Writes for progression, by topic:

* `indicators` — the municipality's indicator set (versioned) and the rhythm of reassessment;
* `assessments` — team assessments, their corrections, and the young person's own placement;
* `self_evaluation` — the work-readiness self-evaluation and the professional's reading.

Each write is atomic, validates (Danish, field-keyed messages), checks who acts (`check_writer`: the young
person themself through the portal, or staff allowed `policy.Action.WRITE_PROGRESSION`), and records its own
audit row. Services a young person can use themselves (the portal calls them with `by_youth=True` and no staff
actor): `youth_placement_record`, `self_evaluation_start`, `self_evaluation_answer`, `self_evaluation_finish`,
`self_evaluation_follow_up`, `self_evaluation_discard`. Callers import from here.
"""

from ungeforlob.progression.services.assessments import (
    assessment_correct,
    assessment_create,
    upv_record,
    youth_placement_record,
)
from ungeforlob.progression.services.indicators import (
    DEFAULTS_FILE,
    indicator_add,
    indicator_defaults,
    indicator_edit,
    indicator_retire,
    indicator_set_current,
    progression_settings_update,
)
from ungeforlob.progression.services.self_evaluation import (
    professional_reading_add,
    self_evaluation_answer,
    self_evaluation_discard,
    self_evaluation_finish,
    self_evaluation_follow_up,
    self_evaluation_printed,
    self_evaluation_purge_unkept,
    self_evaluation_start,
)

__all__ = [
    "assessment_correct", "assessment_create", "upv_record", "youth_placement_record",
    "DEFAULTS_FILE", "indicator_add", "indicator_defaults", "indicator_edit", "indicator_retire",
    "indicator_set_current", "progression_settings_update",
    "professional_reading_add", "self_evaluation_answer", "self_evaluation_discard", "self_evaluation_finish",
    "self_evaluation_follow_up", "self_evaluation_printed", "self_evaluation_purge_unkept",
    "self_evaluation_start",
]
