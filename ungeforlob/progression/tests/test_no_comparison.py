"""Self-evaluation profiles are never compared between young people: no page lists or aggregates them.

The proof walks every URL of the project (so it also covers pages other apps add later): two young people
share a contact person, each has kept rounds with their own marker words, and every page is requested as
that contact person, as a leader and as an administrator. No page may show both young people's rounds, and
no page outside one young person's own pages may show any round, radar or score at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

from django.contrib import admin
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from ungeforlob.progression import services
from ungeforlob.progression.tests.factories import answered_round
from ungeforlob.testing import Personas, client_for, make_youth


def _walk(patterns: list, prefix: str = "", converters: dict | None = None) -> Iterator[tuple[str, dict]]:
    for entry in patterns:
        conv = {**(converters or {}), **getattr(entry.pattern, "converters", {})}
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            ns = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _walk(entry.url_patterns, ns, conv)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}", conv


def _url(name: str, converters: dict, *, youth_pk: int, pk: int) -> str | None:
    kwargs: dict[str, Any] = {}
    for key, converter in converters.items():
        kind = type(converter).__name__
        if key == "youth_pk":
            kwargs[key] = youth_pk
        elif key == "pk":
            kwargs[key] = pk
        elif key == "dimension":
            kwargs[key] = "motivation"
        elif kind == "IntConverter":
            kwargs[key] = 1
        elif kind == "UUIDConverter":
            kwargs[key] = uuid.uuid4()
        else:
            kwargs[key] = "x"
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def _give_rounds(youth: Any, contact: Any, marker: str) -> int:
    answered_round(youth, contact, value=2, goal=f"{marker}-maal")
    last = answered_round(youth, contact, value=4, goal=f"{marker}-maal2")
    services.self_evaluation_follow_up(round=last, note=f"{marker}-opfoelgning", actor=contact)
    services.professional_reading_add(round=last, actor=contact, text=f"{marker}-laesning", scores={"maal": 3})
    return last.pk


def test_no_page_shows_or_compares_self_evaluations_of_more_than_one_young_person(p: Personas) -> None:
    second = make_youth(p.contact_person, first_name="Anden", last_name="Ung")
    rounds = {p.youth.pk: _give_rounds(p.youth, p.contact_person, "MARKÖR-A"),
              second.pk: _give_rounds(second, p.contact_person, "MARKÖR-B")}
    markers = {p.youth.pk: "MARKÖR-A", second.pk: "MARKÖR-B"}
    patterns = list(_walk(get_resolver().url_patterns))
    assert any(name == "progression:selfeval_round" for name, _c in patterns)
    problems: list[str] = []
    checked = 0
    clients = {who: client_for(getattr(p, who)) for who in ("contact_person", "leader", "administrator")}
    for client in clients.values():
        client.raise_request_exception = False  # another app's error is that app's test to catch
    for name, converters in patterns:
        youth_scoped = "youth_pk" in converters
        targets = list(rounds.items()) if youth_scoped else [(p.youth.pk, rounds[p.youth.pk])]
        for youth_pk, pk in targets:
            url = _url(name, converters, youth_pk=youth_pk, pk=pk)
            if url is None:
                continue
            for who, client in clients.items():
                if youth_scoped and who != "contact_person":
                    continue
                response = client.get(url)
                if response.status_code != 200:
                    continue
                checked += 1
                body = response.content.decode("utf-8", errors="ignore")
                shown = {y for y, marker in markers.items() if marker in body}
                if len(shown) > 1:
                    problems.append(f"{url} ({name}) as {who} shows the rounds of two young people")
                if not youth_scoped and (shown or 'class="prog-radar"' in body or "profilbillede" in body.lower()):
                    problems.append(f"{url} ({name}) as {who} shows self-evaluations outside a youth's own pages")
                if youth_scoped and shown and shown != {youth_pk}:
                    problems.append(f"{url} ({name}) shows another young person's round")
    assert checked > 20
    assert not problems, "\n".join(problems)


def test_the_youths_own_pages_do_show_their_rounds(p: Personas, as_user) -> None:
    """The crawl above would pass vacuously if no page showed a marker; this proves the markers are visible."""
    pk = _give_rounds(p.youth, p.contact_person, "MARKÖR-A")
    body = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/selvevaluering/{pk}/").content.decode()
    assert "MARKÖR-A-opfoelgning" in body and 'class="prog-radar"' in body


def test_self_evaluations_are_not_in_the_django_admin() -> None:
    registered = {model._meta.app_label for model in admin.site._registry}
    assert "progression" not in registered
