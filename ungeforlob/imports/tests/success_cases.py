"""Every imports URL for the municipality's administrator. The multipart upload (POST `imports:upload`) is proven
in test_views.test_an_upload_shows_the_dry_run_and_confirming_imports."""

from __future__ import annotations

from ungeforlob.imports import services
from ungeforlob.imports.models import EducationEvent, ImportJob, ImportKind, ImportStatus
from ungeforlob.imports.tests.factories import caseload_file, young_person
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S
from ungeforlob.youth.models import Youth

ADMIN = "administrator"


def cases(p: Personas) -> list[S]:
    job = services.import_check(actor=p.administrator, kind=ImportKind.CASELOAD, file_name="unge.csv",
                                data=caseload_file([young_person(902)]))
    spare = services.import_check(actor=p.administrator, kind=ImportKind.CASELOAD, file_name="ekstra.csv",
                                  data=caseload_file([young_person(903)]))
    return [*_api_cases(p), *_page_cases(p, job, spare)]


def _api_cases(p: Personas) -> list[S]:
    """The school's client (Ungeindsatsen, every scope) registers education events. The staff session that comes
    along plays no part (so the circle's read-only member's session does not matter: `reader_may`)."""
    from ungeforlob.integrations.tests.factories import api_client, bearer
    from ungeforlob.youth import cpr

    api_client(p, "school")
    ns = "integrations:api-v1"
    body = {"event_id": "S-1", "cpr": cpr.decrypt(p.youth.cpr_encrypted), "kind": "startet", "date": "2026-01-05",
            "institution_name": "FGU Trekanten", "programme": "FGU"}
    return [
        S(f"{ns}:education_event_create", "/api/v1/education-events", "post", body, as_json=True,
          headers=bearer("school"), statuses=(201,), reader_may=True,
          effect=lambda r: EducationEvent.objects.filter(youth=p.youth, external_id="S-1").exists()),
        S(f"{ns}:education_event_batch", "/api/v1/education-events/batch", "post", {"events": [body]},
          as_json=True, headers=bearer("school"), statuses=(200,), reader_may=True,
          effect=lambda r: r.json()["results"][0]["status"] == "applied"),
    ]


def _page_cases(p: Personas, job: ImportJob, spare: ImportJob) -> list[S]:
    return [
        S("imports:index", "/import/", who=ADMIN, contains="unge.csv"),
        S("imports:upload", "/import/unge/", who=ADMIN, contains="Kontrollér filen"),
        S("imports:upload", "/import/uddannelsesstatus/", who=ADMIN, contains="Ungedatabasen"),
        S("imports:template", "/import/unge/skabelon.csv", who=ADMIN, contains="CPR-nummer;Fornavn"),
        S("imports:template", "/import/uddannelsesstatus/skabelon.xlsx", who=ADMIN),
        S("imports:job", f"/import/koersel/{job.pk}/", who=ADMIN, contains="Bekræft og importér"),
        S("imports:confirm", f"/import/koersel/{job.pk}/bekraeft/", "post", {}, who=ADMIN,
          effect=lambda r: ImportJob.objects.get(pk=job.pk).status == ImportStatus.DONE
          and Youth.objects.filter(first_name="Ung902").exists()),
        S("imports:cancel", f"/import/koersel/{spare.pk}/annuller/", "post", {}, who=ADMIN,
          effect=lambda r: ImportJob.objects.get(pk=spare.pk).status == ImportStatus.CANCELLED),
    ]
