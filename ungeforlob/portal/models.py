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
    OFFER = "tilbud", _("Høre mere om et tilbud")


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
    # "Det vil jeg gerne høre mere om": the offer suggested to her on Min side.
    offer = models.ForeignKey("offers.Offer", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
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


class StaffPresentation(models.Model):
    """A professional's photo-free short presentation for young people choosing a contact person.

    Only a professional who opts in ("kan vælges af unge") is shown on Min side: name, organisation and what
    they are good at, in their own words. Kept here, one-to-one to the user, so accounts stays untouched.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="youth_presentation")
    choosable = models.BooleanField(_("kan vælges af unge"), default=False)
    good_at = models.CharField(_("det er jeg god til"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("præsentation for unge")
        verbose_name_plural = _("præsentationer for unge")

    def __str__(self) -> str:
        return f"presentation of user {self.user_id}"


class ProposalStatus(models.TextChoices):
    NEW = "ny", _("Venter på svar")
    ACCEPTED = "ja", _("Sagt ja – I aftaler, hvornår du skifter")
    DISCUSS = "tale", _("Vi taler om det sammen")
    DECLINED = "nej", _("Det kan ikke lade sig gøre lige nu")


class ContactProposal(models.Model):
    """The young person proposes a contact person on Min side; the contact person or a leader answers.

    The wish is also written in the circle (chain.ContactWish), where the handover form shows it.
    """

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="portal_contact_proposals")
    professional = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    professional_name = models.CharField(max_length=200)
    why = models.CharField(_("hvorfor"), max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.NEW)
    reply = models.TextField(_("svar til den unge"), max_length=1000, blank=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    handled_by_name = models.CharField(max_length=200, blank=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("forslag til kontaktperson")
        verbose_name_plural = _("forslag til kontaktperson")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["youth", "status"], name="portal_proposal_youth_status")]

    def __str__(self) -> str:
        return f"{self.youth_id}: {self.professional_name}"

    @property
    def is_open(self) -> bool:
        return self.status in (ProposalStatus.NEW, ProposalStatus.DISCUSS)


class ReachedStatus(models.TextChoices):
    NONE = "", _("Ikke foreslået")
    PROPOSED = "foreslaaet", _("Venter på, at din kontaktperson bekræfter")
    CONFIRMED = "bekraeftet", _("Bekræftet – delmålet er nået")
    DECLINED = "afvist", _("Ikke helt endnu")


class CheckIn(models.Model):
    """One check-in from Min side ("Jeg har gjort det" / "Det gik ikke"), in her own words.

    It reaches the contact person's *I dag* until they have seen it. `reached` is her proposal that the
    sub-goal is reached, which the contact person confirms or declines.
    """

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="portal_checkins")
    subgoal = models.ForeignKey("plans.SubGoal", on_delete=models.CASCADE, related_name="+")
    activity = models.ForeignKey("plans.Activity", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    evaluation = models.ForeignKey("plans.Evaluation", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    done = models.BooleanField(default=True)
    line = models.CharField(max_length=300, blank=True)
    closeness = models.PositiveSmallIntegerField()
    reached = models.CharField(max_length=12, choices=ReachedStatus.choices, default=ReachedStatus.NONE, blank=True)
    reply = models.CharField(_("svar til den unge"), max_length=500, blank=True)
    seen_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")
    seen_by_name = models.CharField(max_length=200, blank=True)
    seen_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tjek ind")
        verbose_name_plural = _("tjek ind")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["youth", "seen_at"], name="portal_checkin_youth_seen")]

    def __str__(self) -> str:
        return f"check-in {self.pk} of youth {self.youth_id}"

    @property
    def waits(self) -> bool:
        return self.seen_at is None or self.reached == ReachedStatus.PROPOSED
