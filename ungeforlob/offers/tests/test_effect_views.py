"""The fact box and method pages over HTTP: period validation, who may read and write, stale edits, the fidelity
checklist's rounds and history, the evaluation log, economy, and constant query counts."""

from __future__ import annotations

import datetime
from decimal import Decimal

from ungeforlob.core.forms import ALREADY_SUBMITTED
from ungeforlob.offers.method import checklist_version
from ungeforlob.offers.models import EvaluationEntry, FidelityItem, FidelityRound, OfferMethod
from ungeforlob.offers.tests.factories import make_activity, make_offer
from ungeforlob.offers.tests.test_factbox import make_fixture
from ungeforlob.plans.models import ActivityStatus
from ungeforlob.testing import Personas, make_youth
from ungeforlob.transitions.models import Station, StationKind
from ungeforlob.youth.models import Course, CourseEndReason


def test_bad_dates_give_a_danish_message_and_the_last_12_months(p: Personas, as_user) -> None:
    offer = make_offer(p.municipality, "Faktatilbud")
    client = as_user(p.contact_person)
    page = client.get(f"/tilbud/{offer.pk}/faktaboks/?fra=2026-13-45&til=nej").content.decode()
    assert "Skriv en gyldig dato (åååå-mm-dd)." in page
    assert "Tallene nedenfor er for de seneste 12 måneder." in page
    page = client.get(f"/tilbud/{offer.pk}/faktaboks/?fra=2026-05-01&til=2026-01-01").content.decode()
    assert "Fra-datoen skal ligge før til-datoen." in page
    page = client.get(f"/tilbud/{offer.pk}/faktaboks/?fra=1900-01-01&til=2026-01-01").content.decode()
    assert "Vælg en periode på højst 10 år." in page


def test_the_chosen_period_is_used(p: Personas, as_user) -> None:
    offer = make_fixture(p)
    page = as_user(p.leader).get(f"/tilbud/{offer.pk}/faktaboks/?fra=2026-01-01&til=2026-12-31").content.decode()
    assert "Faktaboks for 1. januar 2026 – 31. december 2026" in page
    assert "56 %" in page  # 5 of 9 ended courses to education (test_factbox's hand count)


def test_a_leader_sees_the_fact_box_without_any_young_persons_name(p: Personas, as_user) -> None:
    offer = make_fixture(p)
    make_activity(p.youth, offer=offer, status=ActivityStatus.IN_PROGRESS, start_date=datetime.date(2026, 3, 1))
    for url in (f"/tilbud/{offer.pk}/faktaboks/?fra=2026-01-01&til=2026-12-31", f"/tilbud/{offer.pk}/metode/"):
        page = as_user(p.leader).get(url).content.decode()
        assert "Josefine" not in page and "Hansen" not in page
        # No link to her and no id of hers in a link or a data attribute (a bare digit may be any figure).
        main = page.split("<main", 1)[1]
        assert f"/unge/{p.youth.pk}/" not in main and f'="{p.youth.pk}"' not in main


def test_another_municipality_cannot_see_the_fact_box(p: Personas, as_user) -> None:
    offer = make_offer(p.municipality, "Faktatilbud")
    assert as_user(p.stranger).get(f"/tilbud/{offer.pk}/faktaboks/").status_code == 404
    assert as_user(p.stranger).get(f"/tilbud/{offer.pk}/metode/").status_code == 404


def test_a_professional_who_may_not_edit_offers_is_refused_every_write(p: Personas, as_user) -> None:
    offer = make_offer(p.municipality, "Faktatilbud")
    item = FidelityItem.objects.create(offer=offer, text="Samme mentor")
    client = as_user(p.contact_person)
    posts = {
        "metode/ret/": {"version": "0", "method": "X", "cost_unit": "forloeb"},
        "metode/tjekliste/": {"items": "Nyt punkt"},
        "metode/tjekliste/runde/": {"held_on": "2026-01-01", f"answer_{item.pk}": "ja"},
        "metode/evaluering/": {"entry_date": "2026-01-01", "text": "X"},
    }
    for path, data in posts.items():
        assert client.post(f"/tilbud/{offer.pk}/{path}", data).status_code == 403
    assert not OfferMethod.objects.exists() and not FidelityRound.objects.exists()
    assert not EvaluationEntry.objects.exists()
    assert list(FidelityItem.objects.values_list("text", flat=True)) == ["Samme mentor"]


def test_a_stale_method_edit_is_refused_and_keeps_the_users_words(p: Personas, as_user) -> None:
    offer = make_offer(p.municipality, "Faktatilbud")
    client = as_user(p.administrator)
    url = f"/tilbud/{offer.pk}/metode/ret/"
    first = client.post(url, {"version": "0", "method": "Først", "cost_unit": "forloeb"})
    assert first.status_code == 302
    second = client.post(url, {"version": "0", "method": "Bagefter", "cost_unit": "forloeb"})
    page = second.content.decode()
    assert second.status_code == 200
    assert "En anden har gemt metode og effekt" in page and "Bagefter" in page
    method = OfferMethod.objects.get(offer=offer)
    assert (method.method, method.version) == ("Først", 1)
    again = client.post(url, {"version": "1", "method": "Bagefter", "cost_unit": "forloeb"})
    assert again.status_code == 302
    assert OfferMethod.objects.get(offer=offer).method == "Bagefter"


def test_a_bad_target_is_refused_in_danish(p: Personas, as_user) -> None:
    offer = make_offer(p.municipality, "Faktatilbud")
    response = as_user(p.administrator).post(f"/tilbud/{offer.pk}/metode/ret/", {
        "version": "0", "cost_unit": "forloeb", "target_education_share": "140", "advisers": "0"})
    assert response.status_code == 200
    assert not OfferMethod.objects.filter(method__gt="").exists()
    page = response.content.decode()
    assert "Denne værdi skal være mindre end eller lig 100." in page
    assert "Denne værdi skal være større end eller lig 0.1." in page


def test_fidelity_rounds_need_every_item_and_show_as_history(p: Personas, as_user) -> None:
    offer = make_offer(p.municipality, "Faktatilbud")
    client = as_user(p.administrator)
    client.post(f"/tilbud/{offer.pk}/metode/tjekliste/", {"items": "Samme mentor hele forløbet\nMøde hver uge",
                                                           "version": "0"})
    mentor, weekly = FidelityItem.objects.filter(offer=offer).order_by("position")
    url = f"/tilbud/{offer.pk}/metode/tjekliste/runde/"
    half = client.post(url, {"held_on": "2026-01-10", f"answer_{mentor.pk}": "ja"})
    assert half.status_code == 200 and "Svar ja, delvist eller nej." in half.content.decode()
    assert not FidelityRound.objects.exists()
    assert client.post(url, {"held_on": "2026-01-10", f"answer_{mentor.pk}": "ja", f"answer_{weekly.pk}": "nej",
                             f"comment_{weekly.pk}": "Sygdom i december"}).status_code == 302
    # The list changes: "Møde hver uge" goes, a new point comes; the first round still shows what was asked.
    client.post(f"/tilbud/{offer.pk}/metode/tjekliste/", {
        "items": "Samme mentor hele forløbet\nFælles mål",
        "version": checklist_version(["Samme mentor hele forløbet", "Møde hver uge"])})
    assert list(FidelityItem.objects.filter(offer=offer, is_active=True).values_list("text", flat=True)) == [
        "Samme mentor hele forløbet", "Fælles mål"]
    new = FidelityItem.objects.get(offer=offer, text="Fælles mål")
    assert client.post(url, {"held_on": "2026-04-10", f"answer_{mentor.pk}": "delvist",
                             f"answer_{new.pk}": "ja"}).status_code == 302
    page = as_user(p.leader).get(f"/tilbud/{offer.pk}/metode/").content.decode()
    assert page.index("10. april 2026") < page.index("10. januar 2026")  # newest first
    assert "Møde hver uge" in page and "Sygdom i december" in page and "Delvist" in page


def test_a_stale_checklist_edit_is_refused_and_keeps_the_users_lines(p: Personas, as_user) -> None:
    offer = make_offer(p.municipality, "Faktatilbud")
    client = as_user(p.administrator)
    url = f"/tilbud/{offer.pk}/metode/tjekliste/"
    drawn = client.get(url).content.decode()
    assert 'name="version" value="0"' in drawn
    assert client.post(url, {"items": "Samme mentor", "version": "0"}).status_code == 302
    stale = client.post(url, {"items": "Fælles mål", "version": "0"})
    page = stale.content.decode()
    assert stale.status_code == 200 and "En anden har ændret tjeklisten" in page and "Fælles mål" in page
    assert list(FidelityItem.objects.filter(offer=offer, is_active=True).values_list("text", flat=True)) == [
        "Samme mentor"]
    assert f'value="{checklist_version(["Samme mentor"])}"' in page


def test_a_round_in_the_future_is_refused(p: Personas, as_user) -> None:
    offer = make_offer(p.municipality, "Faktatilbud")
    item = FidelityItem.objects.create(offer=offer, text="Samme mentor")
    future = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    response = as_user(p.administrator).post(f"/tilbud/{offer.pk}/metode/tjekliste/runde/",
                                              {"held_on": future, f"answer_{item.pk}": "ja"})
    assert "Datoen kan ikke ligge i fremtiden." in response.content.decode()
    assert not FidelityRound.objects.exists()


def test_an_evaluation_entry_is_written_once_however_often_it_is_sent(p: Personas, as_user) -> None:
    offer = make_offer(p.municipality, "Faktatilbud")
    client = as_user(p.administrator)
    data = {"entry_date": "2026-02-01", "text": "Midtvejsevaluering: flere kom i praktik", "submission": "abc123"}
    assert client.post(f"/tilbud/{offer.pk}/metode/evaluering/", data).status_code == 302
    again = client.post(f"/tilbud/{offer.pk}/metode/evaluering/", data)
    assert str(ALREADY_SUBMITTED) in again.content.decode()
    assert EvaluationEntry.objects.filter(offer=offer).count() == 1
    assert "Midtvejsevaluering" in as_user(p.outsider).get(f"/tilbud/{offer.pk}/metode/").content.decode()


def test_the_method_page_shows_cost_per_course_and_per_good_outcome(p: Personas, as_user) -> None:
    offer = make_fixture(p)
    OfferMethod.objects.create(offer=offer, cost_amount=Decimal(20000), cost_unit="forloeb")
    page = as_user(p.leader).get(f"/tilbud/{offer.pk}/metode/?fra=2026-01-01&til=2026-12-31").content.decode()
    assert "20.000 kr.</td>" in page  # per course (9 courses at 20.000)
    assert "25.714 kr.</td>" in page  # per good outcome: 180.000 / 7


def _add_youth_at_offer(p: Personas, offer, n: int) -> None:
    for i in range(n):
        youth = make_youth(p.contact_person, first_name=f"Flere{i}")
        Course.objects.filter(youth=youth).update(start_date=datetime.date(2026, 2, 1),
                                                  end_date=datetime.date(2026, 8, 1), end_reason=CourseEndReason.JOB)
        make_activity(youth, offer=offer, status=ActivityStatus.DONE, start_date=datetime.date(2026, 2, 1),
                      end_date=datetime.date(2026, 8, 1))
        Station.objects.create(youth=youth, kind=StationKind.JOB, start_date=datetime.date(2026, 8, 2))


def test_the_fact_box_and_method_pages_take_a_constant_number_of_queries(p: Personas, as_user, count_queries) -> None:
    offer = make_offer(p.municipality, "Faktatilbud")
    OfferMethod.objects.create(offer=offer, advisers=Decimal(2), cost_amount=Decimal(9000))
    item = FidelityItem.objects.create(offer=offer, text="Samme mentor")
    client = as_user(p.leader)
    urls = [f"/tilbud/{offer.pk}/faktaboks/?fra=2026-01-01&til=2026-12-31",
            f"/tilbud/{offer.pk}/metode/?fra=2026-01-01&til=2026-12-31"]
    _add_youth_at_offer(p, offer, 2)
    FidelityRound.objects.create(offer=offer, held_on=datetime.date(2025, 12, 1)).answers.create(item=item, answer="ja")
    EvaluationEntry.objects.create(offer=offer, entry_date=datetime.date(2025, 12, 1), text="Log")
    small = [count_queries(lambda u=u: client.get(u)) for u in urls]
    _add_youth_at_offer(p, offer, 12)
    for day in range(1, 9):
        round_ = FidelityRound.objects.create(offer=offer, held_on=datetime.date(2026, 1, day))
        round_.answers.create(item=item, answer="ja")
        EvaluationEntry.objects.create(offer=offer, entry_date=datetime.date(2026, 1, day), text="Log")
    large = [count_queries(lambda u=u: client.get(u)) for u in urls]
    assert small == large
