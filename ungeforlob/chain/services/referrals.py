"""Referrals (henvisninger): a partner refers a young person; intake accepts (creating the youth and contact
person) or declines."""

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
    Membership,
    Referral,
    ReferralStatus,
)
from ungeforlob.chain.services.circle import _joined_notice, _membership_create, _open_contact, _today
from ungeforlob.core.text import default_language
from ungeforlob.notifications.services import staff_notify
from ungeforlob.vocabulary.selectors import age_bounds, age_message
from ungeforlob.webhooks.services import event_emit
from ungeforlob.youth import cpr
from ungeforlob.youth.models import Course, Youth
from ungeforlob.youth.services import youth_create


@transaction.atomic
def referral_submit(*, actor: Any, first_name: str, last_name: str, cpr_number: str, problem: str,
                    youth_accepted: bool, accepted_asked_by: str, accepted_on: datetime.date, mobile: str = "",
                    email: str = "", how_to_reach: str = "", idempotency_key: Any = None,
                    birth_date: datetime.date | None = None, organisation: Any = None) -> tuple[Referral, bool]:
    """A partner refers a young person who has said yes to it. Returns (referral, created).

    `organisation` is where the referral comes from when that is not the actor's own (a partner's system through
    the API, acting as its organisation in the name of the administrator who registered it).

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
    low, high = age_bounds(actor.municipality_id)  # the municipality's target group (vocabulary)
    if not low <= age <= high:
        errors["cpr" if digits else "birth_date"] = age_message(actor.municipality_id, age)
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
        organisation_name=organisation.name if organisation is not None else (
            actor.organisation.name if actor.organisation_id else ""),
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
    event_emit(event_type="referral.received", municipality_id=referral.municipality_id, referral=referral,
               data={"referral_id": referral.pk, "status": referral.status})
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
        membership = Membership.objects.open().get(youth=youth, role=ChainRole.CONTACT_PERSON)
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
    event_emit(event_type="referral.decided", municipality_id=referral.municipality_id, referral=referral,
               data={"referral_id": referral.pk, "status": referral.status})
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
    event_emit(event_type="referral.decided", municipality_id=referral.municipality_id, referral=referral,
               data={"referral_id": referral.pk, "status": referral.status})
    with default_language():
        staff_notify(recipients=[referral.submitted_by], kind="henvisning",
                     text=_("Din henvisning er behandlet og ikke modtaget. Kontakt Ungeindsatsen for at høre mere."),
                     url=reverse("chain:referral_mine"))
    return referral
