"""Registering a young person whose CPR number is already registered: a request to their contact person.

Why this exists. The create form used to answer "Der findes allerede en ung med dette CPR-nummer i kommunen"
to anyone with a login, unaudited and without a limit: a test of whether a CPR number belongs to a young
person in the youth effort. Creating a young person with an unknown number must go on working (and land on
the new young person's page), so existence cannot be hidden completely from the one registering. The
decision, then:

* **Someone who may already see the young person** is told so and sent to them: that reveals nothing new.
* **Anyone else** (staff of the same municipality) gets no name and no detail, only "Den unge findes
  allerede. Vi har bedt den unges kontaktperson om at tage stilling …". What they learn — that the number
  is registered — is accepted, but it is no longer free: it creates an `AccessRequest` with the reason they
  gave, writes a SEARCH row on the young person (so it appears in "who has looked at my case"), and tells
  the contact person, who accepts (the asker joins the circle with a role the contact person chooses,
  through chain's `member_add`, with its cross-sector grounds) or declines. The asker is told the outcome.
* **At most `REQUESTS_PER_DAY` requests per asker in 24 hours.** Once over the limit, the asker can neither
  register nor ask for anyone until the day has passed — for known and unknown numbers alike, so the refusal
  itself is no oracle.
* Leaders and administrators do not register young people (they see aggregates, not persons); the view
  refuses them before anything is looked up.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.accounts.models import User
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain import services as chain_services
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.core.text import default_language
from ungeforlob.notifications.services import staff_notify
from ungeforlob.policy import Action
from ungeforlob.youth import cpr
from ungeforlob.youth.models import AccessRequest, AccessRequestStatus, Youth
from ungeforlob.youth.services import check_age, youth_create

REQUESTS_PER_DAY = 5
WINDOW = datetime.timedelta(hours=24)
REASON_MAX = 300


@dataclass(frozen=True)
class Registration:
    """What registering gave: a new young person, one the asker already sees, or a request sent."""

    youth: Youth | None = None
    created: bool = False
    request: AccessRequest | None = None


def _over_limit(actor: Any) -> bool:
    since = timezone.now() - WINDOW
    return AccessRequest.objects.filter(asker=actor, created_at__gte=since).count() >= REQUESTS_PER_DAY


def _contact_people(youth: Youth) -> list[Any]:
    """The young person's active contact person(s): the professional, or the members of the team."""
    people: list[Any] = []
    for m in (Membership.objects.active().filter(youth=youth, role=ChainRole.CONTACT_PERSON)
              .select_related("professional", "team").prefetch_related("team__members")):
        if m.professional_id:
            people.append(m.professional)
        elif m.team_id:
            people.extend(m.team.members.all())
    return people


@transaction.atomic
def youth_register(*, actor: Any, first_name: str, last_name: str, cpr_number: str, reason: str = "",
                   **fields: Any) -> Registration:
    """Register a young person, or — when the CPR number is already registered — ask to join their circle.

    See the module docstring for what each outcome tells the asker. Raises ValidationError (Danish,
    field-keyed) for a malformed number, an age outside the youth effort, or an asker over the daily limit.
    """
    try:
        digits = cpr.normalize_cpr(cpr_number)
    except ValidationError as exc:
        raise ValidationError({"cpr": exc.messages}) from exc
    check_age(cpr.birth_date(digits), municipality_id=actor.municipality_id)
    # Serialise one asker's registrations, so two tabs cannot both slip under the daily limit.
    User.objects.select_for_update().filter(pk=actor.pk).values_list("pk", flat=True).first()
    if _over_limit(actor):
        raise ValidationError({"cpr": _(
            "Du har bedt om adgang til %(n)s unge det seneste døgn. Af hensyn til de unges privatliv kan du "
            "ikke oprette eller bede om adgang til flere unge, før der er gået et døgn. Kontakt din leder, "
            "hvis det haster.") % {"n": REQUESTS_PER_DAY}})
    known = Youth.objects.filter(municipality_id=actor.municipality_id, cpr_hash=cpr.lookup_hash(digits)).first()
    if known is None:
        youth = youth_create(actor=actor, first_name=first_name, last_name=last_name, cpr_number=digits, **fields)
        return Registration(youth=youth, created=True)
    if policy.can(actor, Action.VIEW, known):
        return Registration(youth=known)
    return Registration(request=access_request_create(actor=actor, youth=known, reason=reason))


def access_request_create(*, actor: Any, youth: Youth, reason: str = "") -> AccessRequest:
    """Record the request, log it on the young person (SEARCH, with the reason) and tell the contact person.

    A second request while one is open is the same request: nothing new is written or sent.
    """
    reason = (reason or "").strip()[:REASON_MAX]
    existing = AccessRequest.objects.filter(youth=youth, asker=actor, status=AccessRequestStatus.OPEN).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            request = AccessRequest.objects.create(youth=youth, asker=actor, reason=reason)
    except IntegrityError:  # the same request sent at the same moment
        return AccessRequest.objects.get(youth=youth, asker=actor, status=AccessRequestStatus.OPEN)
    with default_language():
        purpose = reason or _("Oprettelse af en ung, hvis CPR-nummer allerede er registreret")
        audit_record(actor=actor, action=AuditAction.SEARCH, youth=youth, obj=request, purpose=purpose,
                     detail={"q": "CPR-søgning"})
        staff_notify(
            recipients=_contact_people(youth), kind="adgang_anmodning",
            text=_("%(name)s beder om at komme med i kæden omkring en af dine unge. Tag stilling til "
                   "anmodningen.") % {"name": actor.get_full_name() or actor.username},
            url=reverse("youth:access_request", args=[youth.pk, request.pk]),
            email_subject=_("Ungeforløb: en anmodning om at komme med i en kæde venter på dig"),
        )
    return request


def _check_decider(actor: Any, request: AccessRequest) -> None:
    if not policy.can(actor, Action.CONTACT_PERSON, request.youth):
        raise ValidationError(_("Kun den unges kontaktperson kan tage stilling til anmodningen."))


def _decide(*, actor: Any, request: AccessRequest, status: str, note: str) -> AccessRequest:
    """Close the request (a conditional update: two answers at once cannot both win)."""
    _check_decider(actor, request)
    updated = AccessRequest.objects.filter(pk=request.pk, status=AccessRequestStatus.OPEN).update(
        status=status, decided_at=timezone.now(), decided_by=actor, decision_note=(note or "").strip()[:300])
    if not updated:
        raise ValidationError(_("Der er allerede taget stilling til anmodningen."))
    request.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=request.youth, obj=request,
                 detail={"status": status})
    return request


@transaction.atomic
def access_request_accept(*, actor: Any, request: AccessRequest, role: str, consent: Any = None,
                          legal_basis: str = "", legal_basis_note: str = "", note: str = "") -> AccessRequest:
    """The contact person lets the asker into the circle with `role` (chain's `member_add`: grounds checked,
    the young person and the asker told)."""
    _check_decider(actor, request)
    # The membership first: its grounds are checked before the request is closed (and the caller's copy of
    # the request is changed only once everything has succeeded).
    chain_services.member_add(
        actor=actor, youth=request.youth, professional=request.asker, role=role, consent=consent,
        legal_basis=legal_basis, legal_basis_note=legal_basis_note,
        note=(note or _("Efter anmodning: %(reason)s") % {"reason": request.reason})[:300])
    request = _decide(actor=actor, request=request, status=AccessRequestStatus.ACCEPTED, note=note)
    policy.forget()  # member_add tells the asker they joined, with a link to the circle
    return request


@transaction.atomic
def access_request_decline(*, actor: Any, request: AccessRequest, note: str = "") -> AccessRequest:
    """The contact person says no. The asker is told, without the young person's name."""
    request = _decide(actor=actor, request=request, status=AccessRequestStatus.DECLINED, note=note)
    with default_language():
        staff_notify(recipients=[request.asker], kind="adgang_svar",
                     text=_("Din anmodning om at komme med i en ung persons kæde er afvist."))
    return request
