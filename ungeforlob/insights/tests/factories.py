"""A municipality small enough to count by hand: young people with a course, levels over time and stations."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from itertools import count

from ungeforlob.accounts.models import User
from ungeforlob.chain.models import Membership
from ungeforlob.progression.models import Assessment, AssessmentVersion
from ungeforlob.progression.services.indicators import indicator_set_current
from ungeforlob.testing import make_youth
from ungeforlob.transitions.models import Station
from ungeforlob.youth.models import Course, Youth

D = datetime.date
_mobiles = count(1000)


BORN = D(2005, 1, 1)
COURSE = (D(2024, 1, 10), None, "")


def tiny_youth(contact: User, *, born: datetime.date = BORN, course: tuple = COURSE,
               levels: Sequence[tuple[datetime.date, str]] = (), stations: Sequence[tuple] = (),
               first_name: str = "Lille") -> Youth:
    """`course` = (start, end, end_reason); `stations` = (kind, start, end, end_reason) each."""
    youth = make_youth(contact, first_name=first_name, mobile=f"+45611{next(_mobiles):05d}")
    Youth.objects.filter(pk=youth.pk).update(birth_date=born)
    start, end, reason = course
    Course.objects.filter(youth=youth).update(start_date=start, end_date=end, end_reason=reason)
    Membership.objects.filter(youth=youth).update(start_date=start)
    indicator_set = indicator_set_current(municipality=youth.municipality)
    for day, level in levels:
        a = Assessment.objects.create(youth=youth, created_by=contact)
        AssessmentVersion.objects.create(assessment=a, version=1, assessed_on=day, level=level,
                                         indicator_set=indicator_set, rationale="-", created_by=contact)
    for kind, s, e, r in stations:
        Station.objects.create(youth=youth, kind=kind, start_date=s, end_date=e, end_reason=r, created_by=contact)
    youth.refresh_from_db()
    return youth
