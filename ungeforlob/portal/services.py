"""Writes for the young person's own pages: one-time login codes, feedback, data export."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core.request_context import current_ip
from ungeforlob.core.validators import validate_danish_phone
from ungeforlob.portal.models import (
    CheckIn,
    ContactProposal,
    LoginAttempt,
    LoginCode,
    ProposalStatus,
    ReachedStatus,
    ServiceFeedback,
    StaffPresentation,
    Wish,
    WishKind,
    WishStatus,
)
from ungeforlob.youth.models import Youth

CODE_LIFETIME = datetime.timedelta(minutes=10)
MAX_CODES_PER_WINDOW = 3
CODE_WINDOW = datetime.timedelta(minutes=15)
MAX_ATTEMPTS = 5


def _hash(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), ("portal-code:" + code).encode(), hashlib.sha256).hexdigest()


def _send_code(youth: Youth, code: str, login_code: LoginCode) -> None:
    from ungeforlob.core.text import youth_language
    from ungeforlob.messaging.services import sms_enqueue

    with youth_language(youth):
        body = _("Din kode til Ungeforløb er %(code)s. Den virker i 10 minutter. Del den ikke med andre.") % {
            "code": code}
    sms_enqueue(
        youth=youth,
        body=body,
        kind="login_code",
        idempotency_key=f"portal:login-code:{login_code.pk}",
        related_type="portal.logincode",
        related_id=login_code.pk,
    )


def _client_limit() -> int:
    # Generous: a whole school class may log in from one address behind the school's router.
    return int(getattr(settings, "PORTAL_CODES_PER_CLIENT", 30))


def _keyed(kind: str, value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"portal-{kind}:{value}".encode(), hashlib.sha256).hexdigest()


@transaction.atomic
def login_code_request(*, mobile: str) -> int:
    """Record a login attempt for this mobile number and send a code to every young person registered with it.

    Returns the attempt's id, which the code page checks the code against. Whether the number is registered
    changes nothing the caller can see: the same attempt is recorded, the same limits apply (MAX_CODES_PER_WINDOW
    per number and PORTAL_CODES_PER_CLIENT per client address in CODE_WINDOW, counted whether or not the number
    is known), and the same ValidationError is raised when one is reached. A malformed number raises a
    ValidationError about the number.
    """
    try:
        number = validate_danish_phone(mobile)
    except ValidationError as exc:
        raise ValidationError({"mobile": exc.messages}) from exc
    now = timezone.now()
    number_hash, client_hash = _keyed("number", number), _keyed("client", current_ip() or "")
    LoginAttempt.objects.filter(created_at__lt=now - max(CODE_WINDOW, CODE_LIFETIME)).delete()
    recent = LoginAttempt.objects.filter(created_at__gte=now - CODE_WINDOW)
    if (recent.filter(number_hash=number_hash).count() >= MAX_CODES_PER_WINDOW
            or recent.filter(client_hash=client_hash).count() >= _client_limit()):
        raise ValidationError({"mobile": _("Du har bedt om for mange koder. Vent et kvarter, og prøv igen.")})
    LoginAttempt.objects.filter(number_hash=number_hash, closed_at__isnull=True).update(closed_at=now)
    sent: list[int] = []
    for youth in Youth.objects.filter(mobile=number).select_related("municipality"):
        LoginCode.objects.filter(youth=youth, used_at__isnull=True, invalidated_at__isnull=True).update(
            invalidated_at=now
        )
        code = f"{secrets.randbelow(1_000_000):06d}"
        login_code = LoginCode.objects.create(youth=youth, code_hash=_hash(code), expires_at=now + CODE_LIFETIME)
        _send_code(youth, code, login_code)
        sent.append(youth.pk)
    attempt = LoginAttempt.objects.create(number_hash=number_hash, client_hash=client_hash, youth_ids=sent,
                                          expires_at=now + CODE_LIFETIME)
    return attempt.pk


def login_code_verify(*, attempt_id: Any, code: str) -> Youth:
    """The young person whose open code from this attempt matches, or ValidationError (Danish) for a wrong,
    expired or locked code. Each wrong try counts on the attempt (committed before the error is raised), so
    the answers are the same whether or not the number was registered; after MAX_ATTEMPTS it stops working."""
    result = _login_code_check(attempt_id=attempt_id, code=code)
    if isinstance(result, ValidationError):
        raise result
    return result


@transaction.atomic
def _login_code_check(*, attempt_id: Any, code: str) -> Youth | ValidationError:
    code = (code or "").strip().replace(" ", "")
    now = timezone.now()
    attempt = LoginAttempt.objects.select_for_update().filter(pk=attempt_id if isinstance(attempt_id, int) else 0,
                                                             closed_at__isnull=True).first()
    if attempt is None:
        return ValidationError({"code": _("Koden virker ikke længere. Bed om en ny kode.")})
    if attempt.expires_at < now:
        return ValidationError({"code": _("Koden er udløbet. Bed om en ny kode.")})
    if attempt.tries >= MAX_ATTEMPTS:
        return ValidationError({"code": _("Du har prøvet for mange gange. Bed om en ny kode om et kvarter.")})
    digest = _hash(code)
    candidates = LoginCode.objects.filter(youth_id__in=attempt.youth_ids, used_at__isnull=True,
                                          invalidated_at__isnull=True, expires_at__gte=now)
    for candidate in candidates.select_related("youth__municipality"):
        if hmac.compare_digest(candidate.code_hash, digest):
            candidate.used_at = attempt.closed_at = now
            candidate.save(update_fields=["used_at"])
            attempt.save(update_fields=["closed_at"])
            audit_record(actor=None, actor_youth=candidate.youth, action=AuditAction.LOGIN,
                         youth=candidate.youth, object_type="portal_login")
            return candidate.youth
    attempt.tries += 1
    attempt.save(update_fields=["tries"])
    left = MAX_ATTEMPTS - attempt.tries
    if left <= 0:
        return ValidationError({"code": _("Du har prøvet for mange gange. Bed om en ny kode om et kvarter.")})
    return ValidationError({"code": _("Koden er forkert. Du kan prøve %(n)s gange mere.") % {"n": left}})


@transaction.atomic
def feedback_give(*, youth: Youth, heard: int, useful: int, comment: str = "") -> ServiceFeedback:
    """Anonymous: the row does not point at the youth (only at the municipality)."""
    for field, value in (("heard", heard), ("useful", useful)):
        if value not in range(1, 6):
            raise ValidationError({field: _("Vælg et tal fra 1 til 5.")})
    if len(comment) > 1000:
        raise ValidationError({"comment": _("Skriv højst 1000 tegn.")})
    return ServiceFeedback.objects.create(
        municipality_id=youth.municipality_id, heard=heard, useful=useful, comment=comment.strip()
    )


def export_record(*, youth: Youth, fmt: str) -> None:
    audit_record(actor=None, actor_youth=youth, action=AuditAction.EXPORT, youth=youth,
                 object_type="data_export", detail={"format": fmt})


def portal_read(*, youth: Youth, what: str) -> None:
    """The youth reading their own data is logged too (it shows in their own access log as 'dig selv')."""
    audit_record(actor=None, actor_youth=youth, action=AuditAction.READ, youth=youth, object_type=what)




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


# --- Mine samtykker and overleveringer ------------------------------------------------------------------


@transaction.atomic
def my_consent_withdraw(*, youth: Youth, consent_id: Any) -> Any:
    """Thin youth-facing wrapper: find the youth's own consent by id (a tampered id is a Danish message) and
    withdraw it through chain.consent_withdraw(by_youth=True); it takes effect at once."""
    from ungeforlob.chain.models import Consent
    from ungeforlob.chain.services import consent_withdraw

    consent = _own(Consent.objects.select_for_update().filter(youth=youth), consent_id)
    if consent is None:
        raise ValidationError({"__all__": _("Vi kan ikke finde det samtykke. Prøv igen fra listen.")})
    if consent.withdrawn_at is None and consent.expires_on < timezone.localdate():
        raise ValidationError({"__all__": _("Det samtykke er allerede slut. Der er ikke noget at trække tilbage.")})
    return consent_withdraw(consent=consent, by_youth=True)  # withdrawing twice changes nothing


@transaction.atomic
def my_sms_consent_withdraw(*, youth: Youth) -> Any:
    """Thin youth-facing wrapper over messaging.consent_withdraw: the youth stops SMS themself on Min side
    (recorded as the youth's own withdrawal, told apart from an SMS STOP). Only an active consent is withdrawn:
    a second tap, or a consent that was never given, changes nothing (no new time, no second audit row)."""
    from ungeforlob.messaging.models import ConsentWithdrawal, SmsConsent
    from ungeforlob.messaging.services import consent_withdraw

    current = SmsConsent.objects.select_for_update().filter(youth=youth).first()
    if current is None or not current.is_active:
        return current
    return consent_withdraw(actor=None, youth=youth, via=ConsentWithdrawal.PORTAL)


@transaction.atomic
def my_handover_comment(*, youth: Youth, handover_id: Any, text: str) -> Any:
    """Thin youth-facing wrapper: the youth's own handover by id, then chain.handover_comment(youth=...)."""
    from ungeforlob.chain.models import Handover
    from ungeforlob.chain.services import handover_comment

    handover = _own(Handover.objects.filter(youth=youth, is_reassignment=False), handover_id)
    if handover is None:
        raise ValidationError({"__all__": _("Vi kan ikke finde den overlevering.")})
    return handover_comment(handover=handover, text=text, youth=youth)


def _own(qs: Any, pk: Any) -> Any:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return qs.filter(pk=pk).first() if 0 < pk < 2**63 else None


# --- Choosing: a contact person, an offer -----------------------------------------------------------------

GOOD_AT_MAX = 300
WHY_MAX = 300


@transaction.atomic
def presentation_save(*, actor: Any, choosable: bool, good_at: str) -> StaffPresentation:
    """A professional's own short presentation for young people, and whether they can be chosen."""
    good_at = (good_at or "").strip()
    if len(good_at) > GOOD_AT_MAX:
        raise ValidationError({"good_at": _("Skriv højst %(n)s tegn.") % {"n": GOOD_AT_MAX}})
    if choosable and not good_at:
        raise ValidationError({"good_at": _("Skriv kort, hvad du er god til, så de unge kan vælge dig.")})
    if choosable and (not actor.is_active or actor.municipality_id is None):
        raise ValidationError({"choosable": _("Kun en aktiv fagperson i kommunen kan vælges af unge.")})
    presentation, _created = StaffPresentation.objects.select_for_update().get_or_create(user=actor)
    presentation.choosable = bool(choosable)
    presentation.good_at = good_at
    presentation.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=presentation,
                 detail={"choosable": presentation.choosable})
    return presentation


@transaction.atomic
def contact_proposal_create(*, youth: Youth, professional_id: Any, why: str = "") -> ContactProposal:
    """She proposes a contact person among those the municipality lets young people choose (portal.choose).

    One proposal waits at a time. The wish is written in her circle too (chain.contact_wish_record), and her
    contact person is told. Bad input raises ValidationError (Danish) and saves nothing."""
    from ungeforlob.chain.services import contact_wish_record
    from ungeforlob.portal.choose import choosable_professionals, current_contact_ids

    why = (why or "").strip()
    if len(why) > WHY_MAX:
        raise ValidationError({"why": _("Skriv højst %(n)s tegn.") % {"n": WHY_MAX}})
    professional = _own(choosable_professionals(youth), professional_id)
    if professional is None:
        raise ValidationError({"professional": _("Vælg en af dem på listen.")})
    if professional.pk in current_contact_ids(youth):
        raise ValidationError({"professional": _("%(name)s er allerede din kontaktperson.")
                               % {"name": professional.get_full_name()}})
    Youth.objects.select_for_update().filter(pk=youth.pk).first()  # one proposal at a time, also when racing
    if ContactProposal.objects.filter(youth=youth, status=ProposalStatus.NEW).exists():
        raise ValidationError({"professional": _("Du har allerede et forslag, der venter på svar.")})
    proposal = ContactProposal.objects.create(
        youth=youth, professional=professional, why=why,
        professional_name=(professional.get_full_name() or professional.username)[:200])
    contact_wish_record(actor=None, youth=youth, wished_professional=professional, wish_text=why, by_youth=True)
    audit_record(actor=None, actor_youth=youth, action=AuditAction.CREATE, youth=youth, obj=proposal)
    _tell_contact_people(youth, kind="kontaktperson_oenske", url_name="portal:staff_proposals",
                         text=_("Den unge har foreslået en ny kontaktperson på Min side."))
    return proposal


PROPOSAL_DECISIONS = {"ja": ProposalStatus.ACCEPTED, "tale": ProposalStatus.DISCUSS, "nej": ProposalStatus.DECLINED}


@transaction.atomic
def contact_proposal_handle(*, actor: Any, youth: Youth, proposal: ContactProposal, decision: str,
                            reply: str = "") -> ContactProposal:
    """The contact person answers her proposal: yes (they then make the handover in the circle), let us talk,
    or not now — the last two with a reply she reads. She is told on Min side."""
    from ungeforlob.notifications.services import youth_notify

    locked = ContactProposal.objects.select_for_update().filter(pk=proposal.pk, youth=youth).first()
    if locked is None:
        raise ValidationError({"__all__": _("Forslaget findes ikke.")})
    if not locked.is_open:
        raise ValidationError({"__all__": _("Forslaget er allerede besvaret.")})
    status = PROPOSAL_DECISIONS.get(decision)
    if status is None:
        raise ValidationError({"decision": _("Vælg et svar.")})
    reply = (reply or "").strip()
    if len(reply) > REPLY_MAX:
        raise ValidationError({"reply": _("Skriv højst %(n)s tegn.") % {"n": REPLY_MAX}})
    if status != ProposalStatus.ACCEPTED and not reply:
        raise ValidationError({"reply": _("Skriv et svar til den unge, så hun eller han ved hvorfor.")})
    locked.status, locked.reply, locked.handled_by = status, reply, actor
    locked.handled_by_name = (actor.get_full_name() or actor.username)[:200]
    locked.handled_at = timezone.now()
    locked.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=youth, obj=locked, detail={"status": status})
    youth_notify(youth=youth, kind="kontaktperson_svar", actor=actor, related_type="portal.contactproposal",
                 related_id=locked.pk, text=_("Du har fået svar på dit forslag om kontaktperson."))
    return locked


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
