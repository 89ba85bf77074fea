"""Parents and guardians at a young person's plan meetings and follow-up steps.

Guardians never log in. A guardian put on a meeting is invited by SMS (through the messaging outbox, to the
guardian's number) and, when chosen, reminded by SMS the afternoon before; one with an e-mail address also gets
the .ics. For a young person under 18 on the meeting day her guardians may be invited; from 18 only with her
consent — a chain.Consent she sees in "Mine samtykker" and can withdraw there, which stops what is not yet sent
(the outbox checks the consent when a message is due). The contact person sees on the meetings page who was
invited and whether the SMS went.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ungeforlob.core.text import default_language
from ungeforlob.meetings.models import MeetingParticipant, ParticipantKind
from ungeforlob.youth.models import Youth

log = logging.getLogger(__name__)

ADULT_AGE = 18
REMINDER_HOUR = 16
RELATED_TYPE = "meetings.participant"


def meeting_day(*, plan_meeting: Any = None, followup: Any = None) -> datetime.date:
    return plan_meeting.held_on if plan_meeting is not None else followup.due_date


def consent_needed(youth: Youth, day: datetime.date) -> bool:
    """Her age is taken on the meeting day: from 18 her guardians come only with her consent."""
    return youth.age_on(day) >= ADULT_AGE


def check_consent(*, youth: Youth, day: datetime.date, consent: Any) -> Any:
    """The consent a guardian's invitation rests on (None under 18), or a Danish ValidationError."""
    if not consent_needed(youth, day):
        return None
    if consent is None:
        raise ValidationError({"consent": _(
            "Den unge er 18 år eller ældre på mødedagen. Forældre eller værge kan kun inviteres med den unges "
            "samtykke. Registrér samtykket under Kæden, og vælg det her.")})
    today = timezone.localdate()
    if consent.youth_id != youth.pk or not consent.is_valid_on(today) or not consent.is_valid_on(day):
        raise ValidationError({"consent": _("Samtykket gælder ikke (længere) på mødedagen. Vælg et gyldigt samtykke.")})
    return consent


def _key(participant: MeetingParticipant, what: str) -> str:
    return f"meetings:guardian:{participant.pk}:{what}"


def _texts(*, youth: Youth, actor: Any, plan_meeting: Any, followup: Any) -> tuple[str, str]:
    """The invitation and the reminder, in the installation's language (the guardian's is unknown). They name
    the young person by first name only, and no one else: an SMS can be read by others."""
    if plan_meeting is not None:
        when = date_format(plan_meeting.held_on, "l \\d. j. F")
        what = _("et planmøde om %(name)s %(when)s") % {"name": youth.first_name, "when": when}
    else:
        when = _("%(day)s kl. %(clock)s") % {"day": date_format(followup.due_date, "l \\d. j. F"),
                                             "clock": followup.due_time.strftime("%H.%M")}
        what = _("et møde om %(name)s %(when)s") % {"name": youth.first_name, "when": when}
    org = actor.organisation.name if getattr(actor, "organisation_id", None) else _("Ungeindsatsen")
    invitation = _("Hej. Du er inviteret til %(what)s. Har du spørgsmål, så kontakt %(org)s.") % {
        "what": what, "org": org}
    reminder = _("Hej. Husk %(what)s.") % {"what": what}
    return invitation, reminder


def invite(*, actor: Any, youth: Youth, participant: MeetingParticipant, plan_meeting: Any = None,
           followup: Any = None) -> None:
    """Queue the guardian's invitation SMS (now) and reminder (the afternoon before), and e-mail the .ics.
    Called inside the service's transaction: the messages exist exactly when the participant does."""
    from ungeforlob.messaging.models import MessageKind
    from ungeforlob.messaging.services import sms_enqueue

    day = meeting_day(plan_meeting=plan_meeting, followup=followup)
    today = timezone.localdate()
    if day < today:
        return  # a meeting already held: nothing to invite to
    guardian = participant.guardian
    with default_language():
        invitation, reminder = _texts(youth=youth, actor=actor, plan_meeting=plan_meeting, followup=followup)
    common = {"youth": youth, "actor": actor, "guardian": guardian, "consent": participant.consent,
              "related_type": RELATED_TYPE, "related_id": participant.pk, "accept_warnings": True}
    sms_enqueue(body=invitation, kind=MessageKind.NOTICE, idempotency_key=_key(participant, "invitation"), **common)
    remind_at = timezone.make_aware(datetime.datetime.combine(day - datetime.timedelta(days=1),
                                                              datetime.time(REMINDER_HOUR)))
    if participant.sms_reminder and remind_at > timezone.now():
        sms_enqueue(body=reminder, kind=MessageKind.REMINDER, send_at=remind_at,
                    idempotency_key=_key(participant, "reminder"), **common)
    if guardian.email:
        _email_ics(guardian.email, youth=youth, plan_meeting=plan_meeting, followup=followup, text=invitation)


def _email_ics(address: str, *, youth: Youth, plan_meeting: Any, followup: Any, text: str) -> None:
    from ungeforlob.meetings import invitations

    with default_language():
        if plan_meeting is not None:
            ics, filename = invitations.plan_meeting_ics(plan_meeting, first_name=youth.first_name), "planmoede.ics"
        else:
            ics, filename = invitations.followup_ics(followup, first_name=youth.first_name), "opfoelgning.ics"
        subject = _("Invitation til et møde")

    def send() -> None:
        message = EmailMessage(subject, text, None, [address])
        message.attach(filename, ics, invitations.CONTENT_TYPE)
        try:
            message.send()
        except Exception:  # noqa: BLE001 - a mail server hiccup must not undo the invitation; it is logged
            log.exception("Could not e-mail a guardian's meeting invitation")

    transaction.on_commit(send)


def uninvite(*, actor: Any, participant: MeetingParticipant) -> None:
    """Taken off the meeting: what is not yet sent to the guardian is cancelled."""
    from ungeforlob.messaging.services import sms_cancel

    if participant.kind == ParticipantKind.GUARDIAN:
        for what in ("invitation", "reminder"):
            sms_cancel(idempotency_key=_key(participant, what), actor=actor)


def sms_status(participants: list[MeetingParticipant]) -> dict[int, list[Any]]:
    """{participant id: its SMS (invitation, reminder)} for the guardians among `participants`: one query."""
    from ungeforlob.messaging.models import OutboundMessage

    ids = [str(p.pk) for p in participants if p.kind == ParticipantKind.GUARDIAN]
    if not ids:
        return {}
    out: dict[int, list[Any]] = {}
    for m in (OutboundMessage.objects.filter(related_type=RELATED_TYPE, related_id__in=ids)
              .order_by("send_at", "pk")):
        out.setdefault(int(m.related_id), []).append(m)
    return out
