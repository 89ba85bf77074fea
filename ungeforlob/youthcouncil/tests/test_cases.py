"""This app's outsider and success cases on their own (the project-wide walk runs every app's; this one runs in
seconds and names the failing case)."""

from __future__ import annotations

import pytest
from django.db import transaction

from ungeforlob.testing import Personas, client_for
from ungeforlob.tests.test_policy_coverage import _client, _request, _writes
from ungeforlob.youthcouncil.tests import outsider_cases, success_cases


def test_every_youthcouncil_view_works_for_its_rightful_user(p: Personas) -> None:
    failures = []
    for case in success_cases.cases(p):
        savepoint = transaction.savepoint()
        try:
            response = _request(_client(p, case.who), case)
            label = f"{case.method.upper()} {case.url} ({case.url_name}) as {case.who}"
            if response.status_code not in case.expected_statuses:
                failures.append(f"{label} -> {response.status_code}")
            elif case.contains and case.contains not in response.content.decode():
                failures.append(f"{label}: no {case.contains!r}")
            elif case.effect is not None and not case.effect(response):
                failures.append(f"{label}: no effect")
        finally:
            transaction.savepoint_rollback(savepoint)
    assert not failures, "\n".join(failures)


def test_the_read_only_member_is_refused_every_youthcouncil_write(p: Personas) -> None:
    reader = client_for(p.reader)
    failures = []
    for case in success_cases.cases(p):
        if not case.is_write or case.reader_may or case.who in {"youth", "anonymous"}:
            continue
        before = _writes()
        response = _request(reader, case)
        if response.status_code not in (403, 404) or _writes() != before:
            failures.append(f"{case.method.upper()} {case.url} -> {response.status_code}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("who", ["outsider", "leader", "stranger"])
def test_every_youthcouncil_view_refuses_people_outside(p: Personas, who: str) -> None:
    client = client_for(getattr(p, who))
    failures = []
    for case in outsider_cases.cases(p):
        if who in case.allowed_for:
            continue
        before = _writes()
        response = _request(client, case)
        if response.status_code not in case.refused_statuses or _writes() != before:
            failures.append(f"{case.method.upper()} {case.url} ({case.url_name}) -> {response.status_code}")
    assert not failures, f"{who}:\n" + "\n".join(failures)
