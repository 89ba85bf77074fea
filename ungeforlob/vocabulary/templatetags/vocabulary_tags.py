"""`{% term key label %}`: a label that explains itself from the municipality's glossary.

`{% load vocabulary_tags %}{% term "kædeansvar" %}` draws the term; `{% term youth_level.level level_label %}`
draws `label` explained by the term whose key (or name) is `key`. The explanation is a link to the glossary
with `aria-describedby` pointing at a tooltip that CSS shows on hover and focus (no script, no inline style).
The municipality's terms are read once per request (one query, whatever the number of labels on the page).
A label without a term — or with an archived one — is drawn as plain text.

`{% nav_partner as partner %}`: whether the main menu is the partner staff's (policy.is_partner).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ungeforlob import policy
from ungeforlob.vocabulary import selectors

register = template.Library()

_CACHE_ATTR = "_vocabulary_explanations"
_COUNTER_ATTR = "_vocabulary_tip_counter"


def _explanations(context: template.Context) -> tuple[dict[str, selectors.Explanation], Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    municipality_id = getattr(user, "municipality_id", None) if getattr(user, "is_authenticated", False) else None
    if request is None:
        return selectors.explanations(municipality_id), None
    cached = getattr(request, _CACHE_ATTR, None)
    if cached is None or cached[0] != municipality_id:
        cached = (municipality_id, selectors.explanations(municipality_id))
        setattr(request, _CACHE_ATTR, cached)
    return cached[1], request


def _next_id(request: Any) -> str:
    n = getattr(request, _COUNTER_ATTR, 0) + 1 if request is not None else 1
    if request is not None:
        setattr(request, _COUNTER_ATTR, n)
    return f"vocab-tip-{n}"


@register.simple_tag(takes_context=True)
def term(context: template.Context, key: Any, label: Any = None) -> str:
    lookup = str(key or "").strip()
    found_in, request = _explanations(context)
    found = found_in.get(lookup) or found_in.get(lookup.lower())
    text = label if label not in (None, "") else (found.term if found else lookup)
    if found is None:
        return format_html("{}", text)
    tip_id = _next_id(request)
    # The tooltip's stylesheet comes with the first label on the page (a <link> in the body is valid HTML and
    # allowed by the strict CSP), so the apps that draw labels need not each remember to link it.
    sheet = format_html('<link rel="stylesheet" href="{}">', static("vocabulary/tip.css")) \
        if tip_id == "vocab-tip-1" else mark_safe("")  # noqa: S308 - an empty string
    href = f"{reverse('vocabulary:glossary')}?{urlencode({'q': found.term})}#{found.anchor}"
    return sheet + format_html(
        '<span class="vocab-tip"><a class="vocab-tip-label" href="{}" aria-describedby="{}">{}</a>'
        '<span class="vocab-tip-text" role="tooltip" id="{}">{}</span></span>',
        href, tip_id, text, tip_id, found.meaning,
    )


@register.simple_tag(takes_context=True)
def nav_partner(context: template.Context) -> bool:
    request = context.get("request")
    return policy.is_partner(getattr(request, "user", None))


@register.simple_tag(takes_context=True)
def method_labels(context: template.Context, codes: Any, municipality_id: Any) -> list[str]:
    """The labels of an activity's method tags in the municipality's words (read once per request)."""
    request = context.get("request")
    cache: dict[Any, dict[str, str]] = getattr(request, "_vocabulary_method_labels", None) or {}
    if municipality_id not in cache:
        cache[municipality_id] = selectors.method_labels(municipality_id)
        if request is not None:
            request._vocabulary_method_labels = cache
    labels = cache[municipality_id]
    return [labels[code] for code in (codes or []) if code in labels]
