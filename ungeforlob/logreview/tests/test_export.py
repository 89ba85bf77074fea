"""The log of one young person or one member of staff, for an inspection: CSV and XLSX, logged, one query."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.logreview.tests.factories import at, dpo, last_month, other_dpo, read
from ungeforlob.testing import Personas, client_for


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body), delimiter=";"))


def _export(client, **data):
    return client.post("/logkontrol/udtraek/", {"fmt": "csv", **data})


def test_the_csv_holds_every_row_about_the_young_person_and_no_one_elses(p: Personas) -> None:
    day = last_month().replace(day=4)
    read(p.colleague, p.youth, at(day, 9), purpose="Forberedte møde")
    read(p.outsider, p.other_youth, at(day, 10))
    response = _export(client_for(dpo(p)), subject="youth", youth=str(p.youth.pk))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="adgangslog-ung-{p.youth.pk}.csv"'
    rows = _csv(response)
    assert rows[0][:3] == ["Tidspunkt", "Handling", "Medarbejder"]
    body = rows[1:]
    assert {r[6] for r in body} == {str(p.youth.pk)}
    assert any(r[2] == "Jonas Friis" and r[10] == "Forberedte møde" for r in body)
    assert not any(r[2] == "Sara Holm" for r in body)


def test_the_young_person_is_found_by_cpr_number_and_the_search_is_logged_masked(p: Personas) -> None:
    from ungeforlob.youth.services import youth_reveal_cpr

    cpr = youth_reveal_cpr(actor=p.contact_person, youth=p.youth, purpose="test")
    response = _export(client_for(dpo(p)), subject="youth", youth=cpr)
    assert response.status_code == 200
    assert {r[6] for r in _csv(response)[1:]} == {str(p.youth.pk)}
    search = AuditEvent.objects.get(action=AuditAction.SEARCH, object_type="auditlog_export")
    assert cpr.replace("-", "") not in str(search.detail) and "CPR-søgning" in search.detail["q"]


def test_an_unknown_cpr_number_or_a_bad_number_is_a_danish_message(p: Personas) -> None:
    from ungeforlob.testing import cpr_for_age

    client = client_for(dpo(p))
    unknown = _export(client, subject="youth", youth=cpr_for_age(30, serial=999))
    assert "Der er ingen ung med det CPR-nummer i kommunen." in unknown.content.decode()
    bad = _export(client, subject="youth", youth="abc")
    assert bad.status_code == 200 and "Skriv den unges CPR-nummer eller nummer i loggen." in bad.content.decode()
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_the_export_is_logged_on_the_young_person(p: Personas) -> None:
    officer = dpo(p)
    _export(client_for(officer), subject="youth", youth=str(p.youth.pk))
    event = AuditEvent.objects.get(action=AuditAction.EXPORT, object_type="auditlog")
    assert (event.actor, event.youth_id, event.municipality) == (officer, p.youth.pk, p.municipality)


def test_the_log_of_one_member_of_staff_as_xlsx(p: Personas) -> None:
    day = last_month().replace(day=4)
    read(p.colleague, p.youth, at(day, 9))
    read(p.colleague, p.youth, at(day, 9, 5), action=AuditAction.REVEAL, purpose="=HYPERLINK(\"x\")")
    read(p.outsider, p.other_youth, at(day, 10))
    response = client_for(p.administrator).post("/logkontrol/udtraek/", {
        "subject": "professional", "professional": str(p.colleague.pk), "fmt": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Tidspunkt"
    assert {r[5] for r in rows[1:]} == {p.colleague.pk}
    assert "Fuldt CPR-nummer vist" in {r[1] for r in rows[1:]}
    assert "'=HYPERLINK(\"x\")" in {r[10] for r in rows[1:]}  # a formula stays text
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, actor=p.administrator,
                                     detail__professional_id=p.colleague.pk).exists()


def test_a_date_range_limits_the_rows(p: Personas) -> None:
    month = last_month()
    read(p.colleague, p.youth, at(month.replace(day=2)))
    read(p.colleague, p.youth, at(month.replace(day=20)))
    response = _export(client_for(dpo(p)), subject="professional", professional=str(p.colleague.pk),
                       date_from=month.replace(day=10).isoformat(), date_to=month.replace(day=25).isoformat())
    assert len(_csv(response)) == 2
    backwards = _export(client_for(dpo(p)), subject="professional", professional=str(p.colleague.pk),
                        date_from=month.replace(day=25).isoformat(), date_to=month.replace(day=10).isoformat())
    assert "Slutdatoen ligger før startdatoen." in backwards.content.decode()


def test_a_member_of_staff_of_another_municipality_cannot_be_chosen(p: Personas) -> None:
    response = _export(client_for(dpo(p)), subject="professional", professional=str(p.stranger.pk))
    assert response.status_code == 200
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_another_municipalitys_officer_gets_none_of_our_rows_and_leaves_no_trace_on_our_young_person(
        p: Personas) -> None:
    read(p.colleague, p.youth, at(last_month().replace(day=4)))
    response = _export(client_for(other_dpo(p)), subject="youth", youth=str(p.youth.pk))
    assert response.status_code == 200
    assert "Kommunens log har ingen poster om en ung med det nummer." in response.content.decode()
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_professionals_and_leaders_may_not_export(p: Personas) -> None:
    for someone in (p.contact_person, p.leader, p.outsider):
        assert _export(client_for(someone), subject="youth", youth=str(p.youth.pk)).status_code == 403
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_the_export_makes_the_same_number_of_queries_for_few_and_many_rows(p: Personas, count_queries) -> None:
    officer = dpo(p)
    client = client_for(officer)
    day = last_month().replace(day=4)
    read(p.colleague, p.youth, at(day, 9))

    def run() -> None:
        response = _export(client, subject="youth", youth=str(p.youth.pk), fmt="xlsx")
        assert response.status_code == 200

    few = count_queries(run)
    for i in range(60):
        read(p.colleague, p.youth, at(day, 10, i % 60))
    assert count_queries(run) == few
