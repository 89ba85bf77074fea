from __future__ import annotations

import pytest

from ungeforlob.reflection import demo
from ungeforlob.reflection.models import AgreedAction, Answer, Rating, Reflection, SelfRating
from ungeforlob.testing import Personas, make_user
from ungeforlob.youth.models import Youth

pytestmark = pytest.mark.django_db


def _staff(p: Personas) -> dict:
    m, org = p.municipality, p.organisation
    return {"kontaktperson": p.contact_person, "kollega": p.colleague, "leder": p.leader,
            "ahmad": make_user("ahmad", m, org), "peter": make_user("peter", m, org),
            "kasper": make_user("kasper", m, org)}


def test_the_demo_holds_two_reflections_months_apart_actions_and_self_ratings_and_runs_twice(p: Personas) -> None:
    staff = _staff(p)
    orgs = {"Ungeindsatsen (UU)": p.organisation}
    demo.load(municipality=p.municipality, staff=staff, orgs=orgs)
    demo.load(municipality=p.municipality, staff=staff, orgs=orgs)
    held = sorted(Reflection.objects.values_list("held_on", flat=True))
    assert len(held) == 2 and (held[1] - held[0]).days >= 90
    assert AgreedAction.objects.count() == 3 and Rating.objects.count() == 20
    assert SelfRating.objects.filter(person=p.contact_person).count() == 11


def test_the_demo_names_no_young_person(p: Personas) -> None:
    demo.load(municipality=p.municipality, staff=_staff(p), orgs={"Ungeindsatsen (UU)": p.organisation})
    names = {n for y in Youth.objects.all() for n in (y.first_name, y.last_name)}
    texts = list(Answer.objects.values_list("text", flat=True)) + list(AgreedAction.objects.values_list("text", flat=True))
    assert not [t for t in texts for n in names if n in t]
