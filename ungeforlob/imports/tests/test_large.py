"""A 10,000-row caseload file (5,000 young people, each with a circle member, two goals and a sub-goal): checked,
confirmed and run by the worker's job in under a minute, and a second check of it finds nothing to change.

The project has no `slow` marker, so this stays in the suite; the timings are printed (pytest -s) for the notes."""

from __future__ import annotations

import datetime
import time

from django.utils import timezone

from ungeforlob.imports import services
from ungeforlob.imports.models import ImportKind, ImportStatus
from ungeforlob.imports.tests.factories import caseload_file
from ungeforlob.plans.models import Goal, SubGoal
from ungeforlob.testing import Personas
from ungeforlob.youth.models import Youth


def _cpr(n: int) -> str:
    born = timezone.localdate().replace(year=timezone.localdate().year - 20) - datetime.timedelta(days=n // 5)
    return f"{born:%d%m%y}{'0' if born.year < 2000 else '4'}{n % 5:03d}"


def _rows(people: int) -> list[dict[str, str]]:
    rows = []
    for n in range(people):
        rows.append({"CPR-nummer": _cpr(n), "Fornavn": f"Ung{n}", "Efternavn": "Stor", "Kontaktperson": "kontaktperson",
                     "Kædemedlem": "kollega", "Rolle i kæden": "Jobkonsulent", "Lovgrundlag": "KUI",
                     "Mål": "Komme i uddannelse", "Delmål": "Besøge en skole", "Succeskriterium": "Har besøgt en"})
        rows.append({"CPR-nummer": _cpr(n), "Mål": "Få et fritidsjob"})
    return rows


def test_a_ten_thousand_row_file_runs_in_the_worker_in_under_a_minute(p: Personas) -> None:
    data = caseload_file(_rows(5000))
    before = Youth.objects.count()
    started = time.monotonic()
    job = services.import_check(actor=p.administrator, kind=ImportKind.CASELOAD, file_name="stor.csv", data=data)
    checked = time.monotonic()
    assert job.total == 10_000 and job.preview["create"] == 5000 and job.preview["update"] == 5000
    job = services.import_confirm(actor=p.administrator, job=job)
    assert job.total > services.SYNC_LIMIT  # the page leaves it to the worker
    while services.imports_advance(seconds=120):
        pass
    ran = time.monotonic()
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and job.result == {"create": 5000, "update": 5000}
    assert Youth.objects.count() == before + 5000
    assert Goal.objects.filter(youth__last_name="Stor").count() == 10_000
    assert SubGoal.objects.filter(goal__youth__last_name="Stor").count() == 5000
    again = services.import_check(actor=p.administrator, kind=ImportKind.CASELOAD, file_name="stor.csv", data=data)
    rechecked = time.monotonic()
    assert again.preview["unchanged"] == 10_000
    print(f"\n10,000 rows: dry run {checked - started:.1f} s, run {ran - checked:.1f} s, "
          f"second dry run {rechecked - ran:.1f} s")
    assert ran - started < 60
