"""Calendar invitations (.ics) for chain meetings, plan meetings and follow-up steps, and the e-mail that
carries them.

An invitation carries no more personal data than the young person's first name (plan meetings and follow-ups;
a chain meeting's invitation names no young person at all): it lands in calendars outside the system.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vRecur

from ungeforlob.core.text import default_language

log = logging.getLogger(__name__)

PRODID = "-//Ungeforløb//Kædemøder//DA"
CONTENT_TYPE = "text/calendar; charset=utf-8"
_FREQ = {"ugentlig": {"FREQ": "WEEKLY"}, "hver_anden_uge": {"FREQ": "WEEKLY", "INTERVAL": 2},
         "maanedlig": {"FREQ": "MONTHLY"}}


def _domain() -> str:
    return getattr(settings, "ICS_UID_DOMAIN", "ungeforlob.dk")


def _aware(day: datetime.date, at: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, at))


def _calendar(event: Event) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    event.add("dtstamp", timezone.now())
    cal.add_component(event)
    return cal.to_ical()


def _event(uid: str, summary: str, start: datetime.datetime | datetime.date, *, minutes: int = 0,
           location: str = "") -> Event:
    event = Event()
    event.add("uid", f"{uid}@{_domain()}")
    event.add("summary", summary)
    event.add("dtstart", start)
    if isinstance(start, datetime.datetime):
        event.add("dtend", start + datetime.timedelta(minutes=minutes or 30))
    if location:
        event.add("location", location)
    return event


def meeting_series_ics(meeting: Any) -> bytes:
    """The whole series, repeating in the meeting's rhythm."""
    event = _event(f"kaedemoede-{meeting.pk}", _("Kædemøde: %(name)s") % {"name": meeting.name},
                   _aware(meeting.first_date, meeting.starts_at), minutes=meeting.duration_minutes,
                   location=meeting.location)
    rule = dict(_FREQ.get(meeting.rhythm, {"FREQ": "WEEKLY"}))
    if meeting.ended_on:
        rule["UNTIL"] = meeting.ended_on
    event.add("rrule", vRecur(rule))
    return _calendar(event)


def occurrence_ics(occurrence: Any) -> bytes:
    meeting = occurrence.meeting
    event = _event(f"kaedemoede-{meeting.pk}-{occurrence.pk}", _("Kædemøde: %(name)s") % {"name": meeting.name},
                   _aware(occurrence.held_on, meeting.starts_at), minutes=meeting.duration_minutes,
                   location=meeting.location)
    return _calendar(event)


def plan_meeting_ics(plan_meeting: Any, *, first_name: str) -> bytes:
    """A plan meeting has a day, not a time: an all-day event."""
    return _calendar(_event(f"planmoede-{plan_meeting.pk}", _("Planmøde med %(name)s") % {"name": first_name},
                            plan_meeting.held_on))


def followup_ics(followup: Any, *, first_name: str) -> bytes:
    return _calendar(_event(f"opfoelgning-{followup.pk}", _("Opfølgning med %(name)s") % {"name": first_name},
                            _aware(followup.due_date, followup.due_time), minutes=30))


def _send(recipients: Iterable[Any], subject: str, body: str, filename: str, ics: bytes) -> None:
    addresses = [r.email for r in recipients if getattr(r, "email", "")]
    if not addresses:
        return

    def send() -> None:
        for address in addresses:
            message = EmailMessage(subject, body, None, [address])
            message.attach(filename, ics, CONTENT_TYPE)
            try:
                message.send()
            except Exception:  # noqa: BLE001 - a mail server hiccup must not undo the change; it is logged
                log.exception("Could not send a meeting invitation")

    transaction.on_commit(send)


def send_series(meeting: Any, recipients: Iterable[Any]) -> None:
    """E-mail the chain meeting's invitation to new participants (sent after commit)."""
    recipients = list(recipients)
    if not recipients:
        return
    with default_language():
        _send(recipients, _("Ungeforløb: du er inviteret til et kædemøde"),
              _("Du er med i kædemødet »%(name)s«. Invitationen er vedhæftet. Dagsordenen finder du i Ungeforløb.")
              % {"name": meeting.name}, "kaedemoede.ics", meeting_series_ics(meeting))


def send_single(professional: Any, *, youth: Any, plan_meeting: Any = None, followup: Any = None) -> None:
    """E-mail a plan meeting's or follow-up step's invitation to a member of staff (sent after commit)."""
    with default_language():
        if plan_meeting is not None:
            ics, filename = plan_meeting_ics(plan_meeting, first_name=youth.first_name), "planmoede.ics"
        else:
            ics, filename = followup_ics(followup, first_name=youth.first_name), "opfoelgning.ics"
        _send([professional], _("Ungeforløb: du er inviteret til et møde"),
              _("Du er sat på som deltager i et møde. Invitationen er vedhæftet. Se mere i Ungeforløb."),
              filename, ics)
