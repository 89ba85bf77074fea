"""Reads for the young person's own pages. Every function takes the youth from the session: a youth only
ever reads their own data."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Avg, Case, CharField, Count, F, Max, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.portal.models import ServiceFeedback, Wish
from ungeforlob.youth.models import Youth


def my_chain(youth: Youth) -> list[dict[str, Any]]:
    """The youth's circle with role clarity ("rolleklarhed"): what each role can help with, what it cannot, and
    whether it decides — the municipality's own words, or the shipped defaults (vocabulary.role_texts)."""
    from ungeforlob.vocabulary.selectors import role_texts

    texts = role_texts(youth.municipality_id)
    members = (
        Membership.objects.active().filter(youth=youth)
        .select_related("professional__organisation", "team__organisation")
        .order_by("start_date")
    )
    rows = []
    for m in members:
        rows.append({
            "membership": m,
            "name": m.holder_name,
            "role": m.get_role_display(),
            "organisation": (m.professional.organisation.name if m.professional and m.professional.organisation
                             else (m.team.organisation.name if m.team else "")),
            "phone": m.professional.phone if m.professional else "",
            "email": m.professional.email if m.professional else "",
            "explain": texts.get(m.role, texts[ChainRole.OTHER]),
            "is_contact": m.is_contact_person,
        })
    rows.sort(key=lambda r: not r["is_contact"])
    return rows


LOOKED_ACTIONS = [AuditAction.READ, AuditAction.LIST, AuditAction.REVEAL, AuditAction.EXPORT, AuditAction.UPDATE,
                  AuditAction.CREATE, AuditAction.DELETE]


def who_has_looked(youth: Youth) -> QuerySet[AuditEvent]:
    """Staff's and systems' access to the youth's data, newest first (the youth's own doings are left out: a row
    with neither a staff member nor a system's name is the youth's). Names are shown only if the municipality
    allows it; a system is always shown by its name."""
    return AuditEvent.objects.filter(youth_id=youth.pk, action__in=LOOKED_ACTIONS).filter(
        Q(actor__isnull=False) | ~Q(actor_name="")
    ).only("created_at", "actor_id", "actor_name", "actor_organisation", "actor_role", "action", "object_type",
           "purpose", "detail")


LOOKED_PAGE = 20
LOOKED_MAX = 2000  # "Vis flere" stops here; the whole log is in "Hent mine data"


def looked_groups(youth: Youth, *, person: str = "", start: datetime.date | None = None,
                  end: datetime.date | None = None, limit: int = LOOKED_PAGE) -> dict[str, Any]:
    """"Hvem har kigget", grouped by day and person: one row per (local day, person, what was done to which part,
    purpose, recipient) with how many times, newest first; `limit` rows and whether there are more.

    `person` is a key from `looked_people` ("u<staff id>" or "s<system name>"); `start`/`end` are local days,
    both included. Three queries whatever the size of the log (the rows, the people, the contact persons).
    """
    from django.db.models.fields.json import KeyTextTransform
    from django.db.models.functions import TruncDate

    rows = who_has_looked(youth)
    if start:
        rows = rows.filter(created_at__gte=_local_midnight(start))
    if end:
        rows = rows.filter(created_at__lt=_local_midnight(end + datetime.timedelta(days=1)))
    if person.startswith("u") and person[1:].isdigit() and int(person[1:]) < 2**63:
        rows = rows.filter(actor_id=int(person[1:]))
    elif person.startswith("s") and person[1:]:
        rows = rows.filter(actor__isnull=True, actor_name=person[1:])
    # The parts the youth reads as one ("din plan" for a goal, a sub-goal, an activity …) are one group.
    part = Case(*[When(object_type__in=types, then=Value(key)) for key, types in PART_GROUPS.items()],
                default=F("object_type"), output_field=CharField())
    grouped = list(
        rows.annotate(day=TruncDate("created_at", tzinfo=timezone.get_current_timezone()),
                      recipient=KeyTextTransform("recipient", "detail"), part=part)
        .values("day", "actor_id", "actor_name", "actor_role", "actor_organisation", "action", "part",
                "purpose", "recipient")
        .annotate(times=Count("id"), last=Max("created_at"))
        .order_by("-day", "-last")[: limit + 1]
    )
    contact_ids = _contact_person_ids(youth)
    show_names = youth.municipality.show_staff_names_to_youth
    for row in grouped:
        row["who"] = _who(row, contact_ids, show_names)
        row["text"] = looked_sentence(row)
    return {"rows": grouped[:limit], "more": len(grouped) > limit}


def looked_people(youth: Youth) -> list[tuple[str, str]]:
    """The people and systems that have looked, as (filter key, label) for the filter (two queries)."""
    contact_ids = _contact_person_ids(youth)
    show_names = youth.municipality.show_staff_names_to_youth
    seen: dict[str, str] = {}
    for row in (who_has_looked(youth).order_by().values("actor_id", "actor_name", "actor_role",
                                                        "actor_organisation").distinct()[:500]):
        key = f"u{row['actor_id']}" if row["actor_id"] else f"s{row['actor_name']}"
        seen.setdefault(key, _who(row, contact_ids, show_names))
    return sorted(seen.items(), key=lambda kv: kv[1].lower())


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _contact_person_ids(youth: Youth) -> set[int]:
    return set(Membership.objects.active().filter(youth=youth, role=ChainRole.CONTACT_PERSON,
                                                  professional__isnull=False).values_list("professional_id", flat=True))


def _who(row: dict[str, Any], contact_ids: set[int], show_names: bool) -> str:
    """The person as the youth reads them: a system by its name; the contact person as "Din kontaktperson";
    others by role and organisation (and name, when the municipality shows names)."""
    if not row["actor_id"]:
        return row["actor_name"]
    where = ", ".join(x for x in (row["actor_role"], row["actor_organisation"]) if x)
    if row["actor_id"] in contact_ids:
        return (_("Din kontaktperson, %(name)s") % {"name": row["actor_name"]} if show_names
                else str(_("Din kontaktperson")))
    if show_names and row["actor_name"]:
        return f"{row['actor_name']} ({where})" if where else row["actor_name"]
    return where or str(_("En medarbejder"))


# Object types that the youth reads as one part of her data (grouped together on "Hvem har kigget").
PART_GROUPS: dict[str, list[str]] = {
    "plan": ["plan", "goal", "subgoal", "activity", "evaluation", "planshare", "plan_stop"],
    "youth": ["youth", "record"],
    "circle": ["circle", "chain", "membership"],
    "consent": ["consent", "consents"],
    "transitions": ["transitions", "transition", "station"],
    "meeting_agenda": ["meeting_agenda", "agendaentry", "decision"],
    "plan_meetings": ["plan_meetings", "planmeeting"],
    "meetings": ["meetings", "meetingparticipant"],
    "checkins": ["checkins", "checkin"],
    "contact_proposals": ["contact_proposals", "contactproposal"],
    "selvevaluering": ["selvevaluering", "selfevaluationround"],
    "progression": ["progression", "youthplacement"],
    "wishes": ["wishes", "wish"],
    "tilbud": ["tilbud", "offer"],
    "disclosure": ["disclosure", "withholding"],
}

# The part of her data that was read or changed, as the youth reads it (object_type or the view's `what`).
LOOKED_PARTS: dict[str, Any] = {
    "youth": gettext_lazy("dine oplysninger"), "record": gettext_lazy("dine oplysninger"), "overview": gettext_lazy("dit overblik"),
    "course": gettext_lazy("dit forløb"), "cpr": gettext_lazy("dit CPR-nummer"),
    "plan": gettext_lazy("din plan"), "goal": gettext_lazy("din plan"), "subgoal": gettext_lazy("din plan"), "activity": gettext_lazy("din plan"),
    "evaluation": gettext_lazy("din plan"), "plan_history": gettext_lazy("din plans historik"), "plan_meetings": gettext_lazy("dine planmøder"),
    "plan_pdf": gettext_lazy("din plan som PDF"), "planshare": gettext_lazy("din plan"), "plan_shares": gettext_lazy("delinger af din plan"),
    "profile": gettext_lazy("din profil"), "notes": gettext_lazy("noterne om dig"), "journalnote": gettext_lazy("en note om dig"),
    "progression": gettext_lazy("hvor du er"), "assessment": gettext_lazy("en vurdering af dig"), "youthplacement": gettext_lazy("hvor du er"),
    "selvevaluering": gettext_lazy("din selvevaluering"), "selfevaluationround": gettext_lazy("din selvevaluering"),
    "transitions": gettext_lazy("dine overgange"), "transition": gettext_lazy("dine overgange"), "followup": gettext_lazy("en opfølgning"),
    "circle": gettext_lazy("din kæde"), "chain": gettext_lazy("din kæde"), "membership": gettext_lazy("din kæde"), "consent": gettext_lazy("dine samtykker"),
    "consents": gettext_lazy("dine samtykker"), "concerns": gettext_lazy("bekymringer om dig"), "concern": gettext_lazy("en bekymring om dig"),
    "handovers": gettext_lazy("dine overleveringer"), "handover": gettext_lazy("en overlevering"), "meetings": gettext_lazy("dine møder"),
    "meeting_agenda": gettext_lazy("et punkt om dig på et kædemøde"), "sms": gettext_lazy("dine beskeder"),
    "outboundmessage": gettext_lazy("en besked til dig"), "inboundmessage": gettext_lazy("en besked fra dig"),
    "smsconsent": gettext_lazy("dit ja til SMS"), "tilbud": gettext_lazy("dine tilbud"), "offer": gettext_lazy("dine tilbud"),
    "timeline": gettext_lazy("din tidslinje"), "wishes": gettext_lazy("dine ønsker"), "wish": gettext_lazy("dine ønsker"),
    "guardians": gettext_lazy("dine forældre"), "access_request": gettext_lazy("en anmodning om at komme med i din kæde"),
    "disclosure": gettext_lazy("det, der er undtaget"), "withholding": gettext_lazy("det, der er undtaget"),
    "plan_stop": gettext_lazy("din plan"),
    "checkins": gettext_lazy("dine tjek ind"), "contact_proposals": gettext_lazy("dit ønske om en kontaktperson"),
    "councilmember": gettext_lazy("din plads i Ungerådet"), "signup": gettext_lazy("dine fællesskaber"),
    "data_export": gettext_lazy("alle dine data"),
}

_VERBS: dict[str, Any] = {
    AuditAction.READ: gettext_lazy("%(who)s læste %(what)s"),
    AuditAction.CREATE: gettext_lazy("%(who)s skrev i %(what)s"),
    AuditAction.UPDATE: gettext_lazy("%(who)s lavede noget om i %(what)s"),
    AuditAction.DELETE: gettext_lazy("%(who)s tog noget ud af %(what)s"),
    AuditAction.EXPORT: gettext_lazy("%(who)s tog en kopi af %(what)s"),
}


def looked_sentence(row: dict[str, Any]) -> str:
    """"Din kontaktperson læste din plan", "Jobkonsulent, Jobcenter Ung så dig i en liste" …"""
    if row["action"] == AuditAction.LIST:
        return _("%(who)s så dig i en liste") % {"who": row["who"]}
    if row["action"] == AuditAction.REVEAL:
        return _("%(who)s så hele dit CPR-nummer") % {"who": row["who"]}
    if row["part"] == "emergency_access":  # opening and ending the access change nothing in her data
        if row["action"] == AuditAction.CREATE:
            return _("%(who)s fik nødadgang til dine oplysninger") % {"who": row["who"]}
        if row["action"] == AuditAction.UPDATE:
            return _("%(who)s afsluttede sin nødadgang") % {"who": row["who"]}
    what = LOOKED_PARTS.get(row["part"], _("dine oplysninger"))
    if row["action"] == AuditAction.EXPORT and row.get("recipient"):
        return _("%(who)s gav %(what)s til %(recipient)s") % {"who": row["who"], "what": what,
                                                             "recipient": row["recipient"]}
    return _VERBS.get(row["action"], _VERBS[AuditAction.READ]) % {"who": row["who"], "what": what}


def feedback_summary(municipality_id: int) -> dict[str, Any]:
    """For leaders: averages and count; never single answers tied to anyone."""
    return ServiceFeedback.objects.filter(municipality_id=municipality_id).aggregate(
        count=Count("id"), heard=Avg("heard"), useful=Avg("useful")
    )


# --- Min plan -----------------------------------------------------------------------------------------


def my_plan(youth: Youth) -> dict[str, Any]:
    """The plan (plans.plan_for), the next activities and the next appointments (transitions' follow-ups that
    need a person). Fixed number of queries."""
    from ungeforlob.plans.models import ActivityStatus
    from ungeforlob.plans.selectors import plan_for
    from ungeforlob.plans.services import youth_display_name
    from ungeforlob.transitions.selectors import overview_card

    plan = plan_for(youth)
    today = timezone.localdate()
    upcoming = [
        a for sg in plan.subgoals for a in sg.activities.all()
        if a.status in (ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS) and (a.end_date is None or a.end_date >= today)
    ]
    upcoming.sort(key=lambda a: (a.start_date or datetime.date.max, a.pk))
    return {"plan": plan, "next_activities": upcoming[:5], "appointments": overview_card(youth, today=today)["upcoming"],
            "name": youth_display_name(youth)}


def pk_or_404(value: Any) -> int:
    try:
        pk = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < pk < 2**63:
        raise Http404
    return pk


def my_subgoal(youth: Youth, pk: Any) -> Any:
    """One of the youth's own sub-goals; 404 for anything else (another youth's looks like nothing)."""
    from ungeforlob.plans.models import SubGoal

    found = SubGoal.objects.select_related("goal").filter(goal__youth=youth, pk=pk_or_404(pk)).first()
    if found is None:
        raise Http404
    return found


def my_activity(youth: Youth, pk: Any) -> Any:
    from ungeforlob.plans.models import Activity

    found = Activity.objects.select_related("subgoal__goal").filter(subgoal__goal__youth=youth, pk=pk_or_404(pk)).first()
    if found is None:
        raise Http404
    return found


def wishes_for(youth: Youth) -> QuerySet[Wish]:
    return Wish.objects.filter(youth=youth).select_related("goal", "subgoal")


# --- Alt skrevet om mig -------------------------------------------------------------------------------


def written_about_me(youth: Youth) -> dict[str, Any]:
    """Everything professionals have written about the youth, newest first, with what is withheld shown in its
    place ("Noget er undtaget", the reason in plain words and the date), never left out silently.

    Each section is `{"items": [...], "withheld": [{"day", "reason", "explanation"}]}`. A fixed number of
    queries (disclosure.selectors.written_items and the withholdings in force).
    """
    from ungeforlob.disclosure.models import ItemKind
    from ungeforlob.disclosure.selectors import YOUTH_REASON, item_key, withholdings_in_force, written_items

    written = written_items(youth)
    in_force = withholdings_in_force(youth)

    def withheld(day: Any, ground: str, explanation: str) -> dict[str, Any]:
        return {"day": day, "reason": YOUTH_REASON.get(ground, YOUTH_REASON["internt"]), "explanation": explanation}

    def split(kind: str, objects: list[Any]) -> dict[str, Any]:
        items, held = [], []
        for obj in objects:
            w = in_force.get(item_key(kind, obj))
            if w is None:
                items.append(obj)
            else:
                held.append(withheld(w.decided_at, w.ground, w.explanation))
        return {"items": items, "withheld": held}

    notes = {"items": [n for n in written["notes"] if n.visible_to_youth],
             "withheld": [withheld(n.hidden_at or n.created_at, n.hidden_reason, n.hidden_explanation)
                          for n in written["notes"] if not n.visible_to_youth]}
    profile = split(ItemKind.PROFILE, [written["profile"]] if written["profile"] is not None else [])
    return {
        "profile": profile, "profile_fields": written["profile_fields"] if profile["items"] else [],
        "notes": notes,
        "evaluations": split(ItemKind.EVALUATION, written["evaluations"]),
        "assessments": split(ItemKind.ASSESSMENT, written["assessments"]),
        "concerns": split(ItemKind.CONCERN, written["concerns"]),
        "referrals": split(ItemKind.REFERRAL, written["referrals"]),
        "handovers": split(ItemKind.HANDOVER, written["handovers"]),
        "meetings": split(ItemKind.MEETING, written["meetings"]),
        "attendance": written["attendance"],
    }


def my_consents(youth: Youth) -> dict[str, Any]:
    """The consents the youth controls: to share with an organisation (chain), the plan given to someone outside
    the circle (plans.PlanShare), and SMS. Three queries."""
    from ungeforlob.chain.selectors import consents_for
    from ungeforlob.messaging.models import SmsConsent
    from ungeforlob.plans.selectors import shares_for

    return {"consents": consents_for(youth), "shares": list(shares_for(youth).order_by("-created_at", "-pk")),
            "sms": SmsConsent.objects.filter(youth=youth).first()}


def my_share(youth: Youth, pk: Any) -> Any:
    """One of the youth's own plan shares; 404 for anything else."""
    from ungeforlob.plans.selectors import shares_for

    found = shares_for(youth).filter(pk=pk_or_404(pk)).first()
    if found is None:
        raise Http404
    return found


def notices(youth: Youth, limit: int = 5) -> dict[str, list[Any]]:
    """Unread notices ("Nyt til dig") and the latest read ones, in one query."""
    from ungeforlob.notifications.selectors import notices_for_youth

    unread_first = notices_for_youth(youth).order_by(F("read_at").desc(nulls_first=True), "-created_at", "-pk")
    rows = list(unread_first[: limit * 3])
    unread = [n for n in rows if n.read_at is None][:limit]
    return {"unread": unread, "read": [n for n in rows if n.read_at is not None][:limit]}
