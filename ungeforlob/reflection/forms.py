"""Forms for "Modellen hos os". They validate shape only; the services hold the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ungeforlob.accounts.models import User
from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.reflection.models import TEXT_MAX, Competence, Element, GroupKind, Question

NO_PERSONAL_DATA = _("Skriv om jeres praksis – ikke om enkelte unge. Navne, CPR-numre og oplysninger om en "
                     "bestemt ung hører ikke hjemme her.")
DATE_ERRORS = {"invalid": _("Skriv en gyldig dato."), "required": _("Skriv en dato.")}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _level_choices(scale: list[dict[str, Any]], empty: Any) -> list[tuple[str, str]]:
    return [("", str(empty))] + [(str(s["level"]), f'{s["level"]} – {s["label"]}') for s in scale]


class EmptyForm(forms.Form):
    """A POST with nothing to fill in (a confirmation button)."""


class ElementForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    title = forms.CharField(label=_("Titel"), max_length=120)
    summary = forms.CharField(label=_("Beskrivelse"), max_length=1000, required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Spørgsmål"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}))


class QuestionAddForm(SubmitOnceMixin, QuestionForm):
    pass


class GroupForm(SubmitOnceMixin):
    name = forms.CharField(label=_("Navn"), max_length=150)
    kind = forms.ChoiceField(label=_("Slags gruppe"), choices=GroupKind.choices)
    members = forms.ModelMultipleChoiceField(
        label=_("Medlemmer"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Vælg mindst ét medlem."),
                        "invalid_choice": _("Vælg medlemmer fra listen.")})

    def __init__(self, *args: Any, staff: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = staff
        self.fields["members"].label_from_instance = _member_label


class GroupEditForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=150)
    kind = forms.ChoiceField(label=_("Slags gruppe"), choices=GroupKind.choices)
    members = forms.ModelMultipleChoiceField(
        label=_("Medlemmer"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Vælg mindst ét medlem."),
                        "invalid_choice": _("Vælg medlemmer fra listen.")})

    def __init__(self, *args: Any, staff: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = staff
        self.fields["members"].label_from_instance = _member_label


def _member_label(u: User) -> str:
    return (u.get_full_name() or u.username) + (f" ({u.organisation.name})" if u.organisation_id else "")


class ReflectionCreateForm(SubmitOnceMixin):
    held_on = forms.DateField(label=_("Dato for refleksionen"), widget=DateInput(), error_messages=DATE_ERRORS)
    title = forms.CharField(label=_("Overskrift"), max_length=150, required=False,
                            help_text=NO_PERSONAL_DATA)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["held_on"].initial = timezone.localdate()


class ReflectionForm(forms.Form):
    """The answers to every active question (and to retired ones already answered) and a maturity rating per
    element, with the version the user saw."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    title = forms.CharField(label=_("Overskrift"), max_length=150, required=False)

    def __init__(self, *args: Any, sections: list[dict[str, Any]], scale: list[dict[str, Any]],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sections = []
        choices = _level_choices(scale, _("Ikke vurderet"))
        for section in sections:
            element: Element = section["element"]
            names = []
            for row in section["questions"]:
                question: Question = row["question"]
                name = f"answer_{question.pk}"
                self.fields[name] = forms.CharField(
                    label=question.text, required=False, max_length=TEXT_MAX,
                    widget=forms.Textarea(attrs={"rows": 3}))
                names.append(name)
            rating = f"rating_{element.pk}"
            self.fields[rating] = forms.TypedChoiceField(
                label=_("Hvor langt er vi med „%(element)s“?") % {"element": element.title},
                choices=choices, required=False, coerce=int, empty_value=None)
            self.sections.append({"element": element, "fields": [self[n] for n in names], "rating": self[rating]})

    def answers(self) -> dict[int, str]:
        return {int(k.removeprefix("answer_")): v for k, v in self.cleaned_data.items() if k.startswith("answer_")}

    def ratings(self) -> dict[int, int | None]:
        return {int(k.removeprefix("rating_")): v for k, v in self.cleaned_data.items() if k.startswith("rating_")}


class ActionForm(SubmitOnceMixin):
    text = forms.CharField(label=_("Hvad har I aftalt?"), max_length=300, help_text=NO_PERSONAL_DATA)
    owner = forms.ModelChoiceField(label=_("Ansvarlig"), queryset=User.objects.none(),
                                   error_messages={"required": _("Vælg en ansvarlig."),
                                                   "invalid_choice": _("Vælg en ansvarlig blandt gruppens "
                                                                       "medlemmer.")})
    due = forms.DateField(label=_("Senest"), widget=DateInput(), error_messages=DATE_ERRORS)

    def __init__(self, *args: Any, members: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = members
        self.fields["owner"].label_from_instance = lambda u: u.get_full_name() or u.username


class CompetenceForm(forms.Form):
    title = forms.CharField(label=_("Kompetence"), max_length=120)
    description = forms.CharField(label=_("Beskrivelse"), max_length=1000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))


class CompetenceAddForm(SubmitOnceMixin, CompetenceForm):
    pass


class SelfRatingForm(forms.Form):
    def __init__(self, *args: Any, competences: list[Competence], scale: list[dict[str, Any]],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = _level_choices(scale, _("Ikke vurderet"))
        for c in competences:
            self.fields[f"level_{c.pk}"] = forms.TypedChoiceField(
                label=c.title, help_text=c.description, choices=choices, required=False, coerce=int,
                empty_value=None)

    def levels(self) -> dict[int, int | None]:
        return {int(k.removeprefix("level_")): v for k, v in self.cleaned_data.items()}


class DevelopmentItemForm(SubmitOnceMixin):
    competence = forms.ModelChoiceField(label=_("Kompetence"), queryset=Competence.objects.none(), required=False,
                                        empty_label=_("Ingen bestemt"),
                                        error_messages={"invalid_choice": _("Vælg en kompetence fra listen.")})
    text = forms.CharField(label=_("Hvad vil du gøre?"), max_length=300,
                           help_text=_("Fx et kursus, sidemandsoplæring eller en aftale med en kollega."))
    due = forms.DateField(label=_("Hvornår?"), widget=DateInput(), error_messages=DATE_ERRORS)

    def __init__(self, *args: Any, competences: QuerySet[Competence], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["competence"].queryset = competences
