"""Forms for the plan pages. They parse input; the services validate the rules and save."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.plans.models import (
    TEXT_MAX,
    ActivityStatus,
    Goal,
    HiddenReason,
    Responsible,
    ShareConsent,
    SharePart,
    SubGoal,
    SubGoalStatus,
    WrittenBy,
)
from ungeforlob.vocabulary.selectors import method_choices
from ungeforlob.youth.forms import DateInput

CHANGE_REASON_LABEL = _("Hvorfor ændres det?")


def _textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def _date_field(label: Any, **kwargs: Any) -> forms.DateField:
    return forms.DateField(label=label, required=False, widget=DateInput(),
                           error_messages={"invalid": _("Skriv en gyldig dato.")}, **kwargs)


class VersionedForm(forms.Form):
    """Carries the version the user saw, so a save over someone else's change is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    change_reason = forms.CharField(label=CHANGE_REASON_LABEL, max_length=300, required=False)

    def __init__(self, *args: Any, creating: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if creating:
            # Something new needs no reason for a change; the history records that it was added.
            del self.fields["change_reason"]


class ProfileForm(VersionedForm):
    own_story = forms.CharField(
        label=_("Min historie – med den unges egne ord"), required=False, max_length=TEXT_MAX, widget=_textarea(6),
        help_text=_("Lad den unge tale først. Skriv det, som den unge siger det."))
    own_story_written_by = forms.ChoiceField(label=_("Hvem skrev historien?"), choices=WrittenBy.choices,
                                             widget=forms.RadioSelect)
    professional_description = forms.CharField(label=_("Fagpersonernes beskrivelse"), required=False,
                                               max_length=TEXT_MAX, widget=_textarea(5))
    challenges = forms.CharField(label=_("Udfordringer"), required=False, max_length=TEXT_MAX, widget=_textarea())
    potentials = forms.CharField(label=_("Styrker og muligheder"), required=False, max_length=TEXT_MAX,
                                 widget=_textarea())
    needs = forms.CharField(label=_("Behov"), required=False, max_length=TEXT_MAX, widget=_textarea())
    dreams = forms.CharField(label=_("Drømme"), required=False, max_length=TEXT_MAX, widget=_textarea())
    learning_preferences = forms.CharField(label=_("Sådan lærer den unge bedst"), required=False,
                                           max_length=TEXT_MAX, widget=_textarea())
    motivation_mastery = forms.CharField(
        label=_("Mestringsmotivation"), required=False, max_length=TEXT_MAX, widget=_textarea(2),
        help_text=_("At kunne noget, se fremskridt og få feedback. Skriv kun, hvis det passer på den unge."))
    motivation_direction = forms.CharField(
        label=_("Retningsmotivation"), required=False, max_length=TEXT_MAX, widget=_textarea(2),
        help_text=_("At vælge, blive afklaret og finde sig selv."))
    motivation_practice = forms.CharField(
        label=_("Praksismotivation"), required=False, max_length=TEXT_MAX, widget=_textarea(2),
        help_text=_("At det giver mening i praksis og passer til måden at lære på."))
    motivation_relation = forms.CharField(
        label=_("Relationsmotivation"), required=False, max_length=TEXT_MAX, widget=_textarea(2),
        help_text=_("At blive anerkendt og være en del af et fællesskab."))
    motivation_necessity = forms.CharField(
        label=_("Nødvendighedsmotivation"), required=False, max_length=TEXT_MAX, widget=_textarea(2),
        help_text=_("Krav, pligter og det man skal for at komme videre."))

    field_order = ["own_story", "own_story_written_by", "professional_description", "challenges", "potentials",
                   "needs", "dreams", "learning_preferences", "motivation_mastery", "motivation_direction",
                   "motivation_practice", "motivation_relation", "motivation_necessity", "change_reason"]


class GoalForm(VersionedForm):
    text = forms.CharField(label=_("Målet – med den unges egne ord"), max_length=300,
                           widget=_textarea(2), help_text=_("Fx “Jeg vil være tømrer”."),
                           error_messages={"required": _("Skriv målet – gerne med den unges egne ord.")})
    written_by = forms.ChoiceField(label=_("Hvem skrev målet?"), choices=WrittenBy.choices,
                                   widget=forms.RadioSelect, initial=WrittenBy.TOGETHER)

    field_order = ["text", "written_by", "change_reason"]


class SubGoalForm(VersionedForm):
    text = forms.CharField(label=_("Delmål"), max_length=300, help_text=_("Et konkret skridt, der kan nås."),
                           error_messages={"required": _("Skriv delmålet – et konkret skridt.")})
    success_criterion = forms.CharField(
        label=_("Sådan ved vi, at det er nået"), max_length=500, widget=_textarea(2),
        help_text=_("Skriv det, så den unge forstår det. Fx “Jeg har været til 3 samtaler”."),
        error_messages={"required": _("Skriv hvordan I kan se, at delmålet er nået.")})
    target_date = _date_field(_("Hvornår vil vi gerne have nået det"))
    status = forms.ChoiceField(label=_("Status"), choices=SubGoalStatus.choices, initial=SubGoalStatus.NOT_STARTED)

    field_order = ["text", "success_criterion", "target_date", "status", "change_reason"]


def _subgoal_choices(goals: list[Goal]) -> list[Any]:
    """Sub-goals grouped under their goal, for a select."""
    choices: list[Any] = [("", _("Vælg delmål"))]
    for goal in goals:
        options = [(str(sg.pk), sg.text) for sg in goal.subgoals.all()]
        if options:
            choices.append((goal.text, options))
    return choices


class GoalCreateForm(SubmitOnceMixin, GoalForm):
    """A new goal: no reason for a change, and saved once however often it is sent."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, creating=True, **kwargs)


class SubGoalCreateForm(SubmitOnceMixin, SubGoalForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, creating=True, **kwargs)


class ActivityForm(VersionedForm):
    subgoal = forms.ChoiceField(label=_("Hvilket delmål hjælper aktiviteten på?"),
                                error_messages={"required": _("Vælg det delmål, aktiviteten hjælper på – "
                                                              "en aktivitet skal have et delmål.")})
    title = forms.CharField(label=_("Aktivitet"), max_length=200, help_text=_("Fx “Praktik i Netto”."))
    reason = forms.CharField(label=_("Hvorfor hjælper det på delmålet?"), max_length=500, widget=_textarea(2))
    responsible = forms.ChoiceField(label=_("Hvem står for det?"), choices=Responsible.choices,
                                    widget=forms.RadioSelect, initial=Responsible.YOUTH)
    responsible_name = forms.CharField(label=_("Navn på fagperson eller organisation"), max_length=200,
                                       required=False,
                                       help_text=_("Skal udfyldes, når en fagperson eller organisation står for det."))
    start_date = _date_field(_("Fra"))
    end_date = _date_field(_("Til"))
    when_text = forms.CharField(label=_("Hvornår"), max_length=200, required=False,
                                help_text=_("Fx “tirsdage kl. 10”."))
    place = forms.CharField(label=_("Hvor"), max_length=200, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=ActivityStatus.choices, initial=ActivityStatus.PLANNED)
    methods = forms.MultipleChoiceField(label=_("Metoder"), required=False, widget=forms.CheckboxSelectMultiple)

    field_order = ["subgoal", "title", "reason", "responsible", "responsible_name", "start_date", "end_date",
                   "when_text", "place", "status", "methods", "change_reason"]

    def __init__(self, *args: Any, goals: list[Goal], municipality_id: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.subgoals = {str(sg.pk): sg for g in goals for sg in g.subgoals.all()}
        self.fields["subgoal"].choices = _subgoal_choices(goals)
        # The municipality's method tags (vocabulary); a retired tag is offered only where it is already chosen.
        self.fields["methods"].choices = method_choices(municipality_id, keep=tuple(self.initial.get("methods") or ()))

    def clean_subgoal(self) -> SubGoal | None:
        return self.subgoals.get(self.cleaned_data.get("subgoal") or "")


class ActivityCreateForm(SubmitOnceMixin, ActivityForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, creating=True, **kwargs)


class EvaluationForm(SubmitOnceMixin, forms.Form):
    target = forms.ChoiceField(label=_("Hvad handler evalueringen om?"),
                               error_messages={"required": _("Vælg det delmål eller mål, evalueringen handler om.")})
    youth_voice = forms.TypedChoiceField(
        label=_("Hvis vurdering er det?"), coerce=lambda v: v == "ung", widget=forms.RadioSelect, initial="ung",
        choices=[("ung", _("Den unges egen vurdering – jeg skriver den ned")),
                 ("fagperson", _("Min vurdering som fagperson"))],
        error_messages={"required": _("Vælg hvis vurdering det er.")})
    closeness = forms.TypedChoiceField(
        label=_("Hvor tæt er den unge på målet?"), coerce=int, widget=forms.RadioSelect,
        choices=[(1, _("1 – langt fra")), (2, "2"), (3, "3"), (4, "4"), (5, _("5 – nået"))],
        error_messages={"required": _("Vælg hvor tæt på målet du er, fra 1 til 5.")})
    went_well = forms.CharField(label=_("Det gik godt"), required=False, max_length=TEXT_MAX, widget=_textarea(2))
    was_hard = forms.CharField(label=_("Det var svært"), required=False, max_length=TEXT_MAX, widget=_textarea(2))
    next_step = forms.CharField(label=_("Næste skridt"), required=False, max_length=TEXT_MAX, widget=_textarea(2))

    def __init__(self, *args: Any, goals: list[Goal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.targets: dict[str, Any] = {}
        choices: list[Any] = [("", _("Vælg delmål eller mål"))]
        for goal in goals:
            options = [(f"m{goal.pk}", _("Hele målet: %(text)s") % {"text": goal.text})]
            self.targets[f"m{goal.pk}"] = goal
            for sg in goal.subgoals.all():
                options.append((f"d{sg.pk}", sg.text))
                self.targets[f"d{sg.pk}"] = sg
            choices.append((goal.text, options))
        self.fields["target"].choices = choices

    def target_kwargs(self) -> dict[str, Any]:
        target = self.targets.get(self.cleaned_data.get("target") or "")
        if isinstance(target, SubGoal):
            return {"subgoal": target}
        if isinstance(target, Goal):
            return {"goal": target}
        return {}


class MeetingForm(SubmitOnceMixin, forms.Form):
    held_on = forms.DateField(label=_("Dato"), widget=DateInput(), error_messages={
        "required": _("Skriv mødets dato."), "invalid": _("Skriv en gyldig dato.")})
    youth_present = forms.BooleanField(label=_("Den unge er med"), required=False, initial=True)
    participants = forms.MultipleChoiceField(
        label=_("Fagpersoner med på mødet"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Så få som muligt: det er lettere for den unge at tale, når der ikke sidder mange."),
        error_messages={"invalid_choice": _("Vælg deltagere blandt dem, der er i den unges kæde.")})
    other_participants = forms.CharField(label=_("Andre med på mødet"), max_length=300, required=False,
                                         help_text=_("Fx mor eller en ven, som den unge har taget med."))
    keep_open = forms.BooleanField(
        label=_("Mødet er i gang nu – knyt de ændringer, vi laver i planen, til mødet"), required=False,
        initial=True)
    agreed = forms.CharField(label=_("Det aftalte vi"), required=False, max_length=TEXT_MAX, widget=_textarea(4),
                             help_text=_("Kan også skrives, når mødet afsluttes."))

    def __init__(self, *args: Any, professionals: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participants"].choices = [
            (str(u.pk), f"{u.get_full_name() or u.username}" + (f", {u.organisation.name}" if u.organisation_id
                                                                 else ""))
            for u in professionals
        ]
        self.fields["held_on"].initial = timezone.localdate()


class MeetingCloseForm(forms.Form):
    agreed = forms.CharField(label=_("Det aftalte vi"), max_length=TEXT_MAX, widget=_textarea(4),
                             error_messages={"required": _("Skriv hvad I aftalte.")})


class NoteForm(SubmitOnceMixin, forms.Form):
    text = forms.CharField(label=_("Nyt notat"), max_length=5000, widget=_textarea(4),
                           help_text=_("Den unge kan læse alt, hvad der skrives her. Skriv, så den unge kan "
                                       "genkende sig selv."),
                           error_messages={"required": _("Skriv notatet.")})


class NoteHideForm(forms.Form):
    reason = forms.ChoiceField(label=_("Hvilken lovhjemmel gør, at den unge ikke må se notatet?"),
                               choices=HiddenReason.choices, widget=forms.RadioSelect,
                               error_messages={"required": _("Vælg den lovhjemmel, der gør, at den unge ikke må "
                                                             "se notatet.")})
    explanation = forms.CharField(label=_("Uddybning"), max_length=300, required=False,
                                  help_text=_("Skrives i adgangsloggen sammen med lovhjemlen."))


class ShareForm(SubmitOnceMixin, forms.Form):
    recipient_name = forms.CharField(label=_("Hvem får planen?"), max_length=200,
                                     error_messages={"required": _("Skriv hvem planen gives til.")})
    recipient_organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    purpose = forms.CharField(label=_("Hvad skal modtageren bruge den til?"), max_length=300,
                              error_messages={"required": _("Skriv hvad modtageren skal bruge den til.")})
    parts = forms.MultipleChoiceField(label=_("Hvad deles?"), choices=SharePart.choices,
                                      widget=forms.CheckboxSelectMultiple,
                                      initial=[SharePart.GOALS, SharePart.ACTIVITIES],
                                      error_messages={"required": _("Vælg hvad der skal deles.")})
    consent = forms.ChoiceField(label=_("Hvordan har den unge sagt ja?"), choices=ShareConsent.choices,
                                widget=forms.RadioSelect,
                                error_messages={"required": _("Vælg hvordan den unge har givet samtykke.")})
    consent_confirmed = forms.BooleanField(
        label=_("Den unge har sagt ja til, at netop dette deles med netop denne modtager"),
        error_messages={"required": _("Planen kan kun deles, når den unge har sagt ja til netop denne deling.")})


class ConfirmDeleteForm(forms.Form):
    change_reason = forms.CharField(label=_("Hvorfor fjernes det?"), max_length=300, required=False)
