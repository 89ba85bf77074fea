from __future__ import annotations

from ungeforlob.audit.models import AuditEvent
from ungeforlob.serviceplatform.models import Letter, LetterKind
from ungeforlob.serviceplatform.tests.factories import world
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S

DEVELOPMENT = {"DEBUG": True}


def cases(p: Personas) -> list[S]:
    w = world(p)
    y = p.youth.pk
    sent = Letter.objects.filter(youth=p.youth).count()
    return [
        S("serviceplatform:cpr_lookup", "/unge/ny/hent-fra-cpr/", "post", {"cpr": p.youth.cpr_reveal()},
          statuses=(200,), reader_may=True,  # every professional may register a young person
          effect=lambda r: AuditEvent.objects.filter(object_type="cpr_lookup", youth_id=p.youth.pk).exists()),
        S("serviceplatform:plan_send", f"/unge/{y}/digital-post/plan/", contains="Send til Digital Post"),
        S("serviceplatform:plan_send", f"/unge/{y}/digital-post/plan/", "post", {},
          effect=lambda r: Letter.objects.filter(youth=p.youth, kind=LetterKind.PLAN).count() > sent),
        S("serviceplatform:plan_meeting_send", f"/unge/{y}/digital-post/planmoede/{w.plan_meeting.pk}/",
          contains="planmødet"),
        S("serviceplatform:plan_meeting_send", f"/unge/{y}/digital-post/planmoede/{w.plan_meeting.pk}/", "post", {},
          effect=lambda r: Letter.objects.filter(youth=p.youth, kind=LetterKind.MEETING).exists()),
        S("serviceplatform:followup_send", f"/unge/{y}/digital-post/opfoelgning/{w.followup.pk}/",
          contains="opfølgningen"),
        S("serviceplatform:followup_send", f"/unge/{y}/digital-post/opfoelgning/{w.followup.pk}/", "post", {},
          effect=lambda r: Letter.objects.filter(youth=p.youth, kind=LetterKind.MEETING).exists()),
        S("serviceplatform:mailbox", "/udvikling/digital-post/", contains="Min plan for Josefine",
          settings=DEVELOPMENT),
        S("serviceplatform:attachment", f"/udvikling/digital-post/bilag/{w.attachment.pk}/", settings=DEVELOPMENT),
    ]
