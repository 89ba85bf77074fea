"""`@prepared` queries: compiled once per shape, run with each call's values, and the builder's rules enforced."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.db.models import Count, QuerySet
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ungeforlob.chain.models import Membership
from ungeforlob.core.prepared import PreparedQueryError, ahead, prepared, run_together
from ungeforlob.offers.models import Offer
from ungeforlob.offers.tests.factories import make_offer
from ungeforlob.testing import Personas
from ungeforlob.youth.models import Youth


@prepared(youth_id=int, day=datetime.date)
def _memberships(*, youth_id: int, day: datetime.date, limit: int) -> QuerySet[Membership]:
    return (Membership.objects.active(day).filter(youth_id=youth_id)
            .select_related("professional__organisation", "youth")
            .annotate(n_roles=Count("youth__memberships")).order_by("start_date", "pk")[:limit])


@prepared(ids=list)
def _names(*, ids: list[int]) -> QuerySet[Youth]:
    return Youth.objects.filter(pk__any_of=ids).order_by("pk").values_list("pk", "first_name")


@prepared(youth_id=int)
def _with_guardians(*, youth_id: int) -> QuerySet[Youth]:
    return Youth.objects.filter(pk=youth_id).prefetch_related("guardians")


def test_a_prepared_query_gives_the_rows_the_built_queryset_gives(p: Personas) -> None:
    today = timezone.localdate()
    for youth in (p.youth, p.other_youth):
        got = _memberships(youth_id=youth.pk, day=today, limit=10)
        want = list(_memberships.build(youth_id=youth.pk, day=today, limit=10))
        assert [(m.pk, m.role, m.professional.organisation.name, m.youth.first_name, m.n_roles) for m in got] == [
            (m.pk, m.role, m.professional.organisation.name, m.youth.first_name, m.n_roles) for m in want]
        assert got  # each has at least a contact person
    # A value changes the answer: a day before anyone joined finds no one.
    assert _memberships(youth_id=p.youth.pk, day=datetime.date(2000, 1, 1), limit=10) == []


def test_a_shape_argument_compiles_its_own_query(p: Personas) -> None:
    today = timezone.localdate()
    assert len(_memberships(youth_id=p.youth.pk, day=today, limit=1)) == 1
    assert len(_memberships(youth_id=p.youth.pk, day=today, limit=10)) == 3


def test_a_list_of_ids_and_values_list_rows(p: Personas) -> None:
    assert _names(ids=[p.other_youth.pk, p.youth.pk]) == sorted(
        [(p.youth.pk, "Josefine"), (p.other_youth.pk, "Mikkel")])
    assert _names(ids=[]) == []


def test_prefetches_are_done_for_the_rows(p: Personas) -> None:
    p.youth.guardians.create(name="Mor", relation="mor")
    (youth,) = _with_guardians(youth_id=p.youth.pk)
    with CaptureQueriesContext(connection) as ctx:
        assert [g.name for g in youth.guardians.all()] == ["Mor"]
    assert len(ctx.captured_queries) == 0


def test_a_prepared_query_is_compiled_once(p: Personas, monkeypatch) -> None:
    today = timezone.localdate()
    _memberships(youth_id=p.youth.pk, day=today, limit=10)
    from django.db.models.sql import compiler

    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(compiler.SQLCompiler, "as_sql", refuse)
    assert _memberships(youth_id=p.other_youth.pk, day=today, limit=10)


def test_a_builder_that_reads_the_clock_is_refused(db) -> None:
    @prepared(youth_id=int)
    def clock(*, youth_id: int) -> QuerySet[Membership]:
        return Membership.objects.active().filter(youth_id=youth_id)

    with pytest.raises(PreparedQueryError, match="date or time"):
        clock(youth_id=1)


def test_a_value_that_does_not_reach_the_sql_unchanged_is_refused(db) -> None:
    @prepared(youth_id=int)
    def shifted(*, youth_id: int) -> QuerySet[Youth]:
        return Youth.objects.filter(pk=youth_id + 1)

    @prepared(youth_id=int)
    def unused(*, youth_id: int) -> QuerySet[Youth]:
        return Youth.objects.all()

    with pytest.raises(PreparedQueryError, match="changed"):
        shifted(youth_id=1)
    with pytest.raises(PreparedQueryError, match="did not reach"):
        unused(youth_id=1)


def test_a_builder_that_starts_from_an_objects_related_manager_is_refused(p: Personas) -> None:
    @prepared(youth_id=int)
    def through_an_object(*, youth_id: int) -> QuerySet[Membership]:
        return p.youth.memberships.filter(pk=youth_id)

    with pytest.raises(PreparedQueryError, match="manager"):
        through_an_object(youth_id=1)


def test_a_builder_that_runs_a_query_is_refused(db) -> None:
    @prepared(youth_id=int)
    def querying(*, youth_id: int) -> QuerySet[Youth]:
        ids = list(Youth.objects.values_list("pk", flat=True))
        return Youth.objects.filter(pk=youth_id).exclude(pk__in=ids)

    with pytest.raises(PreparedQueryError, match="ran a query"):
        querying(youth_id=1)


def test_a_missing_value_or_a_wrong_kind_is_a_type_error(db) -> None:
    with pytest.raises(TypeError, match="missing"):
        _memberships(youth_id=1, limit=1)
    with pytest.raises(TypeError, match="day"):
        _memberships(youth_id=1, day=timezone.now(), limit=1)


@prepared(municipality_id=int, age=int)
def _offers_for_age(*, municipality_id: int, age: int) -> QuerySet[Offer]:
    return Offer.objects.filter(municipality_id=municipality_id, age_min__lte=age, age_max__gte=age).order_by("pk")


def test_a_value_for_a_small_integer_column_is_bound_as_the_column_wants(p: Personas) -> None:
    teen = make_offer(p.municipality, "Ungdomsklub")
    teen.age_min, teen.age_max = 15, 17
    teen.save()
    assert [o.name for o in _offers_for_age(municipality_id=p.municipality.pk, age=16)] == ["Ungdomsklub"]
    assert _offers_for_age(municipality_id=p.municipality.pk, age=25) == []


def test_shapes_beyond_the_limit_are_built_each_time_and_still_answer(p: Personas, monkeypatch) -> None:
    from ungeforlob.core import prepared as module

    monkeypatch.setattr(module, "MAX_SHAPES", 2)

    @prepared(youth_id=int)
    def sliced(*, youth_id: int, limit: int) -> QuerySet[Membership]:
        return Membership.objects.filter(youth_id=youth_id).order_by("pk")[:limit]

    for limit in (1, 2, 3, 4):
        assert len(sliced(youth_id=p.youth.pk, limit=limit)) == min(limit, 3)
    assert len(sliced._templates) == 2


def _rows(items: list) -> list:
    return [(m.pk, m.role, m.professional.organisation.name, m.n_roles) if isinstance(m, Membership) else
            (m.pk, [g.pk for g in m.guardians.all()]) if isinstance(m, Youth) else m for m in items]


def test_reads_run_together_give_the_rows_each_call_gives(p: Personas) -> None:
    today = timezone.localdate()
    reads = [
        _memberships.read(youth_id=p.youth.pk, day=today, limit=10),
        _names.read(ids=[p.youth.pk, p.other_youth.pk]),
        _with_guardians.read(youth_id=p.youth.pk),
        _memberships.read(youth_id=p.other_youth.pk, day=datetime.date(2000, 1, 1), limit=10),
        _names.read(ids=[]),
    ]
    got = run_together(reads)
    want = [
        _memberships(youth_id=p.youth.pk, day=today, limit=10),
        _names(ids=[p.youth.pk, p.other_youth.pk]),
        _with_guardians(youth_id=p.youth.pk),
        [],
        [],
    ]
    assert [_rows(rows) for rows in got] == [_rows(rows) for rows in want]
    assert got[0] and got[1] and got[2]


def test_inside_ahead_a_call_with_the_same_values_asks_nothing_once(p: Personas) -> None:
    """On PostgreSQL the reads were sent together when the block began; where statements cannot be sent together
    (SQLite), a read ahead is asked when it is called, as without the block, so an unused one costs nothing."""
    today = timezone.localdate()
    with ahead([_memberships.read(youth_id=p.youth.pk, day=today, limit=10), _names.read(ids=[p.youth.pk])]):
        with CaptureQueriesContext(connection) as asked:
            first = _memberships(youth_id=p.youth.pk, day=today, limit=10)
            names = _names(ids=[p.youth.pk])
        assert len(asked) == (0 if connection.vendor == "postgresql" else 2)
        assert len(first) == 3 and names == [(p.youth.pk, "Josefine")]
        with CaptureQueriesContext(connection) as asked:
            again = _memberships(youth_id=p.youth.pk, day=today, limit=10)  # once: a second call asks
            other = _memberships(youth_id=p.youth.pk, day=today, limit=1)  # other values are not read ahead
        assert len(asked) == 2 and len(again) == 3 and len(other) == 1
    with CaptureQueriesContext(connection) as asked:
        _names(ids=[p.youth.pk])
    assert len(asked) == 1  # after the block, nothing is kept


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pipelines are PostgreSQL's")
def test_on_postgresql_reads_ahead_are_sent_in_one_pipeline_and_every_statement_is_still_seen(p: Personas) -> None:
    from ungeforlob.testing import pipelined

    today = timezone.localdate()
    with pipelined() as sent, CaptureQueriesContext(connection) as asked:
        run_together([_memberships.read(youth_id=p.youth.pk, day=today, limit=10), _names.read(ids=[p.youth.pk]),
                      _with_guardians.read(youth_id=p.youth.pk)])
    # Three statements in the pipeline, then the guardians' prefetch after it.
    assert sent == [True, True, True, False]
    assert len(asked) == 4


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pipelines are PostgreSQL's")
def test_an_error_in_a_pipeline_is_djangos_database_error_and_the_connection_goes_on(p: Personas) -> None:
    from django.db import DatabaseError, transaction

    @prepared(youth_id=int)
    def _broken(*, youth_id: int) -> QuerySet[Youth]:
        return Youth.objects.filter(pk=youth_id).extra(where=["1/0 = 1"])  # noqa: S610 - a division by zero

    with pytest.raises(DatabaseError), transaction.atomic():
        run_together([_names.read(ids=[p.youth.pk]), _broken.read(youth_id=p.youth.pk)])
    assert _names(ids=[p.youth.pk]) == [(p.youth.pk, "Josefine")]


def test_reads_along_go_with_the_first_read_ahead_and_are_found_after_it_once(p: Personas) -> None:
    """`along`: what a page's layout will read is sent with the page's first reads ahead; after that block, until
    the `along` block ends, the layout's call asks nothing (PostgreSQL; SQLite asks each read when it is called)."""
    from ungeforlob.core.prepared import along

    today = timezone.localdate()
    with along([_names.read(ids=[p.youth.pk])]):
        with ahead([_memberships.read(youth_id=p.youth.pk, day=today, limit=10)]):
            _memberships(youth_id=p.youth.pk, day=today, limit=10)
        with CaptureQueriesContext(connection) as asked:
            names = _names(ids=[p.youth.pk])
        assert names == [(p.youth.pk, "Josefine")]
        assert len(asked) == (0 if connection.vendor == "postgresql" else 1)
        with CaptureQueriesContext(connection) as asked:
            assert _names(ids=[p.youth.pk]) == names  # once: a second call asks
        assert len(asked) == 1


def test_reads_along_a_block_without_reads_ahead_are_asked_when_called(p: Personas) -> None:
    from ungeforlob.core.prepared import along

    with along([_names.read(ids=[p.youth.pk])]) as unasked:
        with CaptureQueriesContext(connection) as asked:
            assert _names(ids=[p.youth.pk]) == [(p.youth.pk, "Josefine")]
        assert len(asked) == 1 and unasked == {}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pipelines are PostgreSQL's")
def test_on_postgresql_reads_along_are_in_the_pipeline_of_run_together_too(p: Personas) -> None:
    from ungeforlob.core.prepared import along
    from ungeforlob.testing import pipelined

    today = timezone.localdate()
    with along([_names.read(ids=[p.youth.pk])]), pipelined() as sent:
        run_together([_memberships.read(youth_id=p.youth.pk, day=today, limit=10)])
        _names(ids=[p.youth.pk])
    assert sent == [True, True]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pipelines are PostgreSQL's")
def test_on_postgresql_reads_along_inside_another_along_go_with_the_outer_ones_and_are_kept_with_them(
        p: Personas) -> None:
    """A view's `along` inside the layout's (for the request): both blocks' reads go in the view's first round
    trip, and the inner block's rows are found after it ends, until the outer one does."""
    from ungeforlob.core.prepared import along
    from ungeforlob.testing import pipelined

    today = timezone.localdate()
    with along([_names.read(ids=[p.youth.pk])]):
        with along([_memberships.read(youth_id=p.youth.pk, day=today, limit=1)]), pipelined() as sent:
            run_together([_memberships.read(youth_id=p.youth.pk, day=today, limit=10)])
        assert sent == [True, True, True]
        with CaptureQueriesContext(connection) as asked:
            assert _names(ids=[p.youth.pk]) == [(p.youth.pk, "Josefine")]
            assert len(_memberships(youth_id=p.youth.pk, day=today, limit=1)) == 1
        assert len(asked) == 0


def test_each_gives_the_rows_one_at_a_time_and_of_a_read_ahead_makes_only_the_objects_come_to(
        p: Personas, monkeypatch) -> None:
    today = timezone.localdate()
    everything = _memberships(youth_id=p.youth.pk, day=today, limit=10)
    assert len(everything) >= 3
    assert [m.pk for m in _memberships.each(youth_id=p.youth.pk, day=today, limit=10)] == [m.pk for m in everything]
    made: list[int] = []
    real = Membership.from_db.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(Membership, "from_db", classmethod(lambda cls, *a, **kw: made.append(1) or real(cls, *a, **kw)))
    with ahead([_memberships.read(youth_id=p.youth.pk, day=today, limit=10), _names.read(ids=[p.youth.pk])]):
        first = next(_memberships.each(youth_id=p.youth.pk, day=today, limit=10))
        with CaptureQueriesContext(connection) as asked:
            assert _names(ids=[p.youth.pk]) == [(p.youth.pk, "Josefine")]
    assert first.pk == everything[0].pk and first.n_roles == everything[0].n_roles
    assert first.professional.organisation == everything[0].professional.organisation
    # PostgreSQL sent both together and made one object of the rows fetched; SQLite asks each read when called.
    assert len(made) == (1 if connection.vendor == "postgresql" else len(everything))
    assert len(asked) == (0 if connection.vendor == "postgresql" else 1)
