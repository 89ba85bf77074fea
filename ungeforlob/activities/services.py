"""Writes for fællesskaber: activities, sign-ups (made by the young person herself) and attendance.

Every write is atomic and records its own audit row. SMS go through the messaging outbox in the same
transaction (a reminder the day before, scheduled with `sms_enqueue`'s send time; a notice when an activity is
cancelled or a waiting-list place opens), so a message exists exactly when the change that caused it does.
The young person's SMS consent is checked by the outbox when a message is due.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ungeforlob.accounts.models import Organisation, Role, User
from ungeforlob.activities.access import PURPOSE, may_manage, may_run
from ungeforlob.activities.models import ACTIVE_STATUSES, Activity, SignUp, SignUpStatus
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core.text import youth_language
from ungeforlob.messaging.models import MessageKind
from ungeforlob.messaging.services import sms_cancel, sms_enqueue
from ungeforlob.youth.models import Youth

# The reminder goes the afternoon before; an activity closer than this when she signs up gets none.
REMINDER_HOUR = 16
REMINDER_MIN_NOTICE = datetime.timedelta(hours=3)
MAX_SEATS = 200
FIELDS = ("title", "description", "place", "starts_at", "duration_minutes", "seats", "organisation", "runner",
          "waiting_list")


# --- Activities ------------------------------------------------------------------------------------------------

def _validate(*, actor: Any, starts_at: datetime.datetime, seats: int, organisation: Organisation, runner: User,
              duration_minutes: int) -> None:
    errors: dict[str, str] = {}
    if starts_at <= timezone.now():
        errors["starts_at"] = _("Vælg et tidspunkt i fremtiden.")
    if not 1 <= int(seats) <= MAX_SEATS:
        errors["seats"] = _("Der skal være mellem 1 og %(max)s pladser.") % {"max": MAX_SEATS}
    if not 15 <= int(duration_minutes) <= 24 * 60:
        errors["duration_minutes"] = _("Varigheden skal være mellem 15 minutter og et døgn.")
    if organisation is None or organisation.municipality_id != actor.municipality_id:
        errors["organisation"] = _("Vælg en organisation i kommunen.")
    if (runner is None or runner.municipality_id != actor.municipality_id or runner.role != Role.PROFESSIONAL
            or not runner.is_active):
        errors["runner"] = _("Vælg en fagperson i kommunen.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def activity_create(*, actor: Any, title: str, place: str, starts_at: datetime.datetime, seats: int,
                    organisation: Organisation, runner: User, description: str = "", duration_minutes: int = 120,
                    waiting_list: bool = True) -> Activity:
    """A new activity in the actor's municipality (any professional may create one)."""
    if not may_run(actor):
        raise ValidationError(_("Kun fagpersoner i kommunen kan oprette fællesskaber."))
    _validate(actor=actor, starts_at=starts_at, seats=seats, organisation=organisation, runner=runner,
              duration_minutes=duration_minutes)
    activity = Activity.objects.create(
        municipality_id=actor.municipality_id, title=title.strip(), description=description.strip(),
        place=place.strip(), starts_at=starts_at, duration_minutes=duration_minutes, seats=seats,
        organisation=organisation, runner=runner, waiting_list=waiting_list, created_by=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=activity, detail={"title": activity.title})
    return activity


@transaction.atomic
def activity_update(*, actor: Any, activity: Activity, version: int, title: str, place: str,
                    starts_at: datetime.datetime, seats: int, organisation: Organisation, runner: User,
                    description: str = "", duration_minutes: int = 120, waiting_list: bool = True) -> Activity:
    """Change an activity (its runner or creator). Refused when someone else saved it meanwhile (`version`), when
    it is cancelled, or when fewer seats are asked for than are taken. A new time moves the reminders; more seats
    give waiting places to the first on the waiting list."""
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    if not may_manage(actor, locked):
        raise ValidationError(_("Kun den ansvarlige kan ændre fællesskabet."))
    if locked.is_cancelled:
        raise ValidationError(_("Fællesskabet er aflyst og kan ikke ændres."))
    if locked.version != version:
        raise ValidationError(_("En anden har ændret fællesskabet, mens du skrev. Se ændringen og gem igen."),
                              code="stale")
    _validate(actor=actor, starts_at=starts_at, seats=seats, organisation=organisation, runner=runner,
              duration_minutes=duration_minutes)
    taken = locked.signups.filter(status=SignUpStatus.SIGNED_UP).count()
    if seats < taken:
        raise ValidationError({"seats": _("%(n)s unge er allerede tilmeldt. Der skal være mindst så mange pladser.")
                               % {"n": taken}})
    moved = starts_at != locked.starts_at or place.strip() != locked.place
    values = {"title": title.strip(), "description": description.strip(), "place": place.strip(),
              "starts_at": starts_at, "duration_minutes": duration_minutes, "seats": seats,
              "organisation": organisation, "runner": runner, "waiting_list": waiting_list}
    changed = sorted(k for k, v in values.items() if getattr(locked, k) != v)
    for key, value in values.items():
        setattr(locked, key, value)
    locked.version += 1
    locked.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=locked, detail={"changed": changed})
    if moved:
        for signup in locked.signups.filter(status=SignUpStatus.SIGNED_UP).select_related("youth"):
            _reminder_cancel(signup)
            _reminder_schedule(signup, activity=locked)
            signup.save(update_fields=["reminder_key"])
    _promote_waiting(locked)
    return locked


@transaction.atomic
def activity_cancel(*, actor: Any, activity: Activity, reason: str = "") -> Activity:
    """Cancel an activity (its runner or creator): everyone signed up or waiting is told by SMS, and their
    reminders are cancelled. Cancelling twice changes nothing."""
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    if not may_manage(actor, locked):
        raise ValidationError(_("Kun den ansvarlige kan aflyse fællesskabet."))
    if locked.is_cancelled:
        return locked
    if locked.starts_at <= timezone.now():
        raise ValidationError(_("Fællesskabet er begyndt og kan ikke aflyses."))
    locked.cancelled_at = timezone.now()
    locked.cancelled_by = actor
    locked.cancel_reason = reason.strip()[:200]
    locked.save(update_fields=["cancelled_at", "cancelled_by", "cancel_reason"])
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=locked, detail={"cancelled": True})
    for signup in locked.signups.filter(status__in=ACTIVE_STATUSES).select_related("youth"):
        _reminder_cancel(signup)
        with youth_language(signup.youth):
            text = _("Hej %(name)s. »%(title)s« %(when)s er aflyst. Vi beklager.") % {
                "name": _first_name(signup.youth), "title": locked.title, "when": _when(locked)}
        sms_enqueue(youth=signup.youth, body=text, kind=MessageKind.NOTICE, actor=actor,
                    idempotency_key=f"activities:cancelled:{locked.pk}:{signup.pk}",
                    related_type="activities.activity", related_id=locked.pk, accept_warnings=True)
    return locked


# --- Sign-ups (the young person on Min side) ---------------------------------------------------------------------

def _first_name(youth: Youth) -> str:
    return youth.preferred_name or youth.first_name


def _when(activity: Activity) -> str:
    local = timezone.localtime(activity.starts_at)
    return _("%(day)s kl. %(clock)s") % {"day": date_format(local.date(), "l \\d. j. F"),
                                         "clock": local.strftime("%H.%M")}


def _reminder_schedule(signup: SignUp, *, activity: Activity) -> None:
    """The reminder the afternoon before (sooner when she signs up later than that; none at the last minute)."""
    now = timezone.now()
    if activity.starts_at - now < REMINDER_MIN_NOTICE:
        signup.reminder_key = ""
        return
    local = timezone.localtime(activity.starts_at)
    day_before = timezone.make_aware(datetime.datetime.combine(local.date() - datetime.timedelta(days=1),
                                                               datetime.time(REMINDER_HOUR)))
    signup.reminder_key = f"activities:reminder:{signup.pk}:{uuid.uuid4().hex[:12]}"
    with youth_language(signup.youth):
        text = _("Hej %(name)s. Husk »%(title)s« %(when)s, %(place)s. Kan du ikke komme, så meld fra på Min side.") % {
            "name": _first_name(signup.youth), "title": activity.title, "when": _when(activity),
            "place": activity.place}
    sms_enqueue(youth=signup.youth, body=text, kind=MessageKind.REMINDER, send_at=max(day_before, now),
                idempotency_key=signup.reminder_key, related_type="activities.signup", related_id=signup.pk,
                accept_warnings=True)


def _reminder_cancel(signup: SignUp) -> None:
    if signup.reminder_key:
        sms_cancel(idempotency_key=signup.reminder_key)
        signup.reminder_key = ""


def _promote_waiting(activity: Activity) -> int:
    """Give free seats to the first on the waiting list (each is told by SMS). Returns how many moved up."""
    if activity.is_cancelled or activity.starts_at <= timezone.now():
        return 0
    free = activity.seats - activity.signups.filter(status=SignUpStatus.SIGNED_UP).count()
    if free <= 0:
        return 0
    moved = list(activity.signups.filter(status=SignUpStatus.WAITING).select_related("youth")
                 .order_by("signed_up_at", "pk")[:free])
    for signup in moved:
        signup.status = SignUpStatus.SIGNED_UP
        _reminder_schedule(signup, activity=activity)
        signup.save(update_fields=["status", "reminder_key"])
        audit_record(actor=None, action=AuditAction.UPDATE, youth=signup.youth, obj=signup,
                     detail={"status": SignUpStatus.SIGNED_UP, "from_waiting_list": True})
        with youth_language(signup.youth):
            text = _("Hej %(name)s. Der er blevet plads til dig på »%(title)s« %(when)s, %(place)s.") % {
                "name": _first_name(signup.youth), "title": activity.title, "when": _when(activity),
                "place": activity.place}
        sms_enqueue(youth=signup.youth, body=text, kind=MessageKind.NOTICE,
                    idempotency_key=f"activities:seat:{signup.pk}:{uuid.uuid4().hex[:12]}",
                    related_type="activities.signup", related_id=signup.pk, accept_warnings=True)
    return len(moved)


@transaction.atomic
def signup_create(*, youth: Youth, activity: Activity, show_first_name: bool = False) -> SignUp:
    """She signs up on Min side: a seat while there is one, else the waiting list (when the activity has one),
    else a Danish refusal. The activity row is locked, so two young people cannot take the last seat."""
    locked = Activity.objects.select_for_update().filter(pk=activity.pk,
                                                         municipality_id=youth.municipality_id).first()
    if locked is None:
        raise ValidationError(_("Fællesskabet findes ikke."))
    if locked.is_cancelled:
        raise ValidationError(_("Fællesskabet er aflyst."))
    if locked.starts_at <= timezone.now():
        raise ValidationError(_("Fællesskabet er allerede begyndt."))
    signup = SignUp.objects.filter(activity=locked, youth=youth).first()
    if signup is not None and signup.status in ACTIVE_STATUSES:
        raise ValidationError(_("Du er allerede tilmeldt."))
    taken = locked.signups.filter(status=SignUpStatus.SIGNED_UP).count()
    if taken < locked.seats:
        status = SignUpStatus.SIGNED_UP
    elif locked.waiting_list:
        status = SignUpStatus.WAITING
    else:
        raise ValidationError(_("Der er ikke flere pladser."))
    if signup is None:
        signup = SignUp(activity=locked, youth=youth)
    signup.status = status
    signup.show_first_name = bool(show_first_name)
    signup.signed_up_at = timezone.now()
    signup.withdrawn_at = None
    signup.save()
    if status == SignUpStatus.SIGNED_UP:
        _reminder_schedule(signup, activity=locked)
        signup.save(update_fields=["reminder_key"])
    audit_record(actor=None, actor_youth=youth, action=AuditAction.CREATE, youth=youth, obj=signup,
                 purpose=PURPOSE, detail={"activity": locked.pk, "status": status})
    return signup


@transaction.atomic
def signup_withdraw(*, youth: Youth, signup_id: Any) -> SignUp:
    """She withdraws on Min side (a seat or a waiting place); her reminder is cancelled and the first on the
    waiting list gets the seat. Only her own sign-up, before the activity begins."""
    try:
        pk = int(signup_id)
    except (TypeError, ValueError):
        pk = 0
    signup = (SignUp.objects.select_for_update().filter(pk=pk, youth=youth, status__in=ACTIVE_STATUSES)
              .select_related("activity").first()) if 0 < pk < 2**63 else None
    if signup is None:
        raise ValidationError(_("Du er ikke tilmeldt."))
    activity = Activity.objects.select_for_update().get(pk=signup.activity_id)
    if activity.starts_at <= timezone.now():
        raise ValidationError(_("Fællesskabet er allerede begyndt. Skriv til den ansvarlige, hvis du ikke kan."))
    was = signup.status
    signup.status = SignUpStatus.WITHDRAWN
    signup.withdrawn_at = timezone.now()
    _reminder_cancel(signup)
    signup.save(update_fields=["status", "withdrawn_at", "reminder_key"])
    audit_record(actor=None, actor_youth=youth, action=AuditAction.UPDATE, youth=youth, obj=signup,
                 purpose=PURPOSE, detail={"status": SignUpStatus.WITHDRAWN, "was": was})
    if was == SignUpStatus.SIGNED_UP:
        _promote_waiting(activity)
    return signup


# --- Attendance ----------------------------------------------------------------------------------------------

@transaction.atomic
def attendance_record(*, actor: Any, activity: Activity, attended: dict[int, bool]) -> int:
    """The one who runs the activity records who came, once it has begun (and may correct it later).
    `attended` maps sign-up ids to came/did not come; ids of other activities are ignored. Returns how many
    changed."""
    if not may_manage(actor, activity):
        raise ValidationError(_("Kun den ansvarlige kan registrere fremmøde."))
    if activity.is_cancelled:
        raise ValidationError(_("Fællesskabet er aflyst."))
    if activity.starts_at > timezone.now():
        raise ValidationError(_("Fremmødet kan registreres, når fællesskabet er begyndt."))
    now = timezone.now()
    changed = 0
    for signup in (activity.signups.filter(status=SignUpStatus.SIGNED_UP, pk__in=list(attended))
                   .select_related("youth__municipality")):
        value = attended[signup.pk]
        if signup.attended is value:
            continue
        signup.attended = value
        signup.attendance_by = actor
        signup.attendance_at = now
        signup.save(update_fields=["attended", "attendance_by", "attendance_at"])
        audit_record(actor=actor, action=AuditAction.UPDATE, youth=signup.youth, obj=signup, purpose=PURPOSE,
                     detail={"attended": value})
        changed += 1
    return changed
