"""Demo data: SMS consent and a short conversation for a few of the contact person's young people.

Idempotent: every row has a fixed key (idempotency key, gateway id) or is looked up before it is created.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from ungeforlob import policy
from ungeforlob.messaging.models import (
    CheckIn,
    CheckInStatus,
    InboundMessage,
    MessageKind,
    MessageStatus,
    OutboundMessage,
    SmsConsent,
    WakeUpSeries,
)

# (minutes before now, outgoing?, kind, text); {name} is the youth's first name.
CONVERSATIONS = [
    [
        (3 * 24 * 60, True, MessageKind.REMINDER, "Hej {name}. Husk vores aftale i morgen kl. 10.00, Ungeindsatsen. "
                                                  "Skriv, hvis du ikke kan komme."),
        (3 * 24 * 60 - 20, False, None, "Ok jeg kommer"),
        (2 * 24 * 60 - 30, True, MessageKind.CONVERSATION, "Godt at se dig i dag! Husk at sende ansøgningen inden fredag."),
        (24 * 60, False, None, "Jeg har gjort det"),
        (24 * 60 - 5, True, MessageKind.CONVERSATION, "Supergodt! 👍"),
    ],
    [
        (2 * 24 * 60, True, MessageKind.SCHEDULED, "Held og lykke i morgen på første skoledag, {name}!"),
        (2 * 24 * 60 - 60, False, None, "Tak 😊 lidt nervøs"),
        (24 * 60, True, MessageKind.CHECKIN, "Hvordan gik din første dag?"),
        (24 * 60 - 90, False, None, "Det gik fint, mødte en fra min gamle klasse"),
    ],
    [
        (26 * 60, True, MessageKind.WAKEUP, "Godmorgen {name}! Tid til at stå op. Svar STOP VÆKNING, når du selv kan komme op."),
        (26 * 60 - 15, False, None, "Er oppe"),
        (60, False, None, "Kan vi flytte tirsdag til onsdag?"),
    ],
    [
        (5 * 60, True, MessageKind.CONVERSATION, "Hej {name}, har du tid til en kort snak i morgen?"),
    ],
]


def load(*, municipality: Any, staff: dict[str, Any], orgs: dict[str, Any]) -> None:
    contact = staff["kontaktperson"]
    youths = list(policy.contact_person_youth(contact).filter(municipality=municipality)
                  .order_by("pk")[: len(CONVERSATIONS)])
    now = timezone.now()
    for youth, conversation in zip(youths, CONVERSATIONS, strict=False):
        SmsConsent.objects.get_or_create(
            youth=youth, defaults={"given_at": now - datetime.timedelta(days=30), "recorded_by": contact,
                                   "note": "Mundtligt ved første samtale"})
        last_checkin = None
        for n, (minutes, outgoing, kind, text) in enumerate(conversation):
            when = now - datetime.timedelta(minutes=minutes)
            body = text.format(name=youth.preferred_name or youth.first_name)
            if outgoing:
                message, created = OutboundMessage.objects.get_or_create(
                    idempotency_key=f"demo:{youth.pk}:{n}",
                    defaults={"youth": youth, "kind": kind, "body": body, "status": MessageStatus.DELIVERED,
                              "send_at": when, "due_at": when, "sent_at": when, "delivered_at": when,
                              "attempts": 1, "to_number": youth.mobile, "gateway": "development",
                              "created_by": None if kind == MessageKind.WAKEUP else contact},
                )
                if kind == MessageKind.CHECKIN:
                    last_checkin, _ = CheckIn.objects.get_or_create(
                        message=message, defaults={"youth": youth, "question": body, "created_by": contact})
            else:
                inbound, created = InboundMessage.objects.get_or_create(
                    gateway_message_id=f"demo:{youth.pk}:{n}",
                    defaults={"youth": youth, "from_number": youth.mobile, "body": body, "received_at": when},
                )
                if created and last_checkin is not None and last_checkin.status == CheckInStatus.OPEN:
                    last_checkin.status = CheckInStatus.ANSWERED
                    last_checkin.answer = body
                    last_checkin.answered_at = when
                    last_checkin.save()
                    inbound.checkin = last_checkin
                    inbound.save(update_fields=["checkin"])
    if len(youths) >= 3:
        sleeper = youths[2]
        if not WakeUpSeries.objects.filter(youth=sleeper).exists():
            today = timezone.localdate()
            WakeUpSeries.objects.create(
                youth=sleeper, time_of_day=datetime.time(7, 0), weekdays="0,1,2,3,4",
                start_date=today - datetime.timedelta(days=7), stop_date=today + datetime.timedelta(days=21),
                body=CONVERSATIONS[2][0][3].format(name=sleeper.preferred_name or sleeper.first_name),
                created_by=contact,
            )
    if len(youths) >= 4:
        failed_at = now - datetime.timedelta(hours=3)
        OutboundMessage.objects.get_or_create(
            idempotency_key=f"demo:{youths[3].pk}:failed",
            defaults={"youth": youths[3], "kind": MessageKind.REMINDER, "created_by": contact,
                      "body": "Husk vores aftale i morgen kl. 13.00.", "status": MessageStatus.FAILED,
                      "send_at": failed_at, "due_at": failed_at, "failed_at": failed_at, "attempts": 5,
                      "last_error": "HTTP 503", "status_reason": "Kunne ikke sendes efter 5 forsøg. "
                                                                "SMS-tjenesten svarede: HTTP 503"},
        )
