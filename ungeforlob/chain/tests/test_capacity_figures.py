"""The capacity page's figures, counted per municipality: caseloads, concerns on them, response times, order."""

from __future__ import annotations

from ungeforlob.chain import services
from ungeforlob.chain.models import Concern
from ungeforlob.testing import Personas, make_youth


def test_capacity_counts_caseloads_concerns_and_response_times_per_professional_and_sorts_by_them(
        p: Personas, as_user) -> None:
    for i in range(3):
        y = make_youth(p.colleague, first_name=f"Kollegaens{i}")
        services.concern_raise(actor=p.colleague, youth=y, category="fravaer", severity="lav", description="x")
    closed = Concern.objects.filter(youth__first_name="Kollegaens0").get()
    Concern.objects.filter(pk=closed.pk).update(closed_at=closed.raised_at)
    concern = services.concern_raise(actor=p.contact_person, youth=p.youth, category="bolig", severity="lav",
                                     description="y")
    Concern.objects.filter(pk=concern.pk).update(acknowledged_by=p.colleague, response_minutes=90)
    Concern.objects.filter(pk=closed.pk).update(acknowledged_by=p.colleague, response_minutes=30)
    client = as_user(p.leader)
    rows = {r.pk: r for r in client.get("/kapacitet/").context["rows"]}
    colleague, mine = rows[p.colleague.pk], rows[p.contact_person.pk]
    expected_colleague = 3 + sum(1 for y in (p.youth, p.other_youth) if y.memberships.filter(
        professional=p.colleague, role="kontaktperson", end_date__isnull=True).exists())
    assert (colleague.youth_count, colleague.open_concerns, colleague.avg_response) == (expected_colleague, 2, 60)
    assert (mine.open_concerns, mine.avg_response) == (1, None)
    by_youth = [r.pk for r in client.get("/kapacitet/?sort=unge").context["rows"]]
    assert by_youth.index(p.colleague.pk) < by_youth.index(p.contact_person.pk)
    by_name = [(r.first_name, r.last_name, r.pk) for r in client.get("/kapacitet/?sort=navn").context["rows"]]
    assert by_name == sorted(by_name)
