"""Check-ins on Min plan: the young person's "Jeg har gjort det" / "Det gik ikke", and the contact person's
side of them (seen, a sub-goal proposed reached confirmed or declined)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.portal.models import CheckIn, ReachedStatus
from ungeforlob.youth.models import Youth

# --- Min plan: check-in -------------------------------------------------------------------------------

CHECKIN_DONE = "gjort"
CHECKIN_NOT = "ikke"
LINE_MAX = 300


@transaction.atomic
def checkin_record(*, youth: Youth, outcome: str, line: str, closeness: Any, subgoal: Any = None,
                   activity: Any = None, reached: bool = False) -> Any:
    """"Jeg har gjort det" / "Det gik ikke" on a sub-goal or an activity, with one line on how it went.

    Recorded as the youth's own evaluation of the sub-goal (plans.evaluation_create, by_youth=True), so it
    shows at once on the plan page and in the timeline; an open SMS check-in about the activity is answered
    too. A portal CheckIn keeps her words for her contact person's *I dag* (until seen) and a notification
    tells them; `reached=True` proposes that the sub-goal is reached, for the contact person to confirm.
    Returns the Evaluation. Bad input raises ValidationError (Danish) and saves nothing.
    """
    from ungeforlob.plans.services import evaluation_create

    errors: dict[str, str] = {}
    if outcome not in (CHECKIN_DONE, CHECKIN_NOT):
        errors["outcome"] = _("Vælg »Jeg har gjort det« eller »Det gik ikke«.")
    line = (line or "").strip()
    if len(line) > LINE_MAX:
        errors["line"] = _("Skriv højst %(n)s tegn.") % {"n": LINE_MAX}
    if activity is not None:
        if activity.subgoal.goal.youth_id != youth.pk:
            errors["__all__"] = _("Det findes ikke i din plan.")
        subgoal = activity.subgoal
    elif subgoal is None or subgoal.goal.youth_id != youth.pk:
        errors["__all__"] = _("Det findes ikke i din plan.")
    if errors:
        raise ValidationError(errors)
    head = _("Jeg har gjort det") if outcome == CHECKIN_DONE else _("Det gik ikke")
    if activity is not None:
        head = f"{head}: {activity.title}"
    text = f"{head}. {line}" if line else f"{head}."
    evaluation = evaluation_create(
        youth=youth, by_youth=True, subgoal=subgoal, closeness=closeness,
        went_well=text if outcome == CHECKIN_DONE else "", was_hard=text if outcome == CHECKIN_NOT else "",
    )
    if activity is not None:
        from ungeforlob.messaging.services import checkin_answer

        checkin_answer(youth=youth, related_type="plans.activity", related_id=activity.pk, answer=text,
                       answered_in="portal")
    from ungeforlob.plans.models import SubGoalStatus

    propose = bool(reached) and subgoal.status != SubGoalStatus.REACHED
    checkin = CheckIn.objects.create(
        youth=youth, subgoal=subgoal, activity=activity, evaluation=evaluation, done=outcome == CHECKIN_DONE,
        line=line, closeness=evaluation.closeness, reached=ReachedStatus.PROPOSED if propose else ReachedStatus.NONE)
    audit_record(actor=None, actor_youth=youth, action=AuditAction.CREATE, youth=youth, obj=checkin,
                 detail={"reached": checkin.reached})
    _tell_contact_people(youth, kind="tjek_ind", url_name="portal:staff_checkins",
                         text=_("Den unge har foreslået, at et delmål er nået. Bekræft det.") if propose
                         else _("Den unge har tjekket ind på sin plan."))
    return evaluation


def _tell_contact_people(youth: Youth, *, kind: str, text: str, url_name: str) -> None:
    """An in-app notification for the young person's contact person(s); no personal details in the text."""
    from django.urls import reverse

    from ungeforlob.notifications.services import staff_notify
    from ungeforlob.portal.choose import contact_people

    staff_notify(recipients=contact_people(youth), kind=kind, text=text, url=reverse(url_name, args=[youth.pk]))


# --- Check-ins: the contact person's side ---------------------------------------------------------------


@transaction.atomic
def checkins_seen(*, actor: Any, youth: Youth) -> int:
    """The contact person has read her check-ins (they leave *I dag*; a sub-goal proposed reached stays)."""
    now = timezone.now()
    count = CheckIn.objects.filter(youth=youth, seen_at__isnull=True).update(
        seen_at=now, seen_by=actor, seen_by_name=(actor.get_full_name() or actor.username)[:200])
    if count:
        audit_record(actor=actor, action=AuditAction.UPDATE, youth=youth, object_type="portal_checkin",
                     detail={"seen": count})
    return count


REACHED_CONFIRM = "ja"
REACHED_DECLINE = "nej"


@transaction.atomic
def reached_answer(*, actor: Any, youth: Youth, checkin: CheckIn, decision: str, reply: str = "") -> CheckIn:
    """Confirm (the sub-goal becomes "Nået" through plans.subgoal_update, which checks that `actor` may edit the
    plan and keeps the plan history) or decline with a reply her own words are answered with. Audited; she is
    told on Min side."""
    from ungeforlob.notifications.services import youth_notify
    from ungeforlob.plans.models import SubGoal, SubGoalStatus
    from ungeforlob.plans.services import subgoal_update

    locked = CheckIn.objects.select_for_update(of=("self",)).filter(pk=checkin.pk, youth=youth).first()
    if locked is None or locked.reached != ReachedStatus.PROPOSED:
        raise ValidationError({"__all__": _("Forslaget er allerede besvaret.")})
    reply = (reply or "").strip()
    if len(reply) > 500:
        raise ValidationError({"reply": _("Skriv højst %(n)s tegn.") % {"n": 500}})
    if decision == REACHED_CONFIRM:
        subgoal = SubGoal.objects.select_related("goal").get(pk=locked.subgoal_id)
        if subgoal.status != SubGoalStatus.REACHED:
            subgoal_update(youth=youth, subgoal=subgoal, actor=actor, version=subgoal.version, text=subgoal.text,
                           success_criterion=subgoal.success_criterion, target_date=subgoal.target_date,
                           status=SubGoalStatus.REACHED, change_reason=_("Den unge foreslog, at delmålet er nået"))
        locked.reached = ReachedStatus.CONFIRMED
        text = _("Din kontaktperson har bekræftet, at du har nået dit delmål. Godt gået!")
    elif decision == REACHED_DECLINE:
        if not reply:
            raise ValidationError({"reply": _("Skriv et svar til den unge: hvad mangler der?")})
        locked.reached = ReachedStatus.DECLINED
        text = _("Din kontaktperson har svaret på dit delmål.")
    else:
        raise ValidationError({"decision": _("Vælg et svar.")})
    now = timezone.now()
    locked.reply = reply
    if locked.seen_at is None:
        locked.seen_at, locked.seen_by = now, actor
        locked.seen_by_name = (actor.get_full_name() or actor.username)[:200]
    locked.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=youth, obj=locked, detail={"reached": locked.reached})
    youth_notify(youth=youth, kind="delmaal_svar", actor=actor, related_type="portal.checkin", related_id=locked.pk,
                 text=text)
    return locked
