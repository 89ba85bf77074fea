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
from django.utils import formats, timezone, translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from ungeforlob.core.links import current_app, reverse_ids
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


@register.filter(expects_localtime=True)
def ldate(value: Any, name: str) -> str:
    """`|date` with our own named formats per language (config/formats/<lang>/formats.py), e.g.
    `{{ day|ldate:"WEEKDAY_DATE_FORMAT" }}` → "søndag 22. november 2026" / "Sunday 22 November 2026".

    A day (a `date`, not a `datetime`) is written once per process, format and language: a list writing the same
    few days on every row (I dag's overdue badges) paid some 15 µs a row for it."""
    if type(value) is datetime.date:
        return _ldate_day(value, name, translation.get_language())
    return _ldate(value, name)


@register.filter
def short_day(day: datetime.date, today: datetime.date | None = None) -> str:
    """A day in a list of coming or overdue dates: "21. dec" in the year of `today` (the current day when not
    given), "21. dec 2025" in another; a day without its year reads as one in this year."""
    same_year = day.year == (today or timezone.localdate()).year
    return ldate(day, "SHORT_MONTH_DAY_FORMAT" if same_year else "SHORT_DATE_FORMAT")


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


@register.filter(expects_localtime=True)
def iso_moment(value: Any) -> str:
    """`|date:'c'` (ISO 8601, for `<time datetime>`) without building a formatter: a moment in the current time
    zone, as `|date` sees it, or a day."""
    if isinstance(value, datetime.date):  # a datetime too
        return value.isoformat()
    from django.template.defaultfilters import date as date_filter

    return date_filter(value, "c")


@register.filter(expects_localtime=True)
def local_day(value: Any) -> Any:
    """The day of a moment in the current time zone (as `|date` sees it); a day stays itself. Before `ldate` with
    a format that writes only the day (`|local_day|ldate:"DATE_FORMAT"` writes what `|date:"DATE_FORMAT"` does,
    each day once)."""
    return value.date() if isinstance(value, datetime.datetime) else value


@register.simple_tag(takes_context=True)
def tab_links(context: template.Context, tabs: Any, pk: Any, current: Any) -> SafeString:
    """A page's tabs as `<li>` links: `tabs` is `[(url_name, label), …]`, each linked with `pk` (as
    `{% url url_name pk %}`), the one named `current` marked as the current page. The youth page's tabs:
    `{% tab_links youth_sections youth.pk tab %}` — one tag instead of a url, an if and a label per tab."""
    app = current_app(context)
    parts = []
    for url_name, label in tabs:
        url = conditional_escape(reverse_ids(url_name, [pk], {}, app))
        marked = 'aria-current="page"' if current == url_name else ""
        parts.append(f'<li><a href="{url}" {marked}>{conditional_escape(label)}</a></li>')
    return mark_safe("".join(parts))  # noqa: S308 - URLs and labels escaped above
