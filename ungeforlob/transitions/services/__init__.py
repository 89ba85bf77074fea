"""Writes for stations, transitions, their schedules and the municipality's procedures, by topic:

* `stations` — stations on the path, transitions between them, and the schedule a transition's procedure makes;
* `followups` — completing, skipping and moving a follow-up (and the SMS machinery schedules share);
* `procedures` — the municipality's procedures and steps (administrators) and the shipped defaults.

Each write is atomic, validates with Danish messages (ValidationError keyed by form field) and records its own
audit row. Callers import from here: `from ungeforlob.transitions import services`.
"""

from ungeforlob.transitions.services.followups import followup_complete, followup_move, followup_skip
from ungeforlob.transitions.services.procedures import (
    procedure_create,
    procedure_defaults_install,
    procedure_delete,
    procedure_update,
    step_create,
    step_delete,
    step_update,
)
from ungeforlob.transitions.services.stations import (
    schedule_make,
    station_create,
    station_delete,
    station_end,
    transition_cancel,
    transition_create,
    transition_move,
)

__all__ = [
    "followup_complete", "followup_move", "followup_skip",
    "procedure_create", "procedure_defaults_install", "procedure_delete", "procedure_update",
    "step_create", "step_delete", "step_update",
    "schedule_make", "station_create", "station_delete", "station_end",
    "transition_cancel", "transition_create", "transition_move",
]
