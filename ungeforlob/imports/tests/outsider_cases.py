"""Every imports URL refused to everyone but the municipality's administrator (403: a role-restricted page)."""

from __future__ import annotations

from ungeforlob.imports import services
from ungeforlob.imports.models import ImportKind
from ungeforlob.imports.tests.factories import caseload_file, young_person
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C


def cases(p: Personas) -> list[C]:
    job = services.import_check(actor=p.administrator, kind=ImportKind.CASELOAD, file_name="unge.csv",
                                data=caseload_file([young_person(901)]))
    return [*_api_cases(p), *_page_cases(p, job)]


def _api_cases(p: Personas) -> list[C]:
    """API v1's education events: 401 without a working token, 403
    without `stations:write`, 404 for a client whose organisation may not edit the young person (the batch answers
    each event "not_found" instead, so only the token and the scope are proven here)."""
    from ungeforlob.integrations.tests.outsider_cases import refusals
    from ungeforlob.youth import cpr

    ns = "integrations:api-v1"
    body = {"cpr": cpr.decrypt(p.youth.cpr_encrypted), "kind": "startet", "date": "2026-01-05",
            "institution_name": "FGU Trekanten"}
    return [C(c.url_name, c.url, "post", body, as_json=True, headers=c.headers, refused_statuses=c.refused_statuses)
            for c in refusals(p, f"{ns}:education_event_create", "/api/v1/education-events")] + [
        C(c.url_name, c.url, "post", {"events": [body]}, as_json=True, headers=c.headers,
          refused_statuses=c.refused_statuses)
        for c in refusals(p, f"{ns}:education_event_batch", "/api/v1/education-events/batch", personal=False)]


def _page_cases(p: Personas, job: object) -> list[C]:
    return [
        C("imports:index", "/import/", refused_statuses=(403,)),
        C("imports:upload", "/import/unge/", refused_statuses=(403,)),
        C("imports:upload", "/import/uddannelsesstatus/", "post", {}, refused_statuses=(403,)),
        C("imports:template", "/import/unge/skabelon.xlsx", refused_statuses=(403,)),
        C("imports:job", f"/import/koersel/{job.pk}/", refused_statuses=(403,)),
        C("imports:confirm", f"/import/koersel/{job.pk}/bekraeft/", "post", refused_statuses=(403,)),
        C("imports:cancel", f"/import/koersel/{job.pk}/annuller/", "post", refused_statuses=(403,)),
    ]
