"""The chain (kæden) around one young person.

* Membership – who is in the circle, in which role, from when to when (history is kept: a role change ends
  one row and starts another). A member from another sector holds the membership on a recorded Consent or
  a chosen legal basis; a withdrawn or expired consent removes access at once (see `ungeforlob.policy`).
* ContactWish – the young person's wish for contact person (Varde let the youth choose).
* Concern (bekymring) – raised by any circle member, must be acknowledged before a deadline, escalates.
* Referral (henvisning) – a partner's short referral into the intake queue (Team Mobil).
* Handover (overlevering) – from a sender to a named receiver who must accept; the youth reads and comments.
* PlanStop – a 15–17-year-old stopped following their education plan: KUI's legal deadlines.

What the system tells staff and the young person (StaffNotification, YouthNotice) lives in
`ungeforlob.notifications`.
"""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ChainRole(models.TextChoices):
    # The contact person in the municipal youth effort (KUI). Whether they work as the extended Kontaktperson+ of
    # the chain responsibility is a choice of its own (`Membership.extended`), not every contact person's label.
    CONTACT_PERSON = "kontaktperson", _("Kontaktperson")
    UU_COUNSELLOR = "uu_vejleder", _("UU-vejleder")
    CASEWORKER = "sagsbehandler", _("Sagsbehandler")
    JOB_CONSULTANT = "jobkonsulent", _("Jobkonsulent")
    MENTOR = "mentor", _("Mentor")
    TEACHER = "laerer", _("Lærer")
    SCHOOL_COUNSELLOR = "studievejleder", _("Studievejleder")
    PSYCHOLOGIST = "psykolog", _("Psykolog")
    ADDICTION = "misbrugskonsulent", _("Misbrugskonsulent")
    SOCIAL_WORKER = "socialraadgiver", _("Socialrådgiver")
    VOLUNTEER = "frivillig", _("Frivillig")
    OTHER = "andet", _("Andet")


class LegalBasis(models.TextChoices):
    """Grounds on which information may be shared across sectors without the youth's consent."""

    KUI = "kui", _("Lov om kommunal indsats for unge under 25 år (KUI)")
    RETSSIKKERHED_11C = "rsl_11c", _("Retssikkerhedsloven § 11 c (udveksling i tværfagligt samarbejde)")
    BARNETS_LOV = "barnets_lov", _("Barnets lov (tværprofessionelt samarbejde om unge under 18)")
    FORVALTNING_28 = "fvl_28", _("Forvaltningsloven § 28 (videregivelse mellem myndigheder)")
    OTHER = "andet", _("Andet lovgrundlag (beskriv i noten)")


class Consent(models.Model):
    """The young person's consent to share information with one receiving organisation.

    Valid from `given_at` through `expires_on` unless withdrawn. Withdrawal removes the access of every
    membership that rests on it at once (the policy filters on it; the memberships are also ended).
    """

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("formål"), max_length=300)
    receiving_organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="consents",
        verbose_name=_("modtagende organisation"),
    )
    scope = models.CharField(_("omfang"), max_length=300, help_text=_("Hvilke oplysninger må deles?"))
    expires_on = models.DateField(_("udløber"))
    given_at = models.DateTimeField(_("givet"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("trukket tilbage"), null=True, blank=True)
    withdrawn_by_youth = models.BooleanField(default=False)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("samtykke")
        verbose_name_plural = _("samtykker")
        ordering = ["-given_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.receiving_organisation}: {self.purpose}"

    def is_valid_on(self, day) -> bool:  # type: ignore[no-untyped-def]
        return self.withdrawn_at is None and self.expires_on >= day

    def is_expired_on(self, day) -> bool:  # type: ignore[no-untyped-def]
        """Ended by its date, not withdrawn (a withdrawn consent is told as withdrawn)."""
        return self.withdrawn_at is None and self.expires_on < day


class MembershipQuerySet(models.QuerySet["Membership"]):
    def active(self, on: datetime.date | None = None) -> MembershipQuerySet:
        """The one definition of an *active* membership, used by the access policy and every app.

        Started on or before the day, not ended by it (`end_date` is the first day without access), and — when
        the membership rests on a consent — that consent neither withdrawn nor past its expiry date (valid
        through `expires_on`).
        """
        day = on or timezone.localdate()
        return self.filter(start_date__lte=day).filter(Q(end_date__isnull=True) | Q(end_date__gt=day)).filter(
            Q(consent__isnull=True) | Q(consent__withdrawn_at__isnull=True, consent__expires_on__gte=day)
        )

    def open(self) -> MembershipQuerySet:
        """Not ended (no end date): the rows a role change or a handover closes. Includes future starts."""
        return self.filter(end_date__isnull=True)

    def not_ended(self, on: datetime.date | None = None) -> MembershipQuerySet:
        """Not ended by the day (no end date, or one after it): current and planned rows, whatever the consent.
        What ending a person's roles must close, so no access is left behind."""
        day = on or timezone.localdate()
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gt=day))


class Membership(models.Model):
    """Membership of a professional (or a named team) in one youth's circle, kept as history.

    Active means started and not ended: start_date <= today and (end_date is empty or after today), and —
    when it rests on a consent — that consent neither withdrawn nor expired.
    Exactly one open contact-person membership per youth is enforced by the database.
    """

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="memberships")
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="memberships"
    )
    team = models.ForeignKey(
        "accounts.Team", on_delete=models.PROTECT, null=True, blank=True, related_name="memberships"
    )
    role = models.CharField(_("rolle"), max_length=30, choices=ChainRole.choices)
    start_date = models.DateField(_("fra"))
    end_date = models.DateField(_("til"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    # Cross-sector grounds: a consent, or a legal basis (with a note). Both empty for same-sector members.
    consent = models.ForeignKey(
        Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="memberships",
        verbose_name=_("samtykke"),
    )
    legal_basis = models.CharField(_("lovgrundlag"), max_length=20, choices=LegalBasis.choices, blank=True)
    legal_basis_note = models.CharField(_("note om lovgrundlag"), max_length=300, blank=True)
    previous = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        help_text="The membership this one continues (a role change).",
    )
    # The Syddanmark report: the contact person in the municipal youth effort (KUI) is one thing; the extended
    # Kontaktperson+ — coordinating across the whole chain responsibility, with extended guidance — is another.
    extended = models.BooleanField(
        _("Kontaktperson+"), default=False,
        help_text=_("Kontaktpersonen arbejder som den udvidede Kontaktperson+ i kædeansvaret, ikke kun som "
                    "kontaktperson i den kommunale ungeindsats."),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("medlemskab af kæden")
        verbose_name_plural = _("medlemskaber af kæden")
        ordering = ["-end_date", "start_date"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(professional__isnull=False) & Q(team__isnull=True))
                | (Q(professional__isnull=True) & Q(team__isnull=False)),
                name="membership_professional_xor_team",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="membership_end_after_start",
            ),
            models.UniqueConstraint(
                fields=["youth"],
                condition=Q(role="kontaktperson", end_date__isnull=True),
                name="membership_one_contact_person",
            ),
        ]
        indexes = [
            models.Index(fields=["professional", "end_date"], name="membership_prof_end"),
            # Caseloads per professional (capacity, the leaders' overview): the open contact-person rows only.
            models.Index(fields=["professional"], name="membership_open_cp_prof",
                         condition=Q(role="kontaktperson", end_date__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"{self.holder_name} – {self.get_role_display()}"

    @property
    def holder_name(self) -> str:
        if self.team_id:
            return str(self.team)
        return str(self.professional)

    @property
    def is_contact_person(self) -> bool:
        return self.role == ChainRole.CONTACT_PERSON

    def get_role_display(self) -> str:
        """The role's name; a contact person working as the extended Kontaktperson+ is called that."""
        if self.role == ChainRole.CONTACT_PERSON and self.extended:
            return str(_("Kontaktperson+"))
        return str(ChainRole(self.role).label) if self.role in ChainRole.values else self.role

    @property
    def role_term_key(self) -> str:
        """The glossary key that explains this role: Kontaktperson (KUI) or the extended Kontaktperson+."""
        if self.role == ChainRole.CONTACT_PERSON and not self.extended:
            return "kontaktperson-kui"
        return self.role


class ContactWish(models.Model):
    """The young person's wish for contact person, as they said it. The latest row is the current wish."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="contact_wishes")
    wished_professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("ønsket kontaktperson"),
    )
    wish_text = models.CharField(_("den unges ønske med egne ord"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("ønske om kontaktperson")
        verbose_name_plural = _("ønsker om kontaktperson")
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return str(self.wished_professional or self.wish_text)


class ConcernCategory(models.TextChoices):
    ABSENCE = "fravaer", _("Fravær")
    WELLBEING = "trivsel", _("Trivsel")
    ABUSE = "misbrug", _("Misbrug")
    HOUSING = "bolig", _("Bolig")
    ECONOMY = "oekonomi", _("Økonomi")
    HEALTH = "helbred", _("Helbred")
    CRIME = "kriminalitet", _("Kriminalitet")
    OTHER = "andet", _("Andet")


class Severity(models.TextChoices):
    LOW = "lav", _("Lav")
    MEDIUM = "middel", _("Middel")
    SEVERE = "alvorlig", _("Alvorlig")


class Concern(models.Model):
    """A bekymring: "Den der først ser problemet, tager initiativ!" — and the others must answer.

    `ack_due` is the working day by which it must be acknowledged; after that day it escalates to the
    contact person's leader. `response_minutes` keeps the response time for the leaders' figures.
    """

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="concerns")
    category = models.CharField(_("kategori"), max_length=20, choices=ConcernCategory.choices)
    severity = models.CharField(_("alvor"), max_length=10, choices=Severity.choices, default=Severity.MEDIUM)
    description = models.TextField(_("hvad har du set?"), max_length=2000)
    raised_at = models.DateTimeField(auto_now_add=True)
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    ack_due = models.DateField(_("kvitteres senest"))
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    response_minutes = models.PositiveIntegerField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    escalated_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    outcome = models.TextField(_("udfald"), max_length=2000, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    notified = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="notified_concerns", blank=True)

    class Meta:
        verbose_name = _("bekymring")
        verbose_name_plural = _("bekymringer")
        ordering = ["-raised_at", "-pk"]
        indexes = [
            models.Index(fields=["acknowledged_at", "ack_due"], name="concern_ack_due"),
            # Open concerns per young person (capacity): a small part of the table, found without a scan.
            models.Index(fields=["youth"], name="concern_open_youth", condition=Q(closed_at__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} ({self.get_severity_display()})"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class ConcernAction(models.Model):
    """Something done about a concern (a call, a meeting, a referral)."""

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField(_("handling"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:40]


class ReferralStatus(models.TextChoices):
    PENDING = "afventer", _("Afventer behandling")
    ACCEPTED = "modtaget", _("Modtaget")
    DECLINED = "afvist", _("Afvist")


class Referral(models.Model):
    """A partner's referral of a young person (Team Mobil: short, with the youth's acceptance)."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="referrals")
    submitted_at = models.DateTimeField(auto_now_add=True)
    organisation_name = models.CharField(max_length=150, blank=True)
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True)
    first_name = models.CharField(_("fornavn"), max_length=100)
    last_name = models.CharField(_("efternavn"), max_length=100)
    # A partner may not know the CPR number: then both are empty, the birth date is given, and the number is
    # written when the referral is accepted.
    cpr_encrypted = models.TextField(editable=False, blank=True)
    cpr_hash = models.CharField(max_length=64, editable=False, blank=True)
    birth_date = models.DateField()
    mobile = models.CharField(_("mobilnummer"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    how_to_reach = models.CharField(_("sådan får I fat i den unge"), max_length=300, blank=True)
    problem = models.TextField(_("problemet med få ord"), max_length=1000)
    youth_accepted = models.BooleanField(_("den unge har sagt ja til at blive henvist"))
    accepted_asked_by = models.CharField(_("hvem spurgte den unge?"), max_length=150)
    accepted_on = models.DateField(_("hvornår sagde den unge ja?"))
    status = models.CharField(max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.PENDING)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decline_reason = models.CharField(_("begrundelse"), max_length=500, blank=True)
    youth = models.ForeignKey(
        "youth.Youth", on_delete=models.SET_NULL, null=True, blank=True, related_name="referrals"
    )

    class Meta:
        verbose_name = _("henvisning")
        verbose_name_plural = _("henvisninger")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(youth_accepted=True), name="referral_youth_accepted"),
            # The same partner cannot have the same young person twice in the queue.
            models.UniqueConstraint(
                fields=["submitted_by", "cpr_hash"], condition=Q(status="afventer") & ~Q(cpr_hash=""),
                name="referral_one_pending_per_partner",
            ),
        ]
        indexes = [models.Index(fields=["municipality", "status", "submitted_at"], name="referral_queue")]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name} ({self.get_status_display()})"

    @property
    def has_cpr(self) -> bool:
        return bool(self.cpr_hash)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class HandoverStatus(models.TextChoices):
    SENT = "sendt", _("Afventer modtagerens accept")
    ACCEPTED = "accepteret", _("Accepteret")
    DECLINED = "afvist", _("Afvist")


class Handover(models.Model):
    """An overlevering from a sender to a named receiver, who must accept it."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="handovers")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    receiver = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="handovers_received",
        verbose_name=_("modtager"),
    )
    role = models.CharField(_("rolle hos modtageren"), max_length=30, choices=ChainRole.choices)
    what_works = models.TextField(_("det der virker"), max_length=3000)
    watch_out = models.TextField(_("det skal du være opmærksom på"), max_length=3000, blank=True)
    agreements = models.TextField(_("aftaler"), max_length=3000, blank=True)
    plan = models.TextField(_("planen"), max_length=3000, blank=True)
    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    legal_basis = models.CharField(_("lovgrundlag"), max_length=20, choices=LegalBasis.choices, blank=True)
    status = models.CharField(max_length=12, choices=HandoverStatus.choices, default=HandoverStatus.SENT)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decline_reason = models.CharField(_("begrundelse"), max_length=500, blank=True)
    # A leader's reassignment of a whole caseload records one accepted handover per young person.
    is_reassignment = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("overlevering")
        verbose_name_plural = _("overleveringer")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["youth", "receiver", "role"], condition=Q(status="sendt"), name="handover_one_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sender} → {self.receiver}"


class HandoverComment(models.Model):
    """A comment on a handover, by the young person (portal) or a professional."""

    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField(_("kommentar"), max_length=2000)
    by_youth = models.BooleanField(default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:40]


class PlanStop(models.Model):
    """A 15–17-year-old has stopped following their education plan (KUI).

    The municipality must make contact within 5 working days and offer a new activity within 30 days.
    """

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="plan_stops")
    stopped_on = models.DateField(_("planen stoppede"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    contact_due = models.DateField(_("kontakt senest"))
    offer_due = models.DateField(_("tilbud senest"))
    contacted_on = models.DateField(_("kontakt taget"), null=True, blank=True)
    offered_on = models.DateField(_("tilbud givet"), null=True, blank=True)
    offer = models.CharField(_("tilbuddet"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("stop i uddannelsesplan")
        verbose_name_plural = _("stop i uddannelsesplaner")
        ordering = ["-stopped_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["youth", "stopped_on"], name="planstop_once_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.youth_id} {self.stopped_on}"

    @property
    def is_resolved(self) -> bool:
        return self.contacted_on is not None and self.offered_on is not None
