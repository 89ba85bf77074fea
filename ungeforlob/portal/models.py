"""The young person's own login and their feedback on the service."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LoginAttempt(models.Model):
    """One request for a login code on Min side, *whether or not the number belongs to a young person*.

    The rate limits (per number and per client) and the tries at the code are counted here, never on anything
    that exists only for a registered number, so a registered and an unregistered number get the same answers
    in the same order: the login reveals nothing about who is in the youth effort. Number and client address
    are stored only as keyed hashes; rows are pruned once they are older than the rate-limit window.
    """

    number_hash = models.CharField(max_length=64)
    client_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    expires_at = models.DateTimeField()
    # The young people who were sent a code (none for an unknown number).
    youth_ids = models.JSONField(default=list, blank=True)
    tries = models.PositiveSmallIntegerField(default=0)
    # Used, or replaced by a newer request for the same number.
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["number_hash", "created_at"], name="portal_attempt_number"),
            models.Index(fields=["client_hash", "created_at"], name="portal_attempt_client"),
        ]

    def __str__(self) -> str:
        return f"login attempt {self.pk} at {self.created_at:%Y-%m-%d %H:%M}"


class LoginCode(models.Model):
    """A one-time code sent by SMS. Only a keyed hash of the code is stored; tries are counted on the
    LoginAttempt that sent it."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="login_codes")
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    expires_at = models.DateTimeField()
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


class WishKind(models.TextChoices):
    GOAL = "maal", _("Et mål")
    SUBGOAL = "delmaal", _("Et delmål")
    ACTIVITY = "aktivitet", _("En aktivitet")


class WishStatus(models.TextChoices):
    NEW = "ny", _("Venter på svar")
    ACCEPTED = "ja", _("Sagt ja – det står i din plan")
    ADJUSTED = "tilpasset", _("Sagt ja med en ændring – det står i din plan")
    DISCUSS = "tale", _("Vi taler om det sammen")


class Wish(models.Model):
    """"Mine ønsker": the young person proposes a goal, a sub-goal or an activity (meddesign).

    The contact person answers: yes (the plans app creates it), yes with a change, or "let us talk about it",
    always with a reply the youth can read. `goal`/`subgoal` say where in the plan the youth wants it.
    """

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="portal_wishes")
    kind = models.CharField(_("hvad ønsker du"), max_length=10, choices=WishKind.choices)
    text = models.CharField(_("dit ønske"), max_length=300)
    goal = models.ForeignKey("plans.Goal", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    subgoal = models.ForeignKey("plans.SubGoal", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    status = models.CharField(max_length=10, choices=WishStatus.choices, default=WishStatus.NEW)
    reply = models.TextField(_("svar til den unge"), max_length=1000, blank=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    handled_by_name = models.CharField(max_length=200, blank=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    # What the accepted wish became in the plan ("goal", "subgoal", "activity" and its id).
    created_type = models.CharField(max_length=20, blank=True)
    created_id = models.PositiveBigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ønske")
        verbose_name_plural = _("ønsker")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["youth", "status"], name="portal_wish_youth_status")]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="portal_wish_has_text"),
        ]

    def __str__(self) -> str:
        return f"{self.youth_id}: {self.text[:40]}"

    @property
    def is_open(self) -> bool:
        return self.status in (WishStatus.NEW, WishStatus.DISCUSS)
