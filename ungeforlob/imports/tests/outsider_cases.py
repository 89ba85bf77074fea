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
    return [
        C("imports:index", "/import/", refused_statuses=(403,)),
        C("imports:upload", "/import/unge/", refused_statuses=(403,)),
        C("imports:upload", "/import/uddannelsesstatus/", "post", {}, refused_statuses=(403,)),
        C("imports:template", "/import/unge/skabelon.xlsx", refused_statuses=(403,)),
        C("imports:job", f"/import/koersel/{job.pk}/", refused_statuses=(403,)),
        C("imports:confirm", f"/import/koersel/{job.pk}/bekraeft/", "post", refused_statuses=(403,)),
        C("imports:cancel", f"/import/koersel/{job.pk}/annuller/", "post", refused_statuses=(403,)),
    ]
