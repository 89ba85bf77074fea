"""Chain pages, split by topic. Each view: validate → `policy.get_youth_for` (child objects through
`policy.access` or the chain's `access_*` selectors) → one service (through `run_service`) or selector →
redirect/render. "Not visible" is a 404; role-restricted pages (leaders, intake) and object actions on a visible
object a 403."""

from __future__ import annotations

from ungeforlob.chain.views.concerns import (
    concern_ack,
    concern_action,
    concern_close,
    concern_create,
    concern_detail,
    concern_list,
    youth_concerns,
)
from ungeforlob.chain.views.deadlines import (
    plan_stop_create,
    plan_stop_done,
)
from ungeforlob.chain.views.handovers import (
    handover_accept,
    handover_comment,
    handover_create,
    handover_decline,
    handover_detail,
    handover_list,
)
from ungeforlob.chain.views.leaders import (
    capacity,
    reassign,
)
from ungeforlob.chain.views.members import (
    circle,
    consent_add,
    consent_withdraw,
    contact_wish,
    member_add,
    member_end,
    member_extended,
    member_role,
)
from ungeforlob.chain.views.referrals import (
    referral_accept,
    referral_create,
    referral_decline,
    referral_detail,
    referral_mine,
    referral_queue,
)

__all__ = [
    "capacity",
    "circle",
    "concern_ack",
    "concern_action",
    "concern_close",
    "concern_create",
    "concern_detail",
    "concern_list",
    "consent_add",
    "consent_withdraw",
    "contact_wish",
    "handover_accept",
    "handover_comment",
    "handover_create",
    "handover_decline",
    "handover_detail",
    "handover_list",
    "member_add",
    "member_end",
    "member_extended",
    "member_role",
    "plan_stop_create",
    "plan_stop_done",
    "reassign",
    "referral_accept",
    "referral_create",
    "referral_decline",
    "referral_detail",
    "referral_mine",
    "referral_queue",
    "youth_concerns",
]
