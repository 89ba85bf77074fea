"""One app's outsider and success cases on their own: the project-wide walk (test_policy_coverage.py) runs every
app's and takes minutes; an app's own `tests/test_cases.py` runs these four checks over its cases in seconds and
names the failing case:

    from ungeforlob.meetings.tests import outsider_cases, success_cases
    from ungeforlob.tests.app_cases import checks_for

    (test_every_view_works_for_its_rightful_user, test_the_read_only_member_is_refused_every_write,
     test_every_view_refuses_people_outside, test_every_page_with_a_submit_once_form_sends_its_token_along,
     ) = checks_for(outsider_cases, success_cases)
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest
from django.db import transaction

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.testing import Personas, client_for
from ungeforlob.tests.test_policy_coverage import _client, _request, _writes


def checks_for(outsider_cases: ModuleType, success_cases: ModuleType) -> tuple[Callable[..., Any], ...]:
    """The four checks of the project-wide walk, over one app's case lists."""

    def works_for_its_rightful_user(p: Personas) -> None:
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
                elif case.lists_youth and not AuditEvent.objects.filter(action=AuditAction.LIST,
                                                                        youth_id=p.youth.pk).exists():
                    failures.append(f"{label}: no LIST audit row")
            finally:
                transaction.savepoint_rollback(savepoint)
        assert not failures, "\n".join(failures)

    def read_only_member_is_refused_every_write(p: Personas) -> None:
        reader = client_for(p.reader)
        failures = []
        for case in success_cases.cases(p):
            if not case.is_write or case.reader_may or case.who in {"youth", "other_youth", "anonymous"}:
                continue
            before = _writes()
            response = _request(reader, case)
            if response.status_code not in (403, 404) or _writes() != before:
                failures.append(f"{case.method.upper()} {case.url} -> {response.status_code}")
        assert not failures, "\n".join(failures)

    @pytest.mark.parametrize("who", ["outsider", "leader", "stranger"])
    def refuses_people_outside(p: Personas, who: str) -> None:
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

    def submit_once_forms_send_their_token(p: Personas) -> None:
        from ungeforlob.core.forms import FormTokenMixin

        missing = []
        for case in success_cases.cases(p):
            if case.is_write:
                continue
            response = _request(_client(p, case.who), case)
            contexts = response.context if isinstance(response.context, list) else [response.context or {}]
            dicts = [d for c in contexts for d in (c.dicts if hasattr(c, "dicts") else [c])]
            body = response.content.decode(errors="replace")
            for form in {id(v): v for d in dicts for v in d.values() if isinstance(v, FormTokenMixin)}.values():
                if any(f'name="{field.html_name}"' in body for field in form.visible_fields()):
                    token = form["submission"].value() or form.fields["submission"].initial
                    if f'value="{token}"' not in body:
                        missing.append(f"{case.url}: {type(form).__name__}")
        assert not missing, missing

    return (works_for_its_rightful_user, read_only_member_is_refused_every_write, refuses_people_outside,
            submit_once_forms_send_their_token)
