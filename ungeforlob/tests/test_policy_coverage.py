"""No view can forget the access policy, and no view may work only in theory.

Two walks over every URL pattern of the project:

* **Refused.** Each URL is either listed as public/own-account below (with a reason), or has an outsider
  case in some app's `tests/outsider_cases.py` (`cases(p: Personas) -> list[OutsiderCase]`). Each case is
  requested as the outsider (a professional in no circle), as the leader (aggregates only) and as a
  professional of another municipality; each must be refused (403/404, or the case's own statuses) and must
  write nothing.
* **Works.** Each URL has a success case in some app's `tests/success_cases.py`
  (`cases(p: Personas) -> list[SuccessCase]`), or is listed in SUCCESS_ELSEWHERE with the test that proves it.
  The rightful user's GET renders and a valid POST has its effect; the read-only member of the circle
  (`p.reader`) is refused every write.

Cases are matched to URL patterns by resolving their path, so a mistyped path cannot pass as covered.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.testing import Personas, client_for, youth_session_client
from ungeforlob.testing_cases import OutsiderCase, SuccessCase

# url name -> why no outsider case is needed
NOT_PERSONAL = {
    "core:home": "redirects each role to its own landing page",
    "core:healthz": "public health check; reveals only whether the database answers and the worker is alive",
    "core:about": "the same text about the system for every member of staff; no personal data",
    "reflection:model": "the municipality's model texts; every member of staff reads their own municipality's",
    "accounts:login": "public login page",
    "accounts:logout": "ends the caller's own session",
    "accounts:otp_setup": "the caller's own second factor",
    "accounts:otp_verify": "the caller's own second factor",
    "set_language": "the caller's own language choice",
    "portal:login": "public: the young person's login (asks for a mobile number)",
    "portal:code": "public: the young person's login (asks for the one-time code)",
    "portal:logout": "ends the caller's own session",
    "portal:oidc_start": "public: starts the young person's MitID login (redirects to the broker)",
    "portal:oidc_callback": "public: the MitID broker's return; logs in only the person the ID token names",
}


def _walk(patterns: list, prefix: str = "") -> Iterator[str]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue  # the Django admin: superusers with a second factor; no youth models registered
            ns = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _walk(entry.url_patterns, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}"


def project_url_names() -> set[str]:
    return set(_walk(get_resolver().url_patterns))


# url name -> the test that proves its rightful user succeeds, where a success case cannot express it
SUCCESS_ELSEWHERE = {
    "core:healthz": "scheduler/tests prove 200 with a fresh worker heartbeat and 503 without one",
    "portal:oidc_start": "portal/tests/test_oidc.py::test_a_youth_logs_in_with_mitid_through_the_broker (the route "
                         "exists only when MitID is configured)",
    "portal:oidc_callback": "portal/tests/test_oidc.py::test_a_youth_logs_in_with_mitid_through_the_broker drives "
                            "the MitID flow against a local OIDC provider",
    "portal:code": "portal/tests/test_login.py::test_a_youth_logs_in_with_a_code_sent_by_sms posts the code the SMS "
                   "carried (the page needs the pending login the number step leaves in the session)",
}


def _collect(p: Personas, module_name: str) -> list:
    cases: list = []
    for app in settings.INSTALLED_APPS:
        if not app.startswith("ungeforlob."):
            continue
        try:
            module = importlib.import_module(f"{app}.tests.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.tests.{module_name}":
                raise
            continue
        cases.extend(module.cases(p))
    return cases


def collect_cases(p: Personas) -> list[OutsiderCase]:
    return _collect(p, "outsider_cases")


def collect_success_cases(p: Personas) -> list[SuccessCase]:
    return _collect(p, "success_cases")


def _resolved_name(url: str) -> str | None:
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return None


def test_every_url_has_an_outsider_case_or_a_reason(p: Personas) -> None:
    covered = {case.url_name for case in collect_cases(p)}
    missing = sorted(project_url_names() - covered - set(NOT_PERSONAL))
    assert not missing, f"Views without a test proving that an outsider is refused: {missing}"


def test_every_url_has_a_success_case_or_a_reason(p: Personas) -> None:
    covered = {case.url_name for case in collect_success_cases(p)}
    missing = sorted(project_url_names() - covered - set(SUCCESS_ELSEWHERE))
    assert not missing, f"Views without a test proving that the rightful user succeeds: {missing}"


def _misnamed(cases: list) -> list[str]:
    return [f"{case.url} is {_resolved_name(case.url)}, not {case.url_name}"
            for case in cases if _resolved_name(case.url) != case.url_name]


def test_every_outsider_case_is_for_the_url_it_names(p: Personas) -> None:
    """A case whose path resolves to another view (or to none) proves nothing about the view it names."""
    wrong = _misnamed(collect_cases(p))
    assert not wrong, "\n".join(wrong)


def test_every_success_case_is_for_the_url_it_names(p: Personas) -> None:
    wrong = _misnamed(collect_success_cases(p))
    assert not wrong, "\n".join(wrong)


def test_every_write_case_says_what_its_effect_is(p: Personas) -> None:
    vague = [f"{c.method.upper()} {c.url}" for c in collect_success_cases(p) if c.is_write and c.effect is None]
    assert not vague, f"Write cases without an effect to check: {vague}"


def _client(p: Personas, who: str) -> Client:
    if who == "youth":
        return youth_session_client(p.youth)
    if who == "other_youth":
        return youth_session_client(p.other_youth)
    if who == "anonymous":
        return Client()
    return client_for(getattr(p, who))


def _request(client: Client, case: OutsiderCase | SuccessCase) -> object:
    with override_settings(**case.settings):
        return client.generic(case.method.upper(), case.url, data=case.encoded_data(),
                              content_type=case.content_type, headers=case.headers)


def test_every_view_works_for_its_rightful_user(p: Personas) -> None:
    """GET renders and a valid POST has its effect, each case in a savepoint that is rolled back after it."""
    failures = []
    for case in collect_success_cases(p):
        savepoint = transaction.savepoint()
        try:
            response = _request(_client(p, case.who), case)
            label = f"{case.method.upper()} {case.url} ({case.url_name}) as {case.who}"
            if response.status_code not in case.expected_statuses:
                failures.append(f"{label} -> {response.status_code}, expected {case.expected_statuses}")
            elif case.contains and case.contains not in response.content.decode():
                failures.append(f"{label}: the page does not contain {case.contains!r}")
            elif case.effect is not None and not case.effect(response):
                failures.append(f"{label}: the effect did not happen")
            elif case.lists_youth and not AuditEvent.objects.filter(
                    action=AuditAction.LIST, youth_id=p.youth.pk).exists():
                failures.append(f"{label}: the list of young people wrote no audit row for them")
        finally:
            transaction.savepoint_rollback(savepoint)
    assert not failures, "The rightful user did not succeed:\n" + "\n".join(failures)


def test_the_read_only_member_is_refused_every_write(p: Personas) -> None:
    """`p.reader` sees the young person (a teacher in the circle) but may change nothing."""
    failures = []
    reader = client_for(p.reader)
    for case in collect_success_cases(p):
        if not case.is_write or case.reader_may or case.who in {"youth", "other_youth", "anonymous"}:
            continue
        savepoint = transaction.savepoint()
        try:
            before = _writes()
            response = _request(reader, case)
            label = f"{case.method.upper()} {case.url} ({case.url_name})"
            if response.status_code not in (403, 404):
                failures.append(f"{label} -> {response.status_code}")
            elif _writes() != before:
                failures.append(f"{label} wrote personal data")
        finally:
            transaction.savepoint_rollback(savepoint)
    assert not failures, "The read-only member was not refused:\n" + "\n".join(failures)


def _writes() -> int:
    return AuditEvent.objects.filter(
        action__in=[AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE, AuditAction.EXPORT,
                    AuditAction.REVEAL]
    ).count()


@pytest.mark.parametrize("who", ["outsider", "leader", "stranger"])
def test_every_personal_view_refuses_people_outside_the_circle(p: Personas, who: str) -> None:
    client = client_for(getattr(p, who))
    failures = []
    for case in collect_cases(p):
        if who in case.allowed_for:
            continue
        before = _writes()
        response = _request(client, case)
        if response.status_code not in case.refused_statuses:
            failures.append(f"{case.method.upper()} {case.url} ({case.url_name}) -> {response.status_code}")
        if _writes() != before:
            failures.append(f"{case.method.upper()} {case.url} ({case.url_name}) wrote personal data")
    assert not failures, f"{who} was not refused:\n" + "\n".join(failures)


def test_the_youth_pages_refuse_the_youths_own_past_circle_members(p: Personas) -> None:
    """Membership that has ended gives no access: access lasts only while one is in the circle."""
    from django.utils import timezone

    membership = p.youth.memberships.get(professional=p.colleague)
    membership.end_date = timezone.localdate()
    membership.save()
    response = client_for(p.colleague).get(f"/unge/{p.youth.pk}/")
    assert response.status_code == 404


@pytest.mark.parametrize("bad", ["0", "-1", "99999999999999999999", "9223372036854775808", "abc", ""])
def test_an_impossible_id_is_answered_like_a_missing_one(p: Personas, bad: str) -> None:
    from django.http import Http404

    from ungeforlob import policy
    from ungeforlob.youth.models import Guardian

    with pytest.raises(Http404):
        policy.get_youth_for(p.contact_person, bad)
    with pytest.raises(Http404):
        policy.access(Guardian, user=p.contact_person, youth=p.youth, pk=bad)


def test_every_page_with_a_submit_once_form_sends_its_token_along(p: Personas) -> None:
    """A submit-once form whose template draws its fields one by one must still draw the hidden token, or the
    browser sends none and a double click saves twice."""
    from ungeforlob.core.forms import FormTokenMixin

    missing = []
    for case in collect_success_cases(p):
        if case.is_write:
            continue
        savepoint = transaction.savepoint()
        try:
            response = _request(_client(p, case.who), case)
            contexts = response.context if isinstance(response.context, list) else [response.context or {}]
            dicts = [d for c in contexts for d in (c.dicts if hasattr(c, "dicts") else [c])]
            forms = {id(v): v for d in dicts for v in d.values() if isinstance(v, FormTokenMixin)}.values()
            body = response.content.decode(errors="replace")
            for form in forms:
                drawn = any(f'name="{field.html_name}"' in body for field in form.visible_fields())
                if not drawn:
                    continue  # in the context but not on this page (e.g. shown only in another state)
                token = form["submission"].value() or form.fields["submission"].initial
                if f'value="{token}"' not in body:
                    missing.append(f"{case.url} ({case.url_name}): {type(form).__name__}")
        finally:
            transaction.savepoint_rollback(savepoint)
    assert not sorted(set(missing)), "Submit-once forms drawn without their token:\n" + "\n".join(sorted(set(missing)))
