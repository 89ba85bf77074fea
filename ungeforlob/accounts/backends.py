"""The staff login backend: Django's own, except that the user of every request is read together with their
organisation, which nearly every staff page needs (the audit row's organisation, the menu, the policy's sector
rules) — one query instead of two on each request."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.db.models import QuerySet

from ungeforlob.accounts.models import User
from ungeforlob.core.prepared import prepared


class UserBackend(ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        try:
            pk = int(user_id)
        except (TypeError, ValueError):
            return None
        if not 0 < pk < 2**63:
            return None
        found = _user_with_organisation(pk=pk)
        if not found:
            return None
        return found[0] if self.user_can_authenticate(found[0]) else None


@prepared(pk=int)
def _user_with_organisation(*, pk: int) -> QuerySet[User]:
    return User._default_manager.select_related("organisation").filter(pk=pk)
