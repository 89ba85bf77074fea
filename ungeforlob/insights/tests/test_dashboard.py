from ungeforlob.audit.models import AuditEvent
from ungeforlob.insights.snapshots import snapshots_refresh
from ungeforlob.insights.tests.factories import D, tiny_youth
from ungeforlob.testing import Personas


def test_the_leader_sees_the_sections_and_no_youth_names(p: Personas, as_user) -> None:
    snapshots_refresh()
    page = as_user(p.leader).get("/ledelse/").content.decode()
    assert "Bevægelser mellem niveauer" in page and "Resultater" in page and "Kapacitet" in page
    assert "Josefine" not in page and "Mikkel" not in page


def test_a_professional_cannot_open_the_leader_page_or_an_export(p: Personas, as_user) -> None:
    assert as_user(p.contact_person).get("/ledelse/").status_code == 403
    assert as_user(p.contact_person).get("/ledelse/eksport/flow-matrix.csv").status_code == 403


def test_leaders_land_on_the_leader_page(p: Personas, as_user) -> None:
    assert as_user(p.leader).get("/").url == "/ledelse/"


def test_bad_filter_values_show_a_danish_message_not_an_error(p: Personas, as_user) -> None:
    response = as_user(p.leader).get("/ledelse/?fra=x&til=2024-7&organisation=%27&team=99999&alder=0&sektor=zz")
    assert response.status_code == 200
    assert "Der er fejl i formularen" in response.content.decode()


def test_an_unknown_table_or_format_is_not_found(p: Personas, as_user) -> None:
    client = as_user(p.leader)
    assert client.get("/ledelse/eksport/flow-nothing.csv").status_code == 404
    assert client.get("/ledelse/eksport/flow-matrix.pdf").status_code == 404
    assert client.get("/ledelse/eksport/zzz-matrix.csv").status_code == 404


def test_a_csv_export_shows_suppressed_cells_as_fewer_than_five_and_is_audited(p: Personas, as_user) -> None:
    snapshots_refresh()
    response = as_user(p.leader).get("/ledelse/eksport/flow-matrix.csv")
    body = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "færre end 5" in body and body.splitlines()[0].startswith("Fra;")
    event = AuditEvent.objects.get(action="export", object_id="flow-matrix")
    assert event.youth_id is None and event.municipality_id == p.municipality.pk


def test_an_xlsx_export_opens_with_the_same_figures(p: Personas, as_user) -> None:
    import io

    from openpyxl import load_workbook

    for i in range(6):
        tiny_youth(p.contact_person, course=(D(2024, 1, 10), D(2024, 2, 10), "job"), first_name=f"Ung{i}")
    response = as_user(p.leader).get("/ledelse/eksport/outcomes-ended.xlsx?fra=2024-1&til=2024-1")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "Kvartal"
    assert rows[1] == ["1. kvt. 2024", "færre end 5", 100, "færre end 5", 6]
