"""A plan meeting, a follow-up and a letter in the fake mailbox for the shared personas."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from django.utils import timezone

from ungeforlob.testing import Personas


def world(p: Personas) -> SimpleNamespace:
    from ungeforlob.plans.models import PlanMeeting
    from ungeforlob.serviceplatform.adapters import Attachment, Memo
    from ungeforlob.serviceplatform.fake import FakeDigitalPost
    from ungeforlob.serviceplatform.models import FakeMessage, Letter, LetterKind, RecipientRole
    from ungeforlob.transitions.models import FollowUp
    from ungeforlob.transitions.tests.factories import transition

    plan_meeting = PlanMeeting.objects.create(youth=p.youth, held_on=timezone.localdate() + datetime.timedelta(days=2),
                                              created_by=p.contact_person)
    followup = (FollowUp.objects.filter(youth=p.youth).order_by("due_date", "pk").first()
                or transition(p, days=11).followups.order_by("due_date", "pk").first())
    message_id = FakeDigitalPost().send(Memo(p.youth.cpr_reveal(), "Min plan for Josefine", "Her er din plan.",
                                             (Attachment("min-plan.pdf", "application/pdf", b"%PDF-1.7 x"),)))
    letter = Letter.objects.create(youth=p.youth, kind=LetterKind.PLAN, title="Min plan for Josefine",
                                   recipient_role=RecipientRole.YOUTH, message_id=message_id, adapter="fake",
                                   sent_by=p.contact_person, sent_by_name="Mette Kjær")
    message = FakeMessage.objects.get(message_uuid=message_id)
    return SimpleNamespace(plan_meeting=plan_meeting, followup=followup, letter=letter, message=message,
                           attachment=message.attachments.get())
