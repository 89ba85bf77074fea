from __future__ import annotations

from django import template

from ungeforlob.sso.models import IdentityProvider
from ungeforlob.sso.selectors import login_buttons

register = template.Library()


@register.simple_tag
def sso_providers() -> list[IdentityProvider]:
    """The "Log ind med …" buttons of the staff login page (no personal data)."""
    return login_buttons()
