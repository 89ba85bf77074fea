"""Stamped fragments: a list's row drawn by the template engine once per shape and filled in per row.

A row of a long list (an item on *I dag*, an entry on the timeline) costs the template engine 50–150 µs, most of
it in the nodes that write the same markup on every row. `stamp()` draws the row's own template once per process,
*shape* (what the row's `{% if %}`s decide: which parts it has) and language, with a stand-in in place of each of
the row's values; it cuts the drawing at the stand-ins once, and for each row joins the row's values, escaped, into
their places.

The row's template is an ordinary template that writes its values plainly (`{{ title }}`): a value is given ready
(a date already written, text already through `linebreaksbr`), since a filter would work on the stand-in. What
the row's template decides (`{% if has_url %}`) must come from the shape. The drawing sees nothing of the page
but its shape, its stand-ins and `drawing` (what follows from the shape), so it is kept per process, template,
shape and language; what belongs to one page or one person (the CSRF token, today) is a value.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Hashable, Mapping
from typing import Any

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

# Letters, digits and single underscores between double ones: text escaping leaves as it is.
_STAND_IN = re.compile(r"__stamp_([a-z0-9]+(?:_[a-z0-9]+)*)__")
# (template, shape, language, escaping, names) -> the drawing cut at its stand-ins. Shapes are few (a handful per list). The
# template is the loaded object: when the template loaders are reset (a template edited under `runserver`), it is
# a new one and drawn anew.
_drawings: dict[tuple[Any, ...], list[str]] = {}
_MAX_DRAWINGS = 1000


def stand_in(name: str) -> str:
    """What the drawing holds in the place of the value called `name`."""
    if not _STAND_IN.fullmatch(f"__stamp_{name}__"):
        raise ValueError(f"A stamped value's name is lower-case letters, digits and single underscores: {name!r}")
    return f"__stamp_{name}__"


def stamp(context: template.Context, template_name: str, *, shape: Mapping[str, Hashable],
          values: Mapping[str, Any], drawing: Mapping[str, Any] | None = None) -> SafeString:
    """The fragment `template_name` for one row. It is drawn once per process, shape and language with `shape`,
    `drawing` (variables that follow from the shape: a list of labels and stand-ins, say) and a stand-in for each
    of `values`, in a context of its own. Each value is then escaped (a `SafeString` is kept as it is) and put in
    its stand-in's places."""
    fragment = context.template.engine.get_template(template_name)
    key = (fragment, tuple(shape.items()), translation.get_language(), context.autoescape, tuple(values))
    pieces = _drawings.get(key)
    if pieces is None:
        drawn = fragment.render(template.Context(
            {**shape, **(drawing or {}), **{name: stand_in(name) for name in values}},
            autoescape=context.autoescape, use_l10n=context.use_l10n, use_tz=context.use_tz))
        if len(_drawings) >= _MAX_DRAWINGS:
            _drawings.clear()
        # Cut once: the text between the stand-ins at even places, the names of the values at odd ones.
        pieces = _drawings[key] = _STAND_IN.split(str(drawn))
    escaped = {name: conditional_escape(value) for name, value in values.items()}
    try:
        return mark_safe("".join(escaped[piece] if odd else piece  # noqa: S308 - the values are escaped
                                 for piece, odd in zip(pieces, itertools.cycle((False, True)))))
    except KeyError as missing:
        raise ValueError(f"{template_name} drew a stand-in for {missing} that no row's values hold") from None


@receiver(setting_changed)
def _forget_drawings(**kwargs: Any) -> None:
    _drawings.clear()  # templates, languages and formats are settings (tests change them)
