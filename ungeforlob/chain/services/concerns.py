"""Concerns (bekymringer): raised by any circle member, acknowledged, acted on and closed; escalated by the
worker when not acknowledged in time."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.accounts.models import Role, User
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain.deadlines import ack_due_at, overdue_q
from ungeforlob.chain.models import (
    Concern,
    ConcernAction,
    ConcernCategory,
    Severity,
)
from ungeforlob.chain.services.circle import _contact_people
from ungeforlob.core.text import default_language
from ungeforlob.notifications.services import staff_notify
from ungeforlob.webhooks.services import event_emit
from ungeforlob.youth.models import Youth


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
    event_emit(event_type="concern.raised", municipality_id=youth.municipality_id, youth=youth,
               data={"concern_id": concern.pk, "category": category, "severity": severity})
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

    Safe to run often and concurrently (the worker, the chain_tick management command): a concern is
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
            event_emit(event_type="concern.escalated", municipality_id=concern.youth.municipality_id,
                       youth=concern.youth, data={"concern_id": concern.pk})
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
