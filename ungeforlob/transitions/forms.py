"""Forms validate input shape only; the services decide and save."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ungeforlob.chain.models import ChainRole
from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.transitions.models import FollowUpKind, Procedure, StationEndReason, StationKind
from ungeforlob.youth.forms import DateInput

NO_PROCEDURE = ""


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


class TransitionForm(SubmitOnceMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Ny station"), choices=StationKind.choices)
    institution = forms.CharField(label=_("Institution eller arbejdsplads"), max_length=150, required=False,
                                  help_text=_("Fx Syddansk Erhvervsskole, Vejle."))
    date = forms.DateField(label=_("Startdato"), widget=DateInput())
    procedure = forms.ChoiceField(label=_("Opfølgningsprocedure"), required=False,
                                  help_text=_("Procedurens trin bliver til opfølgninger i kalenderen."))
    previous_end_reason = forms.ChoiceField(label=_("Hvordan slutter den nuværende station?"),
                                            choices=StationEndReason.choices, initial=StationEndReason.SWITCHED)

    def __init__(self, *args: Any, procedures: QuerySet[Procedure], current: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.procedures = {str(p.pk): p for p in procedures}
        self.fields["procedure"].choices = [(NO_PROCEDURE, _("Ingen procedure"))] + [
            (str(p.pk), p.name) for p in procedures]
        default = next((p for p in procedures if p.is_default), None)
        if default is not None and not self.is_bound:
            self.initial.setdefault("procedure", str(default.pk))
        if current is None:
            del self.fields["previous_end_reason"]
        else:
            self.fields["previous_end_reason"].label = _("Hvordan slutter %(station)s?") % {"station": current}

    def clean_procedure(self) -> Procedure | None:
        value = self.cleaned_data.get("procedure") or NO_PROCEDURE
        return self.procedures.get(value)


class TransitionMoveForm(forms.Form):
    date = forms.DateField(label=_("Ny startdato"), widget=DateInput(),
                           help_text=_("Opfølgninger, der ikke er udført, flytter med."))


class TransitionCancelForm(forms.Form):
    reason = forms.CharField(label=_("Hvorfor aflyses overgangen?"), max_length=300,
                             widget=forms.Textarea(attrs={"rows": 3}))


class StationForm(SubmitOnceMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Station"), choices=StationKind.choices)
    institution = forms.CharField(label=_("Institution eller arbejdsplads"), max_length=150, required=False)
    start_date = forms.DateField(label=_("Startdato"), widget=DateInput())
    end_date = forms.DateField(label=_("Slutdato"), widget=DateInput(), required=False)
    end_reason = forms.ChoiceField(label=_("Hvordan sluttede det?"), required=False,
                                   choices=[("", _("Ikke slut endnu"))] + list(StationEndReason.choices))


class StationEndForm(forms.Form):
    end_date = forms.DateField(label=_("Slutdato"), widget=DateInput())
    end_reason = forms.ChoiceField(label=_("Hvordan sluttede det?"), choices=StationEndReason.choices,
                                   widget=forms.RadioSelect)


class FollowUpDoneForm(forms.Form):
    note = forms.CharField(label=_("Kort note"), max_length=500, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("Noten kommer på den unges tidslinje. Den unge kan læse den."))


class FollowUpMoveForm(forms.Form):
    due_date = forms.DateField(label=_("Ny dato"), widget=DateInput())


class FollowUpSkipForm(forms.Form):
    reason = forms.CharField(label=_("Hvorfor springes den over?"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             help_text=_("Begrundelsen kommer på den unges tidslinje."))


class ProcedureForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=120)
    description = forms.CharField(label=_("Beskrivelse"), max_length=2000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    is_active = forms.BooleanField(label=_("Kan vælges til nye overgange"), required=False, initial=True)
    is_default = forms.BooleanField(label=_("Standardprocedure (foreslås ved nye overgange)"), required=False)


class ProcedureCreateForm(SubmitOnceMixin, ProcedureForm):
    pass


class StepForm(forms.Form):
    title = forms.CharField(label=_("Overskrift"), max_length=120)
    kind = forms.ChoiceField(label=_("Form"), choices=FollowUpKind.choices)
    offset_days = forms.IntegerField(label=_("Dage fra overgangen"), min_value=-365, max_value=730,
                                     help_text=_("Negativt tal = før startdagen, 0 = på startdagen, 7 = en uge "
                                                 "efter."))
    working_days = forms.BooleanField(label=_("Tæl i arbejdsdage (uden weekender og helligdage)"), required=False)
    at_time = forms.TimeField(label=_("Klokkeslæt"), widget=TimeInput(), initial=datetime.time(9, 0),
                              help_text=_("For SMS: hvornår beskeden sendes (dansk tid, mellem 7 og 21)."))
    responsible_role = forms.ChoiceField(label=_("Ansvarlig rolle"), choices=ChainRole.choices,
                                         initial=ChainRole.CONTACT_PERSON)
    description = forms.CharField(label=_("Hvad skal der ske?"), max_length=2000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    sms_template = forms.CharField(
        label=_("SMS-tekst"), max_length=480, required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kun for SMS. Flettefelter: {fornavn}, {kontaktperson}, {startdato}, {sted}. Skriv ikke "
                    "personlige oplysninger i en SMS."))
    repeat_every_days = forms.IntegerField(label=_("Gentag hver … dag"), min_value=1, max_value=365,
                                           required=False, help_text=_("Fx 14 for et opkald hver 14. dag."))
    repeat_until_days = forms.IntegerField(label=_("Gentag til og med dag"), min_value=0, max_value=730,
                                           required=False, help_text=_("Fx 364 for et år."))


class StepCreateForm(SubmitOnceMixin, StepForm):
    pass


def service_data(form: forms.Form) -> dict[str, Any]:
    """The form's cleaned data for a service, without the one-time submission token."""
    return {k: v for k, v in form.cleaned_data.items() if k != "submission"}
