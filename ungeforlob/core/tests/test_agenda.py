"""*I dag*'s gathering: probes asked in one query, and `any_of` naming ids as one parameter."""

from __future__ import annotations

import datetime

from django.utils import timezone

from ungeforlob import policy
from ungeforlob.core import agenda
from ungeforlob.core.agenda import AgendaItem, probed
from ungeforlob.testing import Personas
from ungeforlob.youth.models import Youth


def _today() -> datetime.date:
    return timezone.localdate()


def test_a_probed_source_is_not_called_when_its_probe_finds_nothing(p: Personas, monkeypatch) -> None:
    called = []

    @probed(lambda user, *, today: [Youth.objects.filter(pk=-1)])
    def empty(user, *, today):
        called.append("empty")
        return [AgendaItem(due=today, kind="x", title="Skal ikke vises")]

    monkeypatch.setattr(agenda, "agenda_sources", lambda: ["probe_test.empty"])
    monkeypatch.setattr(agenda, "import_string", lambda path: empty)
    assert agenda.agenda_for(p.contact_person, today=_today()) == [] and called == []


def test_a_probed_source_is_called_when_one_of_its_querysets_has_a_row(p: Personas, monkeypatch) -> None:
    @probed(lambda user, *, today: [Youth.objects.filter(pk=-1), Youth.objects.filter(pk=p.youth.pk)])
    def found(user, *, today):
        return [AgendaItem(due=today, kind="x", title="Vises")]

    monkeypatch.setattr(agenda, "agenda_sources", lambda: ["probe_test.found"])
    monkeypatch.setattr(agenda, "import_string", lambda path: found)
    assert [i.title for i in agenda.agenda_for(p.contact_person, today=_today())] == ["Vises"]


def test_every_probe_is_asked_in_one_query(p: Personas, count_queries) -> None:
    probes = {i: [Youth.objects.filter(pk=p.youth.pk if i % 2 else -1)] for i in range(6)}
    found: set[int] = set()
    assert count_queries(lambda: found.update(agenda._any_rows(probes))) == 1
    assert found == {1, 3, 5}


@agenda.probe_query(pk=int)
def _youth_probe(*, pk: int):
    return Youth.objects.filter(pk=pk)


def test_a_prepared_probe_is_asked_with_the_others_and_finds_what_its_values_name(p: Personas,
                                                                                  count_queries) -> None:
    probes = {0: [_youth_probe(pk=p.youth.pk)], 1: [_youth_probe(pk=p.youth.pk + 1000)],
              2: [Youth.objects.filter(pk=p.other_youth.pk)]}
    found: set[int] = set()
    assert count_queries(lambda: found.update(agenda._any_rows(probes))) == 1
    assert found == {0, 2}


def test_a_probe_of_nothing_costs_no_query(p: Personas, count_queries) -> None:
    assert count_queries(lambda: agenda._any_rows({0: [Youth.objects.none()], 1: []})) == 0


def test_the_contact_persons_day_asks_the_empty_sources_together(p: Personas, as_user, count_queries) -> None:
    """Every probed source in the project is empty for the outsider: their *I dag* costs one probe, not a
    query per source."""
    from django.utils.module_loading import import_string

    probed_sources = [path for path in agenda.agenda_sources() if hasattr(import_string(path), "probe")]
    assert len(probed_sources) >= 8
    client = as_user(p.outsider)
    client.get("/i-dag/")
    with_probes = count_queries(lambda: client.get("/i-dag/"))
    assert with_probes < 12


def test_any_of_names_the_same_rows_as_in(p: Personas) -> None:
    ids = [p.youth.pk, p.other_youth.pk, -5]
    assert set(Youth.objects.filter(pk__any_of=ids)) == set(Youth.objects.filter(pk__in=ids))
    assert not Youth.objects.filter(pk__any_of=[]).exists()


def test_youth_in_names_the_users_young_people_inside_a_request(p: Personas) -> None:
    from ungeforlob.chain.models import Membership

    with policy.request_scope():
        policy.visible_youth(p.contact_person)  # the request's first question
        condition = policy.youth_in(p.contact_person)
        assert "any_of" in str(condition)
        mine = set(Membership.objects.filter(condition).values_list("youth_id", flat=True))
    assert p.youth.pk in mine and p.other_youth.pk not in mine


def test_each_i_dag_sources_reads_declared_ahead_are_the_reads_it_makes(p: Personas) -> None:
    """A declaration (`reads_ahead`) that drifted from the source's own calls would be read for nothing."""
    from django.utils import timezone
    from django.utils.module_loading import import_string

    from ungeforlob import policy
    from ungeforlob.core.agenda import agenda_sources
    from ungeforlob.core.prepared import ahead

    today = timezone.localdate()
    declared = 0
    for path in agenda_sources():
        source = import_string(path)
        declare = getattr(source, "reads_ahead", None)
        if declare is None:
            continue
        with policy.request_scope():  # as in a request: the user's circles are known
            policy.circles(p.contact_person)
            reads = declare(p.contact_person, today)
            declared += len(reads)
            with ahead(reads) as unasked:
                source(p.contact_person, today=today)
            assert unasked == {}, path
    assert declared >= 5
