"""Writes for the profile and Min plan, by topic. Each is atomic, validates, keeps the plan history and audits.

Every service can be called by a professional (`actor=<User>`, who must be allowed `policy.Action.EDIT` on the
young person) or by the young person themself (`by_youth=True`, `actor=None`; the portal has identified them).
Bad input raises `ValidationError({field: Danish message})` and saves nothing.

Goals, sub-goals, activities and the profile carry a `version`: a caller passes the version it showed
the user, and a save based on an older version raises `StaleEdit` (see `history`), whose message shows the
other person's change, instead of overwriting it.

* `profile`  – the young person's profile
* `plan`     – goals, sub-goals, activities and evaluations
* `meetings` – plan meetings
* `notes`    – journal notes and hiding them for a legal reason
* `sharing`  – the plan as PDF and giving it to someone outside the circle
* `history`  – the plan history and the stale-edit guard
"""

from ungeforlob.plans.services._base import DOUBLE_SUBMIT_WINDOW, youth_display_name
from ungeforlob.plans.services.history import StaleEdit, label_of, open_meeting_for
from ungeforlob.plans.services.meetings import MANY_PARTICIPANTS, meeting_close, meeting_create
from ungeforlob.plans.services.notes import note_create, note_hide, note_show
from ungeforlob.plans.services.plan import (
    activity_create,
    activity_delete,
    activity_update,
    evaluation_create,
    goal_create,
    goal_delete,
    goal_update,
    subgoal_create,
    subgoal_delete,
    subgoal_update,
)
from ungeforlob.plans.services.profile import PROFILE_FIELDS, PROFILE_FIELDS_FOR_YOUTH, profile_update
from ungeforlob.plans.services.sharing import plan_pdf, plan_share, plan_share_withdraw

__all__ = [
    "DOUBLE_SUBMIT_WINDOW", "MANY_PARTICIPANTS", "PROFILE_FIELDS", "PROFILE_FIELDS_FOR_YOUTH", "StaleEdit",
    "activity_create", "activity_delete", "activity_update", "evaluation_create", "goal_create", "goal_delete",
    "goal_update", "label_of", "meeting_close", "meeting_create", "note_create", "note_hide", "note_show",
    "open_meeting_for", "plan_pdf", "plan_share", "plan_share_withdraw", "profile_update", "subgoal_create", "subgoal_delete",
    "subgoal_update", "youth_display_name",
]
