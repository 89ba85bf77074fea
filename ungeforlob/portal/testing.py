"""Helpers for tests of the young person's pages."""

from __future__ import annotations

import re

from django.test import Client

from ungeforlob.portal.auth import portal_login  # noqa: F401 - re-exported for tests
from ungeforlob.youth.models import Youth


def last_code_sent_to(youth: Youth) -> str:
    from ungeforlob.messaging.models import OutboundMessage

    message = OutboundMessage.objects.filter(youth=youth, related_type="portal.logincode").latest("id")
    return re.search(r"\b(\d{6})\b", message.body).group(1)  # type: ignore[union-attr]


def youth_client(youth: Youth) -> Client:
    """A client logged in as the young person through the real SMS-code flow."""
    client = Client()
    client.post("/min-side/login/", {"mobile": youth.mobile})
    response = client.post("/min-side/kode/", {"code": last_code_sent_to(youth)})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def give_plan(youth: Youth, actor: object) -> dict[str, object]:
    """A goal, a sub-goal and an activity for `youth`, made through the plans services by `actor`."""
    import datetime

    from django.utils import timezone

    from ungeforlob.plans.services import activity_create, goal_create, subgoal_create

    goal = goal_create(youth=youth, actor=actor, text="Jeg vil gerne være tømrer")
    subgoal = subgoal_create(youth=youth, goal=goal, actor=actor, text="Komme op om morgenen",
                             success_criterion="Jeg møder kl. 8 fem dage i træk")
    activity = activity_create(youth=youth, subgoal=subgoal, actor=actor, title="Besøg på tømrerskolen",
                               reason="Se hvordan det er", responsible="ung",
                               start_date=timezone.localdate() + datetime.timedelta(days=3))
    return {"goal": goal, "subgoal": subgoal, "activity": activity}


def give_consent(youth: Youth, actor: object, organisation: object) -> object:
    """A consent to share with `organisation`, made through the chain service."""
    import datetime

    from django.utils import timezone

    from ungeforlob.chain.services import consent_record

    return consent_record(actor=actor, youth=youth, purpose="Hjælp til job", receiving_organisation=organisation,
                          scope="Plan og mål", expires_on=timezone.localdate() + datetime.timedelta(days=180))
