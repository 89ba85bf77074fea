"""The import pages over HTTP: upload → dry run → confirm → result; another municipality's administrator refused;
the progress fragment for htmx; constant queries on the list and the job page."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.accounts.models import Municipality, Organisation, Role, Sector
from ungeforlob.imports import services
from ungeforlob.imports.models import ImportJob, ImportKind, ImportStatus
from ungeforlob.imports.tests.factories import caseload_file, young_person
from ungeforlob.testing import Personas, client_for, make_user
from ungeforlob.youth.models import Youth


def _upload(client: Any, rows: list[dict], name: str = "unge.csv") -> Any:
    page = client.get("/import/unge/")
    token = page.context["form"]["submission"].value()
    return client.post("/import/unge/", {"file": SimpleUploadedFile(name, caseload_file(rows)),
                                         "submission": token})


def test_an_upload_shows_the_dry_run_and_confirming_imports(p: Personas) -> None:
    client = client_for(p.administrator)
    response = _upload(client, [young_person(701), young_person(702, **{"E-mail": "forkert"})])
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/import/koersel/{job.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Kontrol (tørkørsel): intet er gemt endnu." in page
    assert "E-mailadressen er ikke gyldig." in page
    assert "Ung701" not in page and not Youth.objects.filter(first_name="Ung701").exists()
    confirm = client.get(response["Location"]).context["form"]["submission"].value()
    client.post(f"/import/koersel/{job.pk}/bekraeft/", {"submission": confirm})
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and job.result == {"create": 1, "error": 1}
    assert Youth.objects.filter(first_name="Ung701").exists()
    done = client.get(f"/import/koersel/{job.pk}/").content.decode()
    assert "Importen er færdig." in done and "E-mailadressen er ikke gyldig." in done


def test_an_unreadable_file_stays_on_the_form_with_a_danish_message(p: Personas) -> None:
    client = client_for(p.administrator)
    page = client.get("/import/unge/")
    token = page.context["form"]["submission"].value()
    response = client.post("/import/unge/", {"file": SimpleUploadedFile("unge.txt", b"\xff\xfe"),
                                             "submission": token})
    assert response.status_code == 200
    assert "Filen mangler kolonnen" in response.content.decode() or "Filen er tom" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_an_unknown_kind_and_format_are_not_found(p: Personas) -> None:
    client = client_for(p.administrator)
    assert client.get("/import/noget/").status_code == 404
    assert client.get("/import/unge/skabelon.pdf").status_code == 404
    assert client.get("/import/koersel/99999999/").status_code == 404


def test_the_templates_have_danish_headers_and_an_example_row(p: Personas) -> None:
    import io

    from openpyxl import load_workbook

    client = client_for(p.administrator)
    body = client.get("/import/uddannelsesstatus/skabelon.csv").content.decode("utf-8-sig").splitlines()
    assert body[0] == "Hændelses-id;CPR-nummer;Hændelse;Dato;Institutionsnummer;Institution;Uddannelse"
    assert body[1].split(";")[2] == "optaget"
    sheet = load_workbook(io.BytesIO(client.get("/import/unge/skabelon.xlsx").content)).active
    assert [c.value for c in sheet[1]][:3] == ["CPR-nummer", "Fornavn", "Efternavn"]
    assert sheet.max_row == 2


def test_another_municipalitys_administrator_cannot_see_or_confirm_the_import(p: Personas) -> None:
    job = services.import_check(actor=p.administrator, kind=ImportKind.CASELOAD, file_name="unge.csv",
                                data=caseload_file([young_person(711)]))
    other = Municipality.objects.get(code="nabo")
    admin = make_user("naboadmin", other, Organisation.objects.create(municipality=other, name="IT",
                                                                      sector=Sector.UU_KUI), role=Role.ADMINISTRATOR)
    TOTPDevice.objects.create(user=admin, name="test", confirmed=True)
    client = client_for(admin)
    assert client.get(f"/import/koersel/{job.pk}/").status_code == 404
    assert client.post(f"/import/koersel/{job.pk}/bekraeft/", {}).status_code == 404
    assert client.post(f"/import/koersel/{job.pk}/annuller/", {}).status_code == 404
    assert "unge.csv" not in client.get("/import/").content.decode()
    job.refresh_from_db()
    assert job.status == ImportStatus.CHECKED


def test_a_large_file_waits_for_the_worker_and_the_page_polls_its_progress(p: Personas, settings: Any) -> None:
    rows = [young_person(720 + i) for i in range(12)]
    job = services.import_check(actor=p.administrator, kind=ImportKind.CASELOAD, file_name="stor.csv",
                                data=caseload_file(rows))
    client = client_for(p.administrator)
    services.SYNC_LIMIT, limit = 10, services.SYNC_LIMIT
    try:
        token = client.get(f"/import/koersel/{job.pk}/").context["form"]["submission"].value()
        client.post(f"/import/koersel/{job.pk}/bekraeft/", {"submission": token})
    finally:
        services.SYNC_LIMIT = limit
    job.refresh_from_db()
    assert job.status == ImportStatus.QUEUED and job.processed == 0
    fragment = client.get(f"/import/koersel/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 2s"' in fragment and "0 af 12 rækker" in fragment
    assert services.imports_advance(chunk=5, seconds=0) == 5
    fragment = client.get(f"/import/koersel/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert "5 af 12 rækker (42 %)" in fragment
    while services.imports_advance(chunk=5, seconds=0):
        pass
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and job.result == {"create": 12}
    fragment = client.get(f"/import/koersel/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in fragment and "Importen er færdig." in fragment


def test_the_list_and_the_job_page_keep_their_query_count(p: Personas, count_queries: Any) -> None:
    client = client_for(p.administrator)
    job = services.import_check(actor=p.administrator, kind=ImportKind.CASELOAD, file_name="a.csv",
                                data=caseload_file([young_person(740)]))
    small = (count_queries(lambda: client.get("/import/")), count_queries(lambda: client.get(f"/import/koersel/{job.pk}/")))
    for i in range(8):
        services.import_check(actor=p.administrator, kind=ImportKind.CASELOAD, file_name=f"b{i}.csv",
                              data=caseload_file([young_person(750 + i), young_person(760 + i, **{"E-mail": "x"})]))
    big = services.import_check(actor=p.administrator, kind=ImportKind.CASELOAD, file_name="c.csv",
                                data=caseload_file([young_person(770 + i, **{"E-mail": "x"}) for i in range(20)]))
    large = (count_queries(lambda: client.get("/import/")), count_queries(lambda: client.get(f"/import/koersel/{big.pk}/")))
    assert small == large
