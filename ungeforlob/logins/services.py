"""Writes for staff logins and sessions."""

from __future__ import annotations

from datetime import timedelta
from importlib import import_module
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.logins.models import LoginEvent, UserSession

# Login history older than this is pruned by the worker (LOGIN_HISTORY_DAYS overrides).
LOGIN_HISTORY_DAYS = 90


def login_event_record(*, user: Any, username: str, success: bool, ip_address: str | None, user_agent: str) -> None:
    """One row of the user's login history (a failure with an unknown username keeps only the name)."""
    LoginEvent.objects.create(user=user, username=username[:150], success=success, ip_address=ip_address,
                              user_agent=(user_agent or "")[:300])


def session_track(*, user: Any, session_key: str | None, ip_address: str | None, user_agent: str) -> None:
    """Remember a new session of `user`, so that it can be ended from elsewhere."""
    if not session_key:
        return
    UserSession.objects.update_or_create(
        session_key=session_key, defaults={"user": user, "ip_address": ip_address, "user_agent": user_agent[:300]}
    )


def session_forget(*, session_key: str | None) -> None:
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


def _session_store() -> Any:
    return import_module(settings.SESSION_ENGINE).SessionStore


@transaction.atomic
def sessions_end_all(*, actor: Any, user: Any, reason: str) -> int:
    """End every session `user` holds, at once: their next request meets the login page. Returns how many.

    Works with every server-side session engine (database, cache, cached database): each tracked key is
    deleted from the store. `reason` goes into the audit row ("log ud overalt", "deaktiveret", …)."""
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    store = _session_store()
    for key in keys:
        store().delete(key)
    UserSession.objects.filter(user=user).delete()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=user, object_type="sessions",
                 detail={"sessions_ended": len(keys), "reason": reason})
    return len(keys)


def login_history_prune(*, older_than_days: int | None = None) -> int:
    """Delete login history older than LOGIN_HISTORY_DAYS (the worker runs it). Returns how many rows went."""
    days = older_than_days or getattr(settings, "LOGIN_HISTORY_DAYS", LOGIN_HISTORY_DAYS)
    deleted, _ = LoginEvent.objects.filter(created_at__lt=timezone.now() - timedelta(days=days)).delete()
    return deleted
