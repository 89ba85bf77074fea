"""Municipalities (the tenant), organisations, teams and staff users."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Municipality(models.Model):
    """The tenant. Every organisation, professional and young person belongs to exactly one."""

    name = models.CharField(_("navn"), max_length=100, unique=True)
    code = models.SlugField(_("kode"), max_length=40, unique=True)
    show_staff_names_to_youth = models.BooleanField(
        _("vis medarbejdernavne for den unge i adgangsloggen"),
        default=False,
        help_text=_("Datatilsynet: datoer og formål skal oplyses, navne kun hvor det er nødvendigt."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Sector(models.TextChoices):
    UU_KUI = "uu_kui", _("UU/KUI")
    JOBCENTER = "jobcenter", _("Jobcenter")
    SOCIAL = "social", _("Socialforvaltning")
    TIENDE_KLASSE = "10_klasse", _("10. klasse")
    FGU = "fgu", _("FGU")
    EUD = "eud", _("Erhvervsuddannelse (EUD)")
    GYMNASIUM = "gymnasium", _("Gymnasium")
    HEALTH = "sundhed", _("Sundhed/psykiatri")
    CIVIL = "civilsamfund", _("Civilsamfund")
    BUSINESS = "erhvervsliv", _("Erhvervsliv")


class Organisation(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="organisations")
    name = models.CharField(_("navn"), max_length=150)
    sector = models.CharField(_("sektor"), max_length=20, choices=Sector.choices)
    is_active = models.BooleanField(_("aktiv"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="organisation_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    LEADER = "leader", _("Leder")
    PROFESSIONAL = "professional", _("Fagperson")
    # Sees the audit log (log review, exports for an inspection) and the record of processing, never the records.
    DPO = "dpo", _("Databeskyttelsesrådgiver")


class User(AbstractUser):
    """A member of staff. Young people are not users; they log in to the portal with a one-time code."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="professionals"
    )
    profession = models.CharField(_("faggruppe"), max_length=100, blank=True)
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, default=Role.PROFESSIONAL)
    phone = models.CharField(_("telefon"), max_length=20, blank=True)
    leader = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("nærmeste leder"),
    )

    class Meta:
        verbose_name = _("medarbejder")
        verbose_name_plural = _("medarbejdere")
        ordering = ["first_name", "last_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_administrator(self) -> bool:
        return self.role == Role.ADMINISTRATOR

    @property
    def is_leader(self) -> bool:
        return self.role == Role.LEADER


class Team(models.Model):
    """A named team that can carry the contact-person role together (the model allows Kontaktperson+ as a team)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="teams")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(_("navn"), max_length=150)
    members = models.ManyToManyField(User, related_name="teams", blank=True, verbose_name=_("medlemmer"))

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="team_unique_name")]

    def __str__(self) -> str:
        return self.name


class LoginFailure(models.Model):
    """A failed staff login, for rate limiting; the username normalised (`login_name_key`). Pruned after a day."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.username} {self.created_at:%Y-%m-%d %H:%M}"
