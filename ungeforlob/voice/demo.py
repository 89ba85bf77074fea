"""Demo data for the young people's voice: two years of answers from Min side, slowly getting better, with
comments (a few carrying a phone number, to show that it is removed) and some already answered by the leader.

Idempotent: when the first demo comment exists in the municipality, nothing is added.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.utils import timezone

from ungeforlob.accounts.models import Municipality, User
from ungeforlob.portal.models import ServiceFeedback
from ungeforlob.portal.services import feedback_give
from ungeforlob.voice.quarters import last_quarters
from ungeforlob.voice.services import feedback_review_save
from ungeforlob.youth.models import Youth

COMMENTS = [
    "Min kontaktperson lytter virkelig til mig, og jeg ved hvem jeg skal ringe til.",
    "Der gik lang tid før nogen vendte tilbage. Det var svært at vente.",
    "Godt at vi lavede planen sammen. Jeg kan se hvad næste skridt er.",
    "Jeg skal fortælle min historie igen og igen til nye mennesker. Det er hårdt.",
    "Mødet var for tidligt om morgenen, kan vi ikke mødes senere?",
    "Det hjalp at min mentor tog med på skolen første dag.",
    "Ring gerne til mig på 20 12 34 56 hvis I har brug for mere.",
    "Jeg forstod ikke alle ordene i brevet fra kommunen.",
    "Praktikken var det bedste der er sket i år.",
    "Jeg vil gerne kunne skrive en sms i stedet for at ringe.",
    "Rart at mødes på caféen i stedet for på kontoret.",
    "Jeg blev hørt, men der skete ikke noget bagefter.",
]
ANSWERS = [
    "Vi har aftalt, at man altid får svar inden for to arbejdsdage.",
    "Vi har gjort det muligt at vælge mødetid selv, også om eftermiddagen.",
    "Brevene er skrevet om i et enklere sprog.",
    "Alle unge kan nu skrive til deres kontaktperson på sms.",
]


def load(*, municipality: Municipality, staff: dict[str, User], orgs: dict[str, Any]) -> None:
    if ServiceFeedback.objects.filter(municipality=municipality, comment=COMMENTS[0]).exists():
        return
    youth = Youth.objects.filter(municipality=municipality).order_by("pk").first()
    if youth is None:
        return
    rng = random.Random(15)  # noqa: S311 — demo data, not security
    today = timezone.localdate()
    quarters = last_quarters(9)
    comment_i = 0
    made: list[tuple[ServiceFeedback, datetime.date]] = []
    for qi, quarter in enumerate(quarters):
        # Two years ago the young people felt heard a little over 3 of 5; now nearer 4 (the story to tell).
        centre = 3.1 + 0.12 * qi
        for _i in range(rng.randint(9, 16)):
            day = quarter.start + datetime.timedelta(days=rng.randint(0, 89))
            if day >= today:
                continue
            heard = min(5, max(1, round(rng.gauss(centre, 0.9))))
            useful = min(5, max(1, round(rng.gauss(centre - 0.2, 1.0))))
            comment = ""
            if rng.random() < 0.35:
                comment = COMMENTS[comment_i % len(COMMENTS)]
                comment_i += 1
            fb = feedback_give(youth=youth, heard=heard, useful=useful, comment=comment)
            at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(rng.randint(8, 20), 15)))
            # The portal stamps an answer with the moment it is given; demo answers are spread over two years.
            ServiceFeedback.objects.filter(pk=fb.pk).update(created_at=at)
            if comment:
                made.append((fb, day))
    leader = staff.get("leder")
    if leader is None:
        return
    for i, (fb, day) in enumerate(sorted(made, key=lambda m: m[1])):
        if (today - day).days < 45 or i % 3 == 2:
            continue  # the newest, and every third, are still waiting to be read
        if i % 2:
            feedback_review_save(actor=leader, feedback=fb)
        else:
            feedback_review_save(actor=leader, feedback=fb, answer=ANSWERS[(i // 2) % len(ANSWERS)], version=0)
