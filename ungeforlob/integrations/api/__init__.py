"""API v1 of Ungeforløb: one NinjaAPI, mounted at /api/v1/ (ungeforlob/integrations/urls.py).

OpenAPI 3 at /api/v1/openapi.json, Swagger UI at /api/v1/docs (served from this app's static files: the strict
CSP allows no CDN and no inline script). Every operation needs `Authorization: Bearer <token>` of an integration
client (`request.auth` is the ApiClient); every error has one JSON shape (errors.py). Routers of other apps are
mounted below with `api.add_router(...)`; they use `require_scope`, `client_youth`, `paginate`, `etag_of`,
`check_if_match` from `ungeforlob.integrations.api` (auth.py, helpers.py).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

from ungeforlob.integrations.api import errors
from ungeforlob.integrations.api.auth import ClientToken, check_scope, client_of, require_scope
from ungeforlob.integrations.api.errors import ApiError
from ungeforlob.integrations.api.helpers import (
    PageParams,
    audit_call,
    audit_listed,
    check_if_match,
    client_youth,
    etag_of,
    page_of,
    paginate,
    set_etag,
)
from ungeforlob.integrations.api.schemas import ERRORS, WRITE_ERRORS, Error

__all__ = ["ERRORS", "WRITE_ERRORS", "ApiError", "Error", "PageParams", "api", "audit_call", "audit_listed", "check_if_match", "check_scope",
           "client_of", "client_youth", "etag_of", "page_of", "paginate", "require_scope", "set_etag"]

NAMESPACE = "integrations:api-v1"


class SelfHostedSwagger(Swagger):
    """ninja's Swagger UI page, drawn from this app's template and static files (no CDN, no inline script)."""

    template = "integrations/swagger.html"

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        settings = {**self.settings, "url": reverse(f"{NAMESPACE}:openapi-json", kwargs=kwargs)}
        return render(request, self.template, {"swagger_settings": settings, "api": api})


DESCRIPTION = """Ungeforløbs API for integrationer (skolesystemer, partneres sagssystemer, datavarehuse).

* Adgang: `Authorization: Bearer <token>` — et token, som kommunens administrator har oprettet til klienten.
  Klienten handler som sin organisation: den ser præcis de unge, organisationens medarbejdere må se.
  Hvad den må gøre, afgøres af dens rettigheder (scopes).
* Fejl har altid formen `{"error": {"code": ..., "message": ..., "details": [...]}}` på dansk eller engelsk
  (`Accept-Language`).
* Lister: `limit` (1–100) og `offset`; svaret har `count`, `next` og `results`.
* Optimistisk låsning: et objekt, der kan ændres, hentes med `ETag`; en ændring sender `If-Match` med den
  (mangler: 428, passer ikke: 412).
* Højst `API_RATE_LIMIT_PER_MINUTE` kald i minuttet pr. klient (ellers 429 med `Retry-After`).
"""

api = NinjaAPI(
    title="Ungeforløb API",
    version="1",
    description=DESCRIPTION,
    urls_namespace=NAMESPACE,
    auth=ClientToken(),
    docs=SelfHostedSwagger(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.install(api)

api.add_router("/", "ungeforlob.integrations.api.endpoints.router")
api.add_router("/", "ungeforlob.integrations.api.endpoints.offers_router")
api.add_router("/", "ungeforlob.integrations.api.endpoints.aggregates_router")
# Other apps' routers (each documents its scopes and writes its own audit rows):
api.add_router("/", "ungeforlob.imports.api.router")  # education status events
api.add_router("/", "ungeforlob.chain.api.router")  # concerns and referrals
