"""Stamped fragments (`core.stamp`): a row drawn once per shape and language, filled in per row, escaped."""

from __future__ import annotations

import pytest
from django import template
from django.utils import translation
from django.utils.safestring import mark_safe

from ungeforlob.core import stamp as stamping

register = template.Library()
drawings: list[str] = []

ROW = ('{% load i18n stamp_test %}{% drawn %}<li data-n="{{ n }}">{% if has_url %}<a href="{{ url }}">{{ title }}</a>'
       '{% else %}{{ title }}{% endif %} <em>{% translate "Se mere" %}</em>{% for label, place in extra %}'
       ' <b>{{ label }}={{ place }}</b>{% endfor %}</li>')


@register.simple_tag
def drawn() -> str:
    drawings.append(translation.get_language())
    return ""


@register.simple_tag(takes_context=True)
def row(context: template.Context, r: dict) -> str:
    extra = tuple(r.get("extra", ()))
    return stamping.stamp(
        context, "row.html", shape={"has_url": bool(r.get("url")), "extra": extra},
        values={"n": str(r["n"]), "url": r.get("url", ""), "title": r["title"],
                **{f"extra_{i}": value for i, value in enumerate(r.get("values", ()))}},
        drawing={"extra": [(label, stamping.stand_in(f"extra_{i}")) for i, label in enumerate(extra)]})


@pytest.fixture
def engine():
    drawings.clear()
    stamping._drawings.clear()
    yield template.Engine(loaders=[("django.template.loaders.cached.Loader", [  # as in production
        ("django.template.loaders.locmem.Loader", {"row.html": ROW})])],
                          libraries={"stamp_test": __name__, "i18n": "django.templatetags.i18n"})
    stamping._drawings.clear()


def _page(engine: template.Engine, rows: list[dict]) -> str:
    page = engine.from_string("{% load stamp_test %}<ol>{% for r in rows %}{% row r %}{% endfor %}</ol>")
    return page.render(template.Context({"rows": rows}))


def test_each_row_gets_its_own_values_escaped_in_the_markup_its_shape_chooses(engine) -> None:
    rows = [{"n": 1, "title": 'Møde <b>"A"</b>', "url": "/a/?x=1&y=2"},
            {"n": 2, "title": "__stamp_url__ __stamp_n__"},
            {"n": 3, "title": mark_safe("<i>sikker</i>"), "url": "/c/"}]
    with translation.override("da"):
        html = _page(engine, rows)
    assert html == (
        '<ol><li data-n="1"><a href="/a/?x=1&amp;y=2">Møde &lt;b&gt;&quot;A&quot;&lt;/b&gt;</a> <em>Se mere</em></li>'
        '<li data-n="2">__stamp_url__ __stamp_n__ <em>Se mere</em></li>'
        '<li data-n="3"><a href="/c/"><i>sikker</i></a> <em>Se mere</em></li></ol>')


def test_a_row_is_drawn_once_per_shape_and_language_not_per_row_or_page(engine) -> None:
    rows = [{"n": n, "title": f"Række {n}", "url": f"/{n}/" if n % 2 else ""} for n in range(10)]
    with translation.override("da"):
        first = _page(engine, rows)
        assert _page(engine, rows) == first
    assert drawings == ["da", "da"]  # with a link and without, for both pages
    with translation.override("en"):
        english = _page(engine, rows)
    assert drawings == ["da", "da", "en", "en"] and "<em>See more</em>" in english and "Række 9" in english


def test_what_follows_from_the_shape_is_drawn_with_it_and_filled_per_row(engine) -> None:
    rows = [{"n": 1, "title": "A", "extra": ("Udført", "Flyt"), "values": ("/1/udfoert/", "/1/flyt/")},
            {"n": 2, "title": "B", "extra": ("Udført", "Flyt"), "values": ("/2/udfoert/", "<x>")}]
    with translation.override("da"):
        html = _page(engine, rows)
    assert "<b>Udført=/1/udfoert/</b> <b>Flyt=/1/flyt/</b>" in html
    assert "<b>Udført=/2/udfoert/</b> <b>Flyt=&lt;x&gt;</b>" in html
    assert len(drawings) == 1


def test_a_stand_in_name_is_letters_digits_and_single_underscores() -> None:
    assert stamping.stand_in("action_0") == "__stamp_action_0__"
    for bad in ("Title", "a__b", "_a", "a-b", ""):
        with pytest.raises(ValueError):
            stamping.stand_in(bad)
