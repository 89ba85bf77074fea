"""Writes for emergency access. Each is atomic and audited."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.accounts.models import Role, Sector, User
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.emergency import rules
from ungeforlob.emergency.models import EmergencyAccess, EmergencyReason, EmergencySettings, Review
from ungeforlob.notifications.services import staff_notify
from ungeforlob.youth.models import Youth


def purpose_for(access: EmergencyAccess) -> str:
    """What the young person reads on "Hvem har kigget": emergency access and the reason from the list."""
    return _("Nødadgang: %(reason)s") % {"reason": access.get_reason_display()}


@transaction.atomic
def emergency_settings_save(*, actor: Any, enabled: bool, sectors: Iterable[str]) -> EmergencySettings:
    """The administrator turns emergency access on or off and chooses the sectors whose staff may use it."""
    chosen = sorted({s for s in sectors if s in Sector.values})
    if enabled and not chosen:
        raise ValidationError({"sectors": _("Vælg mindst én sektor, der må bruge nødadgang.")})
    row, _created = EmergencySettings.objects.select_for_update().get_or_create(
        municipality_id=actor.municipality_id)
    row.enabled, row.sectors, row.updated_by = enabled, chosen, actor
    row.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=row, object_type="emergency_settings",
                 detail={"enabled": enabled, "sectors": chosen})
    return row


def _contact_people(youth: Youth) -> list[User]:
    rows = (Membership.objects.active().filter(youth=youth, role=ChainRole.CONTACT_PERSON)
            .select_related("professional").prefetch_related("team__members"))
    people: list[User] = []
    for m in rows:
        if m.professional is not None:
            people.append(m.professional)
        elif m.team is not None:
            people.extend(m.team.members.all())
    return [u for u in people if u.is_active]


def _leaders(actor: Any) -> list[User]:
    """The actor's own leader; without one, every leader of the municipality."""
    if actor.leader_id and actor.leader.is_active and actor.leader.role == Role.LEADER:
        return [actor.leader]
    return list(User.objects.filter(municipality_id=actor.municipality_id, role=Role.LEADER, is_active=True))


@transaction.atomic
def emergency_access_start(*, actor: Any, youth: Youth, reason: str, explanation: str) -> EmergencyAccess:
    """Open read access to `youth` for `actor` until the end of the next working day (see `rules`).

    Refused unless the municipality has emergency access on for the actor's sector, the young person is of the
    actor's municipality and outside the actor's circles. The contact person and the leader are told at once;
    the access waits for the leader's review."""
    if not rules.may_break_glass(actor):
        raise ValidationError(_("Du kan ikke bruge nødadgang."))
    if youth.municipality_id != actor.municipality_id or policy.can(actor, policy.Action.VIEW, youth):
        raise ValidationError(_("Nødadgang gælder kun unge, du ikke allerede har adgang til."))
    if reason not in EmergencyReason.values:
        raise ValidationError({"reason": _("Vælg en årsag fra listen.")})
    explanation = (explanation or "").strip()
    if len(explanation) < 10:
        raise ValidationError({"explanation": _("Skriv kort, hvad der er sket, og hvorfor du skal se oplysningerne.")})
    if len(explanation) > 1000:
        raise ValidationError({"explanation": _("Begrundelsen må højst være 1000 tegn.")})
    existing = EmergencyAccess.objects.active().filter(professional=actor, youth=youth).first()
    if existing is not None:
        return existing
    now = timezone.now()
    access = EmergencyAccess.objects.create(
        municipality_id=actor.municipality_id, youth=youth, professional=actor, reason=reason,
        explanation=explanation, started_at=now, ends_at=rules.access_ends_at(now))
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=access, object_type="emergency_access",
                 purpose=purpose_for(access), detail={"reason": reason, "ends_at": access.ends_at.isoformat()})
    until = date_format(timezone.localtime(access.ends_at), "DATETIME_FORMAT")
    who = f"{actor.get_full_name() or actor.username}" + (f" ({actor.organisation.name})" if actor.organisation_id else "")
    staff_notify(
        recipients=_contact_people(youth), kind="emergency",
        text=_("%(who)s har brugt nødadgang til %(youth)s: %(reason)s. Adgangen gælder til %(until)s.")
        % {"who": who, "youth": youth.full_name, "reason": access.get_reason_display(), "until": until},
        url=reverse("youth:detail", args=[youth.pk]),
        email_subject=_("Nødadgang brugt i Ungeforløb"),
        email_body=_("En medarbejder uden for kredsen har brugt nødadgang til en af dine unge. Se mere i "
                     "Ungeforløb."))
    staff_notify(
        recipients=_leaders(actor), kind="emergency_review",
        text=_("%(who)s har brugt nødadgang: %(reason)s. Gennemgå om den var begrundet.")
        % {"who": who, "reason": access.get_reason_display()},
        url=reverse("emergency:review", args=[access.pk]),
        email_subject=_("Nødadgang skal gennemgås"),
        email_body=_("En af dine medarbejdere har brugt nødadgang. Gennemgå i Ungeforløb, om den var begrundet."))
    return access


@transaction.atomic
def emergency_access_end(*, actor: Any, access: EmergencyAccess) -> EmergencyAccess:
    """The professional ends their emergency access before its time (nothing to do if it has ended)."""
    if access.is_active:
        access.ended_at = timezone.now()
        access.save(update_fields=["ended_at"])
        audit_record(actor=actor, action=AuditAction.UPDATE, youth=access.youth, obj=access,
                     object_type="emergency_access", detail={"ended": True})
    return access


@transaction.atomic
def emergency_access_review(*, actor: Any, access: EmergencyAccess, decision: str, note: str) -> EmergencyAccess:
    """The leader's verdict: justified or not, with a note. Reviewed once: a second leader reviewing at the same
    time is told who was first, and nothing is overwritten."""
    if decision not in (Review.JUSTIFIED, Review.NOT_JUSTIFIED):
        raise ValidationError({"decision": _("Vælg om nødadgangen var begrundet.")})
    note = (note or "").strip()
    if decision == Review.NOT_JUSTIFIED and not note:
        raise ValidationError({"note": _("Skriv hvorfor nødadgangen ikke var begrundet, og hvad der skal ske.")})
    if len(note) > 1000:
        raise ValidationError({"note": _("Noten må højst være 1000 tegn.")})
    now = timezone.now()
    updated = EmergencyAccess.objects.filter(pk=access.pk, review=Review.PENDING).update(
        review=decision, review_note=note, reviewed_by=actor, reviewed_at=now)
    if not updated:
        raise ValidationError(_("Nødadgangen er allerede gennemgået af en anden leder."))
    access.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=access, object_type="emergency_review",
                 municipality=actor.municipality, detail={"review": decision})
    staff_notify(
        recipients=[access.professional], kind="emergency_reviewed",
        text=_("Din nødadgang den %(day)s er gennemgået: %(review)s.")
        % {"day": date_format(timezone.localtime(access.started_at), "SHORT_DATE_FORMAT"),
           "review": access.get_review_display()},
        url=reverse("emergency:search"))
    return access
