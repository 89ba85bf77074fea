"""The DPO role sees the log, not the records: it cannot make itself a contact person by registering a young
person (which would put a record in its own circle)."""

from __future__ import annotations

from ungeforlob.logreview.tests.factories import dpo
from ungeforlob.testing import Personas, client_for, cpr_for_age
from ungeforlob.youth.models import Youth


def test_the_dpo_cannot_register_a_young_person_and_so_never_holds_a_record(p: Personas) -> None:
    client = client_for(dpo(p))
    assert client.get("/unge/ny/").status_code == 404
    response = client.post("/unge/ny/", {"first_name": "Ny", "last_name": "Ungsen", "cpr": cpr_for_age(18),
                                         "language": "da"})
    assert response.status_code == 404
    assert not Youth.objects.filter(first_name="Ny", last_name="Ungsen").exists()


def test_the_dpo_has_no_caseload_and_is_sent_to_the_log_review(p: Personas) -> None:
    client = client_for(dpo(p))
    response = client.get("/unge/")
    assert response.status_code == 302 and response["Location"] == "/logkontrol/"
    menu = client.get("/logkontrol/").content.decode()
    assert "Mine unge" not in menu and "Behandlingsfortegnelse" in menu
