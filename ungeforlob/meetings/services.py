"""Writes for chain meetings, meeting participants and cooperation agreements.

Each service is atomic, validates (raising field-keyed Danish ValidationErrors), records its own audit row and
sends its notices after commit. Callers (views) have checked access (`meetings.access`, `ungeforlob.policy`);
services re-check what a form cannot know (who takes part, the grounds for sharing, duplicates, versions).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.accounts.models import Organisation, User
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.chain.models import Consent, LegalBasis
from ungeforlob.core.text import default_language
from ungeforlob.meetings import guardians, invitations
from ungeforlob.meetings.access import may_take_part
from ungeforlob.meetings.models import (
    AgendaEntry,
    ChainMeeting,
    CooperationAgreement,
    Decision,
    MeetingMember,
    MeetingParticipant,
    Occurrence,
    ParticipantKind,
    Rhythm,
)
from ungeforlob.notifications.services import staff_notify
from ungeforlob.youth.models import Guardian, Youth

CONSENT = "samtykke"  # the agenda form's grounds: a recorded consent (else a LegalBasis value)


def _text(value: str | None) -> str:
    return (value or "").strip()


# --- Chain meetings -------------------------------------------------------------------------------------------

def _check_people(municipality_id: int, people: Iterable[Any], field: str) -> list[Any]:
    people = list(people)
    for person in people:
        if not may_take_part(person) or person.municipality_id != municipality_id:
            raise ValidationError({field: _("Vælg fagpersoner fra kommunens netværk (ikke ledere).")})
    return people


def _settings_errors(*, name: str, rhythm: str, duration_minutes: int | None, organisations: Iterable[Organisation],
                     municipality_id: int) -> dict[str, str]:
    """What is wrong with a chain meeting's settings (when it is started and when it is changed)."""
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = _("Giv mødet et navn.")
    if rhythm not in Rhythm.values:
        errors["rhythm"] = _("Vælg en rytme fra listen.")
    if not duration_minutes or not 15 <= duration_minutes <= 480:
        errors["duration_minutes"] = _("Et møde varer mellem 15 minutter og 8 timer.")
    organisations = list(organisations)
    if not organisations:
        errors["organisations"] = _("Vælg mindst én deltagende organisation.")
    elif any(o.municipality_id != municipality_id for o in organisations):
        errors["organisations"] = _("Vælg organisationer i kommunens netværk.")
    return errors


@transaction.atomic
def meeting_create(*, actor: Any, name: str, rhythm: str, first_date: datetime.date, starts_at: datetime.time,
                   duration_minutes: int, organisations: Iterable[Organisation], members: Iterable[Any] = (),
                   purpose: str = "", location: str = "") -> ChainMeeting:
    """Start a standing chain meeting. The actor takes part; the other members are invited by e-mail."""
    name, purpose, location = _text(name), _text(purpose), _text(location)
    if not may_take_part(actor):
        raise ValidationError(_("Kun fagpersoner kan oprette kædemøder."))
    organisations = list(organisations)
    errors = _settings_errors(name=name, rhythm=rhythm, duration_minutes=duration_minutes,
                              organisations=organisations, municipality_id=actor.municipality_id)
    if first_date is None:
        errors["first_date"] = _("Skriv datoen for det første møde.")
    if errors:
        raise ValidationError(errors)
    people = _check_people(actor.municipality_id, members, "members")
    meeting = ChainMeeting.objects.create(
        municipality_id=actor.municipality_id, name=name[:120], purpose=purpose[:300], rhythm=rhythm,
        first_date=first_date, starts_at=starts_at, duration_minutes=duration_minutes, location=location[:150],
        created_by=actor)
    meeting.organisations.set(organisations)
    MeetingMember.objects.bulk_create([MeetingMember(meeting=meeting, professional=p, added_by=actor)
                                       for p in {p.pk: p for p in [actor, *people]}.values()])
    audit_record(actor=actor, action=AuditAction.CREATE, obj=meeting, detail={"members": [p.pk for p in people]})
    invitations.send_series(meeting, [p for p in people if p.pk != actor.pk])
    return meeting


@transaction.atomic
def meeting_update(*, actor: Any, meeting: ChainMeeting, name: str, rhythm: str, starts_at: datetime.time,
                   duration_minutes: int, organisations: Iterable[Organisation], purpose: str = "",
                   location: str = "", ended_on: datetime.date | None = None) -> ChainMeeting:
    """Change a chain meeting's settings (any participant may), or stop it from a day on."""
    name, purpose, location = _text(name), _text(purpose), _text(location)
    organisations = list(organisations)
    errors = _settings_errors(name=name, rhythm=rhythm, duration_minutes=duration_minutes,
                              organisations=organisations, municipality_id=meeting.municipality_id)
    if ended_on is not None and ended_on < meeting.first_date:
        errors["ended_on"] = _("Mødet kan ikke stoppe før det første møde.")
    if errors:
        raise ValidationError(errors)
    meeting.name, meeting.purpose, meeting.location = name[:120], purpose[:300], location[:150]
    meeting.rhythm, meeting.starts_at, meeting.duration_minutes = rhythm, starts_at, duration_minutes
    meeting.ended_on = ended_on
    meeting.save(update_fields=["name", "purpose", "location", "rhythm", "starts_at", "duration_minutes",
                                "ended_on"])
    meeting.organisations.set(organisations)
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=meeting,
                 detail={"ended_on": ended_on.isoformat() if ended_on else None})
    return meeting


@transaction.atomic
def meeting_member_add(*, actor: Any, meeting: ChainMeeting, professional: Any) -> MeetingMember:
    """Add a person to the meeting (any participant may). They get the series invitation by e-mail."""
    _check_people(meeting.municipality_id, [professional], "professional")
    if MeetingMember.objects.filter(meeting=meeting, professional=professional).exists():
        raise ValidationError({"professional": _("%(name)s deltager allerede i mødet.") % {"name": professional}})
    member = MeetingMember.objects.create(meeting=meeting, professional=professional, added_by=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=member, detail={"meeting": meeting.pk})
    invitations.send_series(meeting, [professional])
    return member


@transaction.atomic
def meeting_member_remove(*, actor: Any, member: MeetingMember) -> None:
    """Take a person off the meeting: they lose its agenda at once. Refused for the last participant and for
    someone who still owns open tasks from the meeting (hand them over first)."""
    meeting = member.meeting
    if not MeetingMember.objects.filter(meeting=meeting).exclude(pk=member.pk).exists():
        raise ValidationError(_("Et kædemøde skal have mindst én deltager."))
    if Decision.objects.filter(entry__occurrence__meeting=meeting, owner_id=member.professional_id,
                               done_at__isnull=True).exists():
        raise ValidationError(_("Personen har åbne opgaver fra mødet. Giv dem en anden ansvarlig, eller markér "
                                "dem som udført først."))
    audit_record(actor=actor, action=AuditAction.DELETE, obj=member,
                 detail={"meeting": meeting.pk, "professional": member.professional_id})
    member.delete()


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def next_date(meeting: ChainMeeting, *, on_or_after: datetime.date) -> datetime.date:
    """The first day of the meeting's rhythm on or after the given day."""
    first = meeting.first_date
    if first >= on_or_after:
        return first
    if meeting.rhythm == Rhythm.MONTHLY:
        n = (on_or_after.year - first.year) * 12 + on_or_after.month - first.month
        day = _add_months(first, n)
        return day if day >= on_or_after else _add_months(first, n + 1)
    step = 14 if meeting.rhythm == Rhythm.BIWEEKLY else 7
    periods = -(-(on_or_after - first).days // step)
    return first + datetime.timedelta(days=step * periods)


@transaction.atomic
def occurrence_create(*, actor: Any, meeting: ChainMeeting, held_on: datetime.date) -> Occurrence:
    """Plan one meeting of the series (a day may hold one)."""
    today = timezone.localdate()
    if held_on is None:
        raise ValidationError({"held_on": _("Skriv mødets dato.")})
    if not today - datetime.timedelta(days=366) <= held_on <= today + datetime.timedelta(days=366):
        raise ValidationError({"held_on": _("Datoen skal ligge inden for et år fra i dag.")})
    if Occurrence.objects.filter(meeting=meeting, held_on=held_on).exists():
        raise ValidationError({"held_on": _("Der er allerede et møde den dag.")})
    occurrence = Occurrence.objects.create(meeting=meeting, held_on=held_on, created_by=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=occurrence, detail={"meeting": meeting.pk})
    return occurrence


# --- The agenda and its decisions ---------------------------------------------------------------------------

def _consent_for(youth: Youth, meeting: ChainMeeting) -> Consent | None:
    """A consent of the young person, valid today, to one of the meeting's organisations."""
    return (Consent.objects.filter(youth=youth, withdrawn_at__isnull=True, expires_on__gte=timezone.localdate(),
                                   receiving_organisation__in=meeting.organisations.all())
            .order_by("-expires_on", "-pk").first())


@transaction.atomic
def agenda_add(*, actor: Any, occurrence: Occurrence, youth: Youth, question: str, grounds: str,
               legal_basis_note: str = "") -> AgendaEntry:
    """Put a young person on the agenda, with the question for the meeting.

    Allowed on a consent the young person gave to one of the meeting's organisations (recorded in the chain),
    or a legal basis named here (with a note for "another legal basis"). The caller has checked that the actor
    takes part in the meeting and may see the young person.
    """
    question, legal_basis_note = _text(question), _text(legal_basis_note)
    errors: dict[str, str] = {}
    if not question:
        errors["question"] = _("Skriv spørgsmålet, mødet skal tage stilling til.")
    elif len(question) > 300:
        errors["question"] = _("Skriv spørgsmålet med højst 300 tegn.")
    consent, legal_basis = None, ""
    if grounds == CONSENT:
        consent = _consent_for(youth, occurrence.meeting)
        if consent is None:
            errors["grounds"] = _("Den unge har ikke et gyldigt samtykke til nogen af mødets organisationer. "
                                  "Registrér samtykket i kæden, eller vælg et lovgrundlag.")
    elif grounds in LegalBasis.values:
        legal_basis = grounds
        if grounds == LegalBasis.OTHER and not legal_basis_note:
            errors["legal_basis_note"] = _("Beskriv lovgrundlaget.")
    else:
        errors["grounds"] = _("Vælg samtykke eller et lovgrundlag.")
    if AgendaEntry.objects.filter(occurrence=occurrence, youth=youth).exists():
        errors["youth"] = _("Den unge er allerede på dagsordenen til dette møde.")
    if errors:
        raise ValidationError(errors)
    entry = AgendaEntry.objects.create(occurrence=occurrence, youth=youth, question=question, consent=consent,
                                       legal_basis=legal_basis, legal_basis_note=legal_basis_note[:300],
                                       raised_by=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=entry, purpose="kædemøde",
                 detail={"occurrence": occurrence.pk, "consent": getattr(consent, "pk", None),
                         "legal_basis": legal_basis})
    return entry


@transaction.atomic
def agenda_remove(*, actor: Any, entry: AgendaEntry) -> None:
    """Take a young person off the agenda. Refused once the meeting has decided something about them."""
    if entry.decisions.exists():
        raise ValidationError(_("Mødet har truffet beslutninger om punktet, så det kan ikke fjernes."))
    audit_record(actor=actor, action=AuditAction.DELETE, youth=entry.youth, obj=entry, purpose="kædemøde")
    entry.delete()


@transaction.atomic
def decision_record(*, actor: Any, entry: AgendaEntry, text: str, owner: Any, due_on: datetime.date) -> Decision:
    """A decision of the meeting: a short text (no narrative), a participant who owns it and a deadline."""
    text = _text(text)
    errors: dict[str, str] = {}
    if not text:
        errors["text"] = _("Skriv beslutningen.")
    elif len(text) > 200:
        errors["text"] = _("Skriv beslutningen kort: højst 200 tegn.")
    meeting = entry.occurrence.meeting
    if owner is None or not MeetingMember.objects.filter(meeting=meeting, professional=owner).exists():
        errors["owner"] = _("Vælg en ansvarlig blandt mødets deltagere.")
    if due_on is None:
        errors["due_on"] = _("Skriv en frist.")
    elif due_on < entry.occurrence.held_on:
        errors["due_on"] = _("Fristen kan ikke ligge før mødet.")
    elif due_on > entry.occurrence.held_on + datetime.timedelta(days=366):
        errors["due_on"] = _("Fristen skal ligge inden for et år fra mødet.")
    if errors:
        raise ValidationError(errors)
    decision = Decision.objects.create(entry=entry, text=text, owner=owner, due_on=due_on, created_by=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, youth=entry.youth, obj=decision, purpose="kædemøde",
                 detail={"owner": owner.pk, "due_on": str(due_on)})
    if owner.pk != actor.pk:
        with default_language():
            staff_notify(recipients=[owner], kind="kaedemoede",
                         text=_("Et kædemøde har givet dig en opgave med frist %(d)s.")
                         % {"d": due_on.strftime("%d.%m.%Y")}, url=reverse("meetings:entry", args=[entry.pk]))
    return decision


@transaction.atomic
def decision_complete(*, actor: Any, decision: Decision) -> Decision:
    """The owner marks the task done (twice changes nothing)."""
    if decision.owner_id != actor.pk:
        raise ValidationError(_("Kun den ansvarlige kan markere opgaven som udført."))
    updated = Decision.objects.filter(pk=decision.pk, done_at__isnull=True).update(done_at=timezone.now())
    decision.refresh_from_db()
    if updated:
        audit_record(actor=actor, action=AuditAction.UPDATE, youth=decision.entry.youth, obj=decision,
                     purpose="kædemøde", detail={"done": True})
    return decision


# --- Participants of plan meetings and follow-up steps --------------------------------------------------------

@transaction.atomic
def participant_add(*, actor: Any, youth: Youth, kind: str, plan_meeting: Any = None, followup: Any = None,
                    professional: User | None = None, guardian: Guardian | None = None, consent: Any = None,
                    sms_reminder: bool = True) -> MeetingParticipant:
    """Add a participant to a plan meeting or a follow-up step of this young person.

    Staff must be in the young person's circle; a guardian must be the young person's own and, when she is 18
    or over on the meeting day, comes only with her `consent` (see `meetings.guardians`). A member of staff
    gets the invitation (.ics) by e-mail; a guardian by SMS (a reminder the day before with `sms_reminder`).
    """
    if (plan_meeting is None) == (followup is None):
        raise ValidationError(_("Vælg et møde."))
    target = plan_meeting or followup
    if target.youth_id != youth.pk:
        raise ValidationError(_("Vælg et møde."))
    existing = MeetingParticipant.objects.filter(plan_meeting=plan_meeting, followup=followup)
    if kind == ParticipantKind.STAFF:
        if professional is None or not policy.can(professional, policy.Action.VIEW, youth):
            raise ValidationError({"professional": _("Vælg en fagperson fra den unges kæde.")})
        guardian = None
        duplicate = existing.filter(professional=professional).exists()
    elif kind == ParticipantKind.GUARDIAN:
        if guardian is None or guardian.youth_id != youth.pk:
            raise ValidationError({"guardian": _("Vælg en af den unges forældre eller værger.")})
        professional = None
        consent = guardians.check_consent(youth=youth, consent=consent,
                                          day=guardians.meeting_day(plan_meeting=plan_meeting, followup=followup))
        duplicate = existing.filter(guardian=guardian).exists()
    elif kind == ParticipantKind.YOUTH:
        professional = guardian = None
        duplicate = existing.filter(kind=ParticipantKind.YOUTH).exists()
    else:
        raise ValidationError({"kind": _("Vælg hvem der deltager.")})
    if duplicate:
        raise ValidationError({"kind": _("Deltageren er allerede med på mødet.")})
    if kind != ParticipantKind.GUARDIAN:
        consent, sms_reminder = None, False
    participant = MeetingParticipant.objects.create(plan_meeting=plan_meeting, followup=followup, kind=kind,
                                                    professional=professional, guardian=guardian, consent=consent,
                                                    sms_reminder=bool(sms_reminder), added_by=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, youth=youth, obj=participant,
                 detail={"kind": kind, "plan_meeting": getattr(plan_meeting, "pk", None),
                         "followup": getattr(followup, "pk", None), "consent": getattr(consent, "pk", None)})
    if professional is not None and professional.pk != actor.pk:
        invitations.send_single(professional, youth=youth, plan_meeting=plan_meeting, followup=followup)
    if guardian is not None:
        guardians.invite(actor=actor, youth=youth, participant=participant, plan_meeting=plan_meeting,
                         followup=followup)
    return participant


@transaction.atomic
def participant_remove(*, actor: Any, youth: Youth, participant: MeetingParticipant) -> None:
    """Take a participant off the meeting; a guardian's SMS not yet sent is cancelled."""
    audit_record(actor=actor, action=AuditAction.DELETE, youth=youth, obj=participant,
                 detail={"kind": participant.kind})
    guardians.uninvite(actor=actor, participant=participant)
    participant.delete()


# --- Cooperation agreements --------------------------------------------------------------------------------

def _agreement_errors(actor: Any, organisation: Any, title: str, agreed: str, contact_people: str,
                      starts_on: Any, review_on: Any) -> dict[str, str]:
    errors: dict[str, str] = {}
    if organisation is None or organisation.municipality_id != actor.municipality_id:
        errors["organisation"] = _("Vælg en organisation i kommunens netværk.")
    if not title:
        errors["title"] = _("Giv aftalen en titel.")
    if not agreed:
        errors["agreed"] = _("Skriv hvad I har aftalt.")
    if not contact_people:
        errors["contact_people"] = _("Skriv hvem man kontakter om aftalen.")
    if starts_on is None:
        errors["starts_on"] = _("Skriv hvornår aftalen starter.")
    if review_on is None:
        errors["review_on"] = _("Skriv hvornår aftalen skal tages op igen.")
    elif starts_on is not None and review_on < starts_on:
        errors["review_on"] = _("Aftalen kan ikke tages op igen, før den starter.")
    return errors


@transaction.atomic
def agreement_create(*, actor: Any, organisation: Organisation, title: str, agreed: str, contact_people: str,
                     starts_on: datetime.date, review_on: datetime.date) -> CooperationAgreement:
    """A leader records an agreement with a partner organisation."""
    if not policy.is_leader(actor) or actor.municipality_id is None:
        raise ValidationError(_("Kun ledere kan registrere samarbejdsaftaler."))
    title, agreed, contact_people = _text(title), _text(agreed), _text(contact_people)
    errors = _agreement_errors(actor, organisation, title, agreed, contact_people, starts_on, review_on)
    if errors:
        raise ValidationError(errors)
    agreement = CooperationAgreement.objects.create(
        municipality_id=actor.municipality_id, organisation=organisation, title=title[:150], agreed=agreed[:2000],
        contact_people=contact_people[:300], starts_on=starts_on, review_on=review_on, created_by=actor)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=agreement)
    return agreement


@transaction.atomic
def agreement_update(*, actor: Any, agreement: CooperationAgreement, version: int, organisation: Organisation,
                     title: str, agreed: str, contact_people: str, starts_on: datetime.date,
                     review_on: datetime.date) -> CooperationAgreement:
    """Change an agreement; refused when someone else saved it since the form was opened (`version`)."""
    if not policy.is_leader(actor) or actor.municipality_id != agreement.municipality_id:
        raise ValidationError(_("Kun ledere kan ændre samarbejdsaftaler."))
    title, agreed, contact_people = _text(title), _text(agreed), _text(contact_people)
    errors = _agreement_errors(actor, organisation, title, agreed, contact_people, starts_on, review_on)
    if errors:
        raise ValidationError(errors)
    updated = CooperationAgreement.objects.filter(pk=agreement.pk, version=version).update(
        organisation=organisation, title=title[:150], agreed=agreed[:2000], contact_people=contact_people[:300],
        starts_on=starts_on, review_on=review_on, version=version + 1, updated_at=timezone.now())
    if not updated:
        raise ValidationError(_("En anden har ændret aftalen, mens du skrev. Se den nye udgave, og skriv dine "
                                "ændringer igen."))
    agreement.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=agreement)
    return agreement


@transaction.atomic
def agreement_delete(*, actor: Any, agreement: CooperationAgreement) -> None:
    if not policy.is_leader(actor) or actor.municipality_id != agreement.municipality_id:
        raise ValidationError(_("Kun ledere kan slette samarbejdsaftaler."))
    audit_record(actor=actor, action=AuditAction.DELETE, obj=agreement, detail={"title": agreement.title})
    agreement.delete()
