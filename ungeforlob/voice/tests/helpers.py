"""Feedback answers for tests, given through the portal's own service and then dated where the test needs."""

from __future__ import annotations

import datetime

from django.utils import timezone

from ungeforlob.portal.models import ServiceFeedback
from ungeforlob.portal.services import feedback_give
from ungeforlob.youth.models import Youth


def give(youth: Youth, *, heard: int = 4, useful: int = 4, comment: str = "",
         on: datetime.date | None = None) -> ServiceFeedback:
    fb = feedback_give(youth=youth, heard=heard, useful=useful, comment=comment)
    if on is not None:
        at = timezone.make_aware(datetime.datetime.combine(on, datetime.time(12, 0)))
        ServiceFeedback.objects.filter(pk=fb.pk).update(created_at=at)
        fb.refresh_from_db()
    return fb


def a_reviewable_comment(youth: Youth, *, text: str = "Min kontaktperson lytter til mig.") -> ServiceFeedback:
    """Five answers this quarter, one of them with a comment: enough for a leader to read it."""
    for _i in range(4):
        give(youth)
    return give(youth, comment=text)
