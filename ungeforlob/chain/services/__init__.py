"""Writes for the chain, split by topic (as Zulip splits `zerver/actions/`).

Each service is atomic, validates (raising field-keyed Danish ValidationErrors), records its own audit row,
and sends its notices after commit (through `ungeforlob.notifications.services`). Callers (views) have
already checked access through `ungeforlob.policy`; services re-check what a form cannot know (state, races).
Callers import this package
(`from ungeforlob.chain import services`; `services.concern_raise(...)`); the modules are:

* `circle` – memberships, roles, the cross-sector grounds, the contact-person wish
* `consent` – consents recorded, withdrawn, expired
* `concerns` – concerns raised, acknowledged, acted on, closed, escalated
* `referrals` – referrals submitted, accepted, declined
* `handovers` – handovers and a leader's caseload reassignment
* `deadlines` – KUI plan stops and their legal deadlines
"""

from __future__ import annotations

from ungeforlob.chain.services.circle import (
    contact_wish_record,
    member_add,
    member_change_role,
    member_end,
    member_set_extended,
    needs_grounds,
    reference_sector,
)
from ungeforlob.chain.services.concerns import (
    concern_acknowledge,
    concern_add_action,
    concern_close,
    concern_raise,
    concerns_escalate_due,
)
from ungeforlob.chain.services.consent import (
    consent_record,
    consent_withdraw,
    consents_expire,
)
from ungeforlob.chain.services.deadlines import (
    KUI_MAX_AGE,
    KUI_MIN_AGE,
    kui_deadlines,
    plan_stop_contact,
    plan_stop_offer,
    plan_stop_record,
)
from ungeforlob.chain.services.handovers import (
    caseload_reassign,
    handover_accept,
    handover_comment,
    handover_create,
    handover_decline,
)
from ungeforlob.chain.services.referrals import (
    referral_accept,
    referral_decline,
    referral_submit,
)

__all__ = [
    "KUI_MAX_AGE",
    "KUI_MIN_AGE",
    "caseload_reassign",
    "concern_acknowledge",
    "concern_add_action",
    "concern_close",
    "concern_raise",
    "concerns_escalate_due",
    "consent_record",
    "consent_withdraw",
    "consents_expire",
    "contact_wish_record",
    "handover_accept",
    "handover_comment",
    "handover_create",
    "handover_decline",
    "kui_deadlines",
    "member_add",
    "member_change_role",
    "member_set_extended",
    "member_end",
    "needs_grounds",
    "plan_stop_contact",
    "plan_stop_offer",
    "plan_stop_record",
    "reference_sector",
    "referral_accept",
    "referral_decline",
    "referral_submit",
]
