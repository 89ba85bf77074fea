"""The indicator set: loaded from the taxonomy's defaults, versioned per municipality, edited by administrators."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from ungeforlob.accounts.models import Municipality
from ungeforlob.progression import services
from ungeforlob.progression.levels import Level
from ungeforlob.progression.models import IndicatorSet, IndicatorSource
from ungeforlob.progression.tests.factories import assess
from ungeforlob.testing import Personas

# The taxonomy document kept in the app beside the default set (the project reads nothing outside the repository).
TAXONOMY = Path(services.DEFAULTS_FILE).parent / "taxonomy.md"


def test_the_first_set_holds_the_taxonomys_defaults_marked_source_or_proposal(p: Personas) -> None:
    current = services.indicator_set_current(municipality=p.municipality)
    assert current.version == 1
    indicators = list(current.indicators.all())
    assert len(indicators) == 23
    by_level = {level: [i for i in indicators if i.level == level] for level in Level.values}
    assert [len(by_level[level]) for level in Level.values] == [5, 5, 4, 5, 4]
    assert {i.source for i in by_level["kontaktparat"]} == {IndicatorSource.SOURCE}
    assert {i.source for i in by_level["valgparat"]} == {IndicatorSource.PROPOSAL}
    assert "reagerer på henvendelser via telefon eller andre medier" in [i.text for i in indicators]


def test_the_defaults_match_the_taxonomy_word_for_word() -> None:
    text = TAXONOMY.read_text(encoding="utf-8").split("## The work-readiness")[0]
    expected = []
    for line in text.splitlines():
        m = re.match(r"- (.*) \*\*\[(kilde|forslag)\]\*\*$", line)
        if m:
            expected.append((m.group(1), m.group(2)))
    assert expected, "no indicators parsed from taxonomy.md"
    assert [(t, s) for _level, t, s in services.indicator_defaults()] == expected


def test_each_municipality_gets_its_own_set(p: Personas) -> None:
    mine = services.indicator_set_current(municipality=p.municipality)
    other = services.indicator_set_current(municipality=Municipality.objects.get(code="nabo"))
    assert mine.pk != other.pk
    services.indicator_add(actor=p.administrator, municipality=p.municipality, level="valgparat", text="Ny")
    assert services.indicator_set_current(municipality=other.municipality).version == 1


def test_an_edit_makes_a_new_version_and_old_assessments_keep_theirs(p: Personas) -> None:
    v1 = services.indicator_set_current(municipality=p.municipality)
    indicator = v1.indicators.get(text="er modtagelig for vejledning")
    assessment = assess(p.youth, p.contact_person, level="vejledningsparat", observations={indicator.pk: "Set"})

    v2 = services.indicator_edit(actor=p.administrator, indicator=indicator, level="vejledningsparat",
                                 text="tager imod vejledning")
    assert v2.version == 2
    edited = v2.indicators.get(lineage=indicator.lineage)
    assert edited.text == "tager imod vejledning"
    assert edited.source == IndicatorSource.LOCAL  # no longer a quote from the source
    assert v2.indicators.count() == v1.indicators.count()
    version = assessment.versions.get()
    assert version.indicator_set_id == v1.pk
    assert version.observations.get().indicator.text == "er modtagelig for vejledning"
    assert services.indicator_set_current(municipality=p.municipality).pk == v2.pk


def test_retiring_and_adding_make_new_versions_with_a_note(p: Personas) -> None:
    v1 = services.indicator_set_current(municipality=p.municipality)
    gone = v1.indicators.get(text__startswith="fastholder et valg")
    v2 = services.indicator_retire(actor=p.administrator, indicator=gone)
    assert not v2.indicators.filter(lineage=gone.lineage).exists()
    assert "Udgået" in v2.change_note
    v3 = services.indicator_add(actor=p.administrator, municipality=p.municipality, level="valgparat",
                                text="har talt med en, der har jobbet")
    added = v3.indicators.get(text="har talt med en, der har jobbet")
    assert added.source == IndicatorSource.LOCAL
    assert [i.level for i in v3.indicators.order_by("position")].index("valgparat") < added.position
    assert v1.indicators.filter(pk=gone.pk).exists()  # the old version is untouched


def test_it_refuses_editing_an_indicator_of_an_old_version(p: Personas) -> None:
    v1 = services.indicator_set_current(municipality=p.municipality)
    first = v1.indicators.first()
    services.indicator_add(actor=p.administrator, municipality=p.municipality, level="valgparat", text="Ny")
    with pytest.raises(ValidationError) as exc:
        services.indicator_edit(actor=p.administrator, indicator=first, level=first.level, text="Andet")
    assert "ældre version" in str(exc.value)


def test_it_refuses_an_empty_or_over_long_indicator(p: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        services.indicator_add(actor=p.administrator, municipality=p.municipality, level="", text=" ")
    assert set(exc.value.message_dict) == {"level", "text"}
    with pytest.raises(ValidationError):
        services.indicator_add(actor=p.administrator, municipality=p.municipality, level="valgparat", text="x" * 301)


def test_the_administrator_adds_edits_and_retires_indicators_in_the_pages(p: Personas, as_user) -> None:
    client = as_user(p.administrator)
    page = client.get("/administration/indikatorer/")
    assert page.status_code == 200
    assert "Gældende version: 1" in page.content.decode()

    response = client.post("/administration/indikatorer/ny/", {"level": "erhvervsparat", "text": "har et fritidsjob"})
    assert response.status_code == 302
    current = IndicatorSet.objects.filter(municipality=p.municipality).order_by("-version").first()
    assert current.version == 2

    indicator = current.indicators.get(text="har et fritidsjob")
    response = client.post(f"/administration/indikatorer/{indicator.pk}/",
                           {"level": "erhvervsparat", "text": "har et fritidsjob ved siden af"})
    assert response.status_code == 302
    current = IndicatorSet.objects.filter(municipality=p.municipality).order_by("-version").first()
    assert current.version == 3

    confirm = client.get(f"/administration/indikatorer/{current.indicators.first().pk}/udgaa/")
    assert "Skal indikatoren udgå?" in confirm.content.decode()
    assert IndicatorSet.objects.filter(municipality=p.municipality).count() == 3  # GET changed nothing
    response = client.post(f"/administration/indikatorer/{current.indicators.first().pk}/udgaa/")
    assert response.status_code == 302
    assert IndicatorSet.objects.filter(municipality=p.municipality).count() == 4

    listing = client.get("/administration/indikatorer/?q=fritidsjob").content.decode()
    assert "har et fritidsjob ved siden af" in listing
    assert "er modtagelig for vejledning" not in listing


def test_an_old_indicator_id_in_the_edit_page_is_not_found(p: Personas, as_user) -> None:
    client = as_user(p.administrator)
    old = services.indicator_set_current(municipality=p.municipality).indicators.first()
    services.indicator_add(actor=p.administrator, municipality=p.municipality, level="valgparat", text="Ny")
    assert client.get(f"/administration/indikatorer/{old.pk}/").status_code == 404
    assert client.get("/administration/indikatorer/999999/").status_code == 404


def test_the_administrator_form_shows_danish_errors(p: Personas, as_user) -> None:
    response = as_user(p.administrator).post("/administration/indikatorer/ny/", {"level": "nope", "text": "x" * 400})
    assert response.status_code == 200
    assert "Der er fejl i formularen" in response.content.decode()
    assert not IndicatorSet.objects.filter(municipality=p.municipality, version__gt=1).exists()


def test_the_rhythm_is_configurable_per_municipality(p: Personas, as_user) -> None:
    client = as_user(p.administrator)
    response = client.post("/administration/progression/rytme/",
                           {"reassessment_months": "2", "first_assessment_days": "20", "due_soon_days": "7"})
    assert response.status_code == 302
    assert p.municipality.progression_settings.reassessment_months == 2
    bad = client.post("/administration/progression/rytme/",
                      {"reassessment_months": "40", "first_assessment_days": "20", "due_soon_days": "7"})
    assert bad.status_code == 200
    p.municipality.progression_settings.refresh_from_db()
    assert p.municipality.progression_settings.reassessment_months == 2


def test_a_professional_cannot_reach_the_administrator_pages(p: Personas, as_user) -> None:
    assert as_user(p.contact_person).get("/administration/indikatorer/").status_code == 403
