"""Min plan: the young person's profile, goals, sub-goals, activities, evaluations, meetings and notes.

The plan belongs to the youth: goals are written in their words, everything written is visible to them
unless a note is hidden for a stated legal reason, and every change is kept in `PlanChange` (who, when,
why, and in which plan meeting). Goals and sub-goals carry a `version` for optimistic locking: a save
based on an old version is refused instead of silently overwriting someone else's change.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

MAX_GOALS = 3
TEXT_MAX = 2000


class WrittenBy(models.TextChoices):
    YOUTH = "ung", _("Den unge selv")
    TOGETHER = "sammen", _("En fagperson sammen med den unge")


class MotivationOrientation(models.TextChoices):
    """The five motivation orientations (Pless et al.)."""

    MASTERY = "mestring", _("Mestringsmotivation")
    DIRECTION = "retning", _("Retningsmotivation")
    PRACTICE = "praksis", _("Praksismotivation")
    RELATION = "relation", _("Relationsmotivation")
    NECESSITY = "noedvendighed", _("Nødvendighedsmotivation")


MOTIVATION_HINTS = {
    MotivationOrientation.MASTERY: _("at kunne noget, se fremskridt og få feedback"),
    MotivationOrientation.DIRECTION: _("at vælge, blive afklaret og finde sig selv"),
    MotivationOrientation.PRACTICE: _("at det giver mening i praksis og passer til måden at lære på"),
    MotivationOrientation.RELATION: _("at blive anerkendt og være en del af et fællesskab"),
    MotivationOrientation.NECESSITY: _("krav, pligter og det man skal for at komme videre"),
}


class Profile(models.Model):
    """Ungeprofil: one per youth. The youth's own story sits beside the professionals' description."""

    youth = models.OneToOneField("youth.Youth", on_delete=models.CASCADE, related_name="plan_profile")
    own_story = models.TextField(_("Min historie – med den unges egne ord"), blank=True, max_length=TEXT_MAX)
    own_story_written_by = models.CharField(
        _("hvem skrev historien"), max_length=10, choices=WrittenBy.choices, default=WrittenBy.YOUTH
    )
    professional_description = models.TextField(_("Fagpersonernes beskrivelse"), blank=True, max_length=TEXT_MAX)
    challenges = models.TextField(_("Udfordringer"), blank=True, max_length=TEXT_MAX)
    potentials = models.TextField(_("Styrker og muligheder"), blank=True, max_length=TEXT_MAX)
    needs = models.TextField(_("Behov"), blank=True, max_length=TEXT_MAX)
    dreams = models.TextField(_("Drømme"), blank=True, max_length=TEXT_MAX)
    learning_preferences = models.TextField(_("Sådan lærer jeg bedst"), blank=True, max_length=TEXT_MAX)
    # One note per motivation orientation that applies; empty means it does not apply.
    motivation_mastery = models.TextField(_("Mestringsmotivation"), blank=True, max_length=TEXT_MAX)
    motivation_direction = models.TextField(_("Retningsmotivation"), blank=True, max_length=TEXT_MAX)
    motivation_practice = models.TextField(_("Praksismotivation"), blank=True, max_length=TEXT_MAX)
    motivation_relation = models.TextField(_("Relationsmotivation"), blank=True, max_length=TEXT_MAX)
    motivation_necessity = models.TextField(_("Nødvendighedsmotivation"), blank=True, max_length=TEXT_MAX)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ungeprofil")
        verbose_name_plural = _("ungeprofiler")

    def __str__(self) -> str:
        return f"{self.youth_id}"


class Goal(models.Model):
    """One of at most three overall goals, in the youth's own words. `position` 1–3 enforces the limit."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="plan_goals")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(_("Målet med den unges egne ord"), max_length=300)
    written_by = models.CharField(_("Hvem skrev målet"), max_length=10, choices=WrittenBy.choices)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mål")
        verbose_name_plural = _("mål")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["youth", "position"], name="plans_goal_unique_position"),
            models.CheckConstraint(condition=Q(position__gte=1, position__lte=MAX_GOALS),
                                   name="plans_goal_at_most_three"),
        ]

    def __str__(self) -> str:
        return self.text


class SubGoalStatus(models.TextChoices):
    NOT_STARTED = "ikke_startet", _("Ikke startet")
    IN_PROGRESS = "i_gang", _("I gang")
    REACHED = "naaet", _("Nået")
    CHANGED = "aendret", _("Ændret")
    ABANDONED = "opgivet", _("Opgivet")


class SubGoal(models.Model):
    """Delmål: a concrete, manageable step towards a goal, with a criterion the youth understands."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="subgoals")
    text = models.CharField(_("Delmål"), max_length=300)
    target_date = models.DateField(_("Hvornår vil vi gerne have nået det"), null=True, blank=True)
    status = models.CharField(_("Status"), max_length=15, choices=SubGoalStatus.choices,
                              default=SubGoalStatus.NOT_STARTED)
    success_criterion = models.CharField(_("Sådan ved vi, at det er nået"), max_length=500)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("delmål")
        verbose_name_plural = _("delmål")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text


class Responsible(models.TextChoices):
    YOUTH = "ung", _("Den unge")
    PROFESSIONAL = "fagperson", _("En fagperson")
    ORGANISATION = "organisation", _("En organisation")


class ActivityStatus(models.TextChoices):
    PLANNED = "planlagt", _("Planlagt")
    IN_PROGRESS = "i_gang", _("I gang")
    DONE = "gennemfoert", _("Gennemført")
    STOPPED = "stoppet", _("Stoppet")


class Method(models.TextChoices):
    """Professional methods (fagprofessionelle metoder) an activity draws on: the shipped defaults. The list in
    use is the municipality's own (vocabulary.MethodTag), which starts from these."""

    CAREER_SENSING = "kl_opdage", _("Karrierelæring: at opdage")
    CAREER_SIFTING = "kl_ordne", _("Karrierelæring: at ordne")
    CAREER_FOCUSING = "kl_fokusere", _("Karrierelæring: at fokusere")
    CAREER_UNDERSTANDING = "kl_forstaa", _("Karrierelæring: at forstå")
    MOTIVATION = "motivation", _("Motivationsarbejde")
    MASTERY = "mestring", _("Mestringsstrategier")


class Activity(models.Model):
    """An activity that serves one sub-goal, optionally an offer (tilbud) from the catalogue."""

    subgoal = models.ForeignKey(SubGoal, on_delete=models.CASCADE, related_name="activities")
    offer = models.ForeignKey("offers.Offer", null=True, blank=True, on_delete=models.SET_NULL)
    title = models.CharField(_("Aktivitet"), max_length=200)
    reason = models.CharField(_("Hvorfor hjælper det på delmålet"), max_length=500)
    responsible = models.CharField(_("Hvem står for det"), max_length=15, choices=Responsible.choices)
    responsible_name = models.CharField(_("Navn på fagperson eller organisation"), max_length=200, blank=True)
    start_date = models.DateField(_("Fra"), null=True, blank=True)
    end_date = models.DateField(_("Til"), null=True, blank=True)
    when_text = models.CharField(_("Hvornår"), max_length=200, blank=True,
                                 help_text=_("Fx “tirsdage kl. 10”"))
    place = models.CharField(_("Hvor"), max_length=200, blank=True)
    status = models.CharField(_("Status"), max_length=15, choices=ActivityStatus.choices,
                              default=ActivityStatus.PLANNED)
    methods = models.JSONField(_("Metoder"), default=list, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")
        ordering = ["start_date", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="plans_activity_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Evaluation(models.Model):
    """Feedback on a sub-goal (or a whole goal) from the youth or a professional, with a 1–5 "how close"."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="plan_evaluations")
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, null=True, blank=True, related_name="evaluations")
    subgoal = models.ForeignKey(SubGoal, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="evaluations")
    went_well = models.TextField(_("Det gik godt"), blank=True, max_length=TEXT_MAX)
    was_hard = models.TextField(_("Det var svært"), blank=True, max_length=TEXT_MAX)
    next_step = models.TextField(_("Næste skridt"), blank=True, max_length=TEXT_MAX)
    closeness = models.PositiveSmallIntegerField(_("Hvor tæt er du på målet (1–5)"))
    by_youth = models.BooleanField(default=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+")
    author_name = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evaluering")
        verbose_name_plural = _("evalueringer")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(closeness__gte=1, closeness__lte=5), name="plans_eval_closeness_1_5"),
            models.CheckConstraint(condition=Q(goal__isnull=False) | Q(subgoal__isnull=False),
                                   name="plans_eval_has_target"),
        ]

    def __str__(self) -> str:
        return f"{self.author_name} {self.closeness}/5"


class PlanMeeting(models.Model):
    """Planmøde. While a meeting is open (today, not closed) every plan change is linked to it."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="plan_meetings")
    held_on = models.DateField(_("Dato"))
    participants = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+",
                                          verbose_name=_("Fagpersoner med på mødet"))
    other_participants = models.CharField(_("Andre med på mødet"), max_length=300, blank=True,
                                          help_text=_("Fx mor eller en ven, som den unge har taget med."))
    youth_present = models.BooleanField(_("Den unge var med"), default=True)
    agreed = models.TextField(_("Det aftalte vi"), blank=True, max_length=TEXT_MAX)
    is_open = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("planmøde")
        verbose_name_plural = _("planmøder")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["youth"], condition=Q(is_open=True), name="plans_one_open_meeting"),
        ]

    def __str__(self) -> str:
        return f"{self.youth_id} {self.held_on}"


class PlanChange(models.Model):
    """The plan's own history: one row per change to the profile, a goal, sub-goal, activity, … .

    `changes` maps a field label to {"old": ..., "new": ...}. The actor's name is a snapshot.
    """

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="plan_changes")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+")
    actor_name = models.CharField(max_length=200)
    by_youth = models.BooleanField(default=False)
    object_type = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    object_label = models.CharField(max_length=300)
    action = models.CharField(max_length=20)
    changes = models.JSONField(default=dict, blank=True)
    reason = models.CharField(_("Hvorfor (valgfrit)"), max_length=300, blank=True)
    meeting = models.ForeignKey(PlanMeeting, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="changes")

    class Meta:
        verbose_name = _("ændring i planen")
        verbose_name_plural = _("ændringer i planen")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["youth", "object_type", "object_id"], name="plans_change_object")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d} {self.actor_name} {self.action} {self.object_type}"


class HiddenReason(models.TextChoices):
    """Legal grounds for keeping a note from the youth (the main rule: everything is visible)."""

    THIRD_PARTY = "tredjemand", _("Oplysninger om andre personer, der skal beskyttes (databeskyttelseslovens § 22, stk. 1)")
    OWN_INTEREST = "egen_interesse", _("Hensynet til den unge selv, fx helbredsoplysninger (databeskyttelseslovens § 22, stk. 1)")
    CRIME = "strafbart", _("Forebyggelse eller efterforskning af strafbare forhold (databeskyttelseslovens § 22, stk. 2)")
    INTERNAL = "internt", _("Internt arbejdsdokument (forvaltningslovens § 12)")


class JournalNote(models.Model):
    """A professional's note. Visible to the youth unless hidden for a legal reason (audited)."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="plan_notes")
    text = models.TextField(_("Notat"), max_length=5000)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    author_name = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    visible_to_youth = models.BooleanField(default=True)
    hidden_reason = models.CharField(_("Lovhjemmel"), max_length=20, choices=HiddenReason.choices, blank=True)
    hidden_explanation = models.CharField(_("Uddybning"), max_length=300, blank=True)
    hidden_by_name = models.CharField(max_length=200, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notat")
        verbose_name_plural = _("notater")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(visible_to_youth=True) | ~Q(hidden_reason=""),
                                   name="plans_note_hidden_needs_reason"),
        ]

    def __str__(self) -> str:
        return self.text[:50]


class ShareConsent(models.TextChoices):
    ORAL = "mundtligt", _("Mundtligt samtykke")
    WRITTEN = "skriftligt", _("Skriftligt samtykke")
    YOUTH_GAVE = "selv", _("Den unge gav selv planen videre")


class SharePart(models.TextChoices):
    GOALS = "maal", _("Mål og delmål")
    ACTIVITIES = "aktiviteter", _("Aktiviteter")
    EVALUATIONS = "evalueringer", _("Evalueringer")
    PROFILE = "profil", _("Ungeprofil")


class PlanShare(models.Model):
    """Min plan given to a party outside the circle: what, with whom, and the youth's consent."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="plan_shares")
    recipient_name = models.CharField(_("Modtagerens navn"), max_length=200)
    recipient_organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    purpose = models.CharField(_("Formål"), max_length=300)
    parts = models.JSONField(_("Det deles"), default=list)
    consent = models.CharField(_("Den unges samtykke"), max_length=15, choices=ShareConsent.choices)
    shared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    shared_by_name = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    # A share is a consent the young person controls: withdrawn on Min side ("Mine samtykker") or by staff.
    # Its PDF is no longer handed out after that; the row stays, so the history can be read.
    withdrawn_at = models.DateTimeField(_("trukket tilbage"), null=True, blank=True)
    withdrawn_by_youth = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("deling af planen")
        verbose_name_plural = _("delinger af planen")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.recipient_name} {self.created_at:%Y-%m-%d}"

    def part_labels(self) -> list[str]:
        labels = dict(SharePart.choices)
        return [str(labels[p]) for p in self.parts if p in labels]
