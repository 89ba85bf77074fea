"""Small template helpers for Det Fælles Designsystem markup.

They format what a view handed the template and read nothing themselves: a template tag that queried a
young person's data would bypass the access policy and the audit log the view went through.
"""

from __future__ import annotations

import datetime
import functools
from typing import Any

from django import forms, template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import QueryDict
from django.utils import formats, translation
from django.utils.safestring import SafeString

from ungeforlob.core.validators import format_phone

register = template.Library()


@register.filter
def dkfds_widget(field: forms.BoundField) -> SafeString:
    """Render the widget with DKFDS classes and the aria links to its hint and error."""
    widget = field.field.widget
    if isinstance(widget, forms.Select | forms.SelectMultiple):
        css = "form-select"
    elif isinstance(widget, forms.CheckboxInput):
        css = "form-checkbox"
    elif isinstance(widget, forms.RadioSelect):
        css = "form-radio"
    else:
        css = "form-input"
    attrs: dict[str, Any] = {"class": css}
    described = []
    if field.help_text:
        described.append(f"{field.id_for_label}-hint")
    if field.errors:
        described.append(f"{field.id_for_label}-error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: Any) -> str:
    """The current query string with some parameters changed (for sort and page links)."""
    request = context["request"]
    params: QueryDict = request.GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def include_with(context: template.Context, template_name: str, values: dict[str, Any]) -> SafeString:
    """`{% include template_name %}` with `values` added to the context: a part of a page whose data the view
    read, e.g. the youth overview's cards (`{% for name, card in overview_cards %}{% include_with name card %}`)."""
    included = context.template.engine.get_template(template_name)
    with context.push(**values):
        return included.render(context)


@register.filter
def phone(value: str) -> str:
    return format_phone(value or "")


@register.filter
def possessive(name: Any) -> str:
    """A name in the genitive for the active language ("Josefines" / "Josefine's")."""
    from ungeforlob.core.text import possessive as _possessive

    return _possessive(str(name))


@register.filter
def ldate(value: Any, name: str) -> str:
    """`|date` with our own named formats per language (config/formats/<lang>/formats.py), e.g.
    `{{ day|ldate:"WEEKDAY_DATE_FORMAT" }}` → "søndag 22. november 2026" / "Sunday 22 November 2026".

    A day (a `date`, not a `datetime`) is written once per process, format and language: a list writing the same
    few days on every row (I dag's overdue badges) paid some 15 µs a row for it."""
    if type(value) is datetime.date:
        return _ldate_day(value, name, translation.get_language())
    return _ldate(value, name)


def _ldate(value: Any, name: str) -> str:
    from django.template.defaultfilters import date as date_filter

    for module in formats.get_format_modules(translation.get_language()):
        fmt = getattr(module, name, None)
        if fmt:
            return date_filter(value, fmt)
    return date_filter(value, name)


@functools.lru_cache(maxsize=4096)
def _ldate_day(day: datetime.date, name: str, language: str | None) -> str:
    return _ldate(day, name)


@receiver(setting_changed)
def _forget_written_days(**kwargs: Any) -> None:
    _ldate_day.cache_clear()  # formats and languages are settings (tests change them)
