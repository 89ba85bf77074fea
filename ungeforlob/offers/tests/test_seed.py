"""The inspiration catalogue (offers/data/tilbud.csv) in the demo: derivations, the management command, the demo loader."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from ungeforlob.accounts.models import Municipality, Organisation
from ungeforlob.offers import demo, seed
from ungeforlob.offers.models import Offer, PracticeAssessment


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Psykisk sårbare unge ... i alderen 15-25 år.", (15, 25)),
        ("Unge mellem 15 og 25 år med gennemgribende udviklingsforstyrrelser.", (15, 25)),
        ("Unge mellem 18 – 29 år på uddannelseshjælp", (18, 29)),
        ("15-17-årige i socialt udsatte positioner", (15, 17)),
        ("Unge op til 20 år der befinder sig i gråzonen", (None, 20)),
        ("Unge under 30 år, som har problemer med misbrug", (None, 29)),
        ("Alle folkeskoleelever i klasser fra 0-9.", (None, None)),
    ],
)
def test_it_reads_the_age_range_from_the_target_group(text: str, ages: tuple[int | None, int | None]) -> None:
    assert seed.ages_from(text) == ages


def test_the_seed_rows_leave_out_steering_practices_and_keep_line_numbers() -> None:
    rows = seed.seed_rows()
    names = [r["name"] for _line, r in rows]
    assert "Sammenhængsmodellen som styringsmodel" not in names
    assert "Samspil" in names  # the source's quotation marks are dropped
    assert rows[0][0] == 2 and rows[0][1]["name"] == "Ungeguides"
    skub = next(r for _line, r in rows if r["name"] == "SKUB")
    assert (skub["age_min"], skub["age_max"], skub["sector"]) == ("15", "25", "uu_kui")


@pytest.fixture
def demo_municipality(db: None) -> Municipality:
    return Municipality.objects.create(name="Demo Kommune", code="demo")


def test_the_command_loads_the_file_once(demo_municipality: Municipality) -> None:
    out = io.StringIO()
    call_command("load_offers", stdout=out)
    count = Offer.objects.filter(municipality=demo_municipality).count()
    assert count == len(seed.seed_rows()) == 37
    assert "37 tilbud oprettet" in out.getvalue()
    call_command("load_offers", stdout=io.StringIO())
    call_command("load_offers", "--opdater", stdout=out)
    assert Offer.objects.filter(municipality=demo_municipality).count() == count
    assert "0 tilbud oprettet, 37 opdateret" in out.getvalue()


def test_the_command_skips_gracefully_when_the_file_is_absent(demo_municipality: Municipality,
                                                              tmp_path: Path) -> None:
    out = io.StringIO()
    call_command("load_offers", "--fil", str(tmp_path / "mangler.csv"), stdout=out)
    assert "findes ikke" in out.getvalue()
    assert not Offer.objects.exists()


def test_the_demo_loader_is_idempotent_and_keeps_edits(demo_municipality: Municipality) -> None:
    orgs = {name: Organisation.objects.create(municipality=demo_municipality, name=name, sector=sector)
            for name, sector in [("Foreningen Gadeplan", "civilsamfund"), ("FGU Demo", "fgu"),
                                 ("Børne- og Ungdomspsykiatrien", "sundhed"), ("Jobcenter Ung", "jobcenter"),
                                 ("Demo Handelsskole", "eud"), ("10. klasse-centret", "10_klasse")]}
    first = demo.load(municipality=demo_municipality, staff={}, orgs=orgs)
    assert first["errors"] == [] and first["created"] == len(demo.LOCAL_OFFERS)
    mentor = Offer.objects.get(code="mentorforloeb-gadeplan")
    assert mentor.provider == orgs["Foreningen Gadeplan"] and mentor.capacity == 5
    assert PracticeAssessment.objects.filter(offer__name="Mentorforløb i Gadeplan").count() == 4
    Offer.objects.filter(pk=mentor.pk).update(capacity=99)
    second = demo.load(municipality=demo_municipality, staff={}, orgs=orgs)
    assert second["created"] == 0
    assert Offer.objects.filter(municipality=demo_municipality).count() == first["created"]
    assert Offer.objects.get(pk=mentor.pk).capacity == 99
    assert PracticeAssessment.objects.count() == sum(len(v) for v in demo.ASSESSMENTS.values())


def test_the_seed_file_is_kept_in_the_offers_app() -> None:
    app = Path(demo.__file__).resolve().parent
    assert seed.seed_path() == app / "data" / "tilbud.csv"
    assert seed.seed_path().is_file()


def test_the_demo_has_its_own_offers_wherever_the_project_is_cloned(demo_municipality: Municipality,
                                                                         settings: Any, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # A clone in a folder with nothing beside it, run from another working directory.
    settings.BASE_DIR = tmp_path / "ungeforlob-clone"
    monkeypatch.chdir(tmp_path)
    result = demo.load(municipality=demo_municipality, staff={}, orgs={})
    offers = Offer.objects.filter(municipality=demo_municipality)
    assert result["errors"] == []
    assert offers.count() == len(demo.LOCAL_OFFERS) >= 8
    # Other municipalities' projects are the library of promising practice (inspiration), not the demo's offers.
    assert not offers.filter(name__in=["Ungeguides", "SKUB", "Energi til hinanden"]).exists()
