"""Mine ønsker: the young person's wishes for the plan (and about a suggested offer), and the contact person's
answer."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.portal.models import Wish, WishKind, WishStatus
from ungeforlob.portal.services.checkins import _tell_contact_people
from ungeforlob.youth.models import Youth

# --- Mine ønsker --------------------------------------------------------------------------------------

WISH_MAX = 300
REPLY_MAX = 1000


@transaction.atomic
def wish_create(*, youth: Youth, kind: str, text: str, goal: Any = None, subgoal: Any = None) -> Wish:
    """The youth proposes a goal, a sub-goal (under one of their goals) or an activity (under a sub-goal)."""
    errors: dict[str, str] = {}
    text = (text or "").strip()
    if kind not in WishKind.values:
        errors["kind"] = _("Vælg om du ønsker et mål, et delmål eller en aktivitet.")
    if not text:
        errors["text"] = _("Skriv dit ønske.")
    elif len(text) > WISH_MAX:
        errors["text"] = _("Skriv højst %(n)s tegn.") % {"n": WISH_MAX}
    if goal is not None and goal.youth_id != youth.pk:
        errors["goal"] = _("Vælg et mål fra din plan.")
    if subgoal is not None and subgoal.goal.youth_id != youth.pk:
        errors["subgoal"] = _("Vælg et delmål fra din plan.")
    if errors:
        raise ValidationError(errors)
    if kind != WishKind.SUBGOAL:
        goal = None
    if kind != WishKind.ACTIVITY:
        subgoal = None
    if kind == WishKind.GOAL and goal_room(youth) <= 0:
        raise ValidationError({"kind": goals_full_message()})
    if Wish.objects.filter(youth=youth, text__iexact=text, status=WishStatus.NEW).exists():
        raise ValidationError({"text": _("Du har allerede sendt det ønske.")})
    wish = Wish.objects.create(youth=youth, kind=kind, text=text, goal=goal, subgoal=subgoal)
    audit_record(actor=None, actor_youth=youth, action=AuditAction.CREATE, youth=youth, obj=wish)
    return wish


def goal_room(youth: Youth) -> int:
    """How many more goal wishes the plan has room for: three goals at most, counting the goals in the plan and
    the goal wishes still open (a wish answered "yes" is a goal by then)."""
    from ungeforlob.plans.models import MAX_GOALS, Goal

    goals = Goal.objects.filter(youth=youth).count()
    waiting = Wish.objects.filter(youth=youth, kind=WishKind.GOAL,
                                  status__in=[WishStatus.NEW, WishStatus.DISCUSS]).count()
    return MAX_GOALS - goals - waiting


def goals_full_message() -> str:
    return _("Du kan ikke ønske et mål mere. En plan har højst tre mål, og du har tre mål eller ønsker om mål "
             "allerede. Du kan ønske et delmål eller en aktivitet i stedet. Eller tal med din kontaktperson om "
             "at skifte et mål ud.")


WISH_ACCEPT = "ja"
WISH_DISCUSS = "tale"


@transaction.atomic
def wish_handle(*, actor: Any, youth: Youth, wish: Wish, decision: str, text: str = "", reply: str = "",
                goal: Any = None, subgoal: Any = None, success_criterion: str = "", reason: str = "") -> Wish:
    """The contact person answers a wish.

    `decision="ja"`: the goal, sub-goal or activity is created through the plans services (which check that
    `actor` may edit the plan); a changed `text` makes it "ja med en ændring". `decision="tale"`: marked for
    a talk, with a `reply` the youth reads. Raises ValidationError (Danish) and saves nothing on bad input.
    """
    from ungeforlob.plans import services as plans
    from ungeforlob.plans.models import Responsible

    locked = Wish.objects.select_for_update(of=("self",)).filter(pk=wish.pk, youth=youth).first()
    if locked is None:
        raise ValidationError({"__all__": _("Ønsket findes ikke.")})
    wish = locked
    if not wish.is_open:
        raise ValidationError({"__all__": _("Ønsket er allerede besvaret.")})
    reply = (reply or "").strip()
    if len(reply) > REPLY_MAX:
        raise ValidationError({"reply": _("Skriv højst %(n)s tegn.") % {"n": REPLY_MAX}})
    if decision == WISH_DISCUSS:
        if not reply:
            raise ValidationError({"reply": _("Skriv et svar til den unge, så hun eller han ved, hvad I skal tale om.")})
        wish.status = WishStatus.DISCUSS
    elif decision == WISH_ACCEPT:
        text = (text or "").strip() or wish.text
        if wish.kind == WishKind.GOAL:
            created: Any = plans.goal_create(youth=youth, actor=actor, text=text, written_by="ung",
                                             change_reason=_("Den unges ønske"))
        elif wish.kind == WishKind.SUBGOAL:
            created = plans.subgoal_create(youth=youth, goal=goal, actor=actor, text=text,
                                           success_criterion=success_criterion, change_reason=_("Den unges ønske"))
        else:  # an activity, or an offer she wanted to hear more about (it becomes an activity in the offer)
            created = plans.activity_create(youth=youth, subgoal=subgoal, actor=actor, title=text,
                                            reason=reason, responsible=Responsible.YOUTH, offer=wish.offer,
                                            change_reason=_("Den unges ønske"))
        wish.status = WishStatus.ACCEPTED if text == wish.text else WishStatus.ADJUSTED
        wish.created_type = created._meta.model_name
        wish.created_id = created.pk
    else:
        raise ValidationError({"decision": _("Vælg et svar.")})
    wish.reply = reply
    wish.handled_by = actor
    wish.handled_by_name = (actor.get_full_name() or actor.username)[:200]
    wish.handled_at = timezone.now()
    wish.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=youth, obj=wish, detail={"status": wish.status})
    return wish


@transaction.atomic
def offer_interest(*, youth: Youth, offer_id: Any) -> Wish:
    """"Det vil jeg gerne høre mere om": a wish about one of the offers suggested to her (portal.choose), which
    her contact person answers like any other wish."""
    from ungeforlob.portal.choose import suggested_offers

    offer = next((s["offer"] for s in suggested_offers(youth) if str(s["offer"].pk) == str(offer_id)), None)
    if offer is None:
        raise ValidationError({"offer": _("Vi kan ikke finde det tilbud. Prøv igen fra listen.")})
    if Wish.objects.filter(youth=youth, offer=offer, status__in=[WishStatus.NEW, WishStatus.DISCUSS]).exists():
        raise ValidationError({"offer": _("Du har allerede spurgt om det tilbud. Din kontaktperson svarer dig.")})
    wish = Wish.objects.create(youth=youth, kind=WishKind.OFFER, text=offer.name[:WISH_MAX], offer=offer)
    audit_record(actor=None, actor_youth=youth, action=AuditAction.CREATE, youth=youth, obj=wish)
    _tell_contact_people(youth, kind="oenske", url_name="portal:staff_wishes",
                         text=_("Den unge vil gerne høre mere om et tilbud."))
    return wish
