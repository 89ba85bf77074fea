"""The circle (kæden) around one young person: who is in it, in which role, from when to when."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class ChainRole(models.TextChoices):
    CONTACT_PERSON = "kontaktperson", _("Kontaktperson+")
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


class Membership(models.Model):
    """Membership of a professional (or a named team) in one youth's circle, kept as history.

    Active means started and not ended: start_date <= today and (end_date is empty or after today).
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
        indexes = [models.Index(fields=["professional", "end_date"], name="membership_prof_end")]

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
