"""API v1 for its rightful client: Ungeforlob's own "school" client of Ungeindsatsen (the contact person's
organisation), with every scope. The session that comes along plays no part."""

from __future__ import annotations

from ungeforlob.integrations.models import ApiClient
from ungeforlob.integrations.tests.factories import api_client, bearer
from ungeforlob.integrations.tests.outsider_cases import new_client
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S


def cases(p: Personas) -> list[S]:
    school = api_client(p, "school")
    ns = "integrations:api-v1"
    ok = bearer("school")
    youth = p.youth.pk
    return [
        S(f"{ns}:openapi-json", "/api/v1/openapi.json", who="anonymous", contains="/api/v1/youth"),
        S(f"{ns}:openapi-view", "/api/v1/docs", who="anonymous", contains="swagger-ui"),
        S(f"{ns}:api-root", "/api/v1/", who="anonymous", statuses=(404,)),
        S(f"{ns}:youth_list", "/api/v1/youth", headers=ok, contains="Josefine", lists_youth=True),
        S(f"{ns}:youth_detail", f"/api/v1/youth/{youth}", headers=ok, contains="Josefine"),
        S(f"{ns}:youth_plan", f"/api/v1/youth/{youth}/plan", headers=ok, contains='"goals"'),
        S(f"{ns}:youth_progression", f"/api/v1/youth/{youth}/progression", headers=ok, contains='"level"'),
        S(f"{ns}:offers", "/api/v1/offers", headers=ok, contains='"contents"'),
        S(f"{ns}:aggregates", "/api/v1/aggregates", headers=ok, contains="flow-matrix"),
        S("integrations:client_list", "/integrationer/", who="administrator", contains="Testsystem school"),
        S("integrations:client_create", "/integrationer/ny/", who="administrator", contains="youth:read"),
        S("integrations:client_create", "/integrationer/ny/", method="post", who="administrator",
          data=new_client(p),
          effect=lambda r: ApiClient.objects.filter(name="Byskolens elevsystem", revoked_at__isnull=True).exists()),
        S("integrations:client_detail", f"/integrationer/{school.pk}/", who="administrator",
          contains=school.token_prefix),
        S("integrations:client_revoke", f"/integrationer/{school.pk}/tilbagekald/", who="administrator",
          contains="Tilbagekald"),
        S("integrations:client_revoke", f"/integrationer/{school.pk}/tilbagekald/", method="post",
          who="administrator",
          effect=lambda r: ApiClient.objects.filter(pk=school.pk, revoked_at__isnull=False).exists()),
    ]
