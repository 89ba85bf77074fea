"""API v1 is reached with an integration client's token, not a staff login: each case carries the token of a client
that must be refused (no token, expired, revoked, wrong scope, an organisation with no one in any circle, another
municipality), whoever's session comes along. The schema and the docs are public (no personal data)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from ungeforlob.integrations.tests.factories import api_client, bearer
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C

EVERYONE = ("outsider", "leader", "stranger")
UNAUTHORISED = (401,)


def refusals(p: Personas, name: str, url: str, *, personal: bool = True) -> list[C]:
    """The same call refused for every kind of wrong client: 401 without a working token, 403 without the scope,
    404 (not visible = not existing) for clients whose organisation may not see the young person."""
    for kind in ("outsider", "stranger", "expired", "revoked", "noscope"):
        api_client(p, kind)
    cases = [
        C(name, url, refused_statuses=UNAUTHORISED),
        C(name, url, headers=bearer("expired"), refused_statuses=UNAUTHORISED),
        C(name, url, headers=bearer("revoked"), refused_statuses=UNAUTHORISED),
        C(name, url, headers=bearer("noscope"), refused_statuses=(403,)),
    ]
    if personal:
        cases += [C(name, url, headers=bearer("outsider"), refused_statuses=(404,)),
                  C(name, url, headers=bearer("stranger"), refused_statuses=(404,))]
    return cases


def new_client(p: Personas) -> dict[str, object]:
    return {"name": "Byskolens elevsystem", "organisation": p.organisation.pk, "scopes": ["youth:read", "plan:read"],
            "expires_at": (timezone.localdate() + datetime.timedelta(days=90)).isoformat()}


def cases(p: Personas) -> list[C]:
    ns = "integrations:api-v1"
    youth = p.youth.pk
    school = api_client(p, "school").pk
    return [
        # Public: the OpenAPI schema and its documentation page describe the API and hold no data.
        C(f"{ns}:openapi-json", "/api/v1/openapi.json", allowed_for=EVERYONE),
        C(f"{ns}:openapi-view", "/api/v1/docs", allowed_for=EVERYONE),
        # ninja's root: answers 404 to everyone (it only anchors the paths).
        C(f"{ns}:api-root", "/api/v1/", refused_statuses=(404,)),
        *refusals(p, f"{ns}:youth_list", "/api/v1/youth", personal=False),
        *refusals(p, f"{ns}:youth_detail", f"/api/v1/youth/{youth}"),
        *refusals(p, f"{ns}:youth_plan", f"/api/v1/youth/{youth}/plan"),
        *refusals(p, f"{ns}:youth_progression", f"/api/v1/youth/{youth}/progression"),
        *refusals(p, f"{ns}:offers", "/api/v1/offers", personal=False),
        *refusals(p, f"{ns}:aggregates", "/api/v1/aggregates", personal=False),
        # The administrator's pages: administrators of the municipality only.
        C("integrations:client_list", "/integrationer/"),
        C("integrations:client_create", "/integrationer/ny/"),
        C("integrations:client_create", "/integrationer/ny/", method="post", data=new_client(p)),
        C("integrations:client_detail", f"/integrationer/{school}/"),
        C("integrations:client_revoke", f"/integrationer/{school}/tilbagekald/"),
        C("integrations:client_revoke", f"/integrationer/{school}/tilbagekald/", method="post"),
    ]
