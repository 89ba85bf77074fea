from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ungeforlob.chain.models import ConcernCategory, Severity
from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.education.models import InstitutionKind
from ungeforlob.youth.forms import DateInput

WITHIN_CHOICES = [("", _("Alle")), ("30", _("Inden for 30 dage")), ("90", _("Inden for 90 dage")),
                  ("180", _("Inden for 180 dage")), ("365", _("Inden for et år"))]


class PlaceSearchForm(forms.Form):
    q = forms.CharField(label=_("Søg"), max_length=100, required=False)
    kind = forms.ChoiceField(label=_("Type"), choices=[("", _("Alle")), *InstitutionKind.choices], required=False)
    quota = forms.BooleanField(label=_("Kun med kvote"), required=False)
    within = forms.ChoiceField(label=_("Næste optag"), choices=WITHIN_CHOICES, required=False)
    sort = forms.ChoiceField(label=_("Sortér"), required=False, choices=[
        ("navn", _("Navn")), ("-navn", _("Navn, omvendt")), ("type", _("Type")),
        ("optag", _("Næste optag")), ("frist", _("Næste ansøgningsfrist"))])


class InstitutionForm(SubmitOnceMixin, forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=150)
    kind = forms.ChoiceField(label=_("Type"), choices=[("", "—"), *InstitutionKind.choices])
    institution_number = forms.CharField(label=_("Institutionsnummer"), max_length=20, required=False,
                                         help_text=_("Det nationale institutionsnummer, fx 280727."))
    address = forms.CharField(label=_("Adresse"), max_length=200, required=False)
    contact_name = forms.CharField(label=_("Kontaktperson på stedet"), max_length=150, required=False,
                                   help_text=_("Fx studievejlederen. Arbejdskontakt, ikke private oplysninger."))
    contact_phone = forms.CharField(label=_("Telefon"), max_length=30, required=False)
    contact_email = forms.EmailField(label=_("E-mail"), max_length=254, required=False)


class InstitutionEditForm(InstitutionForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ProgrammeForm(SubmitOnceMixin, forms.Form):
    name = forms.CharField(label=_("Uddannelse"), max_length=150)
    admission_requirements = forms.CharField(label=_("Adgangskrav"), max_length=2000, required=False,
                                             widget=forms.Textarea(attrs={"rows": 3}))
    has_quota = forms.BooleanField(label=_("Uddannelsen har en kvote"), required=False)
    quota_places = forms.IntegerField(label=_("Antal pladser i kvoten"), min_value=1, max_value=100000,
                                      required=False)


class ProgrammeEditForm(ProgrammeForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class IntakeForm(SubmitOnceMixin, forms.Form):
    starts_on = forms.DateField(label=_("Studiestart"), widget=DateInput())
    application_deadline = forms.DateField(label=_("Ansøgningsfrist"), widget=DateInput(), required=False)


class ConfirmForm(SubmitOnceMixin, forms.Form):
    """A delete confirmation: only the one-time token."""


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Fil (CSV eller Excel .xlsx)"))
    dry_run = forms.BooleanField(label=_("Prøv først: vis hvad der vil ske, uden at gemme"), required=False,
                                 initial=True)


class StationPlaceForm(SubmitOnceMixin, forms.Form):
    programme = forms.ModelChoiceField(label=_("Uddannelse og sted"), queryset=None, required=False,  # type: ignore[arg-type]
                                       empty_label=_("Intet uddannelsessted"))

    def __init__(self, *args: Any, programmes: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["programme"]
        field.queryset = programmes
        field.label_from_instance = _programme_label  # type: ignore[attr-defined]


def _programme_label(programme: Any) -> str:
    label = f"{programme.institution.name}: {programme.name}"
    next_intake = getattr(programme, "next_intake", None)
    if next_intake:
        label += " " + str(_("(næste optag %(d)s)") % {"d": next_intake.strftime("%d.%m.%Y")})
    return label


class AttendanceForm(SubmitOnceMixin, forms.Form):
    week = forms.DateField(label=_("En dag i ugen"), widget=DateInput(),
                           help_text=_("Vælg en dag i den uge, fraværet gælder. Samme uge igen erstatter tallet."))
    absence_percent = forms.IntegerField(label=_("Fravær i procent af ugens tid"), min_value=0, max_value=100)
    note = forms.CharField(label=_("Bemærkning (valgfri)"), max_length=500, required=False,
                           help_text=_("Skriv kun det, den unge må læse: den unge kan se sit fravær."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("week", timezone.localdate())


class ThresholdForm(forms.Form):
    threshold_percent = forms.IntegerField(label=_("Tærskel for fravær (%)"), min_value=1, max_value=100,
                                           help_text=_("En uges fravær over denne andel beder kontaktpersonen om "
                                                       "at rejse eller besvare en bekymring."))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class PromptAnswerForm(SubmitOnceMixin, forms.Form):
    answer = forms.CharField(label=_("Hvorfor er der ikke brug for en bekymring?"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 2}))


class PromptConcernForm(SubmitOnceMixin, forms.Form):
    category = forms.ChoiceField(label=_("Kategori"), choices=ConcernCategory.choices, initial=ConcernCategory.ABSENCE)
    severity = forms.ChoiceField(label=_("Hvor alvorligt er det?"), choices=Severity.choices, initial=Severity.MEDIUM)
    description = forms.CharField(label=_("Hvad har du set?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))
