"""Ungerådet: the young people who opted in, the council's meetings, its proposals and what came of them.

A member is shown to the other young people only by the first name she chose to show (or not at all). The
leader manages meetings and proposals and sees how many members there are, never who they are.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CouncilMember(models.Model):
    """A young person who joined Ungerådet from Min side. Leaving deletes the row."""

    youth = models.OneToOneField("youth.Youth", on_delete=models.CASCADE, related_name="council_membership")
    shown_name = models.CharField(_("navn, de andre må se"), max_length=30, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("medlem af Ungerådet")
        verbose_name_plural = _("medlemmer af Ungerådet")

    def __str__(self) -> str:
        return f"council member {self.youth_id}"


class CouncilMeeting(models.Model):
    """A meeting of the council: when, where, what it is about, and what was said (in plain words)."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField(_("dato"))
    starts_at = models.TimeField(_("klokken"), null=True, blank=True)
    place = models.CharField(_("sted"), max_length=200)
    agenda = models.TextField(_("det skal vi tale om"), max_length=2000)
    minutes = models.TextField(_("det talte vi om (referat)"), max_length=4000, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("møde i Ungerådet")
        verbose_name_plural = _("møder i Ungerådet")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["municipality", "held_on"], name="council_meeting_muni_day")]

    def __str__(self) -> str:
        return f"council meeting {self.held_on:%Y-%m-%d}"


class ProposalStatus(models.TextChoices):
    NEW = "ny", _("Vi ser på det")
    WORKING = "i_gang", _("Vi er i gang")
    DONE = "gjort", _("Vi gjorde det")
    NOT_DONE = "ikke", _("Det kunne vi ikke")


class Proposal(models.Model):
    """"I foreslog – vi gjorde": what the council proposed and what came of it. No name is attached."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(CouncilMeeting, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="proposals", verbose_name=_("fra mødet"))
    text = models.CharField(_("I foreslog"), max_length=300)
    status = models.CharField(_("status"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.NEW)
    outcome = models.TextField(_("Vi gjorde"), max_length=1000, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("forslag fra Ungerådet")
        verbose_name_plural = _("forslag fra Ungerådet")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["municipality", "created_at"], name="council_proposal_muni_time")]
        constraints = [models.CheckConstraint(condition=~models.Q(text=""), name="council_proposal_has_text")]

    def __str__(self) -> str:
        return self.text[:40]


class CommentShowing(models.Model):
    """The leader's choice for one answered comment from "Hvordan går det?": may its text be shown to the young
    people on Ungerådet's page? Without a row (or with `show_text` off) only the answer is shown."""

    feedback = models.OneToOneField("portal.ServiceFeedback", on_delete=models.CASCADE,
                                    related_name="council_showing")
    show_text = models.BooleanField(_("vis kommentaren for de unge"), default=False)
    decided_at = models.DateTimeField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("visning af kommentar")
        verbose_name_plural = _("visninger af kommentarer")

    def __str__(self) -> str:
        return f"showing of feedback {self.feedback_id}: {self.show_text}"
