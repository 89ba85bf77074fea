"""Forms of Ungerådet (validation only; services write)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ungeforlob.chain.forms import DateInput
from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.youthcouncil.models import CouncilMeeting, ProposalStatus


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


class JoinForm(forms.Form):
    """Min side: join Ungerådet (again: change the name shown)."""

    shown_name = forms.CharField(
        label=_("Dit fornavn"), max_length=30, required=False,
        help_text=_("De andre unge ser kun det navn, du skriver her. Lad feltet stå tomt, hvis du ikke vil vise "
                    "dit navn."))


class EmptyForm(forms.Form):
    """A button: carries a service's error for the message."""


class MeetingForm(SubmitOnceMixin, forms.Form):
    held_on = forms.DateField(label=_("Dato"), widget=DateInput())
    starts_at = forms.TimeField(label=_("Klokken"), required=False, widget=TimeInput())
    place = forms.CharField(label=_("Sted"), max_length=200)
    agenda = forms.CharField(label=_("Det skal vi tale om"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                             help_text=_("Skriv kort og med almindelige ord. Alle unge i kommunen kan læse det."))
    minutes = forms.CharField(label=_("Referat"), max_length=4000, required=False,
                              widget=forms.Textarea(attrs={"rows": 6}),
                              help_text=_("Efter mødet: hvad talte I om, og hvad blev I enige om? Skriv ingen navne."))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        from django.utils import formats

        return f"{formats.date_format(obj.held_on, 'j. F Y')} – {obj.place}"


class ProposalForm(SubmitOnceMixin, forms.Form):
    text = forms.CharField(label=_("I foreslog"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("Hvad foreslog de unge? Skriv ingen navne."))
    meeting = MeetingChoiceField(label=_("Fra mødet"), queryset=CouncilMeeting.objects.none(), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=ProposalStatus.choices)
    outcome = forms.CharField(label=_("Vi gjorde"), max_length=1000, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("Hvad kom der ud af forslaget? Også når det ikke kunne lade sig gøre."))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, municipality_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = CouncilMeeting.objects.filter(municipality_id=municipality_id)


class ShowForm(forms.Form):
    show_text = forms.TypedChoiceField(label=_("Må de unge se kommentaren?"),
                                       choices=[("ja", _("Ja, vis kommentaren")), ("nej", _("Nej, kun svaret"))],
                                       coerce=lambda v: v == "ja", widget=forms.RadioSelect)
