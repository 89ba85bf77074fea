"""The small-numbers rule on a tiny municipality, counted by hand."""

from ungeforlob.insights import suppression as s


def test_a_count_below_five_is_shown_as_fewer_than_five() -> None:
    assert str(s.count(4)) == "færre end 5"
    assert s.count(4).value is None
    assert str(s.count(5)) == "5"


def test_zero_is_suppressed_too() -> None:
    assert s.count(0).suppressed


def test_a_share_with_a_small_base_or_a_small_part_is_suppressed() -> None:
    assert s.share(3, 4).suppressed       # base 4
    assert s.share(3, 20).suppressed      # 3 young people behind the share
    cell = s.share(15, 20)
    assert not cell.suppressed and cell.display == "75 %" and cell.base == 20
    assert cell.export_value == 75.0


def test_a_median_of_four_values_is_suppressed_and_of_five_is_shown() -> None:
    assert s.median([1, 2, 3, 4]).suppressed
    assert s.median([1, 2, 3, 4, 100]).value == 3


def test_a_suppressed_cell_exports_as_fewer_than_five() -> None:
    assert s.share(1, 2).export_value == "færre end 5"


def test_a_lone_hidden_cell_in_a_row_takes_the_smallest_other_cell_with_it() -> None:
    # Team A: 3 to education, 7 to job, 12 other (total 22). Team B: 9, 8, 10.
    body, row_t, col_t = s.suppress_table([[s.count(3), s.count(7), s.count(12)],
                                           [s.count(9), s.count(8), s.count(10)]])
    hidden = [[c.suppressed for c in row] for row in body]
    # Row A: 3 is hidden, so 7 (the next smallest) too. Column "education" then has one hidden (3):
    # 9 goes; column "job" has one hidden (7): 8 goes. Row B then has two hidden: stable.
    assert hidden == [[True, True, False], [True, True, False]]
    assert body[0][1].reason == "secondary"
    assert [c.display for c in row_t] == ["22", "27"]
    assert [c.display for c in col_t] == ["12", "15", "22"]


def test_nothing_can_be_recovered_from_any_total_after_secondary_suppression() -> None:
    grid = [[1, 6, 7, 9], [8, 2, 9, 10], [11, 12, 13, 14]]
    body, _, _ = s.suppress_table([[s.count(n) for n in row] for row in grid])
    for row in body:
        assert sum(c.suppressed for c in row) != 1
    for col in zip(*body, strict=True):
        assert sum(c.suppressed for c in col) != 1


def test_a_table_without_small_cells_is_left_alone() -> None:
    body, _, _ = s.suppress_table([[s.count(5), s.count(6)], [s.count(7), s.count(8)]])
    assert not any(c.suppressed for row in body for c in row)


def test_a_filtered_figure_is_hidden_when_its_parent_differs_by_fewer_than_five() -> None:
    cells = [s.count(30), s.share(10, 30)]
    # The municipality has 33 young people; the team filter leaves 30: the other 3 could be subtracted.
    assert all(c.reason == "filter" for c in s.suppress_for_filter(cells, base=30, parent_bases=[33]))
    # 35: the complement is 5, nothing to hide; equal bases (the filter removes nobody) hide nothing either.
    assert not any(c.suppressed for c in s.suppress_for_filter(cells, base=30, parent_bases=[35]))
    assert not any(c.suppressed for c in s.suppress_for_filter(cells, base=30, parent_bases=[30]))
