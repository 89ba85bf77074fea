"""Handovers: a role moves to a named receiver who accepts it; a leader reassigns a departing
professional's caseload."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ungeforlob.accounts.models import Role
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain.models import (
    ChainRole,
    Consent,
    Handover,
    HandoverComment,
    HandoverStatus,
    Membership,
)
from ungeforlob.chain.services.circle import (
    _check_professional,
    _end_on,
    _grounds,
    _membership_create,
    _open_contact,
    _other_roles_of,
    _today,
    member_end,
)
from ungeforlob.core.text import default_language, youth_language
from ungeforlob.notifications.services import staff_notify, youth_notify
from ungeforlob.webhooks.services import event_emit
from ungeforlob.youth.models import Youth


@transaction.atomic
def handover_create(*, actor: Any, youth: Youth, receiver: Any, role: str, what_works: str, watch_out: str = "",
                    agreements: str = "", plan: str = "", consent: Consent | None = None, legal_basis: str = "",
                    legal_basis_note: str = "") -> Handover:
    """Write a handover to a named receiver, who must accept it. Consent is checked for another sector.
    Sending the same open handover twice gives back the first."""
    _check_professional(receiver, youth, "receiver")
    if receiver.pk == actor.pk:
        raise ValidationError({"receiver": _("Du kan ikke overlevere til dig selv.")})
    if role not in ChainRole.values:
        raise ValidationError({"role": _("Vælg en rolle fra listen.")})
    what_works = (what_works or "").strip()
    if not what_works:
        raise ValidationError({"what_works": _("Skriv hvad der virker for den unge.")})
    open_one = Handover.objects.filter(youth=youth, receiver=receiver, role=role, status=HandoverStatus.SENT).first()
    if open_one is not None:
        return open_one
    if role == ChainRole.CONTACT_PERSON:
        contact = _open_contact(youth)
        if contact is not None and contact.professional_id == receiver.pk:
            raise ValidationError({"receiver": _("%(name)s er allerede kontaktperson.") % {"name": receiver}})
    consent, legal_basis, _note = _grounds(youth=youth, professional=receiver, actor=actor, consent=consent,
                                           legal_basis=legal_basis, legal_basis_note=legal_basis_note)
    handover = Handover.objects.create(
        youth=youth, sender=actor, receiver=receiver, role=role, what_works=what_works[:3000],
        watch_out=(watch_out or "").strip()[:3000], agreements=(agreements or "").strip()[:3000],
        plan=(plan or "").strip()[:3000], consent=consent, legal_basis=legal_basis,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=handover,
                 detail={"receiver": receiver.pk, "role": role})
    event_emit(event_type="handover", municipality_id=youth.municipality_id, youth=youth,
               data={"handover_id": handover.pk, "status": handover.status, "role": role})
    with default_language():
        staff_notify(recipients=[receiver], kind="overlevering",
                     text=_("Du har fået en overlevering, som du skal tage stilling til."),
                     url=reverse("chain:handover_detail", args=[handover.pk]),
                     email_subject=_("Ungeforløb: en overlevering venter på dig"),
                     email_body=_("Du har fået en overlevering i Ungeforløb, som du skal læse og acceptere. "
                                  "Af hensyn til den unge står der ikke mere i denne mail."))
    with youth_language(youth):
        youth_notify(youth=youth, kind="overlevering",
                     text=_("Der er skrevet en overlevering til %(name)s, som skal være din %(role)s. "
                            "Du kan læse den og skrive en kommentar.") % {"name": receiver, "role": ChainRole(role).label},
                     related_type="handover", related_id=handover.pk)
    return handover


def _transfer(*, actor: Any, youth: Youth, sender: Any, receiver: Any, role: str, consent: Consent | None,
              legal_basis: str, today: datetime.date) -> Membership:
    """Move a role from sender to receiver in the circle: the old row ends today, the new starts today."""
    if role == ChainRole.CONTACT_PERSON:
        old = Membership.objects.select_for_update(of=("self",)).open().filter(
            youth=youth, role=role).first()
    else:
        old = Membership.objects.select_for_update(of=("self",)).open().filter(
            youth=youth, role=role, professional=sender).first()
    if old is not None:
        old.end_date = _end_on(old, today)
        old.save(update_fields=["end_date"])
        audit_record(actor=actor, action=AuditAction.UPDATE, youth=youth, obj=old, detail={"ended": str(old.end_date)})
    existing = Membership.objects.open().filter(youth=youth, professional=receiver, role=role).first()
    if existing is not None:
        return existing
    return _membership_create(actor=actor, youth=youth, professional=receiver, role=role,
                              start=max(today, old.end_date) if old else today, consent=consent,
                              legal_basis=legal_basis, previous=old)


@transaction.atomic
def handover_accept(*, actor: Any, handover: Handover) -> Handover:
    """The named receiver accepts: they take over the role (the contact person changes at once)."""
    if handover.receiver_id != actor.pk:
        raise ValidationError({"__all__": _("Kun modtageren kan acceptere overleveringen.")})
    if handover.consent_id and not handover.consent.is_valid_on(_today()):
        raise ValidationError({"__all__": _("Samtykket er trukket tilbage eller udløbet. Overleveringen kan "
                                            "ikke accepteres.")})
    claimed = Handover.objects.filter(pk=handover.pk, status=HandoverStatus.SENT).update(
        status=HandoverStatus.ACCEPTED, decided_at=timezone.now(), decided_by=actor)
    if not claimed:
        raise ValidationError({"__all__": _("Overleveringen er allerede behandlet.")})
    handover.refresh_from_db()
    _transfer(actor=actor, youth=handover.youth, sender=handover.sender, receiver=actor, role=handover.role,
              consent=handover.consent, legal_basis=handover.legal_basis, today=_today())
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=handover.youth, obj=handover, detail={"accepted": True})
    event_emit(event_type="handover", municipality_id=handover.youth.municipality_id, youth=handover.youth,
               data={"handover_id": handover.pk, "status": handover.status, "role": handover.role})
    with default_language():
        staff_notify(recipients=[handover.sender], kind="overlevering",
                     text=_("Din overlevering er accepteret af %(name)s.") % {"name": actor},
                     url=reverse("chain:handover_detail", args=[handover.pk]))
    return handover


@transaction.atomic
def handover_decline(*, actor: Any, handover: Handover, reason: str) -> Handover:
    reason = (reason or "").strip()
    if handover.receiver_id != actor.pk:
        raise ValidationError({"__all__": _("Kun modtageren kan afvise overleveringen.")})
    if not reason:
        raise ValidationError({"reason": _("Skriv hvorfor du afviser overleveringen.")})
    claimed = Handover.objects.filter(pk=handover.pk, status=HandoverStatus.SENT).update(
        status=HandoverStatus.DECLINED, decided_at=timezone.now(), decided_by=actor, decline_reason=reason[:500])
    if not claimed:
        raise ValidationError({"__all__": _("Overleveringen er allerede behandlet.")})
    handover.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=handover.youth, obj=handover, detail={"declined": True})
    event_emit(event_type="handover", municipality_id=handover.youth.municipality_id, youth=handover.youth,
               data={"handover_id": handover.pk, "status": handover.status, "role": handover.role})
    with default_language():
        staff_notify(recipients=[handover.sender], kind="overlevering",
                     text=_("Din overlevering er afvist af modtageren."),
                     url=reverse("chain:handover_detail", args=[handover.pk]))
    return handover


@transaction.atomic
def handover_comment(*, handover: Handover, text: str, youth: Youth | None = None, actor: Any = None) -> HandoverComment:
    """A comment on a handover — by the young person (portal: pass `youth`) or a professional (`actor`)."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Skriv en kommentar.")})
    if len(text) > 2000:
        raise ValidationError({"text": _("Skriv højst 2000 tegn.")})
    by_youth = youth is not None
    if by_youth and youth.pk != handover.youth_id:
        raise ValidationError({"text": _("Overleveringen handler ikke om dig.")})
    comment = HandoverComment.objects.create(handover=handover, text=text, by_youth=by_youth,
                                             author=None if by_youth else actor)
    audit_record(actor=None if by_youth else actor, actor_youth=youth if by_youth else None,
                 action=AuditAction.CREATE, youth=handover.youth, obj=comment)
    others = [p for p in (handover.sender, handover.receiver) if by_youth or p.pk != getattr(actor, "pk", None)]
    with default_language():
        staff_notify(recipients=others, kind="overlevering_kommentar",
                     text=_("Den unge har kommenteret en overlevering.") if by_youth
                     else _("Der er en ny kommentar til en overlevering."),
                     url=reverse("chain:handover_detail", args=[handover.pk]))
    return comment


@transaction.atomic
def caseload_reassign(*, actor: Any, departing: Any, receivers: Sequence[Any], note: str,
                      end_other_roles: bool = False) -> list[Handover]:
    """A leader moves every young person for whom `departing` is contact person to the receivers.

    The youth are spread so the receivers' caseloads stay as even as possible (each youth to the receiver
    with the fewest at that moment). Each youth's handover is recorded (accepted by the leader's decision),
    and afterwards nobody is left with `departing` as contact person. With `end_other_roles` (the person is
    leaving) their other roles in circles (mentor, UU-vejleder …) end today too, so no access is left behind.
    """
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Skriv en overleveringsnote til de nye kontaktpersoner.")})
    if departing is None or departing.municipality_id != actor.municipality_id:
        raise ValidationError({"__all__": _("Medarbejderen findes ikke.")})
    if departing.leader_id != actor.pk and not (actor.role == Role.ADMINISTRATOR):
        raise ValidationError({"__all__": _("Du kan kun omfordele for dine egne medarbejdere.")})
    people = list({r.pk: r for r in receivers}.values())
    if not people:
        raise ValidationError({"receivers": _("Vælg mindst én ny kontaktperson.")})
    for person in people:
        if (person.pk == departing.pk or not person.is_active or person.role != Role.PROFESSIONAL
                or person.municipality_id != actor.municipality_id):
            raise ValidationError({"receivers": _("%(name)s kan ikke modtage unge.") % {"name": person}})
    today = _today()
    moving = list(Membership.objects.select_for_update(of=("self",)).select_related("youth").open().filter(
        professional=departing, role=ChainRole.CONTACT_PERSON).order_by("youth_id"))
    counts = {p.pk: Membership.objects.open().filter(professional=p, role=ChainRole.CONTACT_PERSON).count() for p in people}
    handovers: list[Handover] = []
    received: dict[int, int] = {p.pk: 0 for p in people}
    for old in moving:
        receiver = min(people, key=lambda p: (counts[p.pk], people.index(p)))
        counts[receiver.pk] += 1
        received[receiver.pk] += 1
        new = _transfer(actor=actor, youth=old.youth, sender=departing, receiver=receiver,
                        role=ChainRole.CONTACT_PERSON, consent=None, legal_basis="", today=today)
        handover = Handover.objects.create(
            youth=old.youth, sender=departing, receiver=receiver, role=ChainRole.CONTACT_PERSON,
            what_works=note[:3000], status=HandoverStatus.ACCEPTED, decided_at=timezone.now(), decided_by=actor,
            is_reassignment=True,
        )
        audit_record(actor=actor, action=AuditAction.CREATE, youth=old.youth, obj=handover,
                     detail={"reassignment": True, "from": departing.pk, "to": receiver.pk, "membership": new.pk})
        handovers.append(handover)
    if Membership.objects.open().filter(professional=departing, role=ChainRole.CONTACT_PERSON).exists():
        raise ValidationError({"__all__": _("Ikke alle unge kunne flyttes. Intet er ændret.")})
    if end_other_roles:
        with default_language():
            ended_note = _("Afsluttet, da medarbejderen stoppede (omfordeling).")
        for membership in _other_roles_of(departing, today=today):
            member_end(actor=actor, membership=membership, note=ended_note)
    for person in people:
        if received[person.pk]:
            with default_language():
                staff_notify(recipients=[person], kind="omfordeling",
                             text=ngettext("Du er blevet kontaktperson for %(n)s ung efter en omfordeling.",
                                           "Du er blevet kontaktperson for %(n)s unge efter en omfordeling.",
                                           received[person.pk]) % {"n": received[person.pk]},
                             url=reverse("youth:caseload"))
    return handovers
