"""Forms for chain meetings, meeting participants and cooperation agreements (validation only; services write)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ungeforlob.chain.forms import ConsentChoiceField, DateInput, ProfessionalChoiceField
from ungeforlob.chain.models import Consent, LegalBasis
from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.meetings.models import ParticipantKind, Rhythm
from ungeforlob.meetings.services import CONSENT


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


class ProfessionalsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return ProfessionalChoiceField.label_from_instance(self, obj)  # type: ignore[arg-type]


class EmptyForm(forms.Form):
    """A button: carries a service's error for the message."""


class MeetingForm(SubmitOnceMixin, forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=120,
                           help_text=_("Fx »Team Mobil og Jobcenter Ung – ugentlig gennemgang«."))
    purpose = forms.CharField(label=_("Formål"), max_length=300, required=False)
    rhythm = forms.ChoiceField(label=_("Rytme"), choices=Rhythm.choices)
    first_date = forms.DateField(label=_("Første møde"), widget=DateInput())
    starts_at = forms.TimeField(label=_("Starttidspunkt"), widget=TimeInput())
    duration_minutes = forms.IntegerField(label=_("Varighed i minutter"), min_value=15, max_value=480, initial=60)
    location = forms.CharField(label=_("Sted"), max_length=150, required=False)
    organisations = forms.ModelMultipleChoiceField(label=_("Deltagende organisationer"), queryset=None,  # type: ignore[arg-type]
                                                   help_text=_("Et samtykke til en af dem giver lov til at sætte en "
                                                               "ung på dagsordenen."))
    members = ProfessionalsField(label=_("Deltagere"), queryset=None, required=False,  # type: ignore[arg-type]
                                             help_text=_("Du er selv med. De andre får invitationen på e-mail."))

    def __init__(self, *args: Any, organisations: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = organisations
        self.fields["members"].queryset = people


class MeetingEditForm(forms.Form):
    """The meeting's own settings, changed by any participant; its people are changed on the meeting page."""

    name = forms.CharField(label=_("Navn"), max_length=120)
    purpose = forms.CharField(label=_("Formål"), max_length=300, required=False)
    rhythm = forms.ChoiceField(label=_("Rytme"), choices=Rhythm.choices)
    starts_at = forms.TimeField(label=_("Starttidspunkt"), widget=TimeInput())
    duration_minutes = forms.IntegerField(label=_("Varighed i minutter"), min_value=15, max_value=480)
    location = forms.CharField(label=_("Sted"), max_length=150, required=False)
    organisations = forms.ModelMultipleChoiceField(label=_("Deltagende organisationer"), queryset=None)  # type: ignore[arg-type]
    ended_on = forms.DateField(label=_("Mødet stopper efter"), required=False, widget=DateInput(),
                               help_text=_("Udfyld, når mødet ikke skal holdes mere. Invitationen stopper samme dag."))

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = organisations


class MemberForm(SubmitOnceMixin, forms.Form):
    professional = ProfessionalChoiceField(label=_("Fagperson"), queryset=None)  # type: ignore[arg-type]

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["professional"].queryset = people


class OccurrenceForm(SubmitOnceMixin, forms.Form):
    held_on = forms.DateField(label=_("Dato"), widget=DateInput())


GROUNDS_CHOICES = [(CONSENT, _("Den unge har givet samtykke til en af mødets organisationer")), *LegalBasis.choices]


class YouthChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.full_name


class AgendaForm(SubmitOnceMixin, forms.Form):
    youth = YouthChoiceField(label=_("Ung"), queryset=None,  # type: ignore[arg-type]
                             help_text=_("Unge du selv er i kæden omkring."))
    question = forms.CharField(label=_("Spørgsmålet til mødet"), max_length=300,
                               widget=forms.Textarea(attrs={"rows": 2}),
                               help_text=_("Kort: hvad skal mødet tage stilling til? Ikke en beskrivelse af den unge."))
    grounds = forms.ChoiceField(label=_("Grundlag for at dele"), choices=GROUNDS_CHOICES, initial=CONSENT)
    legal_basis_note = forms.CharField(label=_("Note om lovgrundlaget"), max_length=300, required=False)

    def __init__(self, *args: Any, youth: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["youth"].queryset = youth


class DecisionForm(SubmitOnceMixin, forms.Form):
    text = forms.CharField(label=_("Beslutning"), max_length=200,
                           help_text=_("Hvad blev besluttet – ikke et referat af drøftelsen."))
    owner = ProfessionalChoiceField(label=_("Ansvarlig"), queryset=None)  # type: ignore[arg-type]
    due_on = forms.DateField(label=_("Frist"), widget=DateInput())

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people


class ParticipantForm(SubmitOnceMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Hvem deltager?"), choices=ParticipantKind.choices)
    professional = ProfessionalChoiceField(label=_("Fagperson fra kæden"), queryset=None, required=False)  # type: ignore[arg-type]
    guardian = forms.ModelChoiceField(label=_("Forælder eller værge"), queryset=None, required=False)  # type: ignore[arg-type]
    # Only for a guardian: the young person's consent when she is 18 or over on the meeting day, and the SMS.
    consent = ConsentChoiceField(label=_("Den unges samtykke (forælder eller værge, når den unge er 18 eller over)"),
                                 queryset=None, required=False)  # type: ignore[arg-type]
    sms_reminder = forms.TypedChoiceField(label=_("SMS-påmindelse til forælder eller værge dagen før"),
                                          choices=[("ja", _("Ja")), ("nej", _("Nej"))], coerce=lambda v: v == "ja",
                                          required=False, empty_value=True)

    def __init__(self, *args: Any, people: Any, guardians: Any, consents: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["professional"].queryset = people
        self.fields["guardian"].queryset = guardians
        self.fields["consent"].queryset = consents if consents is not None else Consent.objects.none()


class AgreementForm(SubmitOnceMixin, forms.Form):
    organisation = forms.ModelChoiceField(label=_("Samarbejdspartner"), queryset=None)  # type: ignore[arg-type]
    title = forms.CharField(label=_("Titel"), max_length=150)
    agreed = forms.CharField(label=_("Det er aftalt"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5}))
    contact_people = forms.CharField(label=_("Kontaktpersoner"), max_length=300,
                                     help_text=_("Navn og telefon hos begge parter."))
    starts_on = forms.DateField(label=_("Start"), widget=DateInput())
    review_on = forms.DateField(label=_("Tages op igen"), widget=DateInput(),
                                help_text=_("Lederne får en påmindelse på I dag 30 dage før."))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
