"""Every imports URL for the municipality's administrator. The multipart upload (POST `imports:upload`) is proven
in test_views.test_an_upload_shows_the_dry_run_and_confirming_imports."""

from __future__ import annotations

from ungeforlob.imports import services
from ungeforlob.imports.models import ImportJob, ImportKind, ImportStatus
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
