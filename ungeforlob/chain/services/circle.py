"""The circle (kæden): memberships and roles over time, the cross-sector grounds for joining, the young
person's wish for contact person. The shared helpers the other chain services build on live here too."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.accounts.models import Role
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain.models import (
    ChainRole,
    Consent,
    ContactWish,
    LegalBasis,
    Membership,
)
from ungeforlob.core.text import default_language, youth_language
from ungeforlob.notifications.services import staff_notify, youth_notify
from ungeforlob.youth.models import Youth


def _today() -> datetime.date:
    return timezone.localdate()


def _open_contact(youth: Youth) -> Membership | None:
    return (
        Membership.objects.open().filter(youth=youth, role=ChainRole.CONTACT_PERSON)
        .select_related("professional__organisation", "professional__leader", "team__organisation")
        .first()
    )


def _end_on(membership: Membership, day: datetime.date) -> datetime.date:
    """Ending "today" a membership that starts later would break the end-after-start rule: end it at its start."""
    return max(day, membership.start_date)


def _check_professional(professional: Any, youth: Youth, field: str = "professional") -> None:
    if (
        professional is None
        or not professional.is_active
        or professional.municipality_id != youth.municipality_id
        or professional.role == Role.ADMINISTRATOR
    ):
        raise ValidationError({field: _("Vælg en aktiv fagperson i kommunen.")})


def reference_sector(youth: Youth, actor: Any = None) -> str | None:
    """The sector that holds the course: the contact person's organisation's (else the actor's)."""
    contact = _open_contact(youth)
    org = None
    if contact is not None:
        org = contact.professional.organisation if contact.professional_id else contact.team.organisation
    if org is None and actor is not None and getattr(actor, "organisation_id", None):
        org = actor.organisation
    return org.sector if org is not None else None


def needs_grounds(youth: Youth, professional: Any, actor: Any = None) -> bool:
    """A professional from another sector than the one holding the course needs consent or a legal basis."""
    org = professional.organisation if professional.organisation_id else None
    ref = reference_sector(youth, actor)
    return org is None or ref is None or org.sector != ref


def _grounds(*, youth: Youth, professional: Any, actor: Any, consent: Consent | None, legal_basis: str,
             legal_basis_note: str, field: str = "consent") -> tuple[Consent | None, str, str]:
    legal_basis = legal_basis or ""
    legal_basis_note = (legal_basis_note or "").strip()
    if not needs_grounds(youth, professional, actor):
        return None, "", ""
    if consent is not None:
        if consent.youth_id != youth.pk:
            raise ValidationError({field: _("Samtykket hører ikke til denne unge.")})
        if not consent.is_valid_on(_today()):
            raise ValidationError({field: _("Samtykket er trukket tilbage eller udløbet.")})
        if consent.receiving_organisation_id != professional.organisation_id:
            raise ValidationError({field: _("Samtykket gælder ikke for %(org)s.")
                                   % {"org": professional.organisation or _("fagpersonens organisation")}})
        return consent, "", ""
    if legal_basis:
        if legal_basis not in LegalBasis.values:
            raise ValidationError({"legal_basis": _("Vælg et lovgrundlag fra listen.")})
        if legal_basis == LegalBasis.OTHER and not legal_basis_note:
            raise ValidationError({"legal_basis_note": _("Beskriv lovgrundlaget.")})
        return None, legal_basis, legal_basis_note
    raise ValidationError({field: _(
        "%(name)s er fra en anden sektor. Vælg den unges samtykke til %(org)s, eller vælg et lovgrundlag."
    ) % {"name": professional, "org": professional.organisation or _("organisationen")}})


def _joined_notice(*, youth: Youth, membership: Membership, actor: Any) -> None:
    with youth_language(youth):
        holder = membership.holder_name
        org = ""
        if membership.professional_id and membership.professional.organisation_id:
            org = membership.professional.organisation.name
        text = _("%(name)s er kommet med i din kæde som %(role)s.") % {"name": holder, "role": membership.get_role_display()}
        if org:
            text = _("%(name)s (%(org)s) er kommet med i din kæde som %(role)s.") % {
                "name": holder, "org": org, "role": membership.get_role_display()}
        # The SMS names nobody and no role: a role such as "misbrugskonsulent" is itself a personal detail.
        youth_notify(
            youth=youth, kind="kaede_ny", text=text, actor=actor,
            sms_body=_("Der er kommet en ny fagperson med i din kæde i Ungeforløb. Log ind for at se hvem."),
            related_type="membership", related_id=membership.pk, idempotency_key=f"chain-join-{membership.pk}",
        )


def _membership_create(*, actor: Any, youth: Youth, professional: Any, role: str, start: datetime.date,
                       consent: Consent | None = None, legal_basis: str = "", legal_basis_note: str = "",
                       note: str = "", previous: Membership | None = None, notify_youth: bool = True) -> Membership:
    membership = Membership(
        youth=youth, professional=professional, role=role, start_date=start, created_by=actor, consent=consent,
        legal_basis=legal_basis, legal_basis_note=legal_basis_note[:300], note=(note or "")[:300], previous=previous,
    )
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError as exc:  # a concurrent change of contact person
        raise ValidationError({"role": _("Den unge har allerede en kontaktperson.")}) from exc
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=membership,
                 detail={"role": role, "professional": getattr(professional, "pk", None),
                         "consent": getattr(consent, "pk", None), "legal_basis": legal_basis})
    if notify_youth:
        _joined_notice(youth=youth, membership=membership, actor=actor)
    return membership


# --- Circle -----------------------------------------------------------------------------------------------

@transaction.atomic
def member_add(*, actor: Any, youth: Youth, professional: Any, role: str, start_date: datetime.date | None = None,
               consent: Consent | None = None, legal_basis: str = "", legal_basis_note: str = "",
               note: str = "") -> Membership:
    """Add a professional of any organisation in the municipality to the circle, with a role.

    From another sector: a valid consent for the professional's organisation or a legal basis is required.
    The contact person is changed only through a handover, never here. The youth is told.
    """
    today = _today()
    _check_professional(professional, youth)
    if role not in ChainRole.values:
        raise ValidationError({"role": _("Vælg en rolle fra listen.")})
    start = start_date or today
    if start > today + datetime.timedelta(days=365):
        raise ValidationError({"start_date": _("Startdatoen ligger mere end et år ude i fremtiden.")})
    if start < today - datetime.timedelta(days=31):
        raise ValidationError({"start_date": _("Startdatoen kan højst ligge en måned tilbage.")})
    if role == ChainRole.CONTACT_PERSON and _open_contact(youth) is not None:
        raise ValidationError({"role": _("Den unge har allerede en kontaktperson. Skift kontaktperson med en "
                                         "overlevering, så den nye får en overleveringsnote.")})
    if Membership.objects.filter(youth=youth, professional=professional, role=role).not_ended(today).exists():
        raise ValidationError({"professional": _("%(name)s er allerede med i kæden som %(role)s.")
                               % {"name": professional, "role": ChainRole(role).label}})
    consent, legal_basis, legal_basis_note = _grounds(
        youth=youth, professional=professional, actor=actor, consent=consent, legal_basis=legal_basis,
        legal_basis_note=legal_basis_note)
    membership = _membership_create(actor=actor, youth=youth, professional=professional, role=role, start=start,
                                    consent=consent, legal_basis=legal_basis, legal_basis_note=legal_basis_note,
                                    note=note)
    with default_language():
        staff_notify(recipients=[professional] if professional != actor else [], kind="kaede_ny",
                     text=_("Du er kommet med i en ung persons kæde som %(role)s.") % {"role": ChainRole(role).label},
                     url=reverse("chain:circle", args=[youth.pk]))
    return membership


@transaction.atomic
def member_set_extended(*, actor: Any, membership: Membership, extended: bool) -> Membership:
    """Whether the contact person works as the extended Kontaktperson+ (coordinating across the whole chain
    responsibility, with extended guidance) or as the youth effort's contact person: a choice of its own, never
    every contact person's label (the Syddanmark report)."""
    membership = Membership.objects.select_for_update(of=("self",)).select_related(
        "professional__organisation", "team").get(pk=membership.pk)
    if membership.role != ChainRole.CONTACT_PERSON:
        raise ValidationError({"extended": _("Kun kontaktpersonen kan arbejde som Kontaktperson+.")})
    if membership.end_date is not None and membership.end_date <= _today():
        raise ValidationError({"extended": _("Medlemskabet er allerede afsluttet.")})
    if membership.extended == extended:
        return membership
    membership.extended = extended
    membership.save(update_fields=["extended"])
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=membership.youth, obj=membership,
                 detail={"extended": extended})
    return membership


def member_change_role(*, actor: Any, membership: Membership, role: str, note: str = "") -> Membership:
    """A new role from today; the old one is kept as history (ended today, linked from the new one)."""
    today = _today()
    membership = Membership.objects.select_for_update(of=("self",)).select_related("professional__organisation", "team").get(
        pk=membership.pk)
    if membership.end_date is not None and membership.end_date <= today:
        raise ValidationError({"role": _("Medlemskabet er allerede afsluttet.")})
    if role not in ChainRole.values:
        raise ValidationError({"role": _("Vælg en rolle fra listen.")})
    if role == membership.role:
        raise ValidationError({"role": _("Vælg en anden rolle end den nuværende.")})
    if ChainRole.CONTACT_PERSON in {role, membership.role}:
        raise ValidationError({"role": _("Kontaktpersonen skiftes med en overlevering, ikke ved at ændre rolle.")})
    start = max(today, membership.start_date)
    membership.end_date = start
    membership.save(update_fields=["end_date"])
    new = Membership.objects.create(
        youth=membership.youth, professional=membership.professional, team=membership.team, role=role,
        start_date=start, created_by=actor, consent=membership.consent, legal_basis=membership.legal_basis,
        legal_basis_note=membership.legal_basis_note, note=(note or "")[:300], previous=membership,
    )
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=membership.youth, obj=new,
                 detail={"from_role": membership.role, "to_role": role, "previous": membership.pk})
    with youth_language(membership.youth):
        youth_notify(youth=membership.youth, kind="kaede_rolle",
                     text=_("%(name)s har fået en ny rolle i din kæde: %(role)s.")
                     % {"name": new.holder_name, "role": new.get_role_display()},
                     related_type="membership", related_id=new.pk)
    return new


def _other_roles_of(professional: Any, *, today: datetime.date, youth: Youth | None = None) -> list[Membership]:
    """The professional's own memberships other than contact person not ended by `today` (current and planned
    ones), in every circle or in `youth`'s, locked for ending. Call it inside the caller's transaction."""
    qs = Membership.objects.select_for_update(of=("self",)).filter(professional=professional).not_ended(today)
    if youth is not None:
        qs = qs.filter(youth=youth)
    return list(qs.exclude(role=ChainRole.CONTACT_PERSON).order_by("pk"))


def _end(*, actor: Any, membership: Membership, note: str, today: datetime.date) -> None:
    membership.end_date = _end_on(membership, today)
    if note:
        membership.note = note[:300]
    membership.save(update_fields=["end_date", "note"])
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=membership.youth, obj=membership,
                 detail={"ended": str(membership.end_date)})


@transaction.atomic
def member_end(*, actor: Any, membership: Membership, note: str = "", end_other_roles: bool = False) -> Membership:
    """End a membership today. The contact person cannot be ended here: nobody is left without one.

    With `end_other_roles` (the professional leaves this young person's circle altogether) their other roles
    in this circle end today too (never a contact-person role), so no access is left behind.
    """
    today = _today()
    membership = Membership.objects.select_for_update(of=("self",)).select_related("youth").get(pk=membership.pk)
    if membership.end_date is not None and membership.end_date <= today:
        raise ValidationError({"note": _("Medlemskabet er allerede afsluttet.")})
    if membership.role == ChainRole.CONTACT_PERSON:
        raise ValidationError({"note": _("Den unge skal altid have en kontaktperson. Lav en overlevering til "
                                         "den nye kontaktperson i stedet.")})
    _end(actor=actor, membership=membership, note=note, today=today)
    if end_other_roles and membership.professional_id:
        for other in _other_roles_of(membership.professional, today=today, youth=membership.youth):
            if other.pk != membership.pk:
                _end(actor=actor, membership=other, note=note, today=today)
    return membership


@transaction.atomic
def contact_wish_record(*, actor: Any, youth: Youth, wished_professional: Any = None, wish_text: str = "",
                        by_youth: bool = False) -> ContactWish:
    """The young person's wish for contact person, in their own words and/or as a named professional.

    `by_youth=True` (and `actor=None`): she proposed it herself on Min side (portal.contact_proposal_create)."""
    wish_text = (wish_text or "").strip()
    if wished_professional is None and not wish_text:
        raise ValidationError({"wish_text": _("Vælg en fagperson eller skriv den unges ønske.")})
    if wished_professional is not None:
        _check_professional(wished_professional, youth, "wished_professional")
    wish = ContactWish.objects.create(youth=youth, wished_professional=wished_professional,
                                      wish_text=wish_text[:300], recorded_by=None if by_youth else actor)
    audit_record(actor=None if by_youth else actor, actor_youth=youth if by_youth else None,
                 action=AuditAction.CREATE, youth=youth, obj=wish)
    return wish



def _contact_people(youth: Youth) -> list[Any]:
    contact = _open_contact(youth)
    if contact is None:
        return []
    if contact.professional_id:
        return [contact.professional]
    return list(contact.team.members.filter(is_active=True))
