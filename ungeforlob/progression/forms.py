from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.progression.levels import LEVEL_SELF_PLACEMENT, Level
from ungeforlob.progression.models import ProgressionSettings, UpvResult
from ungeforlob.progression.questionnaire import DONT_KNOW, DONT_KNOW_LABEL, SCALE, Dimension, statements_for


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _level_choices(blank: Any = None) -> list[tuple[str, Any]]:
    choices: list[tuple[str, Any]] = [(level.value, level.label) for level in Level]
    return [("", blank), *choices] if blank is not None else choices


def _self_placement_choices() -> list[tuple[str, Any]]:
    return [(level.value, LEVEL_SELF_PLACEMENT[level]) for level in Level]


class AssessmentForm(forms.Form):
    """A team assessment. The indicators of one indicator-set version become a checkbox and an evidence
    field each; `observations()` gives the service {indicator id: evidence}."""

    assessed_on = forms.DateField(label=_("Dato for vurderingen"), widget=DateInput())
    level = forms.ChoiceField(label=_("Niveau"), choices=_level_choices(""),
                              help_text=_("Det niveau teamet vurderer, at den unge er på nu."))
    overlap_level = forms.ChoiceField(
        label=_("Overlapper med"), required=False, choices=_level_choices(_("Intet overlap")),
        help_text=_("Hvis den unge er på vej mellem to niveauer."),
    )
    participants = forms.MultipleChoiceField(label=_("Fagpersoner der deltog"), required=False,
                                             widget=forms.CheckboxSelectMultiple)
    youth_took_part = forms.BooleanField(label=_("Den unge deltog"), required=False)
    other_participants = forms.CharField(label=_("Andre deltagere"), max_length=200, required=False,
                                         help_text=_("Fx forælder eller mentor uden for kæden."))
    rationale = forms.CharField(label=_("Teamets begrundelse"), max_length=4000,
                                widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args: Any, indicator_groups: list[dict[str, Any]],
                 participant_choices: Iterable[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participants"].choices = [(str(pk), name) for pk, name in participant_choices]
        self.indicator_groups = indicator_groups
        for group in indicator_groups:
            for indicator in group["indicators"]:
                self.fields[f"ind_{indicator.pk}"] = forms.BooleanField(label=indicator.text, required=False)
                self.fields[f"evidence_{indicator.pk}"] = forms.CharField(
                    label=_("Det har vi set"), max_length=300, required=False,
                )

    def clean_assessed_on(self) -> datetime.date:
        value = self.cleaned_data["assessed_on"]
        if value > timezone.localdate():
            raise ValidationError(_("Datoen kan ikke ligge i fremtiden."))
        return value

    def grouped_fields(self) -> list[dict[str, Any]]:
        """For the template: per level, each indicator with its checkbox and evidence field."""
        return [
            {**group, "rows": [
                {"indicator": i, "check": self[f"ind_{i.pk}"], "evidence": self[f"evidence_{i.pk}"]}
                for i in group["indicators"]
            ]}
            for group in self.indicator_groups
        ]

    def observations(self) -> dict[int, str]:
        # Evidence typed for an indicator that is not ticked is hidden on the page and not kept.
        return {
            i.pk: self.cleaned_data.get(f"evidence_{i.pk}", "")
            for group in self.indicator_groups
            for i in group["indicators"]
            if self.cleaned_data.get(f"ind_{i.pk}")
        }

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "assessed_on": data["assessed_on"], "level": data["level"], "overlap_level": data["overlap_level"],
            "rationale": data["rationale"], "observations": self.observations(),
            "participant_ids": [int(pk) for pk in data["participants"]],
            "youth_took_part": data["youth_took_part"], "other_participants": data["other_participants"],
        }


class NewAssessmentForm(SubmitOnceMixin, AssessmentForm):
    youth_placement_level = forms.ChoiceField(
        label=_("Hvor ser den unge sig selv?"), required=False, choices=_self_placement_choices(),
        widget=forms.RadioSelect, help_text=_("Spørg den unge – med den unges egne ord. Valgfrit."),
    )
    youth_placement_words = forms.CharField(
        label=_("Den unges egne ord"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3}),
    )

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {**super().service_kwargs(), "youth_placement_level": data["youth_placement_level"],
                "youth_placement_words": data["youth_placement_words"]}


class CorrectionForm(AssessmentForm):
    reason = forms.CharField(label=_("Hvorfor rettes vurderingen?"), max_length=500,
                             help_text=_("Den tidligere version bevares og vises med din begrundelse."))
    based_on_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    field_order = ["reason"]

    def service_kwargs(self) -> dict[str, Any]:
        return {**super().service_kwargs(), "reason": self.cleaned_data["reason"],
                "based_on_version": self.cleaned_data["based_on_version"]}


class PlacementForm(SubmitOnceMixin, forms.Form):
    placed_on = forms.DateField(label=_("Dato"), widget=DateInput())
    level = forms.ChoiceField(label=_("Hvor ser den unge sig selv?"), choices=_self_placement_choices(),
                              widget=forms.RadioSelect)
    own_words = forms.CharField(label=_("Med den unges egne ord"), max_length=1000, required=False,
                                widget=forms.Textarea(attrs={"rows": 3}))

    def service_kwargs(self) -> dict[str, Any]:
        return {f: self.cleaned_data[f] for f in ("placed_on", "level", "own_words")}


class UpvForm(SubmitOnceMixin, forms.Form):
    """A formal uddannelsesparathedsvurdering (UPV), recorded beside the level on the step chart."""

    assessed_on = forms.DateField(label=_("Dato for vurderingen"), widget=DateInput())
    result = forms.ChoiceField(label=_("Resultat"), choices=UpvResult.choices, widget=forms.RadioSelect)
    assessed_by = forms.CharField(label=_("Vurderet af"), max_length=200,
                                  help_text=_("Fx skolen eller UU-vejlederen, der traf vurderingen."))
    note = forms.CharField(label=_("Note"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def service_kwargs(self) -> dict[str, Any]:
        return {f: self.cleaned_data[f] for f in ("assessed_on", "result", "assessed_by", "note")}


class IndicatorForm(forms.Form):
    level = forms.ChoiceField(label=_("Niveau"), choices=_level_choices(""))
    text = forms.CharField(label=_("Indikator"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("Kort og konkret: noget teamet kan se hos den unge."))


class IndicatorCreateForm(SubmitOnceMixin, IndicatorForm):
    pass


class RhythmForm(forms.ModelForm):
    class Meta:
        model = ProgressionSettings
        fields = ["reassessment_months", "first_assessment_days", "due_soon_days"]


# --- self-evaluation ----------------------------------------------------------------------------------


def _scale_choices() -> list[tuple[str, Any]]:
    return [*((str(v), f"{v} – {label}") for v, label in SCALE), (DONT_KNOW, DONT_KNOW_LABEL)]


def answers_initial(group: dict[str, Any]) -> dict[str, Any]:
    """The form's initial values from one dimension of `selectors.round_profile` (earlier answers and goal)."""
    initial: dict[str, Any] = {f"s_{s['key']}": (DONT_KNOW if s["value"] is None else str(s["value"]))
                               for s in group["statements"] if s["answered"]}
    initial["goal"] = group["goal"]
    return initial


class DimensionAnswersForm(forms.Form):
    """The statements of one dimension (radio 1–5 or "ved ikke"; none required) and an optional goal."""

    def __init__(self, *args: Any, dimension: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.dimension = dimension
        self.statements = statements_for(dimension)
        for s in self.statements:
            self.fields[f"s_{s.key}"] = forms.ChoiceField(
                label=s.text, choices=_scale_choices(), required=False, widget=forms.RadioSelect
            )
        self.fields["goal"] = forms.CharField(
            label=_("Hvad vil du gerne blive bedre til her?"), max_length=300, required=False,
            help_text=_("Skriv det med dine egne ord."),
        )

    def statement_fields(self) -> list[forms.BoundField]:
        return [self[f"s_{s.key}"] for s in self.statements]

    def answers(self) -> dict[str, int | None]:
        out: dict[str, int | None] = {}
        for s in self.statements:
            value = self.cleaned_data.get(f"s_{s.key}")
            if value == DONT_KNOW:
                out[s.key] = None
            elif value:
                out[s.key] = int(value)
        return out

    def goals(self) -> dict[str, str]:
        return {self.dimension: self.cleaned_data.get("goal", "")}


class StartForm(SubmitOnceMixin, forms.Form):
    """The "start a new round" button: one round however often it is pressed."""


class FinishForm(forms.Form):
    keep = forms.ChoiceField(
        label=_("Vil du gemme din profil?"),
        choices=[("ja", _("Ja, gem den, så vi kan se udviklingen næste gang")),
                 ("nej", _("Nej, den skal ikke gemmes (du kan udskrive den først)"))],
        widget=forms.RadioSelect,
        help_text=_("Det er den unge, der bestemmer."),
    )


class FollowUpForm(forms.Form):
    note = forms.CharField(label=_("Opfølgning"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("Hvad talte I om, og hvad aftalte I?"))


class ReadingForm(SubmitOnceMixin, forms.Form):
    text = forms.CharField(label=_("Din læsning af profilen"), max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("Vises ved siden af den unges egne svar – aldrig i stedet for."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for d in Dimension:
            self.fields[f"score_{d.value}"] = forms.TypedChoiceField(
                label=d.label, required=False, coerce=int, empty_value=None,
                choices=[("", _("Ingen vurdering")), *((str(v), str(v)) for v, _label in SCALE)],
            )

    def score_fields(self) -> list[forms.BoundField]:
        return [self[f"score_{d.value}"] for d in Dimension]

    def scores(self) -> dict[str, int | None]:
        return {d.value: self.cleaned_data.get(f"score_{d.value}") for d in Dimension}
