"""Demo data for a live fact box: one demo offer gets its young people, its method, its targets, its checklist
rounds and its evaluation log, so the fact box and the method page show real figures.

The young people are the demo's history (insights.demo: courses that ended to education, a job or otherwise,
with the stations that followed); this loader gives some of them an activity at the offer during their course.
Those courses lie in the past and are closed, so the activity is written directly (the plan's services only
edit an open course's plan). Idempotent: nothing is added twice, and what an administrator has entered on the
offer is left alone.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from ungeforlob.accounts.models import Municipality, Organisation
from ungeforlob.offers.models import (
    CostUnit,
    EvaluationEntry,
    FidelityAnswer,
    FidelityItem,
    FidelityRound,
    Offer,
    OfferMethod,
)
from ungeforlob.plans.models import Activity, ActivityStatus, Goal, SubGoal
from ungeforlob.youth.models import Course

PREFERRED_CODES = ("ungeguide-i-overgangen", "mentorforloeb-gadeplan")
TITLE = "Forløb hos ungeguiden"
ENDED = 30
RUNNING = 8

METHOD = {
    "method": ("En fast ungeguide følger den unge fra før overgangen og de første tre måneder på uddannelsen: "
               "et møde om ugen i starten, derefter hver anden uge, og altid et opkald dagen før første skoledag. "
               "Guiden tager med på første besøg på skolen og holder kontakt med skolens vejleder."),
    "change": "Den unge starter på uddannelsen og bliver der – også når det bliver svært de første måneder.",
    "change_signs": ("Fremmøde de første uger; den unge siger selv til, når noget er svært; færre afbrud inden "
                     "for de første tre måneder."),
    "advisers": Decimal("3.0"),
    "cost_amount": Decimal(9500),
    "cost_unit": CostUnit.PER_PLACE_MONTH,
    "target_served": 40,
    "target_education_share": 50,
    "target_job_share": 20,
    "target_median_days": 180,
    "target_retention_3": 80,
    "target_retention_6": 70,
    "target_retention_12": 60,
    "target_per_adviser": Decimal("12.0"),
}
ITEMS = [
    "Den unge har den samme guide hele forløbet",
    "Første møde holdes senest en uge efter henvisningen",
    "Guiden er med ved første besøg på uddannelsesstedet",
    "Der er kontakt dagen før første skoledag",
    "Opfølgning mindst hver anden uge de første tre måneder",
]
ROUNDS = [
    (150, ["ja", "ja", "delvist", "ja", "delvist"], {2: "To unge fik besøget aflyst pga. sygdom hos guiden."},
     "Travl periode med mange opstarter i august."),
    (40, ["ja", "ja", "ja", "ja", "delvist"], {4: "Hver tredje uge i december – skal op igen i januar."}, ""),
]
ENTRIES = [
    (200, "Status efter første halvår: de fleste starter, men flere falder fra i uge 3–6. Vi lægger et ekstra "
          "møde i uge 4 ind i metoden."),
    (60, "Evaluering med skolernes vejledere: de ønsker én fast kontakt pr. ung og besked ved fravær over tre dage. "
         "Det skrives ind i tjeklisten."),
]


def _offer(municipality: Municipality) -> Offer | None:
    offers = {o.code: o for o in Offer.objects.filter(municipality=municipality, code__in=PREFERRED_CODES)}
    for code in PREFERRED_CODES:
        if code in offers:
            return offers[code]
    return Offer.objects.filter(municipality=municipality, is_active=True).order_by("pk").first()


def _activity(course: Course, offer: Offer, *, ended: bool, today: datetime.date) -> None:
    goal = Goal.objects.filter(youth_id=course.youth_id).order_by("position").first()
    if goal is None:
        goal = Goal.objects.create(youth_id=course.youth_id, position=1, text="Jeg vil i gang med en uddannelse",
                                   written_by="sammen")
    subgoal = goal.subgoals.first() or SubGoal.objects.create(
        goal=goal, text="Komme godt fra start", success_criterion="Jeg møder op de første uger")
    start = min(course.start_date + datetime.timedelta(days=14), course.end_date or today)
    Activity.objects.create(
        subgoal=subgoal, offer=offer, title=TITLE, reason="En fast voksen i overgangen", responsible="fagperson",
        start_date=start, end_date=course.end_date if ended else None,
        status=ActivityStatus.DONE if ended else ActivityStatus.IN_PROGRESS,
    )


@transaction.atomic
def load(*, municipality: Municipality, staff: dict[str, Any], orgs: dict[str, Organisation]) -> None:
    offer = _offer(municipality)
    if offer is None:
        return
    today = timezone.localdate()
    if not Activity.objects.filter(offer=offer, title=TITLE).exists():
        courses = Course.objects.filter(youth__municipality=municipality).order_by("pk")
        ended = courses.filter(end_date__gte=today - datetime.timedelta(days=720), end_date__isnull=False)
        for course in ended[:ENDED]:
            _activity(course, offer, ended=True, today=today)
        for course in courses.filter(end_date__isnull=True)[:RUNNING]:
            _activity(course, offer, ended=False, today=today)
    admin = staff.get("admin")
    OfferMethod.objects.get_or_create(offer=offer, defaults={**METHOD, "updated_by": admin})
    if not FidelityItem.objects.filter(offer=offer).exists():
        items = [FidelityItem.objects.create(offer=offer, text=text, position=i) for i, text in enumerate(ITEMS, 1)]
        for days_ago, answers, comments, note in ROUNDS:
            round_ = FidelityRound.objects.create(offer=offer, held_on=today - datetime.timedelta(days=days_ago),
                                                  note=note, created_by=admin)
            FidelityAnswer.objects.bulk_create([
                FidelityAnswer(round=round_, item=item, answer=answer, comment=comments.get(i, ""))
                for i, (item, answer) in enumerate(zip(items, answers, strict=True))
            ])
    if not EvaluationEntry.objects.filter(offer=offer).exists():
        for days_ago, text in ENTRIES:
            EvaluationEntry.objects.create(offer=offer, entry_date=today - datetime.timedelta(days=days_ago),
                                           text=text, created_by=admin)
