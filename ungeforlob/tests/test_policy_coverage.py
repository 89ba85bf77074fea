"""No view can forget the access policy.

Every URL pattern of the project must either be listed as public/own-account below (with a reason), or
have an outsider case in some app's `tests/outsider_cases.py`: a function `cases(p: Personas)` returning
`OutsiderCase`s. Each case is requested as the outsider (a professional in no circle), as the leader
(aggregates only) and as a professional of another municipality; each must be refused (403/404, or the
case's own allowed statuses) and must write nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.core.testing import Personas, client_for
from ungeforlob.core.testing_cases import OutsiderCase

# url name -> why no outsider case is needed
NOT_PERSONAL = {
    "core:home": "redirects each role to its own landing page",
    "core:healthz": "public health check; reveals only that the database answers",
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


def collect_cases(p: Personas) -> list[OutsiderCase]:
    cases: list[OutsiderCase] = []
    for app in settings.INSTALLED_APPS:
        if not app.startswith("ungeforlob."):
            continue
        try:
            module = importlib.import_module(f"{app}.tests.outsider_cases")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.tests.outsider_cases":
                raise
            continue
        cases.extend(module.cases(p))
    return cases


def test_every_url_has_an_outsider_case_or_a_reason(p: Personas) -> None:
    covered = {case.url_name for case in collect_cases(p)}
    missing = sorted(project_url_names() - covered - set(NOT_PERSONAL))
    assert not missing, f"Views without a test proving that an outsider is refused: {missing}"


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
        response = client.generic(case.method.upper(), case.url, data=case.encoded_data(),
                                  content_type=case.content_type)
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
