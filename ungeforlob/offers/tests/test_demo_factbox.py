"""The fact box's demo data: a demo offer gets young people, a method, targets, checklist rounds and a log."""

from __future__ import annotations

import datetime

from django.utils import timezone

from ungeforlob.offers import demo_factbox
from ungeforlob.offers.factbox import Period, fact_box
from ungeforlob.offers.models import EvaluationEntry, FidelityRound, OfferMethod
from ungeforlob.offers.tests.factories import make_offer
from ungeforlob.plans.models import Activity
from ungeforlob.testing import Personas, make_youth
from ungeforlob.transitions.models import Station, StationKind
from ungeforlob.youth.models import Course, CourseEndReason


def test_the_demo_gives_an_offer_a_real_fact_box_and_loads_once(p: Personas) -> None:
    offer = make_offer(p.municipality, "Ungeguide i overgangen", code="ungeguide-i-overgangen")
    today = timezone.localdate()
    for i in range(8):
        youth = make_youth(p.contact_person, first_name=f"Historie{i}")
        end = today - datetime.timedelta(days=100 + 10 * i)
        Course.objects.filter(youth=youth).update(start_date=end - datetime.timedelta(days=150), end_date=end,
                                                  end_reason=CourseEndReason.EDUCATION)
        Station.objects.create(youth=youth, kind=StationKind.FGU, start_date=end + datetime.timedelta(days=2))
    demo_factbox.load(municipality=p.municipality, staff={"admin": p.administrator}, orgs={})
    demo_factbox.load(municipality=p.municipality, staff={"admin": p.administrator}, orgs={})
    assert Activity.objects.filter(offer=offer, title=demo_factbox.TITLE).count() == 8 + 2  # + the two open courses
    assert OfferMethod.objects.filter(offer=offer).count() == 1
    assert FidelityRound.objects.filter(offer=offer).count() == 2
    assert EvaluationEntry.objects.filter(offer=offer).count() == 2
    box = fact_box(offer, Period.last_12_months(today), today=today)
    assert box.ended.display == "8"
    assert box.education.display == "100 %"
    assert box.retention[0][1].display == "100 %"
