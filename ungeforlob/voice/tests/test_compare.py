"""Benchmarking between municipalities: names only where both opted in, letters otherwise, small figures hidden."""

from __future__ import annotations

import datetime

from ungeforlob.accounts.models import Municipality, Organisation, Role
from ungeforlob.testing import Personas, make_user, make_youth
from ungeforlob.voice.benchmark import letters
from ungeforlob.voice.models import BenchmarkOptIn
from ungeforlob.voice.quarters import last_complete_quarter
from ungeforlob.youth.models import Course, CourseEndReason


def _rows(client) -> list[dict]:
    return client.get("/ledelse/sammenligning/").context["rows"]


def _neighbour_leader(p: Personas):
    return make_user("nabo-leder", p.stranger.municipality, p.other_organisation, role=Role.LEADER)


def test_letters_run_like_spreadsheet_columns() -> None:
    assert [letters(i) for i in (0, 1, 25, 26, 27, 97)] == ["A", "B", "Z", "AA", "AB", "CT"]


def test_the_others_are_letters_until_both_municipalities_opt_in(p: Personas, as_user) -> None:
    ours, theirs = as_user(p.leader), as_user(_neighbour_leader(p))
    assert [r["name"] for r in _rows(ours)] == ["Testkommune", "Kommune B"]
    theirs.post("/ledelse/sammenligning/deltag/", {"opted_in": "on"})
    assert [r["name"] for r in _rows(ours)] == ["Testkommune", "Kommune B"]  # we have not opted in
    ours.post("/ledelse/sammenligning/deltag/", {"opted_in": "on"})
    assert [r["name"] for r in _rows(ours)] == ["Testkommune", "Nabokommune"]
    assert [r["name"] for r in _rows(theirs)] == ["Nabokommune", "Testkommune"]
    ours.post("/ledelse/sammenligning/deltag/", {"opted_in": ""})
    assert not BenchmarkOptIn.objects.get(municipality=p.municipality).opted_in
    assert [r["name"] for r in _rows(theirs)] == ["Nabokommune", "Kommune A"]


def test_a_letter_stays_when_another_municipality_opts_in(p: Personas, as_user) -> None:
    third = Municipality.objects.create(name="Tredje Kommune", code="tredje")
    org = Organisation.objects.create(municipality=third, name="UU Tredje")
    before = [r["name"] for r in _rows(as_user(p.leader))]
    as_user(make_user("tredje-leder", third, org, role=Role.LEADER)).post("/ledelse/sammenligning/deltag/",
                                                                         {"opted_in": "on"})
    assert [r["name"] for r in _rows(as_user(p.leader))] == before == ["Testkommune", "Kommune B", "Kommune C"]


def test_one_municipality_sees_a_danish_empty_state(p: Personas, as_user) -> None:
    p.stranger.delete()
    p.other_organisation.delete()
    Municipality.objects.filter(code="nabo").delete()
    page = as_user(p.leader).get("/ledelse/sammenligning/").content.decode()
    assert "Der er kun én kommune i denne installation" in page


def test_figures_resting_on_fewer_than_five_are_hidden(p: Personas, as_user) -> None:
    today = datetime.date.today()
    for i in range(6):
        y = make_youth(p.contact_person, first_name=f"U{i}", mobile=f"+45707070{i:02d}")
        Course.objects.filter(youth=y).update(start_date=today - datetime.timedelta(days=200),
                                              end_date=today - datetime.timedelta(days=100),
                                              end_reason=CourseEndReason.EDUCATION if i < 5 else CourseEndReason.JOB)
    client = as_user(p.leader)
    page = client.get("/ledelse/sammenligning/", {"kvartal": ""})
    own = page.context["rows"][0]
    assert own["own"]
    assert str(own["ended"]) == "6" and str(own["good_share"]) == "100 %"
    assert str(own["median_days"]) == "100"
    assert str(own["concerns"]) == "færre end 5"  # none is as telling as one in a small group
    neighbour = page.context["rows"][1]
    assert str(neighbour["ended"]) == "færre end 5" and str(neighbour["good_share"]) == "færre end 5"


def test_the_comparison_has_a_constant_query_count(p: Personas, as_user, count_queries) -> None:
    client = as_user(p.leader)
    small = count_queries(lambda: client.get("/ledelse/sammenligning/"))
    for i in range(3):
        m = Municipality.objects.create(name=f"Kommune nr {i}", code=f"k{i}")
        BenchmarkOptIn.objects.create(municipality=m, opted_in=True, changed_at=m.created_at, changed_by=p.leader)
    for i in range(10):
        make_youth(p.contact_person, first_name=f"U{i}", mobile=f"+45707070{i:02d}")
    assert count_queries(lambda: client.get("/ledelse/sammenligning/")) == small


def test_professionals_are_refused_the_comparison_and_the_choice(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    assert client.get("/ledelse/sammenligning/").status_code == 403
    assert client.post("/ledelse/sammenligning/deltag/", {"opted_in": "on"}).status_code == 403
    assert not BenchmarkOptIn.objects.exists()


def test_retention_and_moving_up_are_counted_per_municipality(p: Personas, as_user) -> None:
    """Eight education starts 5–6 months ago, two dropped out within 3 months: 6 of 8 kept. Six young people
    assessed at two quarter ends: 5 moved up, 1 moved down."""
    from ungeforlob.insights.models import QuarterSnapshot
    from ungeforlob.transitions.models import Station, StationEndReason, StationKind

    today = datetime.date.today()
    youths = [make_youth(p.contact_person, first_name=f"S{i}", mobile=f"+45717070{i:02d}") for i in range(8)]
    start = today - datetime.timedelta(days=160)
    for i, y in enumerate(youths):
        dropped = i < 2
        Station.objects.create(youth=y, kind=StationKind.FGU, start_date=start,
                               end_date=start + datetime.timedelta(days=30) if dropped else None,
                               end_reason=StationEndReason.DROPPED_OUT if dropped else "")
    last_complete = last_complete_quarter().start  # the comparison's default: four quarters up to this one
    for i, y in enumerate(youths[:6]):
        QuarterSnapshot.objects.create(
            municipality=p.municipality, youth=y, quarter=last_complete, course_state="aaben",
            sector="", previous_level="vejledningsparat", level="kontaktparat" if i == 0 else "valgparat")
    own = _rows(as_user(p.leader))[0]
    assert str(own["retention_3"]) == "75 %" and own["retention_3"].base == 8
    assert str(own["moved_up"]) == "83 %" and own["moved_up"].base == 6


def test_the_kept_figures_give_the_same_comparison_as_computing_them_now(p: Personas, as_user) -> None:
    from ungeforlob.voice.models import BenchmarkFigures
    from ungeforlob.voice.tasks import benchmark_refresh

    today = datetime.date.today()
    for i in range(7):
        y = make_youth(p.contact_person, first_name=f"K{i}", mobile=f"+45717171{i:02d}")
        Course.objects.filter(youth=y).update(start_date=today - datetime.timedelta(days=300 + i),
                                              end_date=today - datetime.timedelta(days=120),
                                              end_reason=CourseEndReason.EDUCATION if i < 5 else CourseEndReason.JOB)
    client = as_user(p.leader)
    live = [{k: str(v) for k, v in r.items()} for r in _rows(client)]
    assert benchmark_refresh() == 8 * Municipality.objects.count()  # eight periods, every municipality
    kept = BenchmarkFigures.objects.filter(municipality=p.municipality, until=last_complete_quarter().code).get()
    assert kept.figures["ended"] == kept.figures["good"] == 7 and kept.figures["median_days"][1] == 7
    # The page reads what was kept: change the kept figure, and the page shows it.
    assert [{k: str(v) for k, v in r.items()} for r in _rows(client)] == live
    BenchmarkFigures.objects.filter(pk=kept.pk).update(figures={**kept.figures, "ended": 70, "good": 50})
    assert str(_rows(client)[0]["ended"]) == "70"


def test_with_one_municipality_nothing_is_kept(p: Personas) -> None:
    from ungeforlob.voice.models import BenchmarkFigures
    from ungeforlob.voice.tasks import benchmark_refresh

    p.stranger.delete()
    p.other_organisation.delete()
    Municipality.objects.filter(code="nabo").delete()
    assert benchmark_refresh() == 0 and not BenchmarkFigures.objects.exists()
