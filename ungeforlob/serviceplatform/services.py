"""Writes of the serviceplatform app: CPR look-ups and letters to Digital Post, each audited with its purpose."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.serviceplatform import adapters
from ungeforlob.serviceplatform.adapters import Attachment, Memo, Person, ServiceUnavailable
from ungeforlob.serviceplatform.models import Letter, LetterKind, RecipientRole
from ungeforlob.youth import cpr
from ungeforlob.youth.models import Youth

PURPOSE_CREATE = "Hent fra CPR: navn og adresse ved oprettelse af en ung"
PURPOSE_CUSTODY = "Hent fra CPR: forældremyndighed, modtagere af brev i Digital Post"
ADULT_AGE = 18


def may_register_youth(user: Any) -> bool:
    """Who may register a young person (and so look one up in CPR first): the rule of `youth.views.youth_create`."""
    return bool(policy.is_staff_user(user) and user.municipality_id is not None and not policy.is_leader(user)
                and not policy.is_dpo(user))


def cpr_lookup(*, actor: Any, cpr_number: str, purpose: str, youth: Youth | None = None) -> Person:
    """Look a person up in the CPR register (the configured adapter) and log the look-up with its purpose, found
    or not. A young person already registered under the number in the actor's municipality gets the row on their
    "Hvem har kigget". Raises ValidationError({"cpr": ...}) for a malformed number, PersonNotFound when the
    register does not know it, ServiceUnavailable when the service fails (all with Danish messages)."""
    try:
        digits = cpr.normalize_cpr(cpr_number)
    except ValidationError as exc:
        raise ValidationError({"cpr": exc.messages}) from None
    if youth is None and getattr(actor, "municipality_id", None) is not None:
        youth = Youth.objects.filter(municipality_id=actor.municipality_id, cpr_hash=cpr.lookup_hash(digits)).first()
    register = adapters.cpr_register()
    found: Person | None = None
    try:
        found = register.lookup(digits)
        return found
    finally:
        # Written whatever the answer: a look-up the register could not answer was still a look-up.
        audit_record(actor=actor, action=AuditAction.READ, youth=youth, object_type="cpr_lookup", purpose=purpose,
                     detail={"adapter": register.name, "found": found is not None})


def recipients_for(*, actor: Any, youth: Youth) -> list[tuple[str, str, str]]:
    """(role, CPR number, name) of everyone a letter about the young person goes to: the young person, and when
    under 18 each holder of parental custody the CPR register names. Raises ValidationError when a young person
    under 18 cannot be looked up (a letter meant for the custodians must not go to the young person alone)."""
    digits = cpr.decrypt(youth.cpr_encrypted)
    recipients = [(RecipientRole.YOUTH.value, digits, "")]
    if youth.age >= ADULT_AGE:
        return recipients
    try:
        person = cpr_lookup(actor=actor, cpr_number=digits, purpose=PURPOSE_CUSTODY, youth=youth)
    except ServiceUnavailable as exc:
        raise ValidationError(_("Den unge er under 18, og forældremyndigheden kunne ikke hentes fra CPR (%(reason)s). "
                                "Brevet er ikke sendt.") % {"reason": exc}) from None
    return recipients + [(RecipientRole.CUSTODIAN.value, c.cpr, c.name[:150]) for c in person.custodians]


@transaction.atomic
def letter_send(*, actor: Any, youth: Youth, kind: str, title: str, body: str, attachment: Attachment,
                purpose: str) -> list[Letter]:
    """Send one letter about the young person to the Digital Post of each recipient (`recipients_for`), record a
    `Letter` per recipient, log the sending with its purpose and tell the young person on Min side.

    Only a member of the circle who may edit the young person sends (PermissionDenied otherwise). When the
    service fails, nothing is recorded and the Danish message comes back as a ValidationError."""
    if not policy.can(actor, policy.Action.EDIT, youth):
        raise PermissionDenied
    from ungeforlob.notifications.services import youth_notify

    recipients = recipients_for(actor=actor, youth=youth)
    post = adapters.digital_post()
    sent_by_name = actor.get_full_name() or actor.username
    letters = []
    try:
        for role, digits, name in recipients:
            message_id = post.send(Memo(recipient_cpr=digits, title=title, body=body, attachments=(attachment,)))
            letters.append(Letter(youth=youth, kind=kind, title=title[:200], recipient_role=role,
                                  recipient_name=name, message_id=message_id[:64], adapter=post.name,
                                  sent_by=actor, sent_by_name=sent_by_name))
    except ServiceUnavailable as exc:
        raise ValidationError(_("Brevet kunne ikke sendes: %(reason)s") % {"reason": exc}) from None
    Letter.objects.bulk_create(letters)
    audit_record(actor=actor, action=AuditAction.EXPORT, youth=youth, object_type="digital_post",
                 purpose=purpose, detail={"kind": kind, "recipients": [role for role, _d, _n in recipients],
                                          "adapter": post.name})
    custodians = len(recipients) - 1
    text = (_("Vi har sendt et brev til din Digital Post og til dine forældres: %(title)s") if custodians
            else _("Vi har sendt et brev til din Digital Post: %(title)s")) % {"title": title}
    youth_notify(youth=youth, kind="digital_post", text=text, actor=actor, related_type="serviceplatform.letter",
                 related_id=letters[0].pk if letters and letters[0].pk else "")
    return letters


def plan_send(*, actor: Any, youth: Youth) -> list[Letter]:
    """Min plan as PDF to the young person's (and under 18 the custodians') Digital Post."""
    from ungeforlob.plans.services import plan_pdf, youth_display_name

    if not policy.can(actor, policy.Action.EDIT, youth):
        raise PermissionDenied
    pdf = plan_pdf(youth=youth, actor=actor)
    name = youth_display_name(youth)
    return letter_send(
        actor=actor, youth=youth, kind=LetterKind.PLAN, title=_("Min plan for %(name)s") % {"name": name},
        body=_("Her er Min plan for %(name)s fra Ungeindsatsen. Planen er vedhæftet som PDF.\n\n"
               "Har du spørgsmål, så kontakt den unges kontaktperson.") % {"name": name},
        attachment=Attachment("min-plan.pdf", "application/pdf", pdf),
        purpose="Min plan sendt til Digital Post")


def meeting_invitation_send(*, actor: Any, youth: Youth, plan_meeting: Any = None, followup: Any = None
                            ) -> list[Letter]:
    """The invitation (.ics) to a plan meeting or a follow-up, to the young person's (and under 18 the
    custodians') Digital Post."""
    from ungeforlob.meetings import invitations

    if not policy.can(actor, policy.Action.EDIT, youth):
        raise PermissionDenied
    if plan_meeting is not None:
        when = date_format(plan_meeting.held_on, "DATE_FORMAT")
        title = _("Invitation til planmøde %(when)s") % {"when": when}
        ics, filename = invitations.plan_meeting_ics(plan_meeting, first_name=youth.first_name), "planmoede.ics"
    elif followup is not None:
        at = datetime.datetime.combine(followup.due_date, followup.due_time)
        when = date_format(at, "DATETIME_FORMAT")
        title = _("Invitation til opfølgning %(when)s") % {"when": when}
        ics, filename = invitations.followup_ics(followup, first_name=youth.first_name), "opfoelgning.ics"
    else:
        raise ValueError("plan_meeting or followup")
    return letter_send(
        actor=actor, youth=youth, kind=LetterKind.MEETING, title=title,
        body=_("Du er inviteret til et møde i Ungeindsatsen (%(when)s). Invitationen er vedhæftet, så du kan lægge "
               "den i din kalender.") % {"when": when},
        attachment=Attachment(filename, invitations.CONTENT_TYPE.split(";")[0], ics),
        purpose="Mødeinvitation sendt til Digital Post")
