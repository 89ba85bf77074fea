"""Flow and outcomes against a municipality small enough to count by hand (today is 15 February 2025)."""

from ungeforlob.accounts.models import Team
from ungeforlob.insights import flow, outcomes
from ungeforlob.insights.filters import LeaderFilterForm
from ungeforlob.insights.quarters import Quarter
from ungeforlob.insights.snapshots import snapshots_write
from ungeforlob.insights.tests.factories import D, tiny_youth
from ungeforlob.testing import Personas

TODAY = D(2025, 2, 15)


def _filters(p: Personas, **data: str):
    return LeaderFilterForm({"fra": "2024-3", "til": "2024-4", **data}, user=p.leader, today=TODAY).filters()


def _by_label(table):
    return {label: [c.display for c in cells] for label, cells in table.rows}


def _flow_town(p: Personas) -> None:
    for i in range(6):  # up: kontaktparat from 15 July, vejledningsparat from 15 November (123 days)
        tiny_youth(p.contact_person, first_name=f"Op{i}",
                   levels=[(D(2024, 7, 15), "kontaktparat"), (D(2024, 11, 15), "vejledningsparat")])
    for i in range(2):  # stayed at valgparat
        tiny_youth(p.contact_person, first_name=f"Bliv{i}", levels=[(D(2024, 8, 1), "valgparat")])
    tiny_youth(p.contact_person, first_name="Ned",  # down: valgparat 1 August → vejledningsparat 1 December
               levels=[(D(2024, 8, 1), "valgparat"), (D(2024, 12, 1), "vejledningsparat")])
    snapshots_write(quarters=[Quarter(2024, 3), Quarter(2024, 4)], today=TODAY)


def test_the_flow_counts_moves_up_down_and_stayed_per_quarter(p: Personas) -> None:
    _flow_town(p)
    raw = flow.compute(_filters(p))
    assert raw["per_quarter"][D(2024, 7, 1)] == {"up": 0, "down": 0, "same": 0, "new": 9}
    assert raw["per_quarter"][D(2024, 10, 1)] == {"up": 6, "down": 1, "same": 2, "new": 0}
    assert raw["matrix"] == {("", "kontaktparat"): 6, ("", "valgparat"): 3, ("kontaktparat", "vejledningsparat"): 6,
                             ("valgparat", "valgparat"): 2, ("valgparat", "vejledningsparat"): 1}
    assert sorted(raw["days"]["kontaktparat"]) == [123] * 6 and raw["days"]["valgparat"] == [122]


def test_the_flow_tables_hide_small_cells_and_what_a_total_would_give_away(p: Personas) -> None:
    _flow_town(p)
    matrix, moves, days = flow.tables(_filters(p))
    rows = _by_label(matrix)
    assert rows["Ikke vurderet"][0] == "6" and rows["Ikke vurderet"][2] == "færre end 5"  # 3 to valgparat
    assert rows["Kontaktparat"][1] == "6"
    # 2024 Q4: up 6, same 2, down 1 — the 6 is hidden too, or 9 − 6 would give "same + down".
    assert _by_label(moves)["4. kvt. 2024"] == ["færre end 5"] * 4 + ["9"]
    assert _by_label(days)["Kontaktparat"] == ["123", "6"]
    assert _by_label(days)["Valgparat"] == ["færre end 5", "færre end 5"]


def test_a_team_filter_that_leaves_out_fewer_than_five_hides_everything(p: Personas) -> None:
    _flow_town(p)
    team = Team.objects.create(municipality=p.municipality, organisation=p.organisation, name="Alle")
    team.members.add(p.contact_person)
    snapshots_write(quarters=[Quarter(2024, 3), Quarter(2024, 4)], today=TODAY)
    # The team holds all nine: nothing to subtract, so the figures stay.
    assert _by_label(flow.tables(_filters(p, team=str(team.pk)))[2])["Kontaktparat"] == ["123", "6"]
    other = tiny_youth(p.colleague, first_name="Anden", levels=[(D(2024, 8, 1), "valgparat")])
    assert other.pk
    snapshots_write(quarters=[Quarter(2024, 3), Quarter(2024, 4)], today=TODAY)
    # Now the municipality has 10 and the team 9: the one outside could be found by subtraction.
    assert _by_label(flow.tables(_filters(p, team=str(team.pk)))[2])["Kontaktparat"] == ["færre end 5"] * 2


def test_outcomes_count_retention_at_3_6_and_12_months(p: Personas) -> None:
    for i in range(7):
        if i == 0:
            station = ("eud_gf1", D(2024, 1, 10), D(2024, 3, 1), "afbrudt")   # left before 3 months
        elif i == 1:
            station = ("eud_gf1", D(2024, 1, 10), D(2024, 6, 1), "afbrudt")   # left between 3 and 6 months
        else:
            station = ("eud_gf1", D(2024, 1, 10), None, "")
        tiny_youth(p.contact_person, first_name=f"Elev{i}", stations=[station])
    filters = LeaderFilterForm({"fra": "2024-1", "til": "2024-1"}, user=p.leader, today=TODAY).filters()
    tables = {t.slug: t for t in outcomes.tables(filters, today=TODAY)}
    assert _by_label(tables["outcomes-retention"])["1. kvt. 2024"] == ["7", "86 %", "71 %", "71 %"]
    assert _by_label(tables["outcomes-retention-station"])["EUD grundforløb 1"] == ["7", "86 %", "71 %", "71 %"]
    assert _by_label(tables["outcomes-retention-procedure"])["Ingen procedure"][0] == "7"


def test_a_start_is_not_counted_before_its_mark_has_passed() -> None:
    start = {"start_date": D(2024, 12, 1), "end_date": D(2025, 1, 15), "end_reason": "afbrudt"}
    assert outcomes.kept(start, 91, TODAY) is None  # 76 days ago
    assert outcomes.kept(start, 60, TODAY) is False and outcomes.kept(start, 45, TODAY) is True


def test_the_three_month_mark_is_91_days_after_the_start(p: Personas) -> None:
    for i in range(6):  # five drop out on day 90 (before the mark), one on day 91 (at it: kept)
        tiny_youth(p.contact_person, first_name=f"Grænse{i}",
                   stations=[("fgu", D(2024, 1, 1), D(2024, 3, 31) if i < 5 else D(2024, 4, 1), "afbrudt")])
    for i in range(5):
        tiny_youth(p.contact_person, first_name=f"Bliver{i}", stations=[("fgu", D(2024, 1, 1), None, "")])
    filters = LeaderFilterForm({"fra": "2024-1", "til": "2024-1"}, user=p.leader, today=TODAY).filters()
    retention = {t.slug: t for t in outcomes.tables(filters, today=TODAY)}["outcomes-retention"]
    assert _by_label(retention)["1. kvt. 2024"][:2] == ["11", "55 %"]  # 6 of 11


def test_ended_courses_show_shares_with_their_base_and_the_median_length(p: Personas) -> None:
    for i in range(6):
        tiny_youth(p.contact_person, first_name=f"Job{i}", course=(D(2024, 1, 1), D(2024, 2, i + 1), "job"))
    for i in range(5):
        tiny_youth(p.contact_person, first_name=f"Udd{i}", course=(D(2024, 1, 1), D(2024, 3, 1), "uddannelse"))
    filters = LeaderFilterForm({"fra": "2024-1", "til": "2024-1"}, user=p.leader, today=TODAY).filters()
    tables = {t.slug: t for t in outcomes.tables(filters, today=TODAY)}
    ended = tables["outcomes-ended"].rows[0][1]
    # "Andet" is 0 (hidden); with only it hidden it would be 11 − 5 − 6, so the 5 in education goes too.
    assert [c.display for c in ended] == ["færre end 5", "55 %", "færre end 5", "11"] and ended[1].base == 11
    # Lengths: 31..36 days (job) and 60 days ×5 → the median of 11 values is the 6th: 36.
    assert _by_label(tables["outcomes-duration"])["1. kvt. 2024"] == ["36", "11"]


def test_the_chart_draws_visible_bars_with_dot_decimals_and_leaves_out_suppressed_ones(p: Personas) -> None:
    _flow_town(p)
    f = _filters(p)
    moves = flow.tables(f)[1]
    moves.rows[1] = (moves.rows[1][0], [flow.s.count(6), flow.s.count(7), flow.s.count(1), flow.s.count(0),
                                        flow.s.count(14)])
    chart = flow.chart(moves, f.quarters)
    up, same, down = chart["groups"][1]["bars"]
    assert (up["drawn"], same["drawn"], down["drawn"]) == (True, True, False)
    assert same["height"] == "90" and up["height"] == "77.1" and up["y"] == "17.9"


def test_ended_courses_are_counted_per_offer_their_plan_used(p: Personas) -> None:
    from ungeforlob.offers.models import Offer
    from ungeforlob.plans.models import Activity, Goal, SubGoal

    offer = Offer.objects.create(municipality=p.municipality, name="Praktik med mentor")
    for i in range(6):
        youth = tiny_youth(p.contact_person, first_name=f"Tilbud{i}",
                           course=(D(2024, 1, 1), D(2024, 2, 1), "job" if i < 5 else "uddannelse"))
        goal = Goal.objects.create(youth=youth, position=1, text="Job", written_by="ung")
        sub = SubGoal.objects.create(goal=goal, text="Praktik", success_criterion="Møder op")
        for _twice in range(2):  # two activities with the same offer count the young person once
            Activity.objects.create(subgoal=sub, offer=offer, title="Praktik", reason="-", responsible="fagperson")
    tiny_youth(p.contact_person, first_name="UdenTilbud", course=(D(2024, 1, 1), D(2024, 2, 1), "job"))
    filters = LeaderFilterForm({"fra": "2024-1", "til": "2024-1"}, user=p.leader, today=TODAY).filters()
    by_offer = {t.slug: t for t in outcomes.tables(filters, today=TODAY)}["outcomes-offers"]
    # 5 in a job, 1 in education, 0 otherwise: the 0 and the 1 are hidden, and so is nothing else needed
    # (two hidden in the row); the share in a job rests on 5 of 6.
    assert _by_label(by_offer) == {"Praktik med mentor": ["færre end 5", "83 %", "færre end 5", "6"]}


def test_the_matrix_chart_shades_visible_cells_and_leaves_suppressed_ones_white(p: Personas) -> None:
    _flow_town(p)
    chart = flow.matrix_chart(flow.tables(_filters(p))[0])
    not_assessed = chart["rows"][0]["squares"]
    assert not_assessed[0]["text"] == "6" and not_assessed[0]["opacity"] == "1.00"  # the largest cell
    assert not_assessed[2]["text"] == "<5" and not_assessed[2]["opacity"] == "0.00"
    assert len(chart["rows"]) == 6 and len(chart["columns"]) == 5
