"""Chain meetings (kædemøder), meeting participants and cooperation agreements.

* ChainMeeting – a standing cross-sector meeting (Team Mobil's weekly review with the job centre): its
  organisations, its people (MeetingMember) and a rhythm. Each Occurrence has an agenda.
* AgendaEntry – a young person put on one occurrence's agenda by a participant, with the question raised and
  the grounds for sharing (a valid consent to one of the meeting's organisations, or a legal basis).
* Decision – what the meeting decided about the question: a short text, an owner and a deadline (a task on the
  owner's *I dag*). Minutes are decisions, not narratives: there is no free-text minutes field.
* MeetingParticipant – who takes part in a plan meeting or a follow-up step (staff, a guardian, the young
  person), kept here so the plans and transitions apps keep their models. Guardians never log in: they are
  invited by SMS (and e-mail with the .ics when they have an address); for a young person of 18 or over on the
  meeting day, only with her consent (a chain.Consent, which she sees and can withdraw on Min side).
* CooperationAgreement – what the municipality has agreed with a partner organisation, and when to review it.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ungeforlob.chain.models import LegalBasis


class Rhythm(models.TextChoices):
    WEEKLY = "ugentlig", _("Hver uge")
    BIWEEKLY = "hver_anden_uge", _("Hver anden uge")
    MONTHLY = "maanedlig", _("Hver måned")


class ChainMeeting(models.Model):
    """A standing meeting across the chain. Its participants (MeetingMember) see its agenda's young people."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("navn"), max_length=120)
    purpose = models.CharField(_("formål"), max_length=300, blank=True)
    rhythm = models.CharField(_("rytme"), max_length=20, choices=Rhythm.choices, default=Rhythm.WEEKLY)
    first_date = models.DateField(_("første møde"))
    starts_at = models.TimeField(_("starttidspunkt"), default=datetime.time(9, 0))
    duration_minutes = models.PositiveSmallIntegerField(_("varighed i minutter"), default=60)
    location = models.CharField(_("sted"), max_length=150, blank=True)
    organisations = models.ManyToManyField("accounts.Organisation", related_name="+",
                                           verbose_name=_("deltagende organisationer"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    ended_on = models.DateField(_("stoppet"), null=True, blank=True)

    class Meta:
        verbose_name = _("kædemøde")
        verbose_name_plural = _("kædemøder")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class MeetingMember(models.Model):
    """A person who takes part in a chain meeting: a professional of the municipality (no leaders)."""

    meeting = models.ForeignKey(ChainMeeting, on_delete=models.CASCADE, related_name="members")
    professional = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "professional"], name="meeting_member_once")]
        indexes = [models.Index(fields=["professional", "meeting"], name="meeting_member_prof")]

    def __str__(self) -> str:
        return f"{self.professional} @ {self.meeting_id}"


class Occurrence(models.Model):
    """One meeting of the series, on one day, with its agenda."""

    meeting = models.ForeignKey(ChainMeeting, on_delete=models.CASCADE, related_name="occurrences")
    held_on = models.DateField(_("dato"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["held_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "held_on"], name="occurrence_once_a_day")]

    def __str__(self) -> str:
        return f"{self.meeting} {self.held_on}"


class AgendaEntry(models.Model):
    """A young person on one occurrence's agenda: the question raised and the grounds for sharing it."""

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="entries")
    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="meeting_entries")
    question = models.CharField(_("spørgsmålet til mødet"), max_length=300)
    consent = models.ForeignKey("chain.Consent", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    legal_basis = models.CharField(_("lovgrundlag"), max_length=20, choices=LegalBasis.choices, blank=True)
    legal_basis_note = models.CharField(_("note om lovgrundlag"), max_length=300, blank=True)
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("punkt på dagsordenen")
        verbose_name_plural = _("punkter på dagsordenen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["occurrence", "youth"], name="agenda_youth_once"),
            models.CheckConstraint(condition=Q(consent__isnull=False) | ~Q(legal_basis=""),
                                   name="agenda_has_grounds"),
        ]

    def __str__(self) -> str:
        return self.question[:40]


class Decision(models.Model):
    """A decision of the meeting about an agenda entry: a task with an owner and a deadline."""

    entry = models.ForeignKey(AgendaEntry, on_delete=models.CASCADE, related_name="decisions")
    text = models.CharField(_("beslutning"), max_length=200)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("ansvarlig"))
    due_on = models.DateField(_("frist"))
    done_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("beslutning")
        verbose_name_plural = _("beslutninger")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["owner", "due_on"], name="decision_open_owner",
                                condition=Q(done_at__isnull=True))]

    def __str__(self) -> str:
        return self.text


class ParticipantKind(models.TextChoices):
    STAFF = "fagperson", _("Fagperson fra kæden")
    GUARDIAN = "vaerge", _("Forælder eller værge")
    YOUTH = "ung", _("Den unge")


class MeetingParticipant(models.Model):
    """A participant of a plan meeting or a follow-up step (exactly one of the two)."""

    plan_meeting = models.ForeignKey("plans.PlanMeeting", on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="+")
    followup = models.ForeignKey("transitions.FollowUp", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="+")
    kind = models.CharField(_("deltager"), max_length=10, choices=ParticipantKind.choices)
    professional = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+")
    guardian = models.ForeignKey("youth.Guardian", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="+")
    # A guardian of a young person who is 18 or over on the meeting day is invited only with her consent.
    consent = models.ForeignKey("chain.Consent", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # A guardian gets the invitation by SMS, and (when chosen) a reminder the day before.
    sms_reminder = models.BooleanField(_("SMS-påmindelse dagen før"), default=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(plan_meeting__isnull=False) & Q(followup__isnull=True))
                | (Q(plan_meeting__isnull=True) & Q(followup__isnull=False)),
                name="participant_one_meeting"),
            models.CheckConstraint(
                condition=(Q(kind="fagperson") & Q(professional__isnull=False) & Q(guardian__isnull=True))
                | (Q(kind="vaerge") & Q(professional__isnull=True) & Q(guardian__isnull=False))
                | (Q(kind="ung") & Q(professional__isnull=True) & Q(guardian__isnull=True)),
                name="participant_kind_matches"),
        ]
        indexes = [models.Index(fields=["professional"], name="participant_prof")]

    def __str__(self) -> str:
        return self.get_kind_display()


class CooperationAgreement(models.Model):
    """An agreement with a partner organisation: what is agreed, who to call, and when to look at it again."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("samarbejdspartner"))
    title = models.CharField(_("titel"), max_length=150)
    agreed = models.TextField(_("det er aftalt"), max_length=2000)
    contact_people = models.CharField(_("kontaktpersoner"), max_length=300)
    starts_on = models.DateField(_("start"))
    review_on = models.DateField(_("tages op igen"))
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("samarbejdsaftale")
        verbose_name_plural = _("samarbejdsaftaler")
        ordering = ["review_on", "pk"]
        constraints = [models.CheckConstraint(condition=Q(review_on__gte=models.F("starts_on")),
                                              name="agreement_review_after_start")]

    def __str__(self) -> str:
        return self.title
