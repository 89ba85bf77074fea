"""Writes of the relocation app: send a handover package, withdraw its consent, receive a file, import a package.

Each is atomic, raises ValidationError with a Danish message for what cannot be done, and writes its own audit
rows: the sending municipality's log shows the package leaving (EXPORT, with the parts) and, within one
installation, being imported; the receiving municipality's log shows the package arriving and what was created.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.accounts.models import Municipality, Role, User
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.notifications.services import staff_notify, youth_notify
from ungeforlob.relocation import package, sealing
from ungeforlob.relocation.models import Destination, IncomingPackage, Part, Relocation
from ungeforlob.youth.models import CourseEndReason, Youth


def consent_days() -> int:
    """How many days a young person's consent to a handover holds: the package must be imported within them."""
    return int(getattr(settings, "RELOCATION_CONSENT_DAYS", 30))


def _text(value: Any, limit: int) -> str:
    return str(value or "")[:limit]


def _date(value: Any) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


# --- Sending ------------------------------------------------------------------------------------------------


def _receiver(*, actor: Any, destination: str, receiving_municipality: Municipality | None,
              receiving_installation: str, receiver_name: str) -> dict[str, str]:
    if destination == Destination.MUNICIPALITY:
        if receiving_municipality is None or receiving_municipality.pk == actor.municipality_id:
            raise ValidationError({"receiving_municipality": _("Vælg den kommune, den unge flytter til.")})
        return {"installation": sealing.installation_name(), "municipality": receiving_municipality.name,
                "municipality_code": receiving_municipality.code}
    if destination == Destination.INSTALLATION:
        if receiving_installation not in sealing.partners():
            raise ValidationError({"receiving_installation": _("Vælg den installation, den unge flytter til.")})
        if not receiver_name.strip():
            raise ValidationError({"receiver_name": _("Skriv navnet på den kommune, den unge flytter til.")})
        return {"installation": receiving_installation, "municipality": receiver_name.strip()[:200],
                "municipality_code": ""}
    raise ValidationError({"destination": _("Vælg hvor forløbet skal hen.")})


@transaction.atomic
def relocation_send(
    *,
    actor: Any,
    youth: Youth,
    destination: str,
    parts: list[str],
    consent_given_on: datetime.date,
    consent_how: str,
    receiving_municipality: Municipality | None = None,
    receiving_installation: str = "",
    receiver_name: str = "",
) -> Relocation:
    """Hand the young person's open course to a new municipality: seal a package with the consented parts.

    The caller is the young person's contact person (the view asks the policy). Refused without an open course,
    without a consent from the last `consent_days()` days, or without a part. The course ends today with the
    reason "flyttet"; the young person is told on Min side; the receiving municipality of this installation finds
    the package in its list of incoming packages (its leaders are told, without names). The sending municipality
    keeps its record: nothing here deletes or ends access.
    """
    today = timezone.localdate()
    chosen = sorted({p for p in parts if p in Part.values})
    if not chosen:
        raise ValidationError({"parts": _("Vælg mindst én del, som den unge har sagt ja til at sende med.")})
    if consent_given_on > today:
        raise ValidationError({"consent_given_on": _("Samtykket kan ikke være givet i fremtiden.")})
    if consent_given_on < today - datetime.timedelta(days=consent_days()):
        raise ValidationError({"consent_given_on": _("Samtykket er for gammelt. Spørg den unge igen, og skriv "
                                                     "datoen for det nye samtykke.")})
    how = (consent_how or "").strip()
    if not how:
        raise ValidationError({"consent_how": _("Skriv hvordan den unge gav samtykke (fx på et møde eller på SMS).")})
    course = youth.courses.select_for_update().filter(end_date__isnull=True).first()
    if course is None:
        raise ValidationError(_("Den unge har intet åbent forløb at overdrage."))
    receiver = _receiver(actor=actor, destination=destination, receiving_municipality=receiving_municipality,
                         receiving_installation=receiving_installation, receiver_name=receiver_name)
    valid_until = consent_given_on + datetime.timedelta(days=consent_days())
    package_id = str(uuid.uuid4())
    document = package.build_document(
        package_id=package_id, youth=youth, course=course, parts=chosen, sender=actor, receiver=receiver,
        consent={"given_on": consent_given_on.isoformat(), "valid_until": valid_until.isoformat()})
    if destination == Destination.MUNICIPALITY:
        key = sealing.tenant_key(receiving_municipality)
    else:
        key = sealing.partners()[receiving_installation]["inbox_key"].encode()
    sealed = sealing.seal(document, key=key)
    relocation = Relocation.objects.create(
        package_id=package_id, youth=youth, course=course, destination=destination,
        receiving_municipality=receiving_municipality if destination == Destination.MUNICIPALITY else None,
        receiving_installation=receiving_installation if destination == Destination.INSTALLATION else "",
        receiver_name=receiver["municipality"], parts=chosen, consent_given_on=consent_given_on,
        consent_valid_until=valid_until, consent_how=how[:300], sealed=sealed, created_by=actor)
    course.end_date = max(today, course.start_date)
    course.end_reason = CourseEndReason.MOVED
    course.save(update_fields=["end_date", "end_reason"])
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=youth, obj=course,
                 detail={"end_reason": CourseEndReason.MOVED, "relocation": package_id})
    audit_record(actor=actor, action=AuditAction.EXPORT, youth=youth, obj=relocation, purpose="Flytning",
                 detail={"package_id": package_id, "parts": chosen, "receiver": receiver})
    if destination == Destination.MUNICIPALITY and receiving_municipality is not None:
        incoming = IncomingPackage.objects.create(
            municipality=receiving_municipality, package_id=package_id, source=Destination.MUNICIPALITY,
            relocation=relocation, sender_municipality=youth.municipality.name,
            sender_installation=sealing.installation_name(), parts=chosen, consent_valid_until=valid_until,
            sealed=sealed)
        audit_record(actor=actor, action=AuditAction.CREATE, municipality=receiving_municipality, obj=incoming,
                     detail={"package_id": package_id, "from": youth.municipality.name})
        leaders = User.objects.filter(municipality=receiving_municipality, role=Role.LEADER, is_active=True)
        staff_notify(recipients=leaders, kind="relocation_incoming", url=reverse("relocation:inbox"),
                     text=_("En ung flytter til kommunen: en flyttepakke fra %(from)s venter på at blive importeret.")
                     % {"from": youth.municipality.name})
    youth_notify(youth=youth, kind="relocation", related_type="relocation", related_id=relocation.pk,
                 text=_("Dit forløb er overdraget til %(to)s, sådan som du sagde ja til. Din nye kommune kontakter "
                        "dig.") % {"to": receiver["municipality"]})
    return relocation


def relocation_download(*, actor: Any, relocation: Relocation) -> str:
    """The sealed file, for the contact person to hand over; logged as an export. Refused once the consent is
    withdrawn or has run out: without a valid consent nothing leaves."""
    if not relocation.sealed or not relocation.consent_is_valid_on(timezone.localdate()):
        raise ValidationError(_("Samtykket gælder ikke længere, så pakken kan ikke hentes."))
    audit_record(actor=actor, action=AuditAction.EXPORT, youth=relocation.youth, obj=relocation,
                 purpose="Flytning", detail={"package_id": str(relocation.package_id), "file": True})
    return relocation.sealed


@transaction.atomic
def relocation_withdraw_consent(*, actor: Any, relocation: Relocation) -> Relocation:
    """The young person withdrew the consent: the package can no longer be downloaded or imported here."""
    relocation = Relocation.objects.select_for_update().get(pk=relocation.pk)
    if relocation.consent_withdrawn_at is not None:
        return relocation
    relocation.consent_withdrawn_at = timezone.now()
    relocation.consent_withdrawn_by = actor
    relocation.sealed = ""
    relocation.save(update_fields=["consent_withdrawn_at", "consent_withdrawn_by", "sealed"])
    IncomingPackage.objects.filter(relocation=relocation, imported_at__isnull=True).update(sealed="")
    audit_record(actor=actor, action=AuditAction.UPDATE, youth=relocation.youth, obj=relocation,
                 detail={"consent": "withdrawn", "package_id": str(relocation.package_id)})
    return relocation


# --- Receiving ----------------------------------------------------------------------------------------------


def may_receive(user: Any) -> bool:
    """Who imports a young person moving in: the municipal youth effort's professionals (they become the
    contact person). A leader sees the list of incoming packages, without names."""
    return policy.is_intake(user)


def _keys_for(user: Any) -> list[bytes]:
    return [sealing.tenant_key(user.municipality), sealing.inbox_key()]


def package_open(*, actor: Any, incoming: IncomingPackage) -> dict[str, Any]:
    """The checked document of a received package (decrypted, signature verified), or ValidationError."""
    if not incoming.sealed:
        raise ValidationError(_("Pakkens indhold er slettet: samtykket er udløbet eller trukket tilbage."))
    return sealing.open_sealed(incoming.sealed, keys=_keys_for(actor))


@transaction.atomic
def package_receive_file(*, actor: Any, text: str) -> IncomingPackage:
    """A package file from another installation, uploaded: checked, then kept for its preview and import.

    The same file uploaded twice gives the same row (the package id is unique per municipality)."""
    document = sealing.open_sealed(text, keys=_keys_for(actor))
    existing = IncomingPackage.objects.filter(municipality_id=actor.municipality_id,
                                              package_id=document["package_id"]).first()
    if existing is not None:
        return existing
    sender = document["sender"]
    incoming = IncomingPackage.objects.create(
        municipality_id=actor.municipality_id, package_id=document["package_id"], source=Destination.INSTALLATION,
        sender_municipality=_text(sender.get("municipality"), 200),
        sender_installation=_text(sender.get("installation"), 100),
        parts=sorted(p for p in (document.get("consent") or {}).get("parts", []) if p in Part.values),
        consent_valid_until=_valid_until(document), sealed=text, received_by=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=incoming,
                 detail={"package_id": str(incoming.package_id), "from": incoming.sender_municipality,
                         "installation": incoming.sender_installation})
    return incoming


def _valid_until(document: dict[str, Any]) -> datetime.date | None:
    try:
        return _date((document.get("consent") or {}).get("valid_until"))
    except (TypeError, ValueError):
        return None


def import_problems(*, actor: Any, incoming: IncomingPackage, document: dict[str, Any]) -> list[str]:
    """Why this package cannot be imported now (empty when it can): the dry run shows them, the import refuses."""
    from ungeforlob.youth import cpr
    from ungeforlob.youth.services import check_age

    problems = []
    valid_until = _valid_until(document)
    if valid_until is None or valid_until < timezone.localdate():
        problems.append(_("Samtykket i pakken er udløbet. Bed den tidligere kommune om en ny pakke med et nyt "
                          "samtykke."))
    if incoming.relocation_id and incoming.relocation and incoming.relocation.consent_withdrawn_at:
        problems.append(_("Den unge har trukket samtykket tilbage. Pakken kan ikke importeres."))
    try:
        digits = cpr.normalize_cpr(str((document.get("youth") or {}).get("cpr", "")))
    except ValidationError:
        problems.append(_("Pakkens CPR-nummer er ikke gyldigt."))
        return problems
    if Youth.objects.filter(municipality_id=actor.municipality_id, cpr_hash=cpr.lookup_hash(digits)).exists():
        problems.append(_("Der findes allerede en ung med dette CPR-nummer i kommunen. Tal med den unges "
                          "kontaktperson her, før pakken importeres."))
    try:
        check_age(cpr.birth_date(digits), municipality_id=actor.municipality_id)
    except ValidationError as exc:
        problems.extend(exc.messages)
    return problems


def _import_plan(*, youth: Youth, plan: dict[str, Any]) -> None:
    from ungeforlob.plans.models import Activity, Goal, Profile, SubGoal

    profile = plan.get("profile")
    if profile:
        Profile.objects.update_or_create(
            youth=youth, defaults={f: _text(profile.get(f), 4000) for f in package.PROFILE_FIELDS
                                   if f != "own_story_written_by"} | {
                "own_story_written_by": _text(profile.get("own_story_written_by"), 10) or "ung"})
    for position, goal_data in enumerate((plan.get("goals") or [])[:3], start=1):
        goal = Goal.objects.create(youth=youth, position=position, text=_text(goal_data.get("text"), 300),
                                   written_by=_text(goal_data.get("written_by"), 10))
        for sub_data in goal_data.get("subgoals") or []:
            sub = SubGoal.objects.create(
                goal=goal, text=_text(sub_data.get("text"), 300), target_date=_date(sub_data.get("target_date")),
                status=_text(sub_data.get("status"), 15) or "ikke_startet",
                success_criterion=_text(sub_data.get("success_criterion"), 500))
            Activity.objects.bulk_create([Activity(
                subgoal=sub, title=_text(a.get("title"), 200), reason=_text(a.get("reason"), 500),
                responsible=_text(a.get("responsible"), 15), responsible_name=_text(a.get("responsible_name"), 200),
                start_date=_date(a.get("start_date")), end_date=_date(a.get("end_date")),
                when_text=_text(a.get("when_text"), 200), place=_text(a.get("place"), 200),
                status=_text(a.get("status"), 15) or "planlagt",
                methods=[str(m)[:40] for m in a.get("methods") or []][:20],
            ) for a in sub_data.get("activities") or []])


def _import_levels(*, actor: Any, youth: Youth, levels: list[dict[str, Any]], sender: str) -> None:
    from ungeforlob.progression.levels import Level
    from ungeforlob.progression.models import Assessment, AssessmentVersion
    from ungeforlob.progression.services.indicators import indicator_set_current

    indicator_set = indicator_set_current(municipality=youth.municipality, actor=actor)
    for row in levels:
        level = row.get("level")
        if level not in Level.values:
            continue
        overlap = row.get("overlap_level") if row.get("overlap_level") in Level.values else ""
        assessment = Assessment.objects.create(youth=youth, created_by=actor)
        AssessmentVersion.objects.create(
            assessment=assessment, version=1, is_current=True, assessed_on=_date(row.get("assessed_on")),
            level=level, overlap_level="" if overlap == level else overlap, indicator_set=indicator_set,
            rationale=(_("Fra %(from)s: ") % {"from": sender} + _text(row.get("rationale"), 3800)),
            youth_took_part=bool(row.get("youth_took_part")), created_by=actor)


def _import_followups(*, actor: Any, youth: Youth, groups: list[dict[str, Any]]) -> None:
    from ungeforlob.chain.models import ChainRole
    from ungeforlob.transitions.models import FollowUp, FollowUpKind, Station, StationKind, Transition

    for group in groups:
        data = group.get("station") or {}
        station = Station.objects.create(
            youth=youth, kind=data.get("kind") if data.get("kind") in StationKind.values else StationKind.OTHER,
            institution=_text(data.get("institution"), 150), start_date=_date(data.get("start_date")),
            created_by=actor)
        transition = Transition.objects.create(youth=youth, to_station=station, created_by=actor)
        rows = []
        for item in group.get("items") or []:
            due = _date(item.get("due_date"))
            if due is None or station.start_date is None:
                raise ValueError("a follow-up without a due date or a station without a start")
            rows.append(FollowUp(
                transition=transition, youth=youth, title=_text(item.get("title"), 120),
                kind=item.get("kind") if item.get("kind") in FollowUpKind.values else FollowUpKind.CALL,
                responsible_role=(item.get("responsible_role") if item.get("responsible_role") in ChainRole.values
                                  else ChainRole.CONTACT_PERSON),
                description=_text(item.get("description"), 2000), offset_days=(due - station.start_date).days,
                planned_date=due, due_date=due,
                due_time=datetime.time.fromisoformat(item.get("due_time") or "09:00")))
        FollowUp.objects.bulk_create(rows)


def _import_contacts(*, youth: Youth, contacts: dict[str, Any]) -> None:
    from ungeforlob.youth.models import Guardian, GuardianRelation

    Guardian.objects.bulk_create([Guardian(
        youth=youth, name=_text(g.get("name"), 150),
        relation=g.get("relation") if g.get("relation") in GuardianRelation.values else GuardianRelation.OTHER,
        phone=_text(g.get("phone"), 20), email=_text(g.get("email"), 254), has_custody=bool(g.get("has_custody")),
    ) for g in contacts.get("guardians") or [] if g.get("name")])


@transaction.atomic
def package_import(*, actor: Any, incoming: IncomingPackage) -> IncomingPackage:
    """Import a received package into the actor's municipality: the young person (the actor becomes contact
    person), a new course from today, and the parts the consent covers — plan, level history, open follow-ups,
    contacts. Idempotent: a package imported once is returned as it is, and nothing changes.

    Refused (ValidationError, Danish) when the package does not open or verify, its consent has run out or been
    withdrawn, or the young person is already registered in the municipality; nothing is half-saved.
    """
    from ungeforlob.youth.services import youth_create

    incoming = IncomingPackage.objects.select_for_update(of=("self",)).select_related("relocation").get(pk=incoming.pk)
    if incoming.is_imported:
        return incoming
    document = package_open(actor=actor, incoming=incoming)
    problems = import_problems(actor=actor, incoming=incoming, document=document)
    if problems:
        raise ValidationError(problems)
    person = document["youth"]
    contacts = document.get("contacts") or {}
    sender = _text(document["sender"].get("municipality"), 200)
    try:
        youth = youth_create(
            actor=actor, first_name=_text(person.get("first_name"), 100), last_name=_text(person.get("last_name"), 100),
            preferred_name=_text(person.get("preferred_name"), 100), cpr_number=str(person.get("cpr", "")),
            mobile=_text(contacts.get("mobile"), 20), email=_text(contacts.get("email"), 254),
            language=_text(person.get("language"), 8), course_start=timezone.localdate())
        if "plan" in document:
            _import_plan(youth=youth, plan=document["plan"] or {})
        if "levels" in document:
            _import_levels(actor=actor, youth=youth, levels=document["levels"] or [], sender=sender)
        if "followups" in document:
            _import_followups(actor=actor, youth=youth, groups=document["followups"] or [])
        if contacts:
            _import_contacts(youth=youth, contacts=contacts)
    except (AttributeError, KeyError, TypeError, ValueError):
        raise ValidationError(_("Pakken kunne ikke læses: en del af indholdet har ikke den form, formatet "
                                "kræver.")) from None
    incoming.imported_at = timezone.now()
    incoming.imported_by = actor
    incoming.youth = youth
    incoming.sealed = ""  # the data now lives in the record; no second copy is kept
    incoming.save(update_fields=["imported_at", "imported_by", "youth", "sealed"])
    summary = package.summary(document)
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=incoming, purpose="Flytning",
                 detail={"package_id": str(incoming.package_id), "from": sender,
                         "installation": incoming.sender_installation, "parts": incoming.parts, "created": summary})
    relocation = incoming.relocation
    if relocation is not None:  # within this installation: the sending municipality's log and contact person
        audit_record(actor=actor, action=AuditAction.UPDATE, youth=relocation.youth, obj=relocation,
                     detail={"imported_by_municipality": actor.municipality.name,
                             "package_id": str(incoming.package_id)})
        staff_notify(recipients=[relocation.created_by], kind="relocation_imported",
                     text=_("Flyttepakken til %(to)s er importeret.") % {"to": actor.municipality.name})
    youth_notify(youth=youth, kind="relocation", related_type="relocation_import", related_id=incoming.pk,
                 text=_("Velkommen til %(to)s. Dit forløb fra %(from)s er flyttet hertil, og %(name)s er din nye "
                        "kontaktperson.") % {"to": actor.municipality.name, "from": sender,
                                             "name": actor.get_full_name()})
    policy.forget()
    return incoming


def relocation_purge_expired(*, today: datetime.date | None = None) -> int:
    """The worker's job: empty the sealed files whose consent has run out, sent and received alike; return how
    many. The rows stay (what was sent, to whom, on which consent); only the copy of the data goes."""
    day = today or timezone.localdate()
    sent = Relocation.objects.filter(consent_valid_until__lt=day).exclude(sealed="").update(sealed="")
    received = (IncomingPackage.objects.filter(consent_valid_until__lt=day, imported_at__isnull=True)
                .exclude(sealed="").update(sealed=""))
    if sent or received:
        audit_record(actor=None, action=AuditAction.DELETE, object_type="relocation_package",
                     purpose="Samtykket til flytningen er udløbet", detail={"sent": sent, "received": received})
    return sent + received
