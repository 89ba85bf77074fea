"""`core.links.reverse_ids` and the `{% url %}` built on it give exactly what Django's `reverse` gives."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from ungeforlob.core import links
from ungeforlob.core.links import reverse_ids


def _named_patterns(resolver: URLResolver, namespace: str = "") -> list[tuple[str, URLPattern]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found.extend(_named_patterns(entry, inner))
        elif entry.name:
            found.append((namespace + entry.name, entry))
    return found


def test_every_link_with_id_arguments_is_the_text_reverse_gives() -> None:
    checked = 0
    for name, pattern in _named_patterns(get_resolver()):
        converters = getattr(pattern.pattern, "converters", {})
        if not converters or any(type(c).__name__ != "IntConverter" for c in converters.values()):
            continue
        for values in ([1] * len(converters), list(range(7, 7 + len(converters))), [98765432] * len(converters)):
            kwargs = dict(zip(converters, values, strict=True))
            try:
                want = reverse(name, kwargs=kwargs)
            except NoReverseMatch:  # an include's own arguments: reversed whole elsewhere
                continue
            assert reverse_ids(name, kwargs=kwargs) == want, name
            checked += 1
    assert checked > 100  # the record's pages, the plan's forms, the chain's …


def test_positional_ids_and_other_arguments(db) -> None:
    assert reverse_ids("youth:detail", [42]) == reverse("youth:detail", args=[42])
    assert reverse_ids("youth:detail", [42]) != reverse_ids("youth:detail", [43])
    assert reverse_ids("core:about") == reverse("core:about")
    with pytest.raises(NoReverseMatch):
        reverse_ids("youth:detail", [-1])  # not an id: reversed the usual way, which refuses it
    with pytest.raises(NoReverseMatch):
        reverse_ids("youth:detail", ["x"])


def test_a_pattern_where_a_stand_in_does_not_come_out_once_is_reversed_each_time(monkeypatch) -> None:
    import weakref

    monkeypatch.setattr(links, "_FORMS", weakref.WeakKeyDictionary())
    monkeypatch.setattr(links, "reverse", lambda *a, **k: "/same/")
    assert reverse_ids("youth:detail", [5]) == "/same/"
    (forms,) = links._FORMS.values()
    assert forms and all(v is links._UNCACHEABLE for v in forms.values())


urlpatterns: list[Any] = []  # a URL configuration without the record's pages


def test_links_follow_the_url_configuration_when_it_changes(db) -> None:
    from django.test import override_settings

    url = reverse_ids("youth:detail", [5])
    with override_settings(ROOT_URLCONF=__name__), pytest.raises(NoReverseMatch):
        reverse_ids("youth:detail", [5])
    assert reverse_ids("youth:detail", [5]) == url


def test_the_url_tag_is_the_id_filling_one_and_keeps_djangos_syntax(db) -> None:
    rendered = Template("{% url 'youth:detail' pk %}|{% url 'youth:detail' youth_pk=pk %}|"
                        "{% url 'nope:nope' as missing %}[{{ missing }}]").render(Context({"pk": 7}))
    url = reverse("youth:detail", args=[7])
    assert rendered == f"{url}|{url}|[]"
    with pytest.raises(NoReverseMatch):
        Template("{% url 'nope:nope' %}").render(Context({}))

