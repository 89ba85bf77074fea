"""The young person's own login and their feedback on the service."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class LoginCode(models.Model):
    """A one-time code sent by SMS. Only a keyed hash of the code is stored."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="login_codes")
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)
    invalidated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["youth", "created_at"], name="portal_code_youth_time")]

    def __str__(self) -> str:
        return f"code for youth {self.youth_id} at {self.created_at:%Y-%m-%d %H:%M}"


class ServiceFeedback(models.Model):
    """"Fortæl os hvordan det går": anonymous on purpose — leaders see aggregates, nobody sees who said what."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    heard = models.PositiveSmallIntegerField(_("blev du hørt?"))
    useful = models.PositiveSmallIntegerField(_("var mødet brugbart?"))
    comment = models.TextField(_("kommentar"), max_length=1000, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(heard__gte=1, heard__lte=5), name="feedback_heard_1_5"),
            models.CheckConstraint(condition=models.Q(useful__gte=1, useful__lte=5), name="feedback_useful_1_5"),
        ]

    def __str__(self) -> str:
        return f"feedback {self.created_at:%Y-%m-%d}: {self.heard}/{self.useful}"
