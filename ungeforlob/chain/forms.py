"""Forms for the chain. They validate input only; writes happen in services.

Every form that creates a row includes SubmitOnceMixin (saved once even when posted twice); the referral
form keeps its own idempotency key, which the service honours (the partner is told it was already sent)."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ungeforlob.accounts.models import Organisation
from ungeforlob.chain.models import ChainRole, ConcernCategory, Consent, LegalBasis, Severity
from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.core.validators import validate_danish_phone
from ungeforlob.youth import cpr


class EmptyForm(forms.Form):
    """A POST with nothing to fill in (a button): carries the service's errors for the message."""


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class ProfessionalChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        org = obj.organisation.name if obj.organisation_id else ""
        parts = [str(obj), obj.profession, org]
        return " · ".join(p for p in parts if p)


class ConsentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.receiving_organisation} – {obj.purpose} ({_('til')} {obj.expires_on:%d.%m.%Y})"


ROLE_CHOICES = [("", "—"), *ChainRole.choices]
NON_CONTACT_ROLES = [("", "—"), *[(v, lbl) for v, lbl in ChainRole.choices if v != ChainRole.CONTACT_PERSON]]
LEGAL_CHOICES = [("", _("Intet – brug samtykke")), *LegalBasis.choices]


class GroundsMixin(forms.Form):
    consent = ConsentChoiceField(label=_("Den unges samtykke"), queryset=Consent.objects.none(), required=False,
                                 empty_label=_("Intet samtykke valgt"),
                                 help_text=_("Kræves når fagpersonen er fra en anden sektor – eller vælg et lovgrundlag."))
    legal_basis = forms.ChoiceField(label=_("Eller lovgrundlag"), choices=LEGAL_CHOICES, required=False)
    legal_basis_note = forms.CharField(label=_("Note om lovgrundlaget"), max_length=300, required=False)


class MemberAddForm(SubmitOnceMixin, GroundsMixin):
    professional = ProfessionalChoiceField(label=_("Fagperson"), queryset=None)  # type: ignore[arg-type]
    role = forms.ChoiceField(label=_("Rolle"), choices=NON_CONTACT_ROLES)
    start_date = forms.DateField(label=_("Fra"), required=False, widget=DateInput(),
                                 help_text=_("Tom betyder i dag."))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    field_order = ["professional", "role", "start_date", "consent", "legal_basis", "legal_basis_note", "note"]

    def __init__(self, *args: Any, professionals: Any, consents: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["professional"].queryset = professionals
        self.fields["consent"].queryset = consents


class RoleChangeForm(SubmitOnceMixin, forms.Form):
    role = forms.ChoiceField(label=_("Ny rolle"), choices=NON_CONTACT_ROLES)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ExtendedForm(SubmitOnceMixin, forms.Form):
    extended = forms.BooleanField(
        label=_("Arbejder som Kontaktperson+"), required=False,
        help_text=_("Kontaktperson+ er den udvidede kontaktperson: koordinerer på tværs af hele kæden og giver "
                    "udvidet vejledning. Ellers er det kontaktpersonen i den kommunale ungeindsats."))


class MemberEndForm(forms.Form):
    note = forms.CharField(label=_("Hvorfor stopper medlemskabet?"), max_length=300, required=False)
    end_other_roles = forms.BooleanField(
        label=_("Afslut også personens andre roller i den unges kæde"), required=False,
        help_text=_("Så har personen ikke længere adgang til den unge. Kontaktpersonen skiftes med en overlevering."))

    def __init__(self, *args: Any, other_roles: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not other_roles:
            del self.fields["end_other_roles"]


class ContactWishForm(SubmitOnceMixin, forms.Form):
    wished_professional = ProfessionalChoiceField(label=_("Den unge ønsker som kontaktperson"), queryset=None,  # type: ignore[arg-type]
                                                  required=False)
    wish_text = forms.CharField(label=_("Den unges ønske med egne ord"), max_length=300, required=False,
                                help_text=_("Fx \"den jeg kender fra skolen\"."))

    def __init__(self, *args: Any, professionals: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["wished_professional"].queryset = professionals


class ConsentForm(SubmitOnceMixin, forms.Form):
    receiving_organisation = forms.ModelChoiceField(label=_("Modtagende organisation"), queryset=None)  # type: ignore[arg-type]
    purpose = forms.CharField(label=_("Formål"), max_length=300,
                              help_text=_("Hvad skal oplysningerne bruges til?"))
    scope = forms.CharField(label=_("Omfang"), max_length=300,
                            help_text=_("Hvilke oplysninger må deles? Fx plan og mål, fravær."))
    expires_on = forms.DateField(label=_("Udløber"), widget=DateInput())

    def __init__(self, *args: Any, municipality_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["receiving_organisation"].queryset = Organisation.objects.filter(
            municipality_id=municipality_id, is_active=True).order_by("name")
        if not self.is_bound:
            self.initial.setdefault("expires_on", timezone.localdate() + datetime.timedelta(days=365))


class ConcernForm(SubmitOnceMixin, forms.Form):
    category = forms.ChoiceField(label=_("Kategori"), choices=[("", "—"), *ConcernCategory.choices])
    severity = forms.ChoiceField(label=_("Hvor alvorligt er det?"), choices=Severity.choices, initial=Severity.MEDIUM,
                                 help_text=_("Alvorlig: skal kvitteres samme dag. Ellers inden for én arbejdsdag."))
    description = forms.CharField(label=_("Hvad har du set?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))
    notify = forms.ModelMultipleChoiceField(
        label=_("Giv også besked til"), queryset=None, required=False,  # type: ignore[arg-type]
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kontaktpersonen får altid besked. Beskeden uden for systemet indeholder ingen personoplysninger."),
    )

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["notify"].queryset = members


class TextForm(SubmitOnceMixin, forms.Form):
    text = forms.CharField(label=_("Hvad er der gjort?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class OutcomeForm(forms.Form):
    outcome = forms.CharField(label=_("Udfald"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class ReferralForm(forms.Form):
    key = forms.UUIDField(widget=forms.HiddenInput)
    first_name = forms.CharField(label=_("Den unges fornavn"), max_length=100)
    last_name = forms.CharField(label=_("Den unges efternavn"), max_length=100)
    cpr = forms.CharField(label=_("CPR-nummer"), max_length=11, required=False,
                          widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
                          help_text=_("10 cifre. Gemmes krypteret. Kender du det ikke, så skriv fødselsdatoen."))
    birth_date = forms.DateField(label=_("Fødselsdato"), required=False, widget=DateInput(),
                                 help_text=_("Kun hvis du ikke kender CPR-nummeret."))
    problem = forms.CharField(label=_("Hvad har den unge brug for hjælp til? (få linjer)"), max_length=1000,
                              widget=forms.Textarea(attrs={"rows": 4}))
    youth_accepted = forms.BooleanField(label=_("Den unge har sagt ja til at blive henvist"))
    accepted_asked_by = forms.CharField(label=_("Hvem spurgte den unge?"), max_length=150)
    accepted_on = forms.DateField(label=_("Hvornår sagde den unge ja?"), widget=DateInput())
    mobile = forms.CharField(label=_("Den unges mobilnummer"), max_length=20, required=False,
                             widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}))
    email = forms.EmailField(label=_("Den unges e-mail"), max_length=254, required=False)
    how_to_reach = forms.CharField(label=_("Sådan får vi bedst fat i den unge"), max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("key", uuid.uuid4())
            self.initial.setdefault("accepted_on", timezone.localdate())

    def clean_cpr(self) -> str:
        value = self.cleaned_data.get("cpr") or ""
        return cpr.normalize_cpr(value) if value.strip() else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("cpr") and not data.get("birth_date") and "cpr" not in self.errors \
                and "birth_date" not in self.errors:
            self.add_error("cpr", _("Skriv den unges CPR-nummer eller fødselsdato."))
        return data

    def clean_mobile(self) -> str:
        value = self.cleaned_data.get("mobile") or ""
        return validate_danish_phone(value) if value.strip() else ""


class ReferralAcceptForm(forms.Form):
    cpr_number = forms.CharField(label=_("Den unges CPR-nummer"), max_length=11,
                                 error_messages={"required": _("Henvisningen har intet CPR-nummer. "
                                                               "Skriv den unges CPR-nummer.")},
                                 widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
                                 help_text=_("Henvisningen kom uden CPR-nummer. Det skal passe med fødselsdatoen."))
    contact_person = ProfessionalChoiceField(label=_("Kontaktperson"), queryset=None)  # type: ignore[arg-type]
    start_date = forms.DateField(label=_("Forløbet starter"), required=False, widget=DateInput(),
                                 help_text=_("Tom betyder i dag."))

    def __init__(self, *args: Any, professionals: Any, needs_cpr: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contact_person"].queryset = professionals
        if not needs_cpr:
            del self.fields["cpr_number"]


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Begrundelse"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}))


class HandoverForm(SubmitOnceMixin, GroundsMixin):
    receiver = ProfessionalChoiceField(label=_("Modtager"), queryset=None,  # type: ignore[arg-type]
                                       help_text=_("Den navngivne person, der skal acceptere overleveringen."))
    role = forms.ChoiceField(label=_("Modtagerens rolle"), choices=ROLE_CHOICES, initial=ChainRole.CONTACT_PERSON)
    what_works = forms.CharField(label=_("Det der virker"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3}))
    watch_out = forms.CharField(label=_("Det skal du være opmærksom på"), max_length=3000, required=False,
                                widget=forms.Textarea(attrs={"rows": 3}))
    agreements = forms.CharField(label=_("Aftaler"), max_length=3000, required=False,
                                 widget=forms.Textarea(attrs={"rows": 3}))
    plan = forms.CharField(label=_("Planen"), max_length=3000, required=False, widget=forms.Textarea(attrs={"rows": 3}))

    field_order = ["receiver", "role", "what_works", "watch_out", "agreements", "plan", "consent", "legal_basis",
                   "legal_basis_note"]

    def __init__(self, *args: Any, professionals: Any, consents: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["receiver"].queryset = professionals
        self.fields["consent"].queryset = consents


class CommentForm(SubmitOnceMixin, forms.Form):
    text = forms.CharField(label=_("Kommentar"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class ReassignForm(forms.Form):
    receivers = forms.ModelMultipleChoiceField(label=_("Nye kontaktpersoner"), queryset=None,  # type: ignore[arg-type]
                                               widget=forms.CheckboxSelectMultiple,
                                               help_text=_("De unge fordeles, så sagsstammerne bliver så lige som muligt."))
    note = forms.CharField(label=_("Overleveringsnote"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("Gemmes som overlevering for hver ung."))
    end_other_roles = forms.BooleanField(
        label=_("Medarbejderen stopper: afslut også de andre roller i de unges kæder"), required=False,
        initial=True, help_text=_("Fx som mentor eller UU-vejleder. Så har medarbejderen ikke længere adgang til de unge."))

    def __init__(self, *args: Any, professionals: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["receivers"].queryset = professionals
        self.fields["receivers"].label_from_instance = ProfessionalChoiceField.label_from_instance.__get__(
            self.fields["receivers"])


class PlanStopForm(SubmitOnceMixin, forms.Form):
    stopped_on = forms.DateField(label=_("Hvornår stoppede den unge med at følge uddannelsesplanen?"),
                                 widget=DateInput())
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class DayForm(forms.Form):
    day = forms.DateField(label=_("Dato"), widget=DateInput())
    offer = forms.CharField(label=_("Tilbuddet"), max_length=300, required=False)
