"""Small language-aware text helpers shared by the apps."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language


def possessive(name: str) -> str:
    """A name in the genitive for the active language: Danish "Josefines", "Jonas'"; English "Josefine's"."""
    name = str(name)
    if not name:
        return name
    if (get_language() or "da").startswith("en"):
        return f"{name}'" if name.endswith("s") else f"{name}'s"
    return f"{name}'" if name[-1:].lower() in {"s", "x", "z"} else f"{name}s"


def youth_language(youth: Any) -> Any:
    """Compose text for this young person (an SMS, a notice on Min side) in the language on their record.

        with youth_language(youth):
            youth_notify(youth=youth, text=_("..."))
    """
    return translation.override(getattr(youth, "language", "") or settings.LANGUAGE_CODE)


def default_language() -> Any:
    """Compose text for someone else (an SMS, a notice, another member's notification) in the installation's
    language, not in the language the acting user happens to browse in: the recipient's language is unknown.

        with default_language():
            staff_notify(recipients=..., text=_("..."))
    """
    return translation.override(settings.LANGUAGE_CODE)


def choice_label(choices: Any, value: Any) -> str:
    """The label of `value` in a `TextChoices` class (the value itself when it is none of them): what a model's
    `get_FOO_display()` gives, without the cost of it — Django's builds a dictionary of every choice and
    translates every label on each call, which list pages calling it per row pay many times over."""
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)
