"""The leaders' pages: leader only, targets set/edited/deleted, stale edits and double posts refused,
the band used, constant query counts, numbers on fewer than 5 suppressed."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from ungeforlob.accounts.models import Municipality, Role
from ungeforlob.targets.models import CaseloadBand, Target
from ungeforlob.targets.tests import fixtures as f
from ungeforlob.testing import Personas, make_user
from ungeforlob.youth.models import Course

YEAR = timezone.localdate().year
PAGES = ["/ledelse/maal/", "/ledelse/maal/ny/", "/ledelse/maal/sagsstammer/", "/ledelse/maal/sagsstammer/spaend/",
         "/ledelse/kaeden/"]


def _target(p: Personas, measure: str = "ended_in_education_or_job", value: int = 65) -> Target:
    return Target.objects.create(municipality=p.municipality, year=YEAR, measure=measure, direction="gte", value=value)


@pytest.mark.parametrize("who", ["contact_person", "outsider", "reader"])
def test_it_refuses_everyone_but_leaders(p: Personas, as_user, who: str) -> None:
    client = as_user(getattr(p, who))
    for url in PAGES:
        assert client.get(url).status_code == 403, url
    response = client.post("/ledelse/maal/ny/", {"year": YEAR, "measure": "contact_14_days", "direction": "gte",
                                                 "value": "80"})
    assert response.status_code == 403
    assert not Target.objects.exists()


def test_a_leader_sets_a_target_and_sees_it_against_the_actual_figure(p: Personas, as_user) -> None:
    client = as_user(p.leader)
    response = client.post("/ledelse/maal/ny/", {"year": YEAR, "measure": "ended_in_education_or_job",
                                                 "direction": "gte", "value": "65", "note": "Udvalget, marts"})
    assert response.status_code == 302
    target = Target.objects.get()
    assert (target.year, target.value, target.created_by) == (YEAR, 65, p.leader)
    page = client.get(response["Location"]).content.decode()
    assert "Afsluttede forløb, der endte i uddannelse eller job" in page
    assert "Mindst (≥) 65 %" in page
    assert "Udvalget, marts" in page


def test_the_status_and_trend_are_said_in_words(p: Personas, as_user) -> None:
    today = timezone.localdate()
    first_day = today.replace(month=1, day=1)
    # This year: 6 of 8 ended courses went to education or job (75 %) against a target of at least 80 %.
    for i in range(8):
        Course.objects.create(youth=p.other_youth, start_date=first_day - datetime.timedelta(days=400),
                              end_date=first_day + datetime.timedelta(days=i % max((today - first_day).days, 1)),
                              end_reason="uddannelse" if i < 6 else "flyttet")
    _target(p, value=80)
    page = as_user(p.leader).get(f"/ledelse/maal/?aar={YEAR}").content.decode()
    assert "75 %" in page and "af 8" in page
    assert "Under målet" in page and "targets-bad" in page
    Target.objects.update(value=70)
    page = as_user(p.leader).get(f"/ledelse/maal/?aar={YEAR}").content.decode()
    assert "Målet er nået" in page and "targets-good" in page


def test_a_figure_on_fewer_than_five_is_shown_as_fewer_than_five(p: Personas, as_user) -> None:
    Course.objects.create(youth=p.other_youth, start_date=datetime.date(YEAR - 1, 1, 1),
                          end_date=datetime.date(YEAR, 1, 1), end_reason="job")
    _target(p)
    page = as_user(p.leader).get(f"/ledelse/maal/?aar={YEAR}").content.decode()
    assert "færre end 5" in page
    assert "100 %" not in page
    assert "Kan ikke vises endnu" in page


def test_the_page_shows_the_national_2030_goals_from_the_data_file(p: Personas, as_user) -> None:
    page = as_user(p.leader).get("/ledelse/maal/").content.decode()
    assert "Mindst 90 % af de 25-årige" in page
    assert "fra cirka 7 % til 3,5 %" in page


def test_a_second_target_for_the_same_measure_and_year_is_refused(p: Personas, as_user) -> None:
    _target(p)
    response = as_user(p.leader).post("/ledelse/maal/ny/", {"year": YEAR, "measure": "ended_in_education_or_job",
                                                            "direction": "gte", "value": "70"})
    assert response.status_code == 200
    assert "Der er allerede et måltal for dette år" in response.content.decode()
    assert Target.objects.get().value == 65


def test_the_same_form_posted_twice_saves_once(p: Personas, as_user) -> None:
    client = as_user(p.leader)
    data = {"year": YEAR, "measure": "contact_14_days", "direction": "gte", "value": "80", "submission": "abc123"}
    assert client.post("/ledelse/maal/ny/", data).status_code == 302
    again = client.post("/ledelse/maal/ny/", data)
    assert again.status_code == 200 and "allerede sendt" in again.content.decode()
    assert Target.objects.count() == 1


@pytest.mark.parametrize("data", [
    {"year": "1999", "measure": "contact_14_days", "direction": "gte", "value": "80"},
    {"year": str(YEAR), "measure": "drop table", "direction": "gte", "value": "80"},
    {"year": str(YEAR), "measure": "contact_14_days", "direction": "=", "value": "80"},
    {"year": str(YEAR), "measure": "contact_14_days", "direction": "gte", "value": "120"},
    {"year": str(YEAR), "measure": "contact_14_days", "direction": "gte", "value": "-3"},
    {"year": str(YEAR), "measure": "contact_14_days", "direction": "gte", "value": "9" * 40},
    {"year": str(YEAR), "measure": "contact_14_days", "direction": "gte", "value": "otte"},
    {"year": "x" * 500, "measure": "", "direction": "", "value": ""},
])
def test_bad_input_gets_a_danish_message_and_saves_nothing(p: Personas, as_user, data: dict[str, str]) -> None:
    response = as_user(p.leader).post("/ledelse/maal/ny/", data)
    assert response.status_code == 200
    assert "form-error-message" in response.content.decode()
    assert not Target.objects.exists()


def test_a_leader_edits_a_target_and_a_stale_edit_is_refused(p: Personas, as_user) -> None:
    target = _target(p)
    client = as_user(p.leader)
    assert client.post(f"/ledelse/maal/{target.pk}/ret/", {"direction": "gte", "value": "70", "version": 1}
                       ).status_code == 302
    stale = client.post(f"/ledelse/maal/{target.pk}/ret/", {"direction": "gte", "value": "99", "version": 1})
    assert stale.status_code == 200 and "En anden har ændret måltallet" in stale.content.decode()
    target.refresh_from_db()
    assert (target.value, target.version) == (70, 2)
    # The form now carries the current version: saving again knowingly replaces the other change.
    assert 'name="version" value="2"' in stale.content.decode()


def test_deleting_asks_first_and_then_deletes(p: Personas, as_user) -> None:
    target = _target(p)
    client = as_user(p.leader)
    confirm = client.get(f"/ledelse/maal/{target.pk}/slet/")
    assert confirm.status_code == 200 and "Slet måltal?" in confirm.content.decode()
    assert Target.objects.filter(pk=target.pk).exists()
    assert client.post(f"/ledelse/maal/{target.pk}/slet/").status_code == 302
    assert not Target.objects.filter(pk=target.pk).exists()
    assert client.post(f"/ledelse/maal/{target.pk}/slet/").status_code == 404


def test_another_municipalitys_target_is_not_found(p: Personas, as_user) -> None:
    other = Municipality.objects.get(code="nabo")
    target = Target.objects.create(municipality=other, year=YEAR, measure="contact_14_days", direction="gte", value=1)
    leader = make_user("naboleder", other, p.other_organisation, role=Role.LEADER)
    assert as_user(leader).get(f"/ledelse/maal/{target.pk}/ret/").status_code == 200
    client = as_user(p.leader)
    for url in (f"/ledelse/maal/{target.pk}/ret/", f"/ledelse/maal/{target.pk}/slet/", "/ledelse/maal/99999999999999999999/ret/"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/ledelse/maal/{target.pk}/slet/").status_code == 404
    assert Target.objects.filter(pk=target.pk).exists()


def test_a_bad_year_falls_back_to_this_year(p: Personas, as_user) -> None:
    for year in ("abc", "99999999999999999999", "-1", "1800"):
        response = as_user(p.leader).get(f"/ledelse/maal/?aar={year}")
        assert response.status_code == 200
        assert f"Måltal for {YEAR}" in response.content.decode()


def test_the_band_is_set_once_and_every_caseload_is_held_against_it(p: Personas, as_user) -> None:
    client = as_user(p.leader)
    page = client.get("/ledelse/maal/sagsstammer/").content.decode()
    assert "har ikke sat et spænd" in page
    assert "anbefal" not in page.lower()
    assert client.post("/ledelse/maal/sagsstammer/spaend/", {"low": 12, "high": 15, "version": 0}).status_code == 302
    assert CaseloadBand.objects.get(municipality=p.municipality).low == 12
    page = client.get("/ledelse/maal/sagsstammer/").content.decode()
    assert "12–15 unge pr. kontaktperson" in page
    # Mette has 1 young person and Kasper 1: both under the band, the number itself suppressed.
    assert page.count("Under spændet") == 3  # the two rows and the summary's label
    assert "færre end 5" in page


def test_a_band_with_the_top_below_the_bottom_is_refused(p: Personas, as_user) -> None:
    response = as_user(p.leader).post("/ledelse/maal/sagsstammer/spaend/", {"low": 20, "high": 15, "version": 0})
    assert response.status_code == 200 and "lavere end" in response.content.decode()
    assert not CaseloadBand.objects.exists()


def test_a_stale_band_is_refused(p: Personas, as_user) -> None:
    client = as_user(p.leader)
    client.post("/ledelse/maal/sagsstammer/spaend/", {"low": 12, "high": 15, "version": 0})
    stale = client.post("/ledelse/maal/sagsstammer/spaend/", {"low": 20, "high": 25, "version": 0})
    assert stale.status_code == 200 and "En anden har ændret spændet" in stale.content.decode()
    assert CaseloadBand.objects.get().high == 15


def test_the_band_page_mentions_practised_bands_as_information(p: Personas, as_user) -> None:
    page = as_user(p.leader).get("/ledelse/maal/sagsstammer/spaend/").content.decode()
    assert "12–15, 15–20 og 20–25" in page and "Til orientering" in page
    assert "anbefal" not in page.lower()


def test_the_chain_page_shows_the_figures_per_quarter(p: Personas, as_user) -> None:
    today = timezone.localdate()
    for i in range(5):
        f.concern(p.youth, p.colleague, today, due=today + datetime.timedelta(days=1), acknowledged=today,
                  response_minutes=60 * (i + 1))
    page = as_user(p.leader).get("/ledelse/kaeden/").content.decode()
    for title in ("Kontaktrytme", "Bekymringer", "Opfølgning efter overgange", "Henvisninger", "Overleveringer"):
        assert title in page
    row = re.search(r"Timer til kvittering \(median\)</th>.*?</tr>", page, re.S).group(0)
    assert row.endswith(">3</td></tr>")  # this quarter: 1, 2, 3, 4, 5 hours


def test_a_chain_figure_with_a_target_this_year_names_the_target(p: Personas, as_user) -> None:
    Target.objects.create(municipality=p.municipality, year=YEAR, measure="concerns_answered_on_time",
                          direction="gte", value=95)
    page = as_user(p.leader).get("/ledelse/kaeden/").content.decode()
    assert f"Kvitteret inden fristen (mål {YEAR}: Mindst (≥) 95)" in page
    assert "Kontakt de seneste 14 dage (mål" not in page


def test_each_chain_table_downloads_as_csv_with_small_numbers_suppressed(p: Personas, as_user) -> None:
    today = timezone.localdate()
    for i in range(5):
        f.concern(p.youth, p.colleague, today, due=today + datetime.timedelta(days=1), acknowledged=today,
                  response_minutes=60 * (i + 1))
    response = as_user(p.leader).get("/ledelse/eksport/chain-bekymringer.csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert "Bekymringer rejst" in text and "færre end 5" in text
    last = [line for line in text.splitlines() if line.startswith("Timer til kvittering")][0]
    assert last.endswith(";3,0")


def test_a_filter_that_leaves_out_fewer_than_five_hides_the_chain_figures(p: Personas) -> None:
    from ungeforlob.insights.filters import LeaderFilters
    from ungeforlob.insights.quarters import quarters_back
    from ungeforlob.targets.chain_figures import tables
    from ungeforlob.youth.models import Youth

    today = timezone.localdate()
    for _ in range(5):
        f.concern(p.youth, p.colleague, today, due=today + datetime.timedelta(days=1), acknowledged=today)

    def raised(parent_base: int) -> str:
        filters = LeaderFilters(p.municipality.pk, quarters_back(today, 2), age_band="18-24")
        filters.youth_ids = lambda: Youth.objects.values("pk")  # type: ignore[method-assign]
        filters._bases.update({"": 10, "age_band": parent_base})
        table = next(t for t in tables(filters) if t.slug == "chain-bekymringer")
        return table.rows[0][1][-1].display

    assert raised(parent_base=20) == "5"  # the filtered group differs from the whole by 10: shown
    assert raised(parent_base=12) == "færre end 5"  # by 2: it could be subtracted, so hidden


def test_a_target_for_next_year_is_shown_without_figures(p: Personas, as_user) -> None:
    Target.objects.create(municipality=p.municipality, year=YEAR + 1, measure="retention_3_months",
                          direction="gte", value=92)
    page = as_user(p.leader).get(f"/ledelse/maal/?aar={YEAR + 1}").content.decode()
    assert "Fastholdelse 3 måneder efter uddannelsesstart" in page and "Kan ikke vises endnu" in page
    assert "færre end 5" in page
