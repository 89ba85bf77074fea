from __future__ import annotations

from ungeforlob.serviceplatform.tests.factories import world
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C

DEVELOPMENT = {"DEBUG": True}


def cases(p: Personas) -> list[C]:
    w = world(p)
    y = p.youth.pk
    return [
        # "Hent fra CPR" belongs to registering a young person, which every professional of the municipality may
        # do (the outsider too); leaders and the other municipality's staff are refused.
        C("serviceplatform:cpr_lookup", "/unge/ny/hent-fra-cpr/", "post", {"cpr": "010310-4234"},
          refused_statuses=(404,), allowed_for=("outsider", "stranger")),
        C("serviceplatform:plan_send", f"/unge/{y}/digital-post/plan/"),
        C("serviceplatform:plan_send", f"/unge/{y}/digital-post/plan/", "post", {}),
        C("serviceplatform:plan_meeting_send", f"/unge/{y}/digital-post/planmoede/{w.plan_meeting.pk}/"),
        C("serviceplatform:plan_meeting_send", f"/unge/{y}/digital-post/planmoede/{w.plan_meeting.pk}/", "post", {}),
        C("serviceplatform:followup_send", f"/unge/{y}/digital-post/opfoelgning/{w.followup.pk}/"),
        C("serviceplatform:followup_send", f"/unge/{y}/digital-post/opfoelgning/{w.followup.pk}/", "post", {}),
        # The fake mailbox: the outsider's own (empty) page in development, without the young person's letter
        # (test_flows.test_the_fake_mailbox_shows_an_outsider_no_one_elses_letters); the attachment is refused.
        C("serviceplatform:mailbox", "/udvikling/digital-post/", settings=DEVELOPMENT,
          allowed_for=("outsider", "stranger", "leader")),
        C("serviceplatform:attachment", f"/udvikling/digital-post/bilag/{w.attachment.pk}/", settings=DEVELOPMENT),
    ]
