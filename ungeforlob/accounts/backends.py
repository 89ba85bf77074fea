"""The staff login backend: Django's own, except that the user of every request is read together with their
organisation, which nearly every staff page needs (the audit row's organisation, the menu, the policy's sector
rules) — one query instead of two on each request."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from ungeforlob.accounts.models import User


class UserBackend(ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        try:
            user = User._default_manager.select_related("organisation").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
