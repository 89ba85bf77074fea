"""The access policy: the one place that decides who may see and do what with a young person's data.

In the spirit of Wagtail's permission policies, one object answers both questions every page, API call and
export asks:

* "may this user do ACTION to this young person?"  -> `can(user, Action.EDIT, youth)`
* "which young people may this user do ACTION to?" -> `youth_for(user, Action.EDIT)` (a queryset)

The rules:

* A professional sees a young person only while they (or a team they belong to) have an *active*
  membership in that young person's circle (kæden), within their own municipality. *Active* is defined once,
  in `Membership.objects.active()`: started, not ended, and — when it rests on a consent — that consent
  neither withdrawn nor expired, so withdrawing consent removes access at once.
* What a member may *do* depends on their roles in the circle: `RULES` maps each named action to the roles
  that carry it. Actions on one child object (handling a concern, acting on a follow-up) add an object rule.
* Leaders and administrators see no personal data unless they are themselves members of the circle;
  leaders see aggregates (the insights app), administrators run the system.
* "Not visible" is answered exactly like "does not exist": `get_youth_for` and `access` raise Http404 in
  both cases, and `get_youth_for` writes the audit row, so a view cannot read without logging.
* A user's roles in a circle are looked up once per request (`PolicyScopeMiddleware` opens the cache; a
  service that changes memberships calls `forget()`).

Other apps ask this module; they never write their own membership filters.
"""

from __future__ import annotations

import contextvars
import datetime
import enum
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from ungeforlob.accounts.models import Role, Team
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.core.prepared import prepared, run_together
from ungeforlob.youth.models import Youth

if TYPE_CHECKING:
    from ungeforlob.accounts.models import User

M = TypeVar("M", bound=Model)


class Action(enum.StrEnum):
    """What one can do with a young person's data. Each action names the roles in the circle that carry it."""

    VIEW = "view"  # read the record, plan, circle, progression, conversation …
    EDIT = "edit"  # change the record, profile, plan, notes, stations and transitions
    MANAGE_CIRCLE = "manage_circle"  # add, change and end memberships; record consents; hand over
    SEND_SMS = "send_sms"  # write to the young person; wake-ups, reminders, check-ins; SMS consent
    WRITE_PROGRESSION = "write_progression"  # assessments, the youth's own placement, self-evaluations
    RAISE_CONCERN = "raise_concern"  # "den der først ser problemet, tager initiativ": every member
    HANDLE_CONCERN = "handle_concern"  # acknowledge, act, close (object rule: contact person or notified)
    ACT_ON_FOLLOWUP = "act_on_followup"  # move, complete, skip (object rule: editing role or responsible role)
    CONTACT_PERSON = "contact_person"  # what only the contact person does (answer wishes, reassign …)


# Roles that may change a young person's plan and record (the contact person among them).
EDITING_ROLES: frozenset[str] = frozenset(
    {
        ChainRole.CONTACT_PERSON,
        ChainRole.UU_COUNSELLOR,
        ChainRole.CASEWORKER,
        ChainRole.JOB_CONSULTANT,
        ChainRole.MENTOR,
        ChainRole.SCHOOL_COUNSELLOR,
        ChainRole.SOCIAL_WORKER,
    }
)
ANY_ROLE: frozenset[str] = frozenset(ChainRole.values)

RULES: dict[Action, frozenset[str]] = {
    Action.VIEW: ANY_ROLE,
    Action.EDIT: EDITING_ROLES,
    Action.MANAGE_CIRCLE: EDITING_ROLES,
    Action.SEND_SMS: EDITING_ROLES,
    Action.WRITE_PROGRESSION: EDITING_ROLES,
    Action.RAISE_CONCERN: ANY_ROLE,
    Action.HANDLE_CONCERN: ANY_ROLE,  # narrowed by the object rule below
    Action.ACT_ON_FOLLOWUP: ANY_ROLE,  # narrowed by the object rule below
    Action.CONTACT_PERSON: frozenset({ChainRole.CONTACT_PERSON}),
}


def _concern_rule(user: Any, roles: frozenset[str], concern: Any) -> bool:
    """The contact person, and the members who were notified of the concern."""
    return ChainRole.CONTACT_PERSON in roles or concern.notified.filter(pk=user.pk).exists()


def _followup_rule(user: Any, roles: frozenset[str], followup: Any) -> bool:
    """Members in an editing role act on every follow-up; others on those whose responsible role they hold."""
    return bool(roles & EDITING_ROLES) or followup.responsible_role in roles


OBJECT_RULES: dict[Action, Callable[[Any, frozenset[str], Any], bool]] = {
    Action.HANDLE_CONCERN: _concern_rule,
    Action.ACT_ON_FOLLOWUP: _followup_rule,
}


# --- The per-request cache ------------------------------------------------------------------------------

_cache: contextvars.ContextVar[dict[tuple[Any, ...], Any] | None] = contextvars.ContextVar(
    "ungeforlob_policy_cache", default=None
)


@contextmanager
def request_scope() -> Iterator[None]:
    """Remember roles and teams for the duration of one request (or one worker job)."""
    token = _cache.set({})
    try:
        yield
    finally:
        _cache.reset(token)


def forget() -> None:
    """Drop what this request remembered: called by services that change memberships or teams."""
    cache = _cache.get()
    if cache is not None:
        cache.clear()


def _remembered(key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    cache = _cache.get()
    if cache is None:
        return compute()
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def remembered(key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    """A read computed once per request (or worker job), for selectors two parts of one page both ask, such as
    *I dag*'s follow-ups due (an agenda source) and those coming up (the page itself). Keys start with the
    asking module's name; outside a request scope it simply computes."""
    return _remembered(("app",) + key, compute)


class PolicyScopeMiddleware:
    """Opens the policy's per-request cache, so a user's roles in a circle are looked up once per request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with request_scope():
            return self.get_response(request)


# --- Who the user is --------------------------------------------------------------------------------------

def is_staff_user(user: Any) -> bool:
    """A logged-in, active member of staff (a young person on Min side is not a `User`)."""
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def is_administrator(user: Any) -> bool:
    return is_staff_user(user) and user.role == Role.ADMINISTRATOR


def is_leader(user: Any) -> bool:
    return is_staff_user(user) and user.role in {Role.LEADER, Role.ADMINISTRATOR}


def is_dpo(user: Any) -> bool:
    """The data protection officer: reviews the audit log of their municipality; holds no circle, sees no records."""
    return is_staff_user(user) and user.role == Role.DPO


def is_intake(user: Any) -> bool:
    """Reviews the referral queue: a professional (not a leader) of the municipal youth effort (the sectors
    in CHAIN_INTAKE_SECTORS, default UU/KUI)."""
    from django.conf import settings

    from ungeforlob.accounts.models import Sector

    sectors = set(getattr(settings, "CHAIN_INTAKE_SECTORS", (Sector.UU_KUI,)))
    return bool(
        is_staff_user(user)
        and user.municipality_id is not None
        and user.role == Role.PROFESSIONAL
        and user.organisation_id is not None
        and user.organisation.sector in sectors
    )


def may_refer(user: Any) -> bool:
    """Any member of staff in a municipality may refer a young person, except system administrators."""
    return bool(is_staff_user(user) and user.municipality_id is not None and not is_administrator(user))


def is_partner(user: Any) -> bool:
    """Partner staff: a professional (not a leader) from an organisation outside the municipal youth effort —
    an FGU teacher, a civil-society mentor. They refer, follow their referrals, work in their own circles and
    chain meetings; the menu shows them that, not the youth effort's whole set of pages. The youth effort's
    sectors are YOUTH_EFFORT_SECTORS (default UU/KUI, job centre, social services)."""
    from django.conf import settings

    from ungeforlob.accounts.models import Sector

    sectors = set(getattr(settings, "YOUTH_EFFORT_SECTORS", (Sector.UU_KUI, Sector.JOBCENTER, Sector.SOCIAL)))
    return bool(
        is_staff_user(user)
        and user.municipality_id is not None
        and user.role == Role.PROFESSIONAL
        and user.organisation_id is not None
        and user.organisation.sector not in sectors
    )


def _team_ids(user: Any) -> list[int]:
    return _remembered(("teams", user.pk), lambda: _teams_of(user_id=user.pk))


@prepared(user_id=int)
def _teams_of(*, user_id: int) -> QuerySet[Team]:
    return Team.objects.filter(members=user_id).values_list("pk", flat=True)


def memberships_of(user: Any) -> QuerySet[Membership]:
    """The user's active memberships, personal or through a team.

    Written as `professional = user OR team_id IN (the user's teams)` rather than a join through the team's
    members, so PostgreSQL uses the indexes instead of scanning every membership in the installation.
    """
    if not is_staff_user(user):
        return Membership.objects.none()
    teams = _team_ids(user)
    holder = Q(professional=user) | Q(team_id__in=teams) if teams else Q(professional=user)
    return Membership.objects.active().filter(holder)


# --- The two questions -------------------------------------------------------------------------------------

# Within a request, a user's circles are looked up once and later queries name their young people by id, as long as
# the user holds at most this many memberships (a caseload, a team's circles); beyond it the EXISTS subquery stays.
YOUTH_IDS_INLINE_MAX = 1000


def _youth_for_query(user: Any, action: Action) -> QuerySet[Youth]:
    in_circle = memberships_of(user).filter(youth=OuterRef("pk"))
    if RULES[action] != ANY_ROLE:
        in_circle = in_circle.filter(role__in=sorted(RULES[action]))
    return Youth.objects.filter(municipality_id=user.municipality_id).filter(Exists(in_circle))


def _circles(user: Any) -> dict[int, frozenset[str]] | None:
    """{young person's id: the user's active roles in their circle} in the user's municipality, in one query;
    None when the user holds more than YOUTH_IDS_INLINE_MAX memberships."""
    rows = _circle_rows(user_id=user.pk, teams=_team_ids(user), municipality_id=user.municipality_id,
                        day=timezone.localdate())
    if len(rows) > YOUTH_IDS_INLINE_MAX:
        return None
    circles: dict[int, set[str]] = {}
    for youth_id, role in rows:
        circles.setdefault(youth_id, set()).add(role)
    return {youth_id: frozenset(roles) for youth_id, roles in circles.items()}


@prepared(user_id=int, teams=list, municipality_id=int, day=datetime.date)
def _circle_rows(*, user_id: int, teams: list[int], municipality_id: int, day: datetime.date) -> QuerySet[Membership]:
    """`memberships_of(user)` in the user's municipality, as (young person, role), compiled once per process."""
    return (Membership.objects.active(day).filter(Q(professional_id=user_id) | Q(team_id__any_of=teams))
            .filter(youth__municipality_id=municipality_id)
            .values_list("youth_id", "role")[:YOUTH_IDS_INLINE_MAX + 1])


def youth_for(user: Any, action: Action = Action.VIEW) -> QuerySet[Youth]:
    """Every young person this user may do `action` to (an empty queryset for anyone not in a circle).

    Inside a request (`request_scope`) the user's circles are read once, and the answer names the young people
    by id: a page such as *I dag*, whose ten sources each start from the user's young people, then neither
    plans nor runs the membership subquery ten times (measured in docs/benchmarks.md)."""
    if not is_staff_user(user) or user.municipality_id is None:
        return Youth.objects.none()
    cache = _cache.get()
    if cache is None:
        return _youth_for_query(user, action)
    # The first question of a request is answered by the subquery (a page that asks once, such as Mine unge, is
    # not charged a query more); from the second on, the circles are read once and named by id.
    asked = ("youth_for_asked", user.pk)
    if asked not in cache:
        cache[asked] = True
        return _youth_for_query(user, action)
    circles = _remembered(("circles", user.pk), lambda: _circles(user))
    if circles is None:
        return _youth_for_query(user, action)
    allowed = RULES[action]
    ids = sorted(pk for pk, roles in circles.items() if allowed == ANY_ROLE or roles & allowed)
    return Youth.objects.filter(municipality_id=user.municipality_id, pk__any_of=ids)


def circles(user: Any) -> dict[int, frozenset[str]] | None:
    """Inside a request: {young person's id: the user's roles in their circle}, read once (the same answer
    `youth_for` names its young people by); None outside a request scope or beyond YOUTH_IDS_INLINE_MAX, when
    callers keep to `memberships_of` subqueries."""
    if not is_staff_user(user) or user.municipality_id is None or _cache.get() is None:
        return None
    return _remembered(("circles", user.pk), lambda: _circles(user))


def youth_for_client(client: Any, action: Action = Action.VIEW) -> QuerySet[Youth]:
    """Every young person an integration client (integrations.ApiClient) may do `action` to: it acts as its
    organisation, so it sees exactly the young people that organisation's members may see — an active membership
    with a role carrying `action`, held by an active professional of the organisation or by a team of it, in the
    client's municipality. An inactive (expired, revoked) client sees no one."""
    if client is None or not getattr(client, "is_active", False):
        return Youth.objects.none()
    holder = Q(professional__organisation_id=client.organisation_id, professional__is_active=True) | Q(
        team__organisation_id=client.organisation_id)
    in_circle = Membership.objects.active().filter(holder, youth=OuterRef("pk"))
    if RULES[action] != ANY_ROLE:
        in_circle = in_circle.filter(role__in=sorted(RULES[action]))
    return Youth.objects.filter(municipality_id=client.municipality_id).filter(Exists(in_circle))


def visible_youth(user: Any) -> QuerySet[Youth]:
    """Every young person this user may see."""
    return youth_for(user, Action.VIEW)


def youth_in(user: Any, action: Action = Action.VIEW, *, field: str = "youth") -> Q:
    """A filter for child objects (concerns, stops, messages …) of the young people this user may do `action` to:
    `field` is the lookup path from the object to its young person.

    Inside a request, once the user's circles are read, the young people are named by id (`youth_id IN (…)`):
    cheaper to build, compile and plan than the nested `youth IN (SELECT … FROM youth …)` — *I dag* asks it in
    a dozen sources (docs/benchmarks.md) — and, as one array parameter (`core.lookups.AnyOf`), the same prepared
    statement for every caseload. Outside a request, or beyond YOUTH_IDS_INLINE_MAX, the subquery stays."""
    ids = youth_ids(user, action)
    if ids is None:
        return Q(**{f"{field}__in": youth_for(user, action)})
    return Q(**{f"{field}_id__any_of": ids})


def youth_ids(user: Any, action: Action = Action.VIEW) -> list[int] | None:
    """Inside a request: the ids of the young people this user may do `action` to, from the circles read once —
    the ids `youth_in` names, for prepared queries (`core.prepared`) that take them as a value. None outside a
    request scope or beyond YOUTH_IDS_INLINE_MAX: the caller then keeps to `youth_for` / `youth_in`."""
    known = circles(user)
    if known is None:
        return None
    allowed = RULES[action]
    return sorted(pk for pk, roles in known.items() if allowed == ANY_ROLE or roles & allowed)


def roles_in_circle(user: Any, youth: Youth) -> frozenset[str]:
    """The user's active roles in this youth's circle (empty when not a member). Looked up once per request."""
    if not is_staff_user(user) or user.municipality_id != youth.municipality_id:
        return frozenset()
    cache = _cache.get()
    circles = cache.get(("circles", user.pk)) if cache is not None else None
    if circles is not None:  # this request has read the user's circles already
        return circles.get(youth.pk, frozenset())
    return _remembered(("roles", user.pk, youth.pk), lambda: _roles_of(user, youth.pk))


def _roles_of(user: Any, youth_id: int) -> frozenset[str]:
    """The user's active roles in one circle: `memberships_of(user)` for one young person, compiled once."""
    return frozenset(_roles_rows(user_id=user.pk, youth_id=youth_id, day=timezone.localdate()))


@prepared(user_id=int, youth_id=int, day=datetime.date)
def _roles_rows(*, user_id: int, youth_id: int, day: datetime.date) -> QuerySet[Membership]:
    """The teams as a subquery, not as the ids `memberships_of` takes: one young person's few memberships are
    found by her key and the subquery is asked of those, so this needs nothing read before it (`get_youth_for`
    sends it with the read of the young person)."""
    teams = Team.objects.filter(members=user_id).values("pk")
    return Membership.objects.active(day).filter(
        Q(professional_id=user_id) | Q(team_id__in=teams), youth_id=youth_id).values_list("role", flat=True)


@prepared(pk=int, municipality_id=int)
def _youth_in_municipality(*, pk: int, municipality_id: int) -> QuerySet[Youth]:
    return Youth.objects.select_related("municipality").filter(pk=pk, municipality_id=municipality_id)


def can(user: Any, action: Action, youth: Youth, obj: Any = None) -> bool:
    """May `user` do `action` to this young person (and, for object actions, to `obj`)?"""
    roles = roles_in_circle(user, youth)
    if not roles & RULES[action]:
        return False
    rule = OBJECT_RULES.get(action)
    if rule is not None and obj is not None:
        return rule(user, roles, obj)
    return True


def pk_or_404(value: Any) -> int:
    """An id from a URL or a form, or 404: not a number, or outside what a database key can hold."""
    try:
        pk = int(value)
    except (TypeError, ValueError, OverflowError):
        raise Http404 from None
    if not 0 < pk < 2**63:
        raise Http404
    return pk


def get_youth_for(
    user: Any,
    youth_id: Any,
    *,
    what: str = "youth",
    purpose: str = "",
    audit: bool = True,
    action: Action = Action.VIEW,
    for_edit: bool = False,
) -> Youth:
    """Return the young person if the user may do `action` to them, and log the read.

    Raises Http404 both when the youth does not exist and when the user may not see them (or may not do
    `action`), so the answer leaks nothing. `for_edit=True` is short for `action=Action.EDIT`. `what` names
    the part read (e.g. "plan", "profile") in the audit row.
    """
    if for_edit and action == Action.VIEW:
        action = Action.EDIT
    pk = pk_or_404(youth_id)
    if not is_staff_user(user) or user.municipality_id is None:
        raise Http404
    # The young person in the user's municipality; `can` then asks the circle (what `visible_youth` would ask).
    # Unless this request knows the user's roles already, both go to the database in one round trip.
    youth_read = _youth_in_municipality.read(pk=pk, municipality_id=user.municipality_id)
    cache = _cache.get()
    if cache is None or ("circles", user.pk) in cache or ("roles", user.pk, pk) in cache:
        found = run_together([youth_read])[0]
    else:
        found, roles = run_together([youth_read, _roles_rows.read(user_id=user.pk, youth_id=pk,
                                                                  day=timezone.localdate())])
        cache[("roles", user.pk, pk)] = frozenset(roles)
    youth = found[0] if found else None
    if youth is None or not can(user, action, youth):
        raise Http404
    if audit:
        audit_record(actor=user, action=AuditAction.READ, youth=youth, object_type=what, purpose=purpose)
    return youth


def get_granted_youth(user: Any, youth_id: Any, *, granted: QuerySet[Youth], what: str, purpose: str) -> Youth:
    """A young person reached through a narrow grant outside the circle, and the read logged.

    A chain meeting's participant sees the young people on its agenda with the minimum the meeting needs, also
    when they are not in the circle: `granted` is the caller's queryset of exactly those young people (e.g. the
    meetings app's `agenda_youth(user, occurrence)`). The youth must be in it and in the user's municipality;
    nothing else of the record opens through this. Raises Http404 like `get_youth_for`, and always audits with
    `purpose`, so the young person sees it on "Hvem har kigget".
    """
    pk = pk_or_404(youth_id)
    if not is_staff_user(user) or user.municipality_id is None:
        raise Http404
    youth = granted.filter(pk=pk, municipality_id=user.municipality_id).first()
    if youth is None:
        raise Http404
    audit_record(actor=user, action=AuditAction.READ, youth=youth, object_type=what, purpose=purpose)
    return youth


def emergency_youth(user: Any) -> QuerySet[Youth]:
    """The young people this user reaches through emergency access ("break the glass", the emergency app): a
    narrow, time-boxed read grant outside the circle, with a reason given, until it ends. For
    `get_granted_youth(granted=...)` only: it never widens `youth_for`, so no other page of the record opens
    through it, nothing can be changed through it, and every read is audited with the reason as its purpose."""
    from ungeforlob.emergency.models import EmergencyAccess

    if not is_staff_user(user) or user.municipality_id is None:
        return Youth.objects.none()
    grants = EmergencyAccess.objects.active().filter(professional=user, youth=OuterRef("pk"))
    return Youth.objects.filter(municipality_id=user.municipality_id).filter(Exists(grants))


def access(
    objects: type[M] | QuerySet[M],
    *,
    user: Any,
    youth: Youth,
    pk: Any,
    action: Action = Action.VIEW,
    youth_field: str = "youth",
) -> M:
    """One child object of a young person the caller already reached through `get_youth_for`.

    Zulip's `access_*_by_id` shape: the object is looked up *within this youth* (`youth_field` is the lookup
    path from the object to its young person, e.g. "goal__plan__youth"), and the user must be allowed
    `action` on the youth and, for object actions, on the object. Raises Http404 when the object does not
    exist, belongs to someone else, or the action is not allowed — the same answer in every case.
    """
    queryset = objects if isinstance(objects, QuerySet) else objects._default_manager.all()
    key = pk_or_404(pk)
    obj = queryset.filter(**{youth_field: youth, "pk": key}).first()
    if obj is None or not can(user, action, youth, obj):
        raise Http404
    return obj


def contact_person_youth(user: Any) -> QuerySet[Youth]:
    """The young people this user is (personally or through a team) the active contact person for."""
    return youth_for(user, Action.CONTACT_PERSON)


def visible_professionals(user: Any) -> QuerySet[User]:
    """Staff of the user's own municipality (for administrator pages and pickers)."""
    from ungeforlob.accounts.models import User

    if not is_staff_user(user) or user.municipality_id is None:
        return User.objects.none()
    return User.objects.filter(municipality_id=user.municipality_id)
