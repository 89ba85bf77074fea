"""Background work for the worker (`manage.py worker` runs Django's task worker)."""

from __future__ import annotations

from django_tasks import task

from ungeforlob.chain import services


def run_tick() -> dict[str, int]:
    return {"escalated": services.concerns_escalate_due(), "expired": services.consents_expire()}


@task()
def chain_tick() -> dict[str, int]:
    """Escalate overdue concerns and end memberships whose consent has expired."""
    return run_tick()
