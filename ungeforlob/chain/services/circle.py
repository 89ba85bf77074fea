"""Writes for the chain. Each is atomic, validates (raising field-keyed Danish ValidationErrors), records its
own audit row, and sends its notices after commit. Callers (views) have already checked access through
`ungeforlob.policy` / `chain.permissions`; services re-check what a form cannot know (state, races).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ungeforlob.accounts.models import Organisation, Role, User
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain.deadlines import ack_due_at, overdue_q
from ungeforlob.chain.models import (
    ChainRole,
    Concern,
    ConcernAction,
    ConcernCategory,
    Consent,
    ContactWish,
    Handover,
    HandoverComment,
    HandoverStatus,
    LegalBasis,
    Membership,
    PlanStop,
    Referral,
    ReferralStatus,
    Severity,
    StaffNotification,
    YouthNotice,
)
from ungeforlob.chain.notify import staff_notify, youth_notify
from ungeforlob.core.text import default_language, youth_language
from ungeforlob.core.workdays import add_working_days
from ungeforlob.youth import cpr
from ungeforlob.youth.models import Course, Youth
from ungeforlob.youth.services import MAX_AGE, MIN_AGE, youth_create

KUI_MIN_AGE, KUI_MAX_AGE = 15, 17


def _today() -> datetime.date:
    return timezone.localdate()


def _open_contact(youth: Youth) -> Membership | None:
    return (
        Membership.objects.filter(youth=youth, role=ChainRole.CONTACT_PERSON, end_date__isnull=True)
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


# --- Cross-sector grounds ---------------------------------------------------------------------------------

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
    already = Membership.objects.filter(youth=youth, professional=professional, role=role).filter(
        end_date__isnull=True) | Membership.objects.filter(youth=youth, professional=professional, role=role,
                                                             end_date__gt=today)
    if already.exists():
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


@transaction.atomic
def other_roles_of(professional: Any, *, today: datetime.date) -> list[Membership]:
    """The professional's own open memberships other than contact person (current and planned ones)."""
    return list(Membership.objects.select_for_update(of=("self",)).filter(professional=professional)
                .exclude(role=ChainRole.CONTACT_PERSON)
                .filter(Q(end_date__isnull=True) | Q(end_date__gt=today)).order_by("pk"))


def member_end(*, actor: Any, membership: Membership, note: str = "") -> Membership:
    """End a membership today. The contact person cannot be ended here: nobody is left without one."""
    today = _today()
    membership = Membership.objects.select_for_update(of=("self",)).get(pk=membership.pk)
    if membership.end_date is not None and membership.end_date <= today:
        raise ValidationError({"note": _("Medlemskabet er allerede afsluttet.")})
    if membership.role == ChainRole.CONTACT_PERSON:
        raise ValidationError({"note": _("Den unge skal altid have en kontaktperson. Lav en overlevering til "
                                         "den nye kontaktperson i stedet.")})
    membership.end_date = _end_on(membership, today)
    if note:
        membership.note = note[:300]
    membership.save(update_fields=["end_date", "note"])
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=membership.youth, obj=membership,
                 detail={"ended": str(membership.end_date)})
    return membership


@transaction.atomic
def contact_wish_record(*, actor: Any, youth: Youth, wished_professional: Any = None, wish_text: str = "") -> ContactWish:
    """The young person's wish for contact person, in their own words and/or as a named professional."""
    wish_text = (wish_text or "").strip()
    if wished_professional is None and not wish_text:
        raise ValidationError({"wish_text": _("Vælg en fagperson eller skriv den unges ønske.")})
    if wished_professional is not None:
        _check_professional(wished_professional, youth, "wished_professional")
    wish = ContactWish.objects.create(youth=youth, wished_professional=wished_professional,
                                      wish_text=wish_text[:300], recorded_by=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=wish)
    return wish


# --- Consent ----------------------------------------------------------------------------------------------

@transaction.atomic
def consent_record(*, actor: Any, youth: Youth, purpose: str, receiving_organisation: Organisation, scope: str,
                   expires_on: datetime.date, given_at: datetime.datetime | None = None) -> Consent:
    """Record the young person's consent to share information with one organisation, for a purpose."""
    today = _today()
    purpose, scope = (purpose or "").strip(), (scope or "").strip()
    errors: dict[str, str] = {}
    if not purpose:
        errors["purpose"] = _("Skriv formålet med samtykket.")
    if not scope:
        errors["scope"] = _("Skriv hvilke oplysninger samtykket omfatter.")
    if receiving_organisation is None or receiving_organisation.municipality_id != youth.municipality_id:
        errors["receiving_organisation"] = _("Vælg en organisation i kommunens netværk.")
    if expires_on is None or expires_on < today:
        errors["expires_on"] = _("Udløbsdatoen skal ligge i dag eller senere.")
    elif expires_on > today + datetime.timedelta(days=3 * 365):
        errors["expires_on"] = _("Et samtykke kan højst gælde i tre år.")
    given = given_at or timezone.now()
    if given > timezone.now() + datetime.timedelta(minutes=5):
        errors["given_at"] = _("Samtykket kan ikke være givet i fremtiden.")
    if errors:
        raise ValidationError(errors)
    consent = Consent.objects.create(youth=youth, purpose=purpose[:300], receiving_organisation=receiving_organisation,
                                     scope=scope[:300], expires_on=expires_on, given_at=given, recorded_by=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=consent,
                 detail={"organisation": receiving_organisation.pk, "expires_on": str(expires_on)})
    return consent


@transaction.atomic
def consent_withdraw(*, consent: Consent, by_youth: bool = False, actor: Any = None) -> Consent:
    """Withdraw a consent. Access of every membership resting on it ends at once (the policy checks it, and
    the memberships are ended today so the history says so). Withdrawing twice changes nothing."""
    now = timezone.now()
    updated = Consent.objects.filter(pk=consent.pk, withdrawn_at__isnull=True).update(
        withdrawn_at=now, withdrawn_by_youth=by_youth,
        withdrawn_by=actor if actor is not None and getattr(actor, "is_authenticated", False) else None,
    )
    consent.refresh_from_db()
    if not updated:
        return consent
    today = _today()
    affected = list(
        Membership.objects.select_for_update(of=("self",)).select_related("professional").filter(consent=consent)
        .exclude(end_date__lte=today)
    )
    for membership in affected:
        membership.end_date = _end_on(membership, today)
        membership.note = _("Samtykket blev trukket tilbage.")[:300]
        membership.save(update_fields=["end_date", "note"])
    staff = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    audit_record(actor=staff, actor_youth=consent.youth if by_youth else None, action=AuditAction.UPDATE,
                 youth=consent.youth, obj=consent,
                 detail={"withdrawn": True, "by_youth": by_youth, "memberships_ended": [m.pk for m in affected]})
    with default_language():
        staff_notify(recipients=[m.professional for m in affected if m.professional_id], kind="samtykke_tilbage",
                     text=_("Et samtykke er trukket tilbage. Din adgang til en ung persons oplysninger er ophørt."))
    return consent


@transaction.atomic
def consents_expire(*, today: datetime.date | None = None) -> int:
    """End the memberships whose consent has expired (access already stopped with the policy; this keeps the
    circle's history right). Run by the periodic chain command."""
    today = today or _today()
    memberships = list(Membership.objects.select_for_update(of=("self",)).filter(
        consent__expires_on__lt=today, end_date__isnull=True))
    for membership in memberships:
        membership.end_date = _end_on(membership, min(today, membership.consent.expires_on + datetime.timedelta(days=1)))
        membership.note = _("Samtykket udløb.")[:300]
        membership.save(update_fields=["end_date", "note"])
        audit_record(actor=None, action=AuditAction.UPDATE, youth=membership.youth, obj=membership,
                     detail={"ended": str(membership.end_date), "reason": "consent_expired"})
    return len(memberships)


# --- Concerns ---------------------------------------------------------------------------------------------

def _contact_people(youth: Youth) -> list[Any]:
    contact = _open_contact(youth)
    if contact is None:
        return []
    if contact.professional_id:
        return [contact.professional]
    return list(contact.team.members.filter(is_active=True))


@transaction.atomic
def concern_raise(*, actor: Any, youth: Youth, category: str, severity: str, description: str,
                  notify: Iterable[Any] = ()) -> Concern:
    """Raise a concern. The contact person and the chosen circle members are notified in the system and by
    e-mail — without personal details. The same concern posted twice within ten minutes is stored once."""
    from ungeforlob import policy

    description = (description or "").strip()
    errors: dict[str, str] = {}
    if category not in ConcernCategory.values:
        errors["category"] = _("Vælg en kategori.")
    if severity not in Severity.values:
        errors["severity"] = _("Vælg hvor alvorligt det er.")
    if not description:
        errors["description"] = _("Skriv kort hvad du har set.")
    elif len(description) > 2000:
        errors["description"] = _("Skriv højst 2000 tegn.")
    if errors:
        raise ValidationError(errors)
    chosen = list(notify)
    for person in chosen:
        if not policy.roles_in_circle(person, youth):
            raise ValidationError({"notify": _("%(name)s er ikke med i den unges kæde.") % {"name": person}})
    recent = Concern.objects.filter(
        youth=youth, raised_by=actor, category=category, description=description,
        raised_at__gte=timezone.now() - datetime.timedelta(minutes=10),
    ).first()
    if recent is not None:
        return recent
    concern = Concern.objects.create(youth=youth, category=category, severity=severity, description=description,
                                     raised_by=actor, ack_due=ack_due_at(severity, timezone.now()))
    recipients = {p.pk: p for p in [*_contact_people(youth), *chosen] if p.pk != actor.pk}
    concern.notified.set(recipients.values())
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=concern,
                 detail={"category": category, "severity": severity, "notified": sorted(recipients)})
    due = concern.ack_due.strftime("%d.%m.%Y")
    with default_language():
        staff_notify(
            recipients=recipients.values(), kind="bekymring",
            text=_("Der er rejst en bekymring, som du skal kvittere for senest %(due)s.") % {"due": due},
            url=reverse("chain:concern_detail", args=[concern.pk]),
            email_subject=_("Ungeforløb: en bekymring venter på din kvittering"),
            email_body=_("Der er rejst en bekymring i Ungeforløb, som du skal kvittere for senest %(due)s.\n"
                         "Log ind for at læse den. Af hensyn til den unge står der ikke mere i denne mail.")
            % {"due": due},
        )
    return concern


def _acknowledge(concern: Concern, actor: Any) -> bool:
    now = timezone.now()
    minutes = max(0, int((now - concern.raised_at).total_seconds() // 60))
    updated = Concern.objects.filter(pk=concern.pk, acknowledged_at__isnull=True).update(
        acknowledged_at=now, acknowledged_by=actor, response_minutes=minutes)
    if updated:
        concern.acknowledged_at, concern.acknowledged_by, concern.response_minutes = now, actor, minutes
        audit_record(actor=actor, action=AuditAction.UPDATE, youth=concern.youth, obj=concern,
                     detail={"acknowledged": True, "response_minutes": minutes})
        with default_language():
            staff_notify(recipients=[concern.raised_by] if concern.raised_by_id != actor.pk else [],
                         kind="bekymring_kvitteret", text=_("Din bekymring er kvitteret."),
                         url=reverse("chain:concern_detail", args=[concern.pk]))
    return bool(updated)


@transaction.atomic
def concern_acknowledge(*, actor: Any, concern: Concern) -> bool:
    """Acknowledge a concern. True when this call did it; a second acknowledgement changes nothing."""
    return _acknowledge(concern, actor)


@transaction.atomic
def concern_add_action(*, actor: Any, concern: Concern, text: str) -> ConcernAction:
    """Record what was done. Acting on a concern also acknowledges it."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Skriv hvad der er gjort.")})
    if len(text) > 2000:
        raise ValidationError({"text": _("Skriv højst 2000 tegn.")})
    if concern.closed_at is not None:
        raise ValidationError({"text": _("Bekymringen er afsluttet.")})
    _acknowledge(concern, actor)
    action = ConcernAction.objects.create(concern=concern, text=text, created_by=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, youth=concern.youth, obj=action)
    return action


@transaction.atomic
def concern_close(*, actor: Any, concern: Concern, outcome: str) -> Concern:
    """Close a concern with its outcome (also acknowledges it if nobody had)."""
    outcome = (outcome or "").strip()
    if not outcome:
        raise ValidationError({"outcome": _("Skriv hvordan det endte.")})
    if len(outcome) > 2000:
        raise ValidationError({"outcome": _("Skriv højst 2000 tegn.")})
    _acknowledge(concern, actor)
    updated = Concern.objects.filter(pk=concern.pk, closed_at__isnull=True).update(
        closed_at=timezone.now(), closed_by=actor, outcome=outcome)
    if not updated:
        raise ValidationError({"outcome": _("Bekymringen er allerede afsluttet.")})
    concern.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=concern.youth, obj=concern, detail={"closed": True})
    return concern


def _leader_for(concern: Concern) -> Any:
    """The contact person's leader; else the raiser's leader; else a leader of the municipality."""
    for person in [*_contact_people(concern.youth), concern.raised_by]:
        if person is not None and person.leader_id and person.leader.is_active:
            return person.leader
    return (User.objects.filter(municipality_id=concern.youth.municipality_id, role=Role.LEADER, is_active=True)
            .order_by("pk").first())


def concerns_escalate_due(*, now: datetime.datetime | None = None) -> int:
    """Escalate every open concern not acknowledged by its deadline to the contact person's leader.

    Safe to run often and concurrently (page loads, the worker, the management command): a concern is
    claimed with a conditional update, so it escalates once. Costs one query when nothing is due.
    """
    due = list(Concern.objects.filter(overdue_q(now), escalated_at__isnull=True, closed_at__isnull=True)
               .select_related("youth__municipality", "raised_by__leader"))
    escalated = 0
    for concern in due:
        with transaction.atomic():
            leader = _leader_for(concern)
            claimed = Concern.objects.filter(pk=concern.pk, escalated_at__isnull=True,
                                             acknowledged_at__isnull=True).update(
                escalated_at=timezone.now(), escalated_to=leader)
            if not claimed:
                continue
            escalated += 1
            audit_record(actor=None, action=AuditAction.UPDATE, youth=concern.youth, obj=concern,
                         detail={"escalated_to": getattr(leader, "pk", None)})
            contacts = _contact_people(concern.youth)
            names = ", ".join(str(c) for c in contacts) or _("ingen kontaktperson")
            due_text = concern.ack_due.strftime("%d.%m.%Y")
            if leader is not None:
                with default_language():
                    staff_notify(
                        recipients=[leader], kind="bekymring_eskaleret",
                        text=_("En bekymring blev ikke kvitteret inden fristen %(due)s. Kontaktperson: %(names)s.")
                        % {"names": names, "due": due_text},
                        url=reverse("chain:capacity"),
                        email_subject=_("Ungeforløb: en bekymring er ikke kvitteret"),
                        email_body=_("En bekymring blev ikke kvitteret inden fristen %(due)s. Kontaktperson: %(names)s. "
                                     "Tal med medarbejderen. Af hensyn til den unge står der ikke mere i denne mail.")
                        % {"names": names, "due": due_text},
                    )
            with default_language():
                staff_notify(recipients=contacts, kind="bekymring_eskaleret",
                             text=_("En bekymring er ikke kvitteret inden fristen og er sendt videre til din leder."),
                             url=reverse("chain:concern_detail", args=[concern.pk]))
    return escalated


# --- Referrals --------------------------------------------------------------------------------------------

@transaction.atomic
def referral_submit(*, actor: Any, first_name: str, last_name: str, cpr_number: str, problem: str,
                    youth_accepted: bool, accepted_asked_by: str, accepted_on: datetime.date, mobile: str = "",
                    email: str = "", how_to_reach: str = "", idempotency_key: Any = None,
                    birth_date: datetime.date | None = None) -> tuple[Referral, bool]:
    """A partner refers a young person who has said yes to it. Returns (referral, created).

    The CPR number may be left out when the partner does not know it; the birth date is then required (for
    the age rule) and the number is written when the referral is accepted. Posting the same form twice (same
    idempotency key), or the same young person again while the partner's first referral is still in the queue,
    gives back the existing referral instead of a duplicate.
    """
    if idempotency_key:
        existing = Referral.objects.filter(idempotency_key=idempotency_key, submitted_by=actor).first()
        if existing is not None:
            return existing, False
    errors: dict[str, Any] = {}
    digits = ""
    if (cpr_number or "").strip():
        try:
            digits = cpr.normalize_cpr(cpr_number)
        except ValidationError as exc:
            raise ValidationError({"cpr": exc.messages}) from exc
        born = cpr.birth_date(digits)
    elif isinstance(birth_date, datetime.date):
        born = birth_date
    else:
        raise ValidationError({"cpr": _("Skriv den unges CPR-nummer eller fødselsdato.")})
    today = _today()
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if not MIN_AGE <= age <= MAX_AGE:
        errors["cpr" if digits else "birth_date"] = _("Ungeforløb er for unge mellem %(min)s og %(max)s år. Denne person er %(age)s år.") % {
            "min": MIN_AGE, "max": MAX_AGE, "age": age}
    if not youth_accepted:
        errors["youth_accepted"] = _("Den unge skal have sagt ja til at blive henvist.")
    if not (accepted_asked_by or "").strip():
        errors["accepted_asked_by"] = _("Skriv hvem der spurgte den unge.")
    if accepted_on is None or accepted_on > today:
        errors["accepted_on"] = _("Datoen kan ikke ligge i fremtiden.")
    elif accepted_on < today - datetime.timedelta(days=90):
        errors["accepted_on"] = _("Den unges accept er mere end tre måneder gammel. Spørg den unge igen.")
    if not (problem or "").strip():
        errors["problem"] = _("Beskriv kort hvad den unge har brug for hjælp til.")
    if not (first_name or "").strip() or not (last_name or "").strip():
        errors["first_name"] = _("Skriv den unges for- og efternavn.")
    if errors:
        raise ValidationError(errors)
    digest = cpr.lookup_hash(digits) if digits else ""
    same = (Referral.objects.filter(cpr_hash=digest) if digest else Referral.objects.filter(
        cpr_hash="", birth_date=born, first_name__iexact=first_name.strip(), last_name__iexact=last_name.strip()))
    pending = same.filter(submitted_by=actor, status=ReferralStatus.PENDING).first()
    if pending is not None:
        return pending, False
    referral = Referral(
        municipality_id=actor.municipality_id, submitted_by=actor,
        organisation_name=actor.organisation.name if actor.organisation_id else "",
        first_name=first_name.strip()[:100], last_name=last_name.strip()[:100],
        cpr_encrypted=cpr.encrypt(digits) if digits else "", cpr_hash=digest, birth_date=born, mobile=mobile or "", email=email or "",
        how_to_reach=(how_to_reach or "").strip()[:300], problem=problem.strip()[:1000], youth_accepted=True,
        accepted_asked_by=accepted_asked_by.strip()[:150], accepted_on=accepted_on,
    )
    if idempotency_key:
        referral.idempotency_key = idempotency_key
    try:
        with transaction.atomic():
            referral.save()
    except IntegrityError:  # the same form raced in twice
        again = same.filter(submitted_by=actor, status=ReferralStatus.PENDING).first()
        if again is None:
            raise
        return again, False
    audit_record(actor=actor, action=AuditAction.CREATE, obj=referral, municipality=actor.municipality)
    return referral, True


def _claim_referral(referral: Referral, actor: Any, **changes: Any) -> None:
    claimed = Referral.objects.filter(pk=referral.pk, status=ReferralStatus.PENDING).update(
        decided_at=timezone.now(), decided_by=actor, **changes)
    if not claimed:
        raise ValidationError({"__all__": _("Henvisningen er allerede behandlet.")})
    referral.refresh_from_db()


@transaction.atomic
def referral_accept(*, actor: Any, referral: Referral, contact_person: Any,
                    start_date: datetime.date | None = None, cpr_number: str = "") -> Youth:
    """Accept a referral: find the youth by CPR (or create them), make sure they have an open course and a
    contact person (the chosen one, unless they already have one), and tell the referrer — without details.

    A referral without a CPR number needs `cpr_number` now; it must fit the birth date the partner gave."""
    today = _today()
    start = start_date or today
    if referral.has_cpr:
        digits = cpr.decrypt(referral.cpr_encrypted)
    else:
        if not (cpr_number or "").strip():
            raise ValidationError({"cpr_number": _("Henvisningen har intet CPR-nummer. Skriv den unges CPR-nummer.")})
        try:
            digits = cpr.normalize_cpr(cpr_number)
        except ValidationError as exc:
            raise ValidationError({"cpr_number": exc.messages}) from exc
        if cpr.birth_date(digits) != referral.birth_date:
            raise ValidationError({"cpr_number": _("CPR-nummeret passer ikke med fødselsdatoen i henvisningen.")})
    if (contact_person is None or not contact_person.is_active or contact_person.role != Role.PROFESSIONAL
            or contact_person.municipality_id != referral.municipality_id):
        raise ValidationError({"contact_person": _("Vælg en aktiv fagperson i kommunen som kontaktperson.")})
    if start > today + datetime.timedelta(days=90) or start < today - datetime.timedelta(days=31):
        raise ValidationError({"start_date": _("Startdatoen skal ligge inden for den næste måned eller tre.")})
    _claim_referral(referral, actor, status=ReferralStatus.ACCEPTED)
    youth = Youth.objects.filter(municipality_id=referral.municipality_id, cpr_hash=cpr.lookup_hash(digits)).first()
    if youth is None:
        youth = youth_create(actor=actor, first_name=referral.first_name, last_name=referral.last_name,
                             cpr_number=digits, mobile=referral.mobile,
                             email=referral.email, course_start=start)
        membership = Membership.objects.get(youth=youth, role=ChainRole.CONTACT_PERSON, end_date__isnull=True)
        if contact_person.pk != actor.pk:
            membership.professional = contact_person
            membership.save(update_fields=["professional"])
        _joined_notice(youth=youth, membership=membership, actor=actor)
    else:
        if not Course.objects.filter(youth=youth, end_date__isnull=True).exists():
            last_end = Course.objects.filter(youth=youth).order_by("-end_date").values_list("end_date", flat=True).first()
            Course.objects.create(youth=youth, start_date=max(start, last_end or start), created_by=actor)
            audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, object_type="course")
        if _open_contact(youth) is None:
            _membership_create(actor=actor, youth=youth, professional=contact_person,
                               role=ChainRole.CONTACT_PERSON, start=start)
    Referral.objects.filter(pk=referral.pk).update(youth=youth)
    referral.youth = youth
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=youth, obj=referral, detail={"accepted": True})
    with default_language():
        staff_notify(recipients=[referral.submitted_by], kind="henvisning",
                     text=_("Din henvisning er modtaget. Ungeindsatsen kontakter den unge."),
                     url=reverse("chain:referral_mine"))
    if contact_person.pk != actor.pk:
        with default_language():
            staff_notify(recipients=[contact_person], kind="henvisning",
                         text=_("Du er blevet kontaktperson for en ung fra en henvisning."),
                         url=reverse("youth:detail", args=[youth.pk]))
    return youth


@transaction.atomic
def referral_decline(*, actor: Any, referral: Referral, reason: str) -> Referral:
    """Decline a referral; a reason is required. The referrer is told that it was declined."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Skriv hvorfor henvisningen afvises.")})
    _claim_referral(referral, actor, status=ReferralStatus.DECLINED, decline_reason=reason[:500])
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=referral, municipality=actor.municipality,
                 detail={"declined": True})
    with default_language():
        staff_notify(recipients=[referral.submitted_by], kind="henvisning",
                     text=_("Din henvisning er behandlet og ikke modtaget. Kontakt Ungeindsatsen for at høre mere."),
                     url=reverse("chain:referral_mine"))
    return referral


# --- Handovers --------------------------------------------------------------------------------------------

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
        old = Membership.objects.select_for_update(of=("self",)).filter(
            youth=youth, role=role, end_date__isnull=True).first()
    else:
        old = Membership.objects.select_for_update(of=("self",)).filter(
            youth=youth, role=role, professional=sender, end_date__isnull=True).first()
    if old is not None:
        old.end_date = _end_on(old, today)
        old.save(update_fields=["end_date"])
        audit_record(actor=actor, action=AuditAction.UPDATE, youth=youth, obj=old, detail={"ended": str(old.end_date)})
    existing = Membership.objects.filter(youth=youth, professional=receiver, role=role, end_date__isnull=True).first()
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
    moving = list(Membership.objects.select_for_update(of=("self",)).select_related("youth").filter(
        professional=departing, role=ChainRole.CONTACT_PERSON, end_date__isnull=True).order_by("youth_id"))
    counts = {p.pk: Membership.objects.filter(professional=p, role=ChainRole.CONTACT_PERSON,
                                              end_date__isnull=True).count() for p in people}
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
    if Membership.objects.filter(professional=departing, role=ChainRole.CONTACT_PERSON, end_date__isnull=True).exists():
        raise ValidationError({"__all__": _("Ikke alle unge kunne flyttes. Intet er ændret.")})
    if end_other_roles:
        with default_language():
            ended_note = _("Afsluttet, da medarbejderen stoppede (omfordeling).")
        for membership in other_roles_of(departing, today=today):
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


# --- KUI legal deadline -----------------------------------------------------------------------------------

def kui_deadlines(stopped_on: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Contact within 5 working days; a new activity offered within 30 days (configurable)."""
    contact_days = int(getattr(settings, "CHAIN_KUI_CONTACT_WORKING_DAYS", 5))
    offer_days = int(getattr(settings, "CHAIN_KUI_OFFER_DAYS", 30))
    return add_working_days(stopped_on, contact_days), stopped_on + datetime.timedelta(days=offer_days)


@transaction.atomic
def plan_stop_record(*, actor: Any, youth: Youth, stopped_on: datetime.date, note: str = "") -> PlanStop:
    """Record that a 15–17-year-old has stopped following their education plan; both deadlines start."""
    today = _today()
    if stopped_on is None or stopped_on > today:
        raise ValidationError({"stopped_on": _("Datoen kan ikke ligge i fremtiden.")})
    if stopped_on < today - datetime.timedelta(days=365):
        raise ValidationError({"stopped_on": _("Datoen ligger mere end et år tilbage.")})
    age = youth.age_on(stopped_on)
    if not KUI_MIN_AGE <= age <= KUI_MAX_AGE:
        raise ValidationError({"stopped_on": _("KUI-fristerne gælder for unge på 15–17 år. Den unge var %(age)s år.")
                               % {"age": age}})
    same = PlanStop.objects.filter(youth=youth, stopped_on=stopped_on).first()
    if same is not None:
        return same
    if PlanStop.objects.filter(youth=youth).filter(
            contacted_on__isnull=True).exists() or PlanStop.objects.filter(youth=youth, offered_on__isnull=True).exists():
        raise ValidationError({"stopped_on": _("Der er allerede et åbent stop i uddannelsesplanen. Afslut det først.")})
    contact_due, offer_due = kui_deadlines(stopped_on)
    stop = PlanStop.objects.create(youth=youth, stopped_on=stopped_on, note=(note or "").strip()[:500],
                                   recorded_by=actor, contact_due=contact_due, offer_due=offer_due)
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=stop,
                 detail={"contact_due": str(contact_due), "offer_due": str(offer_due)})
    with default_language():
        staff_notify(recipients=[p for p in _contact_people(youth) if p.pk != actor.pk], kind="frist",
                     text=_("En ung er stoppet i sin uddannelsesplan. Kontakt senest %(date)s (KUI).")
                     % {"date": contact_due.strftime("%d.%m.%Y")}, url=reverse("chain:circle", args=[youth.pk]))
    return stop


@transaction.atomic
def plan_stop_contact(*, actor: Any, stop: PlanStop, contacted_on: datetime.date) -> PlanStop:
    if contacted_on is None or contacted_on > _today() or contacted_on < stop.stopped_on:
        raise ValidationError({"day": _("Datoen skal ligge mellem stoppet og i dag.")})
    if stop.contacted_on is not None:
        return stop
    stop.contacted_on = contacted_on
    stop.save(update_fields=["contacted_on"])
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=stop.youth, obj=stop, detail={"contacted_on": str(contacted_on)})
    return stop


@transaction.atomic
def plan_stop_offer(*, actor: Any, stop: PlanStop, offered_on: datetime.date, offer: str) -> PlanStop:
    offer = (offer or "").strip()
    if offered_on is None or offered_on > _today() or offered_on < stop.stopped_on:
        raise ValidationError({"day": _("Datoen skal ligge mellem stoppet og i dag.")})
    if not offer:
        raise ValidationError({"offer": _("Skriv hvilket tilbud den unge har fået.")})
    if stop.offered_on is not None:
        return stop
    stop.offered_on, stop.offer = offered_on, offer[:300]
    if stop.contacted_on is None:
        stop.contacted_on = offered_on  # an offer made to the youth is also contact
    stop.save(update_fields=["offered_on", "offer", "contacted_on"])
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=stop.youth, obj=stop, detail={"offered_on": str(offered_on)})
    return stop


# --- Notifications ----------------------------------------------------------------------------------------

def notifications_mark_read(*, user: Any, pks: Iterable[int] | None = None) -> int:
    """Mark the user's own notifications read (all of them when `pks` is None)."""
    qs = StaffNotification.objects.filter(recipient=user, read_at__isnull=True)
    if pks is not None:
        qs = qs.filter(pk__in=list(pks))
    return qs.update(read_at=timezone.now())


@transaction.atomic
def notices_mark_read(*, youth: Youth, notice_ids: Iterable[Any]) -> int:
    """The young person has seen these notices in the portal: they leave "Nyt til dig" (kept, not deleted)."""
    ids = {int(i) for i in notice_ids if str(i).isdigit() and len(str(i)) <= 12}
    if not ids:
        return 0
    marked = (YouthNotice.objects.filter(youth=youth, pk__in=ids, read_at__isnull=True)
              .update(read_at=timezone.now()))
    if marked:
        audit_record(actor=None, actor_youth=youth, action=AuditAction.UPDATE, youth=youth,
                     object_type="youthnotice", detail={"marked_read": marked})
    return marked
