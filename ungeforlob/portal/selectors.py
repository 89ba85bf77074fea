"""Reads for the young person's own pages. Every function takes the youth from the session: a youth only
ever reads their own data."""

from __future__ import annotations

import datetime
import functools
import re
from typing import Any

from django.db.models import Avg, CharField, Count, DateTimeField, Expression, F, Func, Max, Q, QuerySet
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
# "Hvem har kigget" reads this many days back first (on PostgreSQL the audit log is partitioned by month, so the
# bound on created_at leaves out every older month), and the older days only when those give too few rows.
LOOKED_RECENT_DAYS = 92


def looked_groups(youth: Youth, *, person: str = "", start: datetime.date | None = None,
                  end: datetime.date | None = None, limit: int = LOOKED_PAGE,
                  contact_ids: set[int] | None = None) -> dict[str, Any]:
    """"Hvem har kigget", grouped by day and person: one row per (local day, person, what was done to which part,
    purpose, recipient) with how many times, newest first; `limit` rows and whether there are more.

    `person` is a key from `looked_people` ("u<staff id>" or "s<system name>"); `start`/`end` are local days,
    both included. `contact_ids` is `contact_person_ids(youth)` when the caller has read it already.

    The groups of the last LOOKED_RECENT_DAYS days are read first; only when they are fewer than `limit` + 1 are
    the older days read, for the rest. A group is one local day and the window starts at a local midnight, so
    every older group comes after every recent one in the order (newest day first): the rows are the same as
    from one query over the whole log. One query when the recent days are enough, two when not, plus the
    contact persons' query when `contact_ids` is not given — whatever the size of the log.
    """
    rows = _looked_grouped_base(timezone.get_current_timezone()).filter(youth_id=youth.pk)
    if person.startswith("u") and person[1:].isdigit() and int(person[1:]) < 2**63:
        rows = rows.filter(actor_id=int(person[1:]))
    elif person.startswith("s") and person[1:]:
        rows = rows.filter(actor__isnull=True, actor_name=person[1:])
    lower = _local_midnight_or_none(start)
    upper = _local_midnight_or_none(end + datetime.timedelta(days=1)) if end and end < datetime.date.max else None
    recent = _local_midnight(timezone.localdate() - datetime.timedelta(days=LOOKED_RECENT_DAYS))
    if (lower is None or lower < recent) and (upper is None or upper > recent):
        grouped = _looked_slice(rows, _Moment(recent), upper, limit + 1)
        if len(grouped) <= limit:
            grouped += _looked_slice(rows, lower, _Moment(recent), limit + 1 - len(grouped))
    else:  # the period asked for lies on one side of the window's start: one query
        grouped = _looked_slice(rows, lower, upper, limit + 1)
    if contact_ids is None:
        contact_ids = contact_person_ids(youth)
    show_names = youth.municipality.show_staff_names_to_youth
    for row in grouped:
        row["who"] = _who(row, contact_ids, show_names)
        row["text"] = looked_sentence(row)
    return {"rows": grouped[:limit], "more": len(grouped) > limit}


def looked_people(youth: Youth, *, contact_ids: set[int] | None = None) -> list[tuple[str, str]]:
    """The people and systems that have looked, as (filter key, label) for the filter (one query, and the contact
    persons' when `contact_ids` is not given)."""
    if contact_ids is None:
        contact_ids = contact_person_ids(youth)
    show_names = youth.municipality.show_staff_names_to_youth
    seen: dict[str, str] = {}
    for row in _looked_people_base().filter(youth_id=youth.pk)[:500]:
        key = f"u{row['actor_id']}" if row["actor_id"] else f"s{row['actor_name']}"
        seen.setdefault(key, _who(row, contact_ids, show_names))
    return sorted(seen.items(), key=lambda kv: kv[1].lower())


# The rows "Hvem har kigget" shows: `who_has_looked` without the young person (she is added per request).
_LOOKED_BY_OTHERS = Q(action__in=LOOKED_ACTIONS) & (Q(actor__isnull=False) | ~Q(actor_name=""))


@functools.cache
def _looked_grouped_base(tz: datetime.tzinfo) -> QuerySet[AuditEvent, dict[str, Any]]:
    """The grouped rows of every young person, built and resolved once per time zone: a request only adds her id,
    the filters and the bounds (building the part's CASE and the grouping was most of the page's Python time).
    Never evaluated itself; each use is a clone."""
    from django.db.models.fields.json import KeyTextTransform
    from django.db.models.functions import TruncDate

    return (
        AuditEvent.objects.filter(_LOOKED_BY_OTHERS)
        .annotate(day=TruncDate("created_at", tzinfo=tz),
                  recipient=KeyTextTransform("recipient", "detail"), part=_PartOf("object_type"))
        .values("day", "actor_id", "actor_name", "actor_role", "actor_organisation", "action", "part",
                "purpose", "recipient")
        .annotate(times=Count("id"), last=Max("created_at"))
        # Newest first; groups with the same day and last time (one request reading two parts) in a fixed order,
        # so the rows and where "Vis flere" cuts them do not depend on the plan the database chose.
        .order_by("-day", "-last", "actor_id", "actor_name", "action", "part", "purpose", "recipient", "actor_role",
                  "actor_organisation")
    )


@functools.cache
def _looked_people_base() -> QuerySet[AuditEvent, dict[str, Any]]:
    return (AuditEvent.objects.filter(_LOOKED_BY_OTHERS).order_by()
            .values("actor_id", "actor_name", "actor_role", "actor_organisation").distinct())


class _PartOf(Func):
    """The part of her data an object type belongs to (PART_GROUPS: the parts the youth reads as one — "din plan" for
    a goal, a sub-goal, an activity … — are one group), else the object type itself.

    The SQL of the Case/When it replaces, with one test in front: `CASE WHEN t NOT IN (every grouped type) THEN t
    WHEN t IN ('plan', 'goal', …) THEN 'plan' … ELSE t END`. Most rows are of a type in no group (the overview,
    the timeline …); PostgreSQL answers the long NOT IN with one hash lookup instead of fifteen IN lists, which
    was a third of the query's time for a young person read a thousand times a day. The types are this module's
    constants, written into the SQL as literals (checked below), so the statement stays the same for every request
    and is compiled once instead of fifteen Whens with their lookups."""

    output_field = CharField()

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        column, params = compiler.compile(self.source_expressions[0])
        assert not params
        return _PART_SQL.replace("{t}", column), []


def _part_sql() -> str:
    def quoted(names: list[str]) -> str:
        assert all(re.fullmatch(r"[a-z_]+", n) for n in names), names  # safe as SQL literals
        return ", ".join(f"'{n}'" for n in names)

    grouped = [t for types in PART_GROUPS.values() for t in types]
    whens = " ".join(f"WHEN {{t}} IN ({quoted(types)}) THEN {quoted([key])}" for key, types in PART_GROUPS.items())
    return f"CASE WHEN {{t}} NOT IN ({quoted(grouped)}) THEN {{t}} {whens} ELSE {{t}} END"


class _Moment(Expression):
    """The window's first moment written into the SQL as a constant instead of a parameter. It is the same for every
    request all day, and with a constant bound PostgreSQL leaves out the older monthly partitions already when it
    plans, so the prepared statement's plan (psycopg prepares a statement seen a few times on a connection) is
    kept instead of planned again on every request — about half the query's time for a typical young person."""

    output_field = DateTimeField()

    def __init__(self, moment: datetime.datetime) -> None:
        super().__init__()
        self.moment = moment

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        value = connection.ops.adapt_datetimefield_value(self.moment)  # SQLite: the text it stores
        text = value if isinstance(value, str) else value.isoformat()
        if not re.fullmatch(r"[0-9T:.+ -]+", text):  # only digits and separators go into the SQL
            raise ValueError(text)
        return f"'{text}'", []

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        sql, params = self.as_sql(compiler, connection)
        return f"{sql}::timestamptz", params


def _looked_slice(rows: QuerySet[AuditEvent, dict[str, Any]], lower: datetime.datetime | _Moment | None,
                  upper: datetime.datetime | _Moment | None, count: int) -> list[dict[str, Any]]:
    if lower is not None:
        rows = rows.filter(created_at__gte=lower)
    if upper is not None:
        rows = rows.filter(created_at__lt=upper)
    return list(rows[:count])


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _local_midnight_or_none(day: datetime.date | None) -> datetime.datetime | None:
    """Local midnight, or None (no bound) for no day or one so far out that it has no moment in UTC."""
    if day is None:
        return None
    moment = _local_midnight(day)
    try:
        moment.astimezone(datetime.UTC)
    except OverflowError:
        return None
    return moment


def contact_person_ids(youth: Youth) -> set[int]:
    """The staff ids of her active contact person(s): "Din kontaktperson" on "Hvem har kigget". One query."""
    return set(_contact_persons_on(timezone.localdate()).filter(youth_id=youth.pk))


@functools.lru_cache(maxsize=2)
def _contact_persons_on(day: datetime.date) -> QuerySet[Membership, int]:
    """Every young person's active contact persons on a day (built once a day; a request adds her id)."""
    return (Membership.objects.active(on=day).filter(role=ChainRole.CONTACT_PERSON, professional__isnull=False)
            .order_by().values_list("professional_id", flat=True))


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

_PART_SQL = _part_sql()

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


def my_consent(youth: Youth, pk: Any) -> Any:
    """One of the youth's own consents to share, with its state and the names of the people in her circle who
    are there because of it (they lose access when she withdraws it); 404 for anything else. Two queries."""
    from ungeforlob.chain.models import Consent

    consent = (Consent.objects.filter(youth=youth, pk=pk_or_404(pk)).select_related("receiving_organisation")
               .first())
    if consent is None:
        raise Http404
    today = timezone.localdate()
    consent.is_expired = consent.is_expired_on(today)
    resting = Membership.objects.active(today).filter(youth=youth, consent=consent).select_related("professional", "team")
    consent.people = sorted({m.holder_name for m in resting})
    return consent


def my_sms_consent(youth: Youth) -> Any:
    """The youth's consent to SMS; 404 when there has never been one (there is nothing to stop)."""
    from ungeforlob.messaging.models import SmsConsent

    found = SmsConsent.objects.filter(youth=youth).first()
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
