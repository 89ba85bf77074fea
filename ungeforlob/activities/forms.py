"""Forms for fællesskaber (validation only; services write)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ungeforlob.activities.models import SignUp
from ungeforlob.chain.forms import ProfessionalChoiceField
from ungeforlob.core.forms import SubmitOnceMixin


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class ActivityForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=100,
                            help_text=_("Fx »Klatring« eller »Vi laver mad sammen«. Titlen står i SMS'en til de unge: "
                                        "skriv ikke noget, der siger noget om dem."))
    description = forms.CharField(label=_("Det skal vi"), max_length=500, required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    place = forms.CharField(label=_("Sted"), max_length=150)
    starts_at = forms.DateTimeField(label=_("Tidspunkt"), widget=DateTimeInput(),
                                    input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])
    duration_minutes = forms.IntegerField(label=_("Varighed i minutter"), min_value=15, max_value=24 * 60,
                                          initial=120)
    seats = forms.IntegerField(label=_("Pladser"), min_value=1, max_value=200, initial=8)
    waiting_list = forms.BooleanField(label=_("Venteliste, når der er fuldt"), required=False, initial=True)
    organisation = forms.ModelChoiceField(label=_("Arrangør"), queryset=None,  # type: ignore[arg-type]
                                          help_text=_("Ungeindsatsen selv eller en samarbejdspartner."))
    runner = ProfessionalChoiceField(label=_("Ansvarlig"), queryset=None,  # type: ignore[arg-type]
                                     help_text=_("Den, der står for det og registrerer fremmødet."))

    def __init__(self, *args: Any, organisations: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["runner"].queryset = people


class ActivityCreateForm(SubmitOnceMixin, ActivityForm):
    pass


class ActivityEditForm(ActivityForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class CancelForm(SubmitOnceMixin, forms.Form):
    reason = forms.CharField(label=_("Hvorfor aflyses det?"), max_length=200, required=False,
                             help_text=_("Står ikke i SMS'en. Kun medarbejdere ser det."))


ATTENDANCE_CHOICES = [("", _("Ikke registreret")), ("ja", _("Mødte op")), ("nej", _("Mødte ikke op"))]


class AttendanceForm(forms.Form):
    """One choice per young person signed up (field `s<sign-up id>`)."""

    def __init__(self, *args: Any, signups: list[SignUp], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.signups = signups
        for s in signups:
            initial = "" if s.attended is None else ("ja" if s.attended else "nej")
            self.fields[f"s{s.pk}"] = forms.ChoiceField(label=s.youth.full_name, choices=ATTENDANCE_CHOICES,
                                                        required=False, initial=initial,
                                                        widget=forms.RadioSelect)

    @property
    def rows(self) -> list[tuple[SignUp, Any]]:
        return [(s, self[f"s{s.pk}"]) for s in self.signups]

    def attended(self) -> dict[int, bool]:
        return {s.pk: self.cleaned_data[f"s{s.pk}"] == "ja" for s in self.signups
                if self.cleaned_data.get(f"s{s.pk}") in {"ja", "nej"}}


class SignUpForm(forms.Form):
    show_first_name = forms.BooleanField(label=_("Vis mit fornavn for de andre"), required=False)


class WithdrawForm(forms.Form):
    signup = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**63 - 1)
