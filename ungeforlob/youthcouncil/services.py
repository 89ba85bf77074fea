"""Writes of Ungerådet: a young person joins or leaves; the leader keeps meetings, proposals and which answered
comments may be shown with their text. Each write is atomic and records its own audit row."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core import forms as core_forms
from ungeforlob.portal.models import ServiceFeedback
from ungeforlob.youth.models import Youth
from ungeforlob.youthcouncil.models import (
    CommentShowing,
    CouncilMeeting,
    CouncilMember,
    Proposal,
    ProposalStatus,
)

# One first name: letters, perhaps joined by a hyphen (Anne-Sofie). No digits, spaces or signs, so a member
# cannot show a full name, a phone number or anything else than a first name.
FIRST_NAME = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)?$")


class StaleEdit(core_forms.StaleEdit):
    """Someone saved the same thing since the form was drawn."""

    def __init__(self, current_version: int) -> None:
        super().__init__(_("En anden har gemt en ændring imens. Se den nye udgave, og ret igen, hvis det stadig er "
                           "nødvendigt."), current_version=current_version)


# --- The young person -------------------------------------------------------------------------------------


@transaction.atomic
def council_join(*, youth: Youth, shown_name: str = "") -> CouncilMember:
    """The young person joins Ungerådet, shown to the others by `shown_name` (one first name) or not at all.
    Joining again changes only the name shown."""
    shown_name = shown_name.strip()
    if shown_name and not FIRST_NAME.match(shown_name):
        raise ValidationError({"shown_name": _("Skriv kun et fornavn. Brug ikke tal eller tegn.")})
    member, created = CouncilMember.objects.select_for_update().get_or_create(
        youth=youth, defaults={"shown_name": shown_name})
    if not created:
        if member.shown_name == shown_name:
            return member
        member.shown_name = shown_name
        member.save(update_fields=["shown_name"])
    audit_record(actor=None, actor_youth=youth, action=AuditAction.CREATE if created else AuditAction.UPDATE,
                 youth=youth, obj=member, detail={"shows_name": bool(shown_name)})
    return member


@transaction.atomic
def council_leave(*, youth: Youth) -> bool:
    """The young person leaves Ungerådet: her membership (and the name shown) is deleted. False when she was not
    a member (a second click)."""
    deleted, _rows = CouncilMember.objects.filter(youth=youth).delete()
    if deleted:
        audit_record(actor=None, actor_youth=youth, action=AuditAction.DELETE, youth=youth,
                     object_type="councilmember")
    return bool(deleted)


# --- The leader: meetings ---------------------------------------------------------------------------------


def _check_version(obj: Any, version: int | None) -> None:
    if version is not None and version != obj.version:
        raise StaleEdit(obj.version)


def _clean_meeting(held_on: datetime.date, place: str, agenda: str) -> None:
    errors = {}
    today = timezone.localdate()
    if not (today - datetime.timedelta(days=5 * 365) <= held_on <= today + datetime.timedelta(days=2 * 365)):
        errors["held_on"] = _("Vælg en dato inden for de næste to år eller de sidste fem år.")
    if not place.strip():
        errors["place"] = _("Skriv, hvor mødet er.")
    if not agenda.strip():
        errors["agenda"] = _("Skriv, hvad I skal tale om.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def meeting_create(*, actor: Any, held_on: datetime.date, place: str, agenda: str,
                   starts_at: datetime.time | None = None, minutes: str = "") -> CouncilMeeting:
    """A meeting of the actor's municipality's council. A coming meeting is told to every member on Min side
    (a notice under "Nyt til dig"; no SMS)."""
    from ungeforlob.notifications.services import youth_notify

    _clean_meeting(held_on, place, agenda)
    meeting = CouncilMeeting.objects.create(municipality_id=actor.municipality_id, held_on=held_on,
                                            starts_at=starts_at, place=place.strip(), agenda=agenda.strip(),
                                            minutes=minutes.strip())
    audit_record(actor=actor, action=AuditAction.CREATE, obj=meeting, municipality=actor.municipality)
    if held_on >= timezone.localdate():
        text = _("Ungerådet holder møde %(day)s på %(place)s.") % {
            "day": formats.date_format(held_on, "j. F"), "place": meeting.place}
        members = CouncilMember.objects.filter(youth__municipality_id=actor.municipality_id).select_related("youth")
        for member in members:
            youth_notify(youth=member.youth, kind="youthcouncil_meeting", text=text,
                         related_type="youthcouncil.councilmeeting", related_id=meeting.pk)
    return meeting


@transaction.atomic
def meeting_update(*, actor: Any, meeting: CouncilMeeting, version: int | None, held_on: datetime.date, place: str,
                   agenda: str, starts_at: datetime.time | None = None, minutes: str = "") -> CouncilMeeting:
    """Change a meeting (the minutes are written here after it). `version` is the one the leader saw."""
    meeting = CouncilMeeting.objects.select_for_update().get(pk=meeting.pk)
    _check_version(meeting, version)
    _clean_meeting(held_on, place, agenda)
    meeting.held_on, meeting.starts_at, meeting.place = held_on, starts_at, place.strip()
    meeting.agenda, meeting.minutes = agenda.strip(), minutes.strip()
    meeting.version += 1
    meeting.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=meeting, municipality=actor.municipality)
    return meeting


@transaction.atomic
def meeting_delete(*, actor: Any, meeting: CouncilMeeting) -> None:
    """Delete a meeting; its proposals stay, without the meeting."""
    pk = meeting.pk
    CouncilMeeting.objects.filter(pk=pk).delete()
    audit_record(actor=actor, action=AuditAction.DELETE, object_type="councilmeeting", object_id=pk,
                 municipality=actor.municipality)


# --- The leader: proposals --------------------------------------------------------------------------------


def _clean_proposal(actor: Any, text: str, status: str, outcome: str, meeting: CouncilMeeting | None) -> None:
    errors = {}
    if not text.strip():
        errors["text"] = _("Skriv, hvad de unge foreslog.")
    if status not in ProposalStatus.values:
        errors["status"] = _("Vælg en status.")
    if status in (ProposalStatus.DONE, ProposalStatus.NOT_DONE) and not outcome.strip():
        errors["outcome"] = _("Skriv, hvad der kom ud af det – også når det ikke kunne lade sig gøre.")
    if meeting is not None and meeting.municipality_id != actor.municipality_id:
        errors["meeting"] = _("Vælg et af jeres egne møder.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def proposal_create(*, actor: Any, text: str, status: str = ProposalStatus.NEW, outcome: str = "",
                    meeting: CouncilMeeting | None = None) -> Proposal:
    _clean_proposal(actor, text, status, outcome, meeting)
    proposal = Proposal.objects.create(municipality_id=actor.municipality_id, text=text.strip(), status=status,
                                       outcome=outcome.strip(), meeting=meeting)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=proposal, municipality=actor.municipality)
    return proposal


@transaction.atomic
def proposal_update(*, actor: Any, proposal: Proposal, version: int | None, text: str, status: str,
                    outcome: str = "", meeting: CouncilMeeting | None = None) -> Proposal:
    """Change a proposal, typically to write what came of it. `version` is the one the leader saw."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _check_version(proposal, version)
    _clean_proposal(actor, text, status, outcome, meeting)
    proposal.text, proposal.status, proposal.outcome, proposal.meeting = text.strip(), status, outcome.strip(), meeting
    proposal.version += 1
    proposal.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=proposal, municipality=actor.municipality,
                 detail={"status": status})
    return proposal


@transaction.atomic
def proposal_delete(*, actor: Any, proposal: Proposal) -> None:
    pk = proposal.pk
    Proposal.objects.filter(pk=pk).delete()
    audit_record(actor=actor, action=AuditAction.DELETE, object_type="proposal", object_id=pk,
                 municipality=actor.municipality)


# --- The leader: answered comments ------------------------------------------------------------------------


@transaction.atomic
def comment_show_set(*, actor: Any, feedback: ServiceFeedback, show_text: bool) -> CommentShowing:
    """The leader marks whether an answered comment's text is fit to show the young people (it is shown scrubbed
    and without a date; the answer is shown either way)."""
    showing, created = CommentShowing.objects.select_for_update().get_or_create(
        feedback=feedback, defaults={"show_text": show_text, "decided_at": timezone.now(), "decided_by": actor})
    if not created:
        if showing.show_text == show_text:
            return showing
        showing.show_text, showing.decided_at, showing.decided_by = show_text, timezone.now(), actor
        showing.save()
    audit_record(actor=actor, action=AuditAction.CREATE if created else AuditAction.UPDATE, obj=showing,
                 municipality=actor.municipality, detail={"show_text": show_text})
    return showing
