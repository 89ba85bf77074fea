"""The caseload from a previous system: young people, their contact person, their circle and their open plans.

One row names one young person by CPR number and may carry one member of the circle and one goal with one
sub-goal; a young person with several members or goals has several rows (the young person's own columns need
only be filled in once). Each row is checked against the records *and* against the rows before it, so a dry run
tells exactly what a run would do: create the young person, update (something new or changed), or nothing.

The young person is matched by CPR number within the municipality, so a second run of the same file changes
nothing. A run works a chunk of rows at a time: the chunk is checked again against the records as they are now
and written in bulk (a 10,000-row file must not cost 100,000 queries), with one audit row per thing made.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.accounts.models import Role, User
from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.audit.services import _actor_fields
from ungeforlob.chain.models import ChainRole, LegalBasis, Membership
from ungeforlob.core.request_context import current_ip
from ungeforlob.imports.files import CASELOAD_COLUMNS
from ungeforlob.plans.models import MAX_GOALS, Goal, SubGoal, WrittenBy
from ungeforlob.youth import cpr
from ungeforlob.youth.models import Course, Youth

LABELS = {c.key: c.label for c in CASELOAD_COLUMNS}
_PHONE = re.compile(r"^\+?[0-9 ]{8,20}$")
_BATCH = 500  # ids in one IN (...) list


def parse_date(text: str) -> datetime.date | None:
    """A date as written in Danish files (31-12-2026, 31.12.2026, 31/12/2026) or ISO (2026-12-31); None if not."""
    text = (text or "").strip()
    for pattern in ("%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a calendar date, no time
        except ValueError:
            continue
    return None


def _choice(text: str, choices: Any) -> str | None:
    wanted = (text or "").strip().lower()
    for code, label in choices.choices:
        if wanted in {str(code).lower(), str(label).lower()}:
            return str(code)
    return None


@dataclass
class _Goal:
    text: str
    position: int
    pk: int | None = None
    subgoals: set[str] = field(default_factory=set)


@dataclass
class _Youth:
    """A young person as the records and the rows before this one leave them."""

    key: str
    digits: str
    pk: int | None = None
    obj: Youth | None = None
    values: dict[str, str] = field(default_factory=dict)
    contact_id: int | None = None
    contact_sector: str | None = None
    members: set[tuple[int, str]] = field(default_factory=set)
    goals: dict[str, _Goal] = field(default_factory=dict)
    first_row: int | None = None
    course_start: datetime.date | None = None


@dataclass
class Changes:
    """What a run of a chunk writes (a dry run collects it and throws it away)."""

    new: list[_Youth] = field(default_factory=list)
    updated: dict[str, tuple[_Youth, dict[str, str]]] = field(default_factory=dict)
    memberships: list[tuple[_Youth, User, str, str]] = field(default_factory=list)
    goals: list[tuple[_Youth, _Goal]] = field(default_factory=list)
    subgoals: list[tuple[_Youth, _Goal, str, str]] = field(default_factory=list)


@dataclass
class Context:
    municipality_id: int
    staff: dict[str, User]
    age_low: int
    age_high: int
    today: datetime.date
    youth: dict[str, _Youth] = field(default_factory=dict)


def context_for(municipality_id: int) -> Context:
    """The municipality's staff (by username and e-mail) and the target group's ages: read once per run."""
    from ungeforlob.vocabulary.selectors import age_bounds

    staff: dict[str, User] = {}
    people = (User.objects.filter(municipality_id=municipality_id, is_active=True,
                                  role__in=[Role.PROFESSIONAL, Role.LEADER]).select_related("organisation"))
    for person in people:
        staff[person.username.lower()] = person
        if person.email:
            staff.setdefault(person.email.lower(), person)
    low, high = age_bounds(municipality_id)
    return Context(municipality_id=municipality_id, staff=staff, age_low=low, age_high=high,
                   today=timezone.localdate())


def load_youth(ctx: Context, rows: list[tuple[int, dict[str, str]]]) -> None:
    """Read the young people the rows name (by CPR hash) with their contact person, circle and goals."""
    wanted: dict[str, str] = {}
    for _line, row in rows:
        try:
            digits = cpr.normalize_cpr(row.get("cpr", ""))
        except ValidationError:
            continue
        key = cpr.lookup_hash(digits)
        if key not in ctx.youth:
            wanted[key] = digits
    keys = list(wanted)
    for start in range(0, len(keys), _BATCH):
        batch = keys[start:start + _BATCH]
        found = {y.cpr_hash: y for y in Youth.objects.filter(municipality_id=ctx.municipality_id, cpr_hash__in=batch)}
        by_pk: dict[int, _Youth] = {}
        for key in batch:
            record = _Youth(key=key, digits=wanted[key])
            youth = found.get(key)
            if youth is not None:
                record.pk, record.obj = youth.pk, youth
                record.values = {f: getattr(youth, f) for f in ("first_name", "last_name", "preferred_name",
                                                                "mobile", "email")}
                by_pk[youth.pk] = record
            ctx.youth[key] = record
        if not by_pk:
            continue
        today = ctx.today
        members = (Membership.objects.filter(youth_id__in=list(by_pk), professional__isnull=False)
                   .filter(Q(end_date__isnull=True) | Q(end_date__gt=today))
                   .values_list("youth_id", "professional_id", "role", "professional__organisation__sector"))
        for youth_id, professional_id, role, sector in members:
            record = by_pk[youth_id]
            record.members.add((professional_id, role))
            if role == ChainRole.CONTACT_PERSON:
                record.contact_id, record.contact_sector = professional_id, sector
        # A contact person held by a team counts as "has a contact person".
        for youth_id in (Membership.objects.filter(youth_id__in=list(by_pk), team__isnull=False, end_date__isnull=True,
                                                   role=ChainRole.CONTACT_PERSON).values_list("youth_id", flat=True)):
            by_pk[youth_id].contact_id = -1
        goals: dict[int, _Goal] = {}
        for goal in Goal.objects.filter(youth_id__in=list(by_pk)).only("pk", "youth_id", "text", "position"):
            record_goal = _Goal(text=goal.text, position=goal.position, pk=goal.pk)
            by_pk[goal.youth_id].goals[goal.text.lower()] = record_goal
            goals[goal.pk] = record_goal
        for goal_id, text in SubGoal.objects.filter(goal_id__in=list(goals)).values_list("goal_id", "text"):
            goals[goal_id].subgoals.add(text.lower())


def _text(errors: list[tuple[str, str]], row: dict[str, str], key: str, limit: int) -> str:
    value = (row.get(key) or "").strip()
    if len(value) > limit:
        errors.append((key, _("Teksten er for lang: højst %(max)s tegn (der står %(n)s).") % {"max": limit,
                                                                                            "n": len(value)}))
    return value


def _person(errors: list[tuple[str, str]], ctx: Context, row: dict[str, str], key: str) -> User | None:
    name = (row.get(key) or "").strip().lower()
    if not name:
        return None
    person = ctx.staff.get(name)
    if person is None:
        errors.append((key, _("Der er ingen aktiv medarbejder i kommunen med brugernavnet eller e-mailen »%(name)s«.")
                       % {"name": name[:80]}))
    return person


def evaluate(ctx: Context, line: int, row: dict[str, str], changes: Changes) -> tuple[str, list[tuple[str, str]]]:
    """Check one row and record what it would do in `changes` (and in the context, for the rows after it).

    Returns ("create" | "update" | "unchanged" | "error", [(column key, Danish message)]). A row with an error
    changes nothing.
    """
    errors: list[tuple[str, str]] = []
    try:
        digits = cpr.normalize_cpr(row.get("cpr", ""))
    except ValidationError as exc:
        return "error", [("cpr", exc.messages[0])]
    born = cpr.birth_date(digits)
    age = ctx.today.year - born.year - ((ctx.today.month, ctx.today.day) < (born.month, born.day))
    record = ctx.youth.get(cpr.lookup_hash(digits))
    if record is None:  # not loaded (the caller loads every row's young person first)
        record = ctx.youth[cpr.lookup_hash(digits)] = _Youth(key=cpr.lookup_hash(digits), digits=digits)
    is_new = record.pk is None and record.first_row is None
    if is_new and not ctx.age_low <= age <= ctx.age_high:
        errors.append(("cpr", _("Ungeforløb er for unge mellem %(min)s og %(max)s år. Denne person er %(age)s år.")
                       % {"min": ctx.age_low, "max": ctx.age_high, "age": age}))
    values = {"first_name": _text(errors, row, "first_name", 100), "last_name": _text(errors, row, "last_name", 100),
              "preferred_name": _text(errors, row, "preferred_name", 100),
              "mobile": _text(errors, row, "mobile", 20), "email": _text(errors, row, "email", 254)}
    if values["mobile"] and not _PHONE.match(values["mobile"]):
        errors.append(("mobile", _("Skriv mobilnummeret med cifre, fx +45 20 12 34 56.")))
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError:
            errors.append(("email", _("E-mailadressen er ikke gyldig.")))
    start = None
    if (row.get("course_start") or "").strip():
        start = parse_date(row["course_start"])
        if start is None:
            errors.append(("course_start", _("Skriv datoen som dd-mm-åååå, fx 01-08-2026.")))
        elif start > ctx.today:
            errors.append(("course_start", _("Forløbet kan ikke starte i fremtiden.")))
    if is_new:
        for key in ("first_name", "last_name"):
            if not values[key]:
                errors.append((key, _("Skriv den unges %(what)s – den unge findes ikke i forvejen.")
                               % {"what": str(LABELS[key]).lower()}))
    elif record.first_row is not None:  # named earlier in this file: the same person, the same details
        for key, value in values.items():
            if value and value != record.values.get(key, ""):
                errors.append((key, _("Står anderledes end i række %(row)s for samme CPR-nummer.")
                               % {"row": record.first_row}))
    contact = _person(errors, ctx, row, "contact_person")
    member = _person(errors, ctx, row, "member")
    role = ""
    if member is not None or (row.get("member_role") or "").strip():
        role = _choice(row.get("member_role", ""), ChainRole) or ""
        if member is None:
            errors.append(("member", _("Skriv hvem der har rollen (brugernavn eller e-mail).")))
        if not role:
            errors.append(("member_role", _("Skriv en rolle fra listen, fx Jobkonsulent eller Mentor.")))
        elif role == ChainRole.CONTACT_PERSON:
            errors.append(("member_role", _("Kontaktpersonen skrives i kolonnen »Kontaktperson«.")))
    basis = ""
    if (row.get("legal_basis") or "").strip():
        basis = _choice(row["legal_basis"], LegalBasis) or ""
        if not basis or basis == LegalBasis.OTHER:
            errors.append(("legal_basis", _("Skriv et lovgrundlag fra listen: KUI, rsl_11c, barnets_lov eller fvl_28.")))
    contact_id = record.contact_id
    if contact is not None and contact_id is not None and contact_id != contact.pk:
        errors.append(("contact_person", _("Den unge har allerede en anden kontaktperson. Skift kontaktperson med en "
                                           "overlevering i Ungeforløb.")))
    if is_new and contact is None and not any(k == "contact_person" for k, _m in errors):
        errors.append(("contact_person", _("Skriv den unges kontaktperson – den unge findes ikke i forvejen.")))
    if member is not None and role and role != ChainRole.CONTACT_PERSON and not basis:
        sector = contact.organisation.sector if contact is not None and contact.organisation_id else record.contact_sector
        member_sector = member.organisation.sector if member.organisation_id else None
        if sector is None or member_sector != sector:
            errors.append(("legal_basis", _("Kædemedlemmet er fra en anden sektor end kontaktpersonen. Skriv et "
                                            "lovgrundlag (samtykker registreres i Ungeforløb).")))
    goal_text = _text(errors, row, "goal", 300)
    subgoal_text = _text(errors, row, "subgoal", 300)
    criterion = _text(errors, row, "criterion", 500)
    if subgoal_text and not goal_text:
        errors.append(("goal", _("Skriv det mål, delmålet hører til.")))
    if subgoal_text and not criterion:
        errors.append(("criterion", _("Skriv hvordan I kan se, at delmålet er nået.")))
    if criterion and not subgoal_text:
        errors.append(("subgoal", _("Skriv delmålet, succeskriteriet hører til.")))
    goal = record.goals.get(goal_text.lower()) if goal_text else None
    if goal_text and goal is None and len(record.goals) >= MAX_GOALS:
        errors.append(("goal", _("Planen har allerede tre mål – tre mål er nok at holde fast i.")))
    if errors:
        return "error", errors

    # The row is good: record what it does.
    outcome = "unchanged"
    if is_new:
        record.values = values
        record.course_start = start or ctx.today
        record.first_row = line
        changes.new.append(record)
        outcome = "create"
    else:
        if record.first_row is None:
            record.first_row = line
        changed = {k: v for k, v in values.items() if v and v != record.values.get(k, "")}
        if changed:
            record.values.update(changed)
            previous = changes.updated.get(record.key, (record, {}))[1]
            changes.updated[record.key] = (record, {**previous, **changed})
            outcome = "update"
    if contact is not None and record.contact_id is None:
        record.contact_id = contact.pk
        record.contact_sector = contact.organisation.sector if contact.organisation_id else None
        record.members.add((contact.pk, ChainRole.CONTACT_PERSON))
        changes.memberships.append((record, contact, ChainRole.CONTACT_PERSON, ""))
        outcome = outcome if outcome == "create" else "update"
    if member is not None and (member.pk, role) not in record.members:
        record.members.add((member.pk, role))
        changes.memberships.append((record, member, role, basis))
        outcome = outcome if outcome == "create" else "update"
    if goal_text and goal is None:
        taken = {g.position for g in record.goals.values()}
        goal = _Goal(text=goal_text, position=min(n for n in range(1, MAX_GOALS + 1) if n not in taken))
        record.goals[goal_text.lower()] = goal
        changes.goals.append((record, goal))
        outcome = outcome if outcome == "create" else "update"
    if subgoal_text and goal is not None and subgoal_text.lower() not in goal.subgoals:
        goal.subgoals.add(subgoal_text.lower())
        changes.subgoals.append((record, goal, subgoal_text, criterion))
        outcome = outcome if outcome == "create" else "update"
    return outcome, []


def write(ctx: Context, changes: Changes, *, actor: Any, job_id: int) -> None:
    """Write what a chunk's rows do, in bulk. Each young person gets one audit row naming everything made for
    them (CREATE for a new young person, UPDATE for one who was there), so the log tells the whole import without
    doubling its cost. The caller holds the transaction."""
    m = ctx.municipality_id
    made: dict[int, dict[str, Any]] = {}

    def note(youth_id: int, part: str, pk: Any) -> None:
        made.setdefault(youth_id, {}).setdefault(part, []).append(pk)

    youths = [Youth(municipality_id=m, first_name=r.values["first_name"], last_name=r.values["last_name"],
                    preferred_name=r.values.get("preferred_name", ""), mobile=r.values.get("mobile", ""),
                    email=r.values.get("email", ""), cpr_encrypted=cpr.encrypt(r.digits), cpr_hash=r.key,
                    birth_date=cpr.birth_date(r.digits), created_by=actor) for r in changes.new]
    Youth.objects.bulk_create(youths)
    for record, youth in zip(changes.new, youths, strict=True):
        record.pk, record.obj = youth.pk, youth
    created = {r.pk for r in changes.new}
    courses = Course.objects.bulk_create([Course(youth_id=r.pk, start_date=r.course_start, created_by=actor)
                                          for r in changes.new])
    for course in courses:
        note(course.youth_id, "course", course.pk)
    for record, fields in changes.updated.values():
        if record.pk is None:
            continue
        Youth.objects.filter(pk=record.pk).update(**fields, updated_at=timezone.now())
        made.setdefault(record.pk, {})["fields"] = sorted(fields)
    memberships = [Membership(youth_id=r.pk, professional=person, role=role, legal_basis=basis,
                              start_date=r.course_start if role == ChainRole.CONTACT_PERSON and r.course_start
                              else ctx.today, created_by=actor)
                   for r, person, role, basis in changes.memberships]
    Membership.objects.bulk_create(memberships)
    for membership in memberships:
        note(membership.youth_id, "memberships", membership.pk)
    goals = [Goal(youth_id=r.pk, position=g.position, text=g.text, written_by=WrittenBy.TOGETHER)
             for r, g in changes.goals]
    Goal.objects.bulk_create(goals)
    for (_record, goal_record), goal in zip(changes.goals, goals, strict=True):
        goal_record.pk = goal.pk
        note(goal.youth_id, "goals", goal.pk)
    subgoals = [SubGoal(goal_id=g.pk, text=text, success_criterion=criterion) for _r, g, text, criterion
                in changes.subgoals]
    SubGoal.objects.bulk_create(subgoals)
    for (record, _g, _t, _c), subgoal in zip(changes.subgoals, subgoals, strict=True):
        note(record.pk, "subgoals", subgoal.pk)
    base, ip = _actor_fields(actor), current_ip()
    AuditEvent.objects.bulk_create([
        AuditEvent(municipality_id=m, action=AuditAction.CREATE if pk in created else AuditAction.UPDATE,
                   youth_id=pk, object_type="youth", object_id=str(pk), detail={"import": job_id, **parts},
                   ip_address=ip, **base)
        for pk, parts in made.items()], batch_size=1000)
