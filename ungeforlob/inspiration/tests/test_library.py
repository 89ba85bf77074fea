"""The library of promising practice: its import from the shipped data file, search, detail and the draft offer."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from ungeforlob.audit.models import AuditEvent
from ungeforlob.inspiration import loader
from ungeforlob.inspiration.models import Practice, PracticeUse
from ungeforlob.offers.models import Offer, PracticeElement
from ungeforlob.testing import client_for

pytestmark = pytest.mark.django_db

ENERGI = "energi-til-hinanden"


@pytest.fixture
def library() -> None:
    loader.load()


def test_the_library_is_loaded_from_the_data_file_in_the_app(library: None) -> None:
    assert loader.DATA_FILE.is_relative_to(loader.DATA_FILE.parents[2])  # inside the repository's package
    entries = json.loads(loader.DATA_FILE.read_text(encoding="utf-8"))["practices"]
    assert len(entries) == 42
    assert Practice.objects.count() == 42


def test_energi_til_hinanden_has_the_catalogues_fact_box(library: None) -> None:
    e = Practice.objects.get(slug=ENERGI)
    assert e.municipality == "Esbjerg Kommune"
    assert (e.reach_count, e.result_percent, e.duration_days) == (137, 65, 155)
    assert (e.caseload_min, e.caseload_max) == (12, 15)
    assert "seks er ungeadvisere" in e.staffing
    assert e.has_fact_box
    assert set(e.profile) <= set(PracticeElement.values)


def test_loading_again_changes_nothing_and_mends_an_edited_row(library: None) -> None:
    Practice.objects.filter(slug=ENERGI).update(reach_count=1)
    created, updated = loader.load()
    assert (created, updated) == (0, 1)
    assert Practice.objects.get(slug=ENERGI).reach_count == 137
    assert loader.load() == (0, 0)
    assert Practice.objects.count() == 42


def test_the_load_inspiration_command_fills_an_empty_library() -> None:
    Practice.objects.all().delete()
    call_command("load_inspiration")
    assert Practice.objects.count() == 42


def test_the_list_searches_name_municipality_and_focus(p, library: None) -> None:
    c = client_for(p.contact_person)
    assert "Energi til hinanden" in c.get("/lovende-praksis/?q=Esbjerg").content.decode()
    body = c.get("/lovende-praksis/?q=fritidsjob").content.decode()
    assert "Måltid Fritid Fremtid" in body and "Energi til hinanden" not in body
    body = c.get("/lovende-praksis/?q=IPS").content.decode()
    assert "IPS Ung" in body and "SKUB" not in body


def test_the_list_filters_on_area_and_fact_box(p, library: None) -> None:
    c = client_for(p.contact_person)
    body = c.get("/lovende-praksis/?fakta=on").content.decode()
    assert "4 praksisser fundet" in body
    for name in ("Energi til hinanden", "Ung i uddannelse", "IPS Ung", "Bedsteforældreordning"):
        assert name in body
    body = c.get("/lovende-praksis/?omraade=fastholdelse").content.decode()
    assert "Bedsteforældreordning" in body and "SKUB" not in body


def test_the_list_sorts_by_young_people_reached(p, library: None) -> None:
    body = client_for(p.contact_person).get("/lovende-praksis/?fakta=on&sort=unge").content.decode()
    order = [body.index(n) for n in ("Bedsteforældreordning", "Energi til hinanden", "Ung i uddannelse", "IPS Ung")]
    assert order == sorted(order)


def test_a_search_without_hits_says_so_in_danish(p, library: None) -> None:
    body = client_for(p.contact_person).get("/lovende-praksis/?q=zzzzzz").content.decode()
    assert "Ingen praksis passer til søgningen" in body


@pytest.mark.parametrize("query", ["omraade=nope", "sort=drop table", "q=" + "x" * 500, "side=-3", "fakta=maybe"])
def test_bad_search_input_is_never_an_error_page(p, library: None, query: str) -> None:
    assert client_for(p.contact_person).get(f"/lovende-praksis/?{query}").status_code == 200


def test_an_unknown_practice_is_404(p, library: None) -> None:
    assert client_for(p.contact_person).get("/lovende-praksis/findes-ikke/").status_code == 404


def test_the_detail_shows_the_fact_box_and_all_eleven_elements(p, library: None) -> None:
    body = client_for(p.contact_person).get(f"/lovende-praksis/{ENERGI}/").content.decode()
    for figure in ("137", "65 %", "155", "12–15"):
        assert figure in body
    for element in PracticeElement:
        assert str(element.label) in body
    assert "Ikke beskrevet i kataloget" in body  # Økonomi etc. where the catalogue is silent
    assert "Brug som inspiration" not in body  # a contact person does not manage offers


def test_a_practice_without_figures_says_the_catalogue_gives_none(p, library: None) -> None:
    body = client_for(p.contact_person).get("/lovende-praksis/skub/").content.decode()
    assert "Kataloget giver ingen tal for denne indsats." in body


def test_brug_som_inspiration_makes_a_draft_offer_linked_to_the_practice(p, library: None) -> None:
    c = client_for(p.administrator)
    assert "Brug som inspiration" in c.get(f"/lovende-praksis/{ENERGI}/").content.decode()
    token = c.get(f"/lovende-praksis/{ENERGI}/brug/").context["form"]["submission"].initial
    response = c.post(f"/lovende-praksis/{ENERGI}/brug/", {"submission": token})
    use = PracticeUse.objects.get(practice__slug=ENERGI, municipality=p.municipality)
    offer = use.offer
    assert response.status_code == 302 and response["Location"] == f"/tilbud/{offer.pk}/ret/"
    edit = c.get(response["Location"])  # the draft opens for editing
    assert edit.status_code == 200 and "Energi til hinanden" in edit.content.decode()
    assert offer.municipality == p.municipality and not offer.is_active
    assert offer.name == "Energi til hinanden" and offer.context == p.municipality.name
    assert "Inspireret af Energi til hinanden (Esbjerg Kommune) i biblioteket Lovende praksis" in offer.description
    assert AuditEvent.objects.filter(object_type="practiceuse", object_id=str(use.pk), actor=p.administrator).exists()
    assert AuditEvent.objects.filter(object_type="offer", object_id=str(offer.pk)).exists()
    body = c.get(f"/lovende-praksis/{ENERGI}/").content.decode()
    assert f"/tilbud/{offer.pk}/" in body and "kladde, ikke aktiv" in body


def test_using_the_same_practice_twice_opens_the_same_draft(p, library: None) -> None:
    c = client_for(p.administrator)
    first = c.post(f"/lovende-praksis/{ENERGI}/brug/", {"submission": "a1"})
    second = c.post(f"/lovende-praksis/{ENERGI}/brug/", {"submission": "b2"})
    assert first["Location"] == second["Location"]
    assert Offer.objects.filter(municipality=p.municipality, name__startswith="Energi").count() == 1


def test_a_double_submission_is_refused_and_writes_nothing(p, library: None) -> None:
    c = client_for(p.administrator)
    c.post(f"/lovende-praksis/{ENERGI}/brug/", {"submission": "same"})
    again = c.post(f"/lovende-praksis/{ENERGI}/brug/", {"submission": "same"})
    assert again.status_code == 200
    assert Offer.objects.filter(municipality=p.municipality).count() == 1


def test_a_name_taken_by_a_local_offer_gets_a_local_edition_name(p, library: None) -> None:
    from ungeforlob.offers.tests.factories import make_offer

    taken = make_offer(p.municipality, "Energi til hinanden")
    Offer.objects.filter(pk=taken.pk).update(context=p.municipality.name)
    client_for(p.administrator).post(f"/lovende-praksis/{ENERGI}/brug/", {"submission": "x"})
    assert PracticeUse.objects.get().offer.name == "Energi til hinanden – lokal udgave"


@pytest.mark.parametrize("who", ["contact_person", "leader", "outsider"])
def test_only_whoever_manages_offers_may_use_a_practice(p, library: None, who: str) -> None:
    response = client_for(getattr(p, who)).post(f"/lovende-praksis/{ENERGI}/brug/", {"submission": "z"})
    assert response.status_code == 403
    assert not PracticeUse.objects.exists()


def test_the_list_and_detail_make_a_constant_number_of_queries(p, library: None, count_queries) -> None:
    c = client_for(p.contact_person)
    small_list = count_queries(lambda: c.get("/lovende-praksis/?sort=kommune"))
    small_detail = count_queries(lambda: c.get(f"/lovende-praksis/{ENERGI}/"))
    base = Practice.objects.get(slug=ENERGI)
    for i in range(60):
        Practice.objects.create(slug=f"ekstra-{i}", name=f"Ekstra {i}", area=base.area, municipality="X Kommune",
                                reach="1 ung", profile={"virkning": "x"})
    for i in range(5):
        client_for(p.administrator).post(f"/lovende-praksis/ekstra-{i}/brug/", {"submission": f"s{i}"})
    assert count_queries(lambda: c.get("/lovende-praksis/?sort=kommune")) == small_list
    assert count_queries(lambda: c.get(f"/lovende-praksis/{ENERGI}/")) == small_detail


def test_no_young_person_appears_in_the_library(p, library: None) -> None:
    body = client_for(p.contact_person).get("/lovende-praksis/").content.decode()
    body += client_for(p.contact_person).get(f"/lovende-praksis/{ENERGI}/").content.decode()
    assert p.youth.first_name not in body and p.youth.last_name not in body


def test_a_post_without_the_token_still_makes_the_draft(p, library: None) -> None:
    response = client_for(p.administrator).post(f"/lovende-praksis/{ENERGI}/brug/")
    assert response.status_code == 302
    assert PracticeUse.objects.filter(practice__slug=ENERGI, municipality=p.municipality).exists()
