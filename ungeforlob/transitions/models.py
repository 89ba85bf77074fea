"""Stations on the young person's path, the transitions between them, and the follow-up procedures.

A *station* is a place the youth is in for a while (10. klasse, FGU, EUD grundforløb, job …). A *transition*
is the move into a new station on a date; it may follow a *procedure* (a municipality's template of steps such
as Vejle's "Den gode uddannelsesstart"), whose steps become the transition's *follow-ups*: the schedule.

Dates are local dates in Europe/Copenhagen; a follow-up's clock time is a local wall-clock time, turned into an
aware datetime only when it is needed (`FollowUp.due_at`), so the switch to and from summer time never moves a
9 o'clock SMS to 8 or 10.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from ungeforlob.chain.models import ChainRole
from ungeforlob.core.text import choice_label


class StationKind(models.TextChoices):
    NINTH_GRADE = "9_klasse", _("9. klasse")
    TENTH_GRADE = "10_klasse", _("10. klasse")
    FGU = "fgu", _("FGU")
    EUD_GF1 = "eud_gf1", _("EUD grundforløb 1")
    EUD_GF2 = "eud_gf2", _("EUD grundforløb 2")
    EUD_MAIN = "eud_hovedforloeb", _("EUD hovedforløb")
    APPRENTICESHIP = "praktik", _("Praktik/læreplads")
    UPPER_SECONDARY = "gymnasial", _("Gymnasial uddannelse")
    HF_VUC = "hf_vuc", _("HF/VUC")
    STU = "stu", _("STU")
    JOB = "job", _("Job")
    JOBCENTRE = "jobcenter", _("Jobcenter-tilbud")
    OTHER = "andet", _("Andet")


class StationEndReason(models.TextChoices):
    COMPLETED = "gennemfoert", _("Gennemført")
    DROPPED_OUT = "afbrudt", _("Afbrudt")
    SWITCHED = "skiftet", _("Skiftet")


class Station(models.Model):
    """One station on the youth's path. Ended stations carry an end date and a reason."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="stations")
    kind = models.CharField(_("station"), max_length=20, choices=StationKind.choices)
    institution = models.CharField(_("institution eller arbejdsplads"), max_length=150, blank=True)
    start_date = models.DateField(_("startdato"))
    end_date = models.DateField(_("slutdato"), null=True, blank=True)
    end_reason = models.CharField(_("hvordan sluttede det"), max_length=20, choices=StationEndReason.choices,
                                  blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("station")
        verbose_name_plural = _("stationer")
        ordering = ["start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="station_end_after_start",
            ),
            models.CheckConstraint(
                condition=(Q(end_date__isnull=True) & Q(end_reason=""))
                | (Q(end_date__isnull=False) & ~Q(end_reason="")),
                name="station_end_reason_with_end_date",
            ),
        ]
        indexes = [models.Index(fields=["youth", "start_date"], name="station_youth_start")]

    def __str__(self) -> str:
        label = choice_label(StationKind, self.kind)
        return f"{label}, {self.institution}" if self.institution else label

    def is_active_on(self, day: datetime.date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)


class FollowUpKind(models.TextChoices):
    MEETING = "moede", _("Møde")
    CALL = "opkald", _("Opkald")
    SMS = "sms", _("SMS")
    VISIT = "besoeg", _("Besøg")


class Procedure(models.Model):
    """A municipality's template for following a youth through a transition."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="procedures")
    name = models.CharField(_("navn"), max_length=120)
    description = models.TextField(_("beskrivelse"), max_length=2000, blank=True)
    is_active = models.BooleanField(_("kan vælges"), default=True,
                                    help_text=_("Kun aktive procedurer kan vælges til nye overgange."))
    is_default = models.BooleanField(_("standardprocedure"), default=False,
                                     help_text=_("Foreslås, når en ny overgang oprettes."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("opfølgningsprocedure")
        verbose_name_plural = _("opfølgningsprocedurer")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="procedure_unique_name"),
            models.UniqueConstraint(fields=["municipality"], condition=Q(is_default=True),
                                    name="procedure_one_default"),
        ]

    def __str__(self) -> str:
        return self.name


class ProcedureStep(models.Model):
    """One step of a procedure: what happens how many days from the transition date, and who does it.

    A step may repeat (every `repeat_every_days` until `repeat_until_days`), as in *eftervend*: a call about every
    14 days for a year. With `working_days` the offsets are counted in Danish working days.
    """

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("overskrift"), max_length=120)
    kind = models.CharField(_("form"), max_length=10, choices=FollowUpKind.choices)
    offset_days = models.IntegerField(
        _("dage fra overgangen"),
        help_text=_("Negativt tal = før startdagen, 0 = på startdagen, 7 = en uge efter."),
    )
    working_days = models.BooleanField(_("tæl i arbejdsdage"), default=False,
                                       help_text=_("Weekender og helligdage tælles ikke med."))
    at_time = models.TimeField(_("klokkeslæt"), default=datetime.time(9, 0),
                               help_text=_("For SMS: hvornår beskeden sendes (dansk tid)."))
    responsible_role = models.CharField(_("ansvarlig rolle"), max_length=30, choices=ChainRole.choices,
                                        default=ChainRole.CONTACT_PERSON)
    description = models.TextField(_("hvad skal der ske"), max_length=2000, blank=True)
    sms_template = models.TextField(
        _("SMS-tekst"), max_length=480, blank=True,
        help_text=_("Kun for SMS. Flettefelter: {fornavn}, {kontaktperson}, {startdato}, {sted}. "
                    "Skriv ikke personlige oplysninger i en SMS."),
    )
    repeat_every_days = models.PositiveSmallIntegerField(_("gentag hver (dage)"), null=True, blank=True)
    repeat_until_days = models.PositiveSmallIntegerField(_("gentag til og med dag"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("trin")
        verbose_name_plural = _("trin")
        ordering = ["offset_days", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="sms") | ~Q(sms_template=""), name="step_sms_has_text"
            ),
            models.CheckConstraint(
                condition=(Q(repeat_every_days__isnull=True) & Q(repeat_until_days__isnull=True))
                | (Q(repeat_every_days__gte=1) & Q(repeat_until_days__gte=F("offset_days"))),
                name="step_repeat_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def when_label(self) -> str:
        """E.g. "5 arbejdsdage før", "På startdagen", "14 dage efter, derefter hver 14. dag til dag 364"."""
        n = abs(self.offset_days)
        if self.offset_days == 0:
            label = gettext("På startdagen")
        elif self.working_days:
            label = (ngettext("%(n)s arbejdsdag før", "%(n)s arbejdsdage før", n) if self.offset_days < 0
                     else ngettext("%(n)s arbejdsdag efter", "%(n)s arbejdsdage efter", n)) % {"n": n}
        else:
            label = (ngettext("%(n)s dag før", "%(n)s dage før", n) if self.offset_days < 0
                     else ngettext("%(n)s dag efter", "%(n)s dage efter", n)) % {"n": n}
        if self.repeat_every_days:
            label += ngettext(", derefter hver dag til dag %(until)s", ", derefter hver %(every)s. dag til dag %(until)s",
                              self.repeat_every_days) % {
                "every": self.repeat_every_days, "until": self.repeat_until_days}
        return label

    def offsets(self) -> list[int]:
        """The step's offsets, one per occurrence (one unless it repeats)."""
        if not self.repeat_every_days or self.repeat_until_days is None:
            return [self.offset_days]
        return list(range(self.offset_days, self.repeat_until_days + 1, self.repeat_every_days))


class Transition(models.Model):
    """The move into a new station on its start date, optionally followed by a procedure's schedule."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="transitions")
    to_station = models.OneToOneField(Station, on_delete=models.PROTECT, related_name="transition")
    from_station = models.ForeignKey(Station, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Whether creating this transition ended `from_station` (so moving the date moves that end date too).
    ended_from_station = models.BooleanField(default=False)
    procedure = models.ForeignKey(Procedure, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="transitions")
    # The form's one-time token: a double submission finds the transition it already made.
    token = models.UUIDField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+")
    cancel_reason = models.CharField(_("begrundelse"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("overgang")
        verbose_name_plural = _("overgange")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["youth", "token"], name="transition_unique_token"),
        ]

    def __str__(self) -> str:
        return f"{self.to_station} {self.date}"

    @property
    def date(self) -> datetime.date:
        return self.to_station.start_date

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class FollowUpStatus(models.TextChoices):
    OPEN = "aaben", _("Planlagt")
    DONE = "udfoert", _("Udført")
    SKIPPED = "sprunget_over", _("Sprunget over")
    CANCELLED = "aflyst", _("Aflyst")


# Outbox statuses (messaging app) meaning an SMS step needs no person: it is on its way or has gone.
SMS_HANDLED = ("queued", "sending", "sent", "delivered")
SMS_GONE = ("sent", "delivered")


class FollowUp(models.Model):
    """One scheduled follow-up of a transition: a step occurrence with a due date.

    The step's title, kind, role, offset and text are copied when the schedule is made, so later edits of the
    procedure never rewrite a youth's history. `planned_date` is what the procedure says; `due_date` is when it
    is now due (they differ once someone moves the follow-up by hand). (transition, step, occurrence) is unique:
    making the schedule twice cannot create a second copy.
    """

    transition = models.ForeignKey(Transition, on_delete=models.CASCADE, related_name="followups")
    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="followups")
    step = models.ForeignKey(ProcedureStep, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    occurrence = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=120)
    kind = models.CharField(max_length=10, choices=FollowUpKind.choices)
    responsible_role = models.CharField(max_length=30, choices=ChainRole.choices)
    description = models.TextField(blank=True)
    offset_days = models.IntegerField()
    working_days = models.BooleanField(default=False)
    planned_date = models.DateField()
    due_date = models.DateField(db_index=True)
    due_time = models.TimeField(default=datetime.time(9, 0))
    sms_body = models.TextField(blank=True)
    # The outbox message (messaging app) that sends an SMS step; its idempotency key is "followup:<id>".
    message_id = models.BigIntegerField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN)
    done_on = models.DateField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+")
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")
        ordering = ["due_date", "due_time", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["transition", "step", "occurrence"], name="followup_unique_step"),
            models.CheckConstraint(
                condition=Q(status="aaben") | Q(done_on__isnull=False), name="followup_closed_has_date"
            ),
        ]
        indexes = [
            models.Index(fields=["youth", "status", "due_date"], name="followup_youth_status_due"),
            # The open SMS steps the outbox decides (leaders' compliance figures): few rows, found without a scan.
            models.Index(fields=["planned_date"], name="followup_open_sms",
                         condition=Q(status="aaben", kind="sms", message_id__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.due_date}"

    @property
    def kind_label(self) -> str:
        """`get_kind_display()` for lists (*I dag*'s week ahead shows it per row)."""
        return choice_label(FollowUpKind, self.kind)

    @property
    def due_at(self) -> datetime.datetime:
        """The due moment as an aware datetime in Danish time (right on both sides of a DST switch)."""
        return datetime.datetime.combine(self.due_date, self.due_time, tzinfo=ZoneInfo(settings.TIME_ZONE))

    @property
    def is_open(self) -> bool:
        return self.status == FollowUpStatus.OPEN

    @property
    def sms_handled(self) -> bool:
        """The outbox takes care of this SMS step (needs the `sms_status` annotation of `with_sms_state`)."""
        return self.kind == FollowUpKind.SMS and getattr(self, "sms_status", None) in SMS_HANDLED

    @property
    def was_moved(self) -> bool:
        return self.due_date != self.planned_date
