"""The chain's periodic jobs. They are registered in `ungeforlob.scheduler.jobs` and run by the worker only
(never from a page load); `manage.py chain_tick` runs the same functions by hand."""

from __future__ import annotations

from ungeforlob.chain import services


def concerns_escalate() -> int:
    """Escalate the concerns not acknowledged by their deadline. Returns how many."""
    return services.concerns_escalate_due()


def consents_expire() -> int:
    """End the memberships whose consent has expired. Returns how many."""
    return services.consents_expire()


def run_tick() -> dict[str, int]:
    """Both chain jobs at once, for the manual trigger."""
    return {"escalated": concerns_escalate(), "expired": consents_expire()}
