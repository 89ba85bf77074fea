"""The catalogue pages, the youth's Tilbud tab, import/export over HTTP, and leaders' figures."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

from openpyxl import load_workbook

from ungeforlob.accounts.models import Municipality
from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.offers.models import Offer, OfferImport
from ungeforlob.offers.tests.factories import make_activity, make_offer, set_profile_needs
from ungeforlob.plans.models import ActivityStatus
from ungeforlob.testing import Personas


def _names(response: Any) -> list[str]:
    return [o.name for o in response.context["page"].object_list]


def test_every_professional_can_find_offers_by_text_sector_age_level_and_need(p: Personas, as_user: Any) -> None:
    make_offer(p.municipality, "Angstgruppe", sector="sundhed", age_min=15, age_max=22,
               readiness="kontaktparat vejledningsparat", needs=("angst",))
    make_offer(p.municipality, "Virksomhedspraktik", sector="jobcenter", age_min=18, age_max=29,
               readiness="valgparat erhvervsparat", needs=("praktik",), focus="Praktik i en lokal virksomhed")
    make_offer(p.municipality, "Udgået tilbud", is_active=False)
    client = as_user(p.outsider)
    assert _names(client.get("/tilbud/")) == ["Angstgruppe", "Virksomhedspraktik"]
    assert _names(client.get("/tilbud/?q=lokal")) == ["Virksomhedspraktik"]
    assert _names(client.get("/tilbud/?q=angst")) == ["Angstgruppe"]
    assert _names(client.get("/tilbud/?sektor=jobcenter")) == ["Virksomhedspraktik"]
    assert _names(client.get("/tilbud/?alder=16")) == ["Angstgruppe"]
    assert _names(client.get("/tilbud/?alder=25")) == ["Virksomhedspraktik"]
    assert _names(client.get("/tilbud/?niveau=vejledningsparat")) == ["Angstgruppe"]
    need = p.municipality.need_tags.get(name="praktik")
    assert _names(client.get(f"/tilbud/?behov={need.pk}")) == ["Virksomhedspraktik"]
    assert _names(client.get("/tilbud/?vis=udgaaede")) == ["Udgået tilbud"]
    assert _names(client.get("/tilbud/?sort=-navn&vis=alle")) == ["Virksomhedspraktik", "Udgået tilbud", "Angstgruppe"]


def test_bad_filter_values_are_ignored_without_an_error(p: Personas, as_user: Any) -> None:
    make_offer(p.municipality, "Mentor")
    response = as_user(p.contact_person).get("/tilbud/?alder=abc&sektor=x&niveau=y&behov=zz&sort=evil&side=-4&q=" + "x" * 500)
    assert response.status_code == 200
    assert "Den unges alder" in response.content.decode()


def test_the_catalogue_is_per_municipality(p: Personas, as_user: Any) -> None:
    mine = make_offer(p.municipality, "Vores tilbud")
    make_offer(Municipality.objects.get(code="nabo"), "Naboens tilbud")
    assert _names(as_user(p.stranger).get("/tilbud/")) == ["Naboens tilbud"]
    assert as_user(p.stranger).get(f"/tilbud/{mine.pk}/").status_code == 404
    hsds = json.loads(as_user(p.stranger).get("/tilbud/hsds.json").content)
    assert [s["name"] for s in hsds["contents"]] == ["Naboens tilbud"]


def test_the_catalogue_list_has_a_constant_query_count(p: Personas, as_user: Any,
                                                       count_queries: Callable[..., int]) -> None:
    client = as_user(p.contact_person)
    make_offer(p.municipality, "Et", needs=("angst",), capacity=2)
    client.get("/tilbud/")  # warm the session
    few = count_queries(lambda: client.get("/tilbud/?alder=18"))
    for i in range(40):
        offer = make_offer(p.municipality, f"Tilbud {i}", needs=(f"behov {i}", "angst"), capacity=3,
                           provider=p.organisation, readiness="valgparat")
        make_activity(p.youth if i % 2 else p.other_youth, f"Aktivitet {i}", offer=offer)
    many = count_queries(lambda: client.get("/tilbud/?alder=18"))
    assert few == many, (few, many)


def test_the_offer_page_shows_only_the_callers_own_youths(p: Personas, as_user: Any) -> None:
    offer = make_offer(p.municipality, "Mentor")
    make_activity(p.youth, "Mentor hver tirsdag", offer=offer)
    make_activity(p.other_youth, "Mentor for Mikkel", offer=offer)
    page = as_user(p.contact_person).get(f"/tilbud/{offer.pk}/").content.decode()
    assert "Josefine Hansen" in page and "Mentor hver tirsdag" in page
    assert "Mikkel" not in page
    listed = AuditEvent.objects.filter(actor=p.contact_person, action=AuditAction.LIST)
    assert list(listed.values_list("youth_id", flat=True)) == [p.youth.pk]


def test_an_outsider_sees_the_offer_but_none_of_the_youths_using_it(p: Personas, as_user: Any) -> None:
    offer = make_offer(p.municipality, "Mentor")
    make_activity(p.youth, "Mentor hver tirsdag", offer=offer)
    for user in (p.outsider, p.leader, p.administrator):
        response = as_user(user).get(f"/tilbud/{offer.pk}/")
        page = response.content.decode()
        assert response.status_code == 200
        assert "Josefine" not in page and "Mentor hver tirsdag" not in page
        assert "Ingen af de unge, du er i kæden om, bruger tilbuddet." in page


def test_the_offer_page_warns_when_full_and_shows_the_practice_profile(p: Personas, as_user: Any,
                                                                       count_queries: Callable[..., int]) -> None:
    from ungeforlob.offers.models import PracticeAssessment

    offer = make_offer(p.municipality, "Angstgruppe", capacity=1, waiting_list=4)
    PracticeAssessment.objects.create(offer=offer, element="virkning", rating=3, evidence="65 % i job eller uddannelse")
    make_activity(p.other_youth, offer=offer)
    client = as_user(p.contact_person)
    page = client.get(f"/tilbud/{offer.pk}/").content.decode()
    assert "Tilbuddet er fuldt" in page and "4 står på venteliste" in page
    assert "65 % i job eller uddannelse" in page and "Opfølgning" in page
    make_activity(p.youth, "Første", offer=offer)
    few = count_queries(lambda: client.get(f"/tilbud/{offer.pk}/"))
    for i in range(10):
        make_activity(p.youth, f"A{i}", offer=offer)
    assert count_queries(lambda: client.get(f"/tilbud/{offer.pk}/")) == few


def test_write_pages_are_for_administrators(p: Personas, as_user: Any) -> None:
    offer = make_offer(p.municipality)
    for user in (p.contact_person, p.leader):
        client = as_user(user)
        for url in ("/tilbud/nyt/", f"/tilbud/{offer.pk}/ret/", f"/tilbud/{offer.pk}/slet/", "/tilbud/import/",
                    f"/tilbud/{offer.pk}/lovende-praksis/", "/tilbud/eksport.csv"):
            assert client.get(url).status_code == 403, url
    admin = as_user(p.administrator)
    assert admin.get("/tilbud/nyt/").status_code == 200
    assert admin.get(f"/tilbud/{offer.pk}/lovende-praksis/").status_code == 200


def test_an_administrator_creates_edits_retires_and_deletes_an_offer(p: Personas, as_user: Any) -> None:
    admin = as_user(p.administrator)
    response = admin.post("/tilbud/nyt/", {
        "name": "Mentorforløb", "phase": "andet", "age_min": "15", "age_max": "25", "waiting_list": "0",
        "readiness_levels": ["kontaktparat", "valgparat"], "needs": "angst, mentor", "url": "gadeplan.dk",
        "is_active": "on",
    })
    offer = Offer.objects.get(name="Mentorforløb")
    assert response.status_code == 302
    assert offer.readiness == "kontaktparat valgparat" and offer.url == "https://gadeplan.dk"
    assert sorted(offer.need_tags.values_list("name", flat=True)) == ["angst", "mentor"]
    response = admin.post(f"/tilbud/{offer.pk}/ret/", {"name": "Mentorforløb", "phase": "andet", "age_min": "30",
                                                       "age_max": "20", "waiting_list": "0"})
    assert response.status_code == 200 and "Alder til er mindre end alder fra." in response.content.decode()
    assert admin.get(f"/tilbud/{offer.pk}/status/").status_code == 200
    admin.post(f"/tilbud/{offer.pk}/status/")
    assert Offer.objects.get(pk=offer.pk).is_active is False
    assert admin.get(f"/tilbud/{offer.pk}/slet/").status_code == 200
    assert admin.post(f"/tilbud/{offer.pk}/slet/").status_code == 302
    assert not Offer.objects.filter(pk=offer.pk).exists()


def test_an_administrator_saves_the_promising_practice_assessment(p: Personas, as_user: Any) -> None:
    offer = make_offer(p.municipality)
    data = {f"rating_{e}": "0" for e in ["teori_og_viden", "virkning", "beskrivelse", "maal", "overfoerbarhed",
                                          "oekonomi", "faglig_refleksion", "relationelt_samarbejde",
                                          "individuel_tilrettelaeggelse", "monitorering", "opfoelgning"]}
    data.update({"rating_virkning": "3", "evidence_virkning": "Evalueret 2023"})
    assert as_user(p.administrator).post(f"/tilbud/{offer.pk}/lovende-praksis/", data).status_code == 302
    assert offer.assessments.get(element="virkning").evidence == "Evalueret 2023"
    data["rating_maal"] = "9"
    assert as_user(p.administrator).post(f"/tilbud/{offer.pk}/lovende-praksis/", data).status_code == 200


def test_import_over_http_with_progress_polling_and_a_bad_row(p: Personas, as_user: Any) -> None:
    """The page only reads the progress; the worker's job imports the rows."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ungeforlob.offers import services

    admin = as_user(p.administrator)
    upload = SimpleUploadedFile("tilbud.csv", b"name,age_min\nMentor,15\nForkert,femten\n", content_type="text/csv")
    response = admin.post("/tilbud/import/", {"file": upload})
    assert response.status_code == 302
    status_url = response["Location"]
    page = admin.get(status_url).content.decode()
    assert 'hx-trigger="every 2s"' in page and "0 af 2 rækker" in page
    assert OfferImport.objects.get().processed == 0, "looking at the progress imports nothing: the worker does"
    services.offer_imports_advance()
    fragment = admin.get(status_url, HTTP_HX_REQUEST="true").content.decode()
    assert "Importen er færdig." in fragment and "hx-get" not in fragment
    assert "Alder fra skal være et helt tal (fik »femten«)" in fragment and "<td>3</td>" in fragment
    assert Offer.objects.filter(name="Mentor").exists()


def test_an_upload_of_the_wrong_kind_is_refused_on_the_form(p: Personas, as_user: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = as_user(p.administrator).post("/tilbud/import/", {"file": SimpleUploadedFile("x.pdf", b"%PDF")})
    assert response.status_code == 200
    assert "Vælg en CSV-fil (.csv) eller et Excel-regneark (.xlsx)." in response.content.decode()


def test_export_and_reimport_round_trip_changes_nothing(p: Personas, as_user: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ungeforlob.offers import services

    make_offer(p.municipality, "Mentor", needs=("angst", "mentor"), capacity=4, age_min=15, age_max=25,
               readiness="kontaktparat", focus="=1+1 er ikke en formel")
    admin = as_user(p.administrator)
    for fmt in ("csv", "xlsx"):
        response = admin.get(f"/tilbud/eksport.{fmt}")
        assert response.status_code == 200 and f'.{fmt}"' in response["Content-Disposition"]
        admin.post("/tilbud/import/", {"file": SimpleUploadedFile(f"k.{fmt}", response.content)})
        job = services.offer_import_run(actor=p.administrator, job=OfferImport.objects.first())
        assert (job.created_count, job.updated_count, job.errors) == (0, 1, [])
    offer = Offer.objects.get()
    assert (offer.capacity, offer.age_min, offer.readiness, offer.focus) == (4, 15, "kontaktparat", "=1+1 er ikke en formel")
    assert as_user(p.administrator).get("/tilbud/eksport.pdf").status_code == 404


def test_the_xlsx_export_has_one_row_per_offer(p: Personas, as_user: Any) -> None:
    make_offer(p.municipality, "A")
    make_offer(p.municipality, "B")
    wb = load_workbook(io.BytesIO(as_user(p.administrator).get("/tilbud/eksport.xlsx").content))
    assert [r[1] for r in wb.active.iter_rows(min_row=2, values_only=True)] == ["A", "B"]


def test_the_hsds_export_uses_open_referral_field_names(p: Personas, as_user: Any) -> None:
    offer = make_offer(p.municipality, "Mentor", needs=("angst",), capacity=4, age_min=15, age_max=25,
                       readiness="kontaktparat", contact_name="Ahmad", contact_phone="+4520304050",
                       contact_email="a@example.dk", address="Nørregade 12, 7100 Vejle", financing_note="Pulje",
                       url="https://example.dk", provider=p.organisation, target_group="Unge 15-25")
    make_activity(p.youth, offer=offer)
    body = json.loads(as_user(p.outsider).get("/tilbud/hsds.json").content)
    assert {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty",
            "contents"} <= set(body)
    service = body["contents"][0]
    assert service["name"] == "Mentor" and service["status"] == "active"
    assert (service["minimum_age"], service["maximum_age"]) == (15, 25)
    assert service["eligibility_description"] == "Unge 15-25"
    assert service["organization"]["name"] == "Ungeindsatsen" and service["organization_id"] == service["organization"]["id"]
    assert service["contacts"][0]["phones"][0]["number"] == "+4520304050"
    address = service["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["address_1"], address["postal_code"], address["city"], address["country"]) == (
        "Nørregade 12", "7100", "Vejle", "DK")
    assert service["funding"][0]["source"] == "Pulje"
    assert (service["capacities"][0]["maximum"], service["capacities"][0]["available"]) == (4, 3)
    terms = {(a["link_type"], a["taxonomy_term"]["name"]) for a in service["attributes"]}
    assert ("readiness", "Kontaktparat") in terms and ("need", "angst") in terms
    # Stable identifiers: the same offer has the same id in every export.
    again = json.loads(as_user(p.outsider).get("/tilbud/hsds.json").content)
    assert again["contents"][0]["id"] == service["id"]
    assert "Josefine" not in json.dumps(body)


def test_leaders_see_usage_as_masked_aggregates_only(p: Personas, as_user: Any) -> None:
    from ungeforlob.testing import make_youth

    offer = make_offer(p.municipality, "Mentor", capacity=10)
    make_offer(p.municipality, "Ubrugt")
    make_activity(p.youth, offer=offer, status=ActivityStatus.DONE)
    for i in range(3):
        make_activity(make_youth(p.contact_person, first_name=f"Ung{i}"), offer=offer)
    response = as_user(p.leader).get("/tilbud/brug/")
    page = response.content.decode()
    row = response.context["rows"][0]
    assert (row.youths_total, row.youths_current, row.activities_done) == (4, 3, 1)
    assert (row.total_shown, row.current_shown, row.done_shown) == ("4", "3", "under 3")
    assert "Josefine" not in page and "Ung0" not in page
    assert "1 aktivt tilbud er ikke brugt af nogen ung." in page
    assert as_user(p.contact_person).get("/tilbud/brug/").status_code == 403


def test_the_youth_tab_suggests_offers_that_fit_with_reasons(p: Personas, as_user: Any) -> None:
    set_profile_needs(p.youth, "Josefine har angst og har brug for en mentor.")
    make_offer(p.municipality, "Angstgruppe", age_min=15, age_max=22, needs=("angst",), capacity=1, waiting_list=2)
    make_offer(p.municipality, "Mentorordning", needs=("mentor",))
    make_offer(p.municipality, "For de ældre", age_min=25, age_max=29, needs=("angst",))
    make_offer(p.municipality, "Intet særligt")
    make_offer(p.municipality, "Udgået med angst", needs=("angst",), is_active=False)
    make_activity(p.other_youth, offer=Offer.objects.get(name="Angstgruppe"))
    make_activity(p.youth, "Gruppeforløb")
    response = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/tilbud/")
    names = [s.offer.name for s in response.context["suggestions"]]
    assert names == ["Angstgruppe", "Mentorordning"]
    angst = response.context["suggestions"][0]
    assert angst.full is True
    assert angst.reasons == ["Svarer på behov i profilen: angst", "Alderen passer: 19 år (målgruppe 15–22 år)"]
    page = response.content.decode()
    assert "Knyt til aktivitet" in page and "Fuldt" in page
    assert AuditEvent.objects.filter(actor=p.contact_person, youth_id=p.youth.pk, object_type="tilbud",
                                     action=AuditAction.READ).exists()


def test_suggestions_use_the_current_readiness_level(p: Personas, as_user: Any, monkeypatch: Any) -> None:
    from ungeforlob.offers import selectors

    monkeypatch.setattr(selectors, "_current_level_source", lambda: (lambda youth: "valgparat"))
    make_offer(p.municipality, "Praktik", readiness="valgparat erhvervsparat")
    make_offer(p.municipality, "Kontaktforløb", readiness="kontaktparat", age_min=15, age_max=25)
    response = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/tilbud/")
    suggestions = response.context["suggestions"]
    assert [s.offer.name for s in suggestions] == ["Praktik"]
    assert suggestions[0].reasons == ["Passer til Valgparat, som er den unges nuværende niveau"]


def test_level_values_from_progression_are_understood(p: Personas) -> None:
    from types import SimpleNamespace

    from ungeforlob.offers.selectors import _level_code

    assert _level_code("Valgparat") == "valgparat"
    assert _level_code(3) == "valgparat"
    assert _level_code(SimpleNamespace(level="erhvervsparat")) == "erhvervsparat"
    assert _level_code(None) == "" and _level_code("ukendt") == ""


def test_the_youth_tab_has_a_constant_query_count(p: Personas, as_user: Any, count_queries: Callable[..., int]) -> None:
    set_profile_needs(p.youth, "angst")
    make_activity(p.youth, "Første", offer=make_offer(p.municipality, "Første tilbud", needs=("angst",)))
    client = as_user(p.contact_person)
    client.get(f"/unge/{p.youth.pk}/tilbud/")
    few = count_queries(lambda: client.get(f"/unge/{p.youth.pk}/tilbud/"))
    for i in range(15):
        offer = make_offer(p.municipality, f"Tilbud {i}", needs=("angst", f"b{i}"), capacity=2)
        make_activity(p.youth, f"Aktivitet {i}", offer=offer if i % 2 else None)
    assert count_queries(lambda: client.get(f"/unge/{p.youth.pk}/tilbud/")) == few


def test_a_contact_person_links_an_activity_and_is_warned_when_full(p: Personas, as_user: Any) -> None:
    offer = make_offer(p.municipality, "Angstgruppe", capacity=1, waiting_list=2)
    make_activity(p.other_youth, offer=offer)
    activity = make_activity(p.youth, "Gruppeforløb")
    client = as_user(p.contact_person)
    response = client.post(f"/unge/{p.youth.pk}/tilbud/tilknyt/", {"activity": activity.pk, "offer": offer.pk},
                           follow=True)
    page = response.content.decode()
    assert "men tilbuddet er fuldt" in page and "2 på venteliste" in page
    activity.refresh_from_db()
    assert activity.offer_id == offer.pk
    # A double submission is answered in Danish, nothing changes.
    again = client.post(f"/unge/{p.youth.pk}/tilbud/tilknyt/", {"activity": activity.pk, "offer": offer.pk},
                        follow=True)
    assert "allerede knyttet" in again.content.decode()
    client.post(f"/unge/{p.youth.pk}/tilbud/fjern/{activity.pk}/")
    activity.refresh_from_db()
    assert activity.offer_id is None


def test_linking_with_malformed_ids_gives_a_danish_message(p: Personas, as_user: Any) -> None:
    offer = make_offer(p.municipality)
    activity = make_activity(p.youth)
    client = as_user(p.contact_person)
    for data in ({"activity": "x", "offer": "y"}, {"activity": str(activity.pk), "offer": "99999"},
                 {"activity": str(activity.pk), "offer": "9" * 30}, {"activity": "-1", "offer": str(offer.pk)}, {}):
        response = client.post(f"/unge/{p.youth.pk}/tilbud/tilknyt/", data, follow=True)
        assert response.status_code == 200
        assert "Vælg en af den unges aktiviteter" in response.content.decode()
    activity.refresh_from_db()
    assert activity.offer_id is None


def test_linking_refuses_another_youths_activity_and_links_nothing(p: Personas, as_user: Any) -> None:
    from ungeforlob.testing import add_member

    offer = make_offer(p.municipality, "Angstgruppe")
    theirs = make_activity(p.other_youth, "Mikkels aktivitet")
    mine = make_activity(p.youth, "Mettes unges aktivitet")
    client = as_user(p.contact_person)
    # Posted under my young person: the activity is resolved through that young person, so it does not exist.
    response = client.post(f"/unge/{p.youth.pk}/tilbud/tilknyt/", {"activity": theirs.pk, "offer": offer.pk})
    assert response.status_code == 404
    for unknown in ("999999", "9" * 30):
        assert client.post(f"/unge/{p.youth.pk}/tilbud/tilknyt/", {"activity": unknown, "offer": offer.pk}
                           ).status_code == 404
    # Even for a member of both circles, an activity belongs to the young person in the URL only.
    add_member(p.other_youth, p.contact_person)
    response = client.post(f"/unge/{p.other_youth.pk}/tilbud/tilknyt/", {"activity": mine.pk, "offer": offer.pk})
    assert response.status_code == 404
    theirs.refresh_from_db()
    mine.refresh_from_db()
    assert theirs.offer_id is None and mine.offer_id is None
    # The same form with the young person's own activity links it.
    response = client.post(f"/unge/{p.youth.pk}/tilbud/tilknyt/", {"activity": mine.pk, "offer": offer.pk})
    assert response.status_code == 302 and response["Location"] == f"/unge/{p.youth.pk}/tilbud/"
    mine.refresh_from_db()
    assert mine.offer_id == offer.pk


def test_unlinking_refuses_another_youths_activity(p: Personas, as_user: Any) -> None:
    offer = make_offer(p.municipality)
    theirs = make_activity(p.other_youth, offer=offer)
    client = as_user(p.contact_person)
    assert client.post(f"/unge/{p.youth.pk}/tilbud/fjern/{theirs.pk}/").status_code == 404
    assert client.post(f"/unge/{p.youth.pk}/tilbud/fjern/999999/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.offer_id == offer.pk


def test_the_youth_overview_has_a_tilbud_card_and_tab(p: Personas, as_user: Any) -> None:
    set_profile_needs(p.youth, "angst")
    make_activity(p.youth, "Mentor hver uge", offer=make_offer(p.municipality, "Mentorforløb", needs=("angst",)))
    make_offer(p.municipality, "Angstgruppe", needs=("angst",))
    page = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/").content.decode()
    assert "Mentorforløb</a>: Mentor hver uge" in page and f"/unge/{p.youth.pk}/tilbud/" in page
    assert "Angstgruppe</a><br><span class=\"app-meta\">Svarer på behov i profilen: angst" in page


def test_the_main_menu_has_tilbud(p: Personas, as_user: Any) -> None:
    page = as_user(p.outsider).get("/tilbud/").content.decode()
    assert '<a href="/tilbud/" aria-current="page">Tilbud</a>' in page


def test_suggestions_follow_the_teams_assessment_including_an_overlap(p: Personas, as_user: Any) -> None:
    import datetime

    from django.utils import timezone

    from ungeforlob.progression import services as progression

    progression.assessment_create(actor=p.contact_person, youth=p.youth,
                                  assessed_on=timezone.localdate() - datetime.timedelta(days=1),
                                  level="vejledningsparat", overlap_level="valgparat",
                                  rationale="Kommer til samtalerne og taler om FGU",
                                  participant_ids=[p.contact_person.pk, p.colleague.pk])
    make_offer(p.municipality, "Brobygning", readiness="valgparat uddannelsesparat")
    make_offer(p.municipality, "Kontaktforløb", readiness="kontaktparat")
    response = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/tilbud/")
    assert [s.offer.name for s in response.context["suggestions"]] == ["Brobygning"]
    assert response.context["level_label"] == "Vejledningsparat / Valgparat"
    assert "Passer til Valgparat" in response.context["suggestions"][0].reasons[0]


def test_usage_shows_the_stations_young_people_started_after_the_offer(p: Personas, as_user: Any) -> None:
    import datetime

    from django.utils import timezone

    from ungeforlob.testing import make_youth
    from ungeforlob.transitions.models import Station

    today = timezone.localdate()
    offer = make_offer(p.municipality, "Brobygning")
    youths = [p.youth, *(make_youth(p.contact_person, first_name=f"Ung{i}") for i in range(3))]
    for i, youth in enumerate(youths):
        make_activity(youth, offer=offer, status=ActivityStatus.DONE, start_date=today - datetime.timedelta(days=60))
        Station.objects.create(youth=youth, kind="fgu" if i < 3 else "job", start_date=today - datetime.timedelta(days=10))
    Station.objects.create(youth=p.youth, kind="10_klasse", start_date=today - datetime.timedelta(days=400),
                           end_date=today - datetime.timedelta(days=100), end_reason="gennemfoert")
    response = as_user(p.leader).get("/tilbud/brug/")
    row = response.context["rows"][0]
    assert row.outcomes == {"FGU": 3, "Job": 1}
    assert row.outcome_list == [("FGU", "3"), ("Job", "under 3")]
    assert "FGU: 3" in response.content.decode()


def test_usage_leaves_out_the_station_of_a_cancelled_transition(p: Personas, as_user: Any) -> None:
    import datetime

    from django.utils import timezone

    from ungeforlob.transitions import services as transitions

    today = timezone.localdate()
    offer = make_offer(p.municipality, "Brobygning")
    make_activity(p.youth, offer=offer, status=ActivityStatus.DONE, start_date=today - datetime.timedelta(days=60))
    transition = transitions.transition_create(actor=p.contact_person, youth=p.youth, kind="fgu",
                                               institution="FGU Demo", date=today + datetime.timedelta(days=5))
    assert as_user(p.leader).get("/tilbud/brug/").context["rows"][0].outcomes == {"FGU": 1}
    transitions.transition_cancel(actor=p.contact_person, transition=transition, reason="Valgte om")
    assert as_user(p.leader).get("/tilbud/brug/").context["rows"][0].outcomes == {}


def test_the_hsds_export_leaves_out_empty_values_instead_of_null(p: Personas, as_user: Any) -> None:
    make_offer(p.municipality, "Uden detaljer")
    service = json.loads(as_user(p.outsider).get("/tilbud/hsds.json").content)["contents"][0]
    assert None not in service.values()
    assert "url" not in service and "minimum_age" not in service
    assert {"id", "name", "status", "organization"} <= set(service)


def test_a_new_offer_posted_twice_from_the_same_form_is_created_once(p: Personas, as_user: Any) -> None:
    admin = as_user(p.administrator)
    data = {"name": "Mentor i weekenden", "phase": "andet", "waiting_list": "0", "submission": "dobbelt"}
    first = admin.post("/tilbud/nyt/", data)
    assert first.status_code == 302
    again = admin.post("/tilbud/nyt/", data)
    assert again.status_code == 200 and "allerede sendt" in again.content.decode()
    assert Offer.objects.filter(name="Mentor i weekenden").count() == 1
