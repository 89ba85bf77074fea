"""Choosing on Min side: a professional's presentation, and the young person's proposal of a contact person."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.portal.models import ContactProposal, ProposalStatus, StaffPresentation
from ungeforlob.portal.services.checkins import _tell_contact_people
from ungeforlob.portal.services.consents import _own
from ungeforlob.portal.services.wishes import REPLY_MAX
from ungeforlob.youth.models import Youth

# --- Choosing: a contact person, an offer -----------------------------------------------------------------

GOOD_AT_MAX = 300
WHY_MAX = 300


@transaction.atomic
def presentation_save(*, actor: Any, choosable: bool, good_at: str) -> StaffPresentation:
    """A professional's own short presentation for young people, and whether they can be chosen."""
    good_at = (good_at or "").strip()
    if len(good_at) > GOOD_AT_MAX:
        raise ValidationError({"good_at": _("Skriv højst %(n)s tegn.") % {"n": GOOD_AT_MAX}})
    if choosable and not good_at:
        raise ValidationError({"good_at": _("Skriv kort, hvad du er god til, så de unge kan vælge dig.")})
    if choosable and (not actor.is_active or actor.municipality_id is None):
        raise ValidationError({"choosable": _("Kun en aktiv fagperson i kommunen kan vælges af unge.")})
    presentation, _created = StaffPresentation.objects.select_for_update().get_or_create(user=actor)
    presentation.choosable = bool(choosable)
    presentation.good_at = good_at
    presentation.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=presentation,
                 detail={"choosable": presentation.choosable})
    return presentation


@transaction.atomic
def contact_proposal_create(*, youth: Youth, professional_id: Any, why: str = "") -> ContactProposal:
    """She proposes a contact person among those the municipality lets young people choose (portal.choose).

    One proposal waits at a time. The wish is written in her circle too (chain.contact_wish_record), and her
    contact person is told. Bad input raises ValidationError (Danish) and saves nothing."""
    from ungeforlob.chain.services import contact_wish_record
    from ungeforlob.portal.choose import choosable_professionals, current_contact_ids

    why = (why or "").strip()
    if len(why) > WHY_MAX:
        raise ValidationError({"why": _("Skriv højst %(n)s tegn.") % {"n": WHY_MAX}})
    professional = _own(choosable_professionals(youth), professional_id)
    if professional is None:
        raise ValidationError({"professional": _("Vælg en af dem på listen.")})
    if professional.pk in current_contact_ids(youth):
        raise ValidationError({"professional": _("%(name)s er allerede din kontaktperson.")
                               % {"name": professional.get_full_name()}})
    Youth.objects.select_for_update().filter(pk=youth.pk).first()  # one proposal at a time, also when racing
    if ContactProposal.objects.filter(youth=youth, status=ProposalStatus.NEW).exists():
        raise ValidationError({"professional": _("Du har allerede et forslag, der venter på svar.")})
    proposal = ContactProposal.objects.create(
        youth=youth, professional=professional, why=why,
        professional_name=(professional.get_full_name() or professional.username)[:200])
    contact_wish_record(actor=None, youth=youth, wished_professional=professional, wish_text=why, by_youth=True)
    audit_record(actor=None, actor_youth=youth, action=AuditAction.CREATE, youth=youth, obj=proposal)
    _tell_contact_people(youth, kind="kontaktperson_oenske", url_name="portal:staff_proposals",
                         text=_("Den unge har foreslået en ny kontaktperson på Min side."))
    return proposal


PROPOSAL_DECISIONS = {"ja": ProposalStatus.ACCEPTED, "tale": ProposalStatus.DISCUSS, "nej": ProposalStatus.DECLINED}


@transaction.atomic
def contact_proposal_handle(*, actor: Any, youth: Youth, proposal: ContactProposal, decision: str,
                            reply: str = "") -> ContactProposal:
    """The contact person answers her proposal: yes (they then make the handover in the circle), let us talk,
    or not now — the last two with a reply she reads. She is told on Min side."""
    from ungeforlob.notifications.services import youth_notify

    locked = ContactProposal.objects.select_for_update().filter(pk=proposal.pk, youth=youth).first()
    if locked is None:
        raise ValidationError({"__all__": _("Forslaget findes ikke.")})
    if not locked.is_open:
        raise ValidationError({"__all__": _("Forslaget er allerede besvaret.")})
    status = PROPOSAL_DECISIONS.get(decision)
    if status is None:
        raise ValidationError({"decision": _("Vælg et svar.")})
    reply = (reply or "").strip()
    if len(reply) > REPLY_MAX:
        raise ValidationError({"reply": _("Skriv højst %(n)s tegn.") % {"n": REPLY_MAX}})
    if status != ProposalStatus.ACCEPTED and not reply:
        raise ValidationError({"reply": _("Skriv et svar til den unge, så hun eller han ved hvorfor.")})
    locked.status, locked.reply, locked.handled_by = status, reply, actor
    locked.handled_by_name = (actor.get_full_name() or actor.username)[:200]
    locked.handled_at = timezone.now()
    locked.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=youth, obj=locked, detail={"status": status})
    youth_notify(youth=youth, kind="kontaktperson_svar", actor=actor, related_type="portal.contactproposal",
                 related_id=locked.pk, text=_("Du har fået svar på dit forslag om kontaktperson."))
    return locked
