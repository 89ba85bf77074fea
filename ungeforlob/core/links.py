"""`reverse` for links whose arguments are ids, resolved once per process and then only filled in.

A page of a young person's record links a few dozen times (a goal's edit, a sub-goal's evaluation, a follow-up's
actions …), and Django's `reverse` walks the URL patterns anew for each: some 30 µs apiece, 1.8 ms of the youth
overview (docs/benchmarks.md). A link whose arguments are all non-negative whole numbers (the `int` path
converter) is reversed once per view name, argument shape and URL configuration with stand-in numbers; later
links put the real numbers in the stand-ins' places, which gives the same text `reverse` gives. Anything else (a
slug, a string id, a negative number) is reversed the usual way, as is a pattern where a stand-in does not come
out exactly once.

The template engine's `{% url %}` uses it (`core/templatetags/fast_url.py`, a template builtin), so templates
need no change.
"""

from __future__ import annotations

import weakref
from typing import Any

from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

_STAND_IN = 918_273_645_100  # + position; digits no URL of ours otherwise holds
_UNCACHEABLE = object()
# Per URL resolver: `clear_url_caches()` (a test that changes which URLs exist) makes a new one, and its forms
# go with the old.
_FORMS: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], Any]] = weakref.WeakKeyDictionary()


def _is_id(value: Any) -> bool:
    return type(value) is int and value >= 0


def reverse_ids(view_name: str, args: list[Any] | tuple[Any, ...] = (), kwargs: dict[str, Any] | None = None,
                current_app: str | None = None) -> str:
    """`reverse(view_name, args=…, kwargs=…, current_app=…)`, filled into a form reversed once when every argument
    is an id."""
    kwargs = kwargs or {}
    if not all_ids(view_name, args, kwargs):
        return reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
    names = tuple(sorted(kwargs))
    form = id_form(view_name, len(args), names, current_app)
    if form is None:
        return reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
    return form.format(*args, *(kwargs[n] for n in names))


def current_app(context: Any) -> str | None:
    """A template context's current application, as Django's `{% url %}` finds it."""
    try:
        return context.request.current_app
    except AttributeError:
        try:
            return context.request.resolver_match.namespace
        except AttributeError:
            return None


def all_ids(view_name: Any, args: list[Any] | tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
    """Whether a link can be filled into a form: a view name, and every argument an id."""
    return isinstance(view_name, str) and all(_is_id(a) for a in args) and all(_is_id(v) for v in kwargs.values())


def id_form(view_name: str, count: int, names: tuple[str, ...], current_app: str | None) -> str | None:
    """The link with "{0}", "{1}" … in its ids' places (positional ones first, then `names`' in order), for the
    current URL configuration, script prefix and language; None when it must be reversed the usual way."""
    resolver = get_resolver(get_urlconf())
    forms = _FORMS.get(resolver)
    if forms is None:
        forms = _FORMS[resolver] = {}
    key = (get_script_prefix(), get_language(), current_app, view_name, count, names)
    form = forms.get(key)
    if form is None:
        form = forms[key] = _form(view_name, count, names, current_app)
    return None if form is _UNCACHEABLE else form


def _form(view_name: str, count: int, names: tuple[str, ...], current_app: str | None) -> Any:
    stand_ins = [_STAND_IN + i for i in range(count + len(names))]
    url = reverse(view_name, args=stand_ins[:count], kwargs=dict(zip(names, stand_ins[count:], strict=True)),
                  current_app=current_app)
    form = url.replace("{", "{{").replace("}", "}}")
    for i, stand_in in enumerate(stand_ins):
        if form.count(str(stand_in)) != 1:
            return _UNCACHEABLE
        form = form.replace(str(stand_in), "{" + str(i) + "}")
    return form
