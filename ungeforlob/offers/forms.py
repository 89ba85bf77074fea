from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from ungeforlob.accounts.models import Organisation, Sector
from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.offers.models import (
    FidelityAnswerValue,
    FidelityItem,
    NeedTag,
    Offer,
    OfferMethod,
    PracticeElement,
    PracticeRating,
    ReadinessLevel,
)
from ungeforlob.offers.selectors import SORTS, STATUS_FILTERS, OfferFilter
from ungeforlob.youth.forms import DateInput

STATUS_CHOICES = [("aktive", _("Aktive tilbud")), ("alle", _("Alle tilbud")), ("udgaaede", _("Udgåede tilbud"))]


class OfferSearchForm(forms.Form):
    """The catalogue's search and filters. Invalid values are ignored, never an error page."""

    q = forms.CharField(label=_("Søg i navn, formål, målgruppe og behov"), max_length=100, required=False)
    sektor = forms.ChoiceField(label=_("Sektor"), required=False, choices=[("", _("Alle sektorer")), *Sector.choices])
    alder = forms.IntegerField(label=_("Den unges alder"), required=False, min_value=0, max_value=120,
                               widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
    niveau = forms.ChoiceField(label=_("Parathedsniveau"), required=False,
                               choices=[("", _("Alle niveauer")), *ReadinessLevel.choices])
    behov = forms.TypedChoiceField(label=_("Behov"), required=False, coerce=int, empty_value=None)
    vis = forms.ChoiceField(label=_("Vis"), required=False, choices=STATUS_CHOICES)
    sort = forms.ChoiceField(required=False, choices=[(k, k) for k in SORTS])

    def __init__(self, data: Any, *, need_tags: list[NeedTag]) -> None:
        super().__init__(data)
        self.fields["behov"].choices = [("", _("Alle behov")), *((t.pk, t.name) for t in need_tags)]

    def to_filter(self) -> OfferFilter:
        self.is_valid()
        data = dict(self.cleaned_data)
        status = data.get("vis") or "aktive"
        return OfferFilter(
            q=data.get("q") or "",
            sector=data.get("sektor") or "",
            age=data.get("alder"),
            level=data.get("niveau") or "",
            need=data.get("behov"),
            status=status if status in STATUS_FILTERS else "aktive",
            sort=data.get("sort") or "navn",
        )


class OfferForm(SubmitOnceMixin, forms.ModelForm):
    readiness_levels = forms.MultipleChoiceField(
        label=_("Parathedsniveauer tilbuddet passer til"), required=False, choices=ReadinessLevel.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    url = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")
    needs = forms.CharField(
        label=_("Behov"), required=False, max_length=600,
        help_text=_("Adskil med komma, fx angst, ordblindhed, mentor."),
    )

    class Meta:
        model = Offer
        fields = [
            "name", "provider", "provider_name", "context", "sector", "phase", "focus", "description",
            "target_group", "age_min", "age_max", "anchoring", "contact_name", "contact_phone", "contact_email",
            "address", "capacity", "waiting_list", "financing_note", "url", "is_active",
        ]
        widgets = {
            "focus": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 4}),
            "target_group": forms.Textarea(attrs={"rows": 3}),
            "financing_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, municipality_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = Organisation.objects.filter(municipality_id=municipality_id, is_active=True)
        self.fields["provider"].required = False
        self.fields["age_min"].widget.attrs.update({"min": 0, "max": 120})
        self.fields["age_max"].widget.attrs.update({"min": 0, "max": 120})
        if self.instance.pk:
            self.initial.setdefault("readiness_levels", [lv.value for lv in self.instance.readiness_levels])
            self.initial.setdefault("needs", ", ".join(t.name for t in self.instance.need_tags.all()))
        self.order_fields(["name", "provider", "provider_name", "context", "sector", "phase", "focus", "description",
                           "target_group", "age_min", "age_max", "readiness_levels", "needs"])

    def clean_age_max(self) -> int | None:
        low, high = self.cleaned_data.get("age_min"), self.cleaned_data.get("age_max")
        if low is not None and high is not None and high < low:
            raise forms.ValidationError(_("Alder til er mindre end alder fra."))
        return high

    def clean_needs(self) -> list[str]:
        names: list[str] = []
        for part in (self.cleaned_data.get("needs") or "").split(","):
            part = part.strip()
            if len(part) > 60:
                raise forms.ValidationError(_("Et behov må højst være 60 tegn."))
            if part and part.lower() not in {n.lower() for n in names}:
                names.append(part)
        return names

    def offer_values(self) -> dict[str, Any]:
        values = {k: v for k, v in self.cleaned_data.items() if k not in {"readiness_levels", "needs", "submission"}}
        chosen = set(self.cleaned_data.get("readiness_levels") or [])
        values["readiness"] = " ".join(lv.value for lv in ReadinessLevel if lv.value in chosen)
        values["waiting_list"] = values.get("waiting_list") or 0
        return values


class AssessmentForm(forms.Form):
    """The eleven elements of promising practice: a rating and an evidence note each."""

    def __init__(self, *args: Any, profile: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = []
        for item in profile:
            rating = forms.TypedChoiceField(label=_("Vurdering"), choices=PracticeRating.choices, coerce=int,
                                            initial=item.rating)
            evidence = forms.CharField(label=_("Dokumentation"), required=False, max_length=2000,
                                       initial=item.evidence, widget=forms.Textarea(attrs={"rows": 2}))
            self.fields[f"rating_{item.element}"] = rating
            self.fields[f"evidence_{item.element}"] = evidence
            self.rows.append((item.label, item.element))

    def element_rows(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        return [(label, self[f"rating_{el}"], self[f"evidence_{el}"]) for label, el in self.rows]

    def ratings(self) -> dict[str, tuple[int, str]]:
        return {
            el.value: (self.cleaned_data[f"rating_{el.value}"], self.cleaned_data[f"evidence_{el.value}"])
            for el in PracticeElement
        }


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fil med tilbud (CSV eller Excel)"),
        help_text=_("Første række er kolonnenavne. Kolonnen name (navn) er påkrævet; kode gør genimport sikker."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )


class LinkForm(forms.Form):
    """The ids only; the view resolves the activity through the young person (`selectors.access_activity`)."""

    activity = forms.IntegerField(label=_("Aktivitet"), min_value=1)
    offer = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


# ------------------------------------------------------------------------------------- fact box and method

DATE_ERRORS = {"invalid": _("Skriv en gyldig dato (åååå-mm-dd).")}
MAX_PERIOD_DAYS = 10 * 366


class PeriodForm(forms.Form):
    """The fact box's period: from and to, the last 12 months when nothing is chosen."""

    fra = forms.DateField(label=_("Fra"), required=False, widget=DateInput(), error_messages=DATE_ERRORS)
    til = forms.DateField(label=_("Til"), required=False, widget=DateInput(), error_messages=DATE_ERRORS)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("fra"), data.get("til")
        if start and end and start > end:
            raise forms.ValidationError(_("Fra-datoen skal ligge før til-datoen."))
        if start and end and (end - start).days > MAX_PERIOD_DAYS:
            raise forms.ValidationError(_("Vælg en periode på højst 10 år."))
        if start and start.year < 2000:
            self.add_error("fra", _("Vælg en dato efter år 2000."))
        return data


class OfferMethodForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    class Meta:
        model = OfferMethod
        fields = [
            "method", "change", "change_signs", "advisers", "cost_amount", "cost_unit", "target_served",
            "target_education_share", "target_job_share", "target_median_days", "target_retention_3",
            "target_retention_6", "target_retention_12", "target_per_adviser",
        ]
        widgets = {
            "method": forms.Textarea(attrs={"rows": 5}),
            "change": forms.Textarea(attrs={"rows": 3}),
            "change_signs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["advisers"].min_value = Decimal("0.1")
        self.fields["advisers"].validators.append(MinValueValidator(Decimal("0.1")))
        self.fields["cost_amount"].validators.append(MinValueValidator(0))
        for name in ("target_education_share", "target_job_share", "target_retention_3", "target_retention_6",
                     "target_retention_12"):
            self.fields[name].validators.append(MaxValueValidator(100))
            self.fields[name].widget.attrs.update({"min": 0, "max": 100})
        if not self.is_bound:
            self.initial.setdefault("version", self.instance.version if self.instance.pk else 0)

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class ChecklistForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    items = forms.CharField(
        label=_("Punkter i tjeklisten"), max_length=10000, required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Ét punkt pr. linje, fx »Den unge har samme medarbejder hele forløbet«."),
    )

    def texts(self) -> list[str]:
        return (self.cleaned_data.get("items") or "").splitlines()


class FidelityRoundForm(SubmitOnceMixin, forms.Form):
    """One round of the checklist: a date, then ja/delvist/nej and a comment per item."""

    held_on = forms.DateField(label=_("Dato for gennemgangen"), widget=DateInput(), error_messages={
        "required": _("Skriv datoen for gennemgangen."), **DATE_ERRORS})
    note = forms.CharField(label=_("Samlet bemærkning"), max_length=2000, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, items: list[FidelityItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"answer_{item.pk}"] = forms.ChoiceField(
                label=item.text, choices=FidelityAnswerValue.choices, widget=forms.RadioSelect,
                error_messages={"required": _("Svar ja, delvist eller nej.")})
            self.fields[f"comment_{item.pk}"] = forms.CharField(label=_("Kommentar"), max_length=500, required=False)

    def item_rows(self) -> list[tuple[FidelityItem, forms.BoundField, forms.BoundField]]:
        return [(item, self[f"answer_{item.pk}"], self[f"comment_{item.pk}"]) for item in self.items]

    def answers(self) -> dict[int, tuple[str, str]]:
        return {item.pk: (self.cleaned_data[f"answer_{item.pk}"], self.cleaned_data[f"comment_{item.pk}"])
                for item in self.items}


class EvaluationEntryForm(SubmitOnceMixin, forms.Form):
    entry_date = forms.DateField(label=_("Dato"), widget=DateInput(), error_messages={
        "required": _("Skriv datoen."), **DATE_ERRORS})
    text = forms.CharField(label=_("Hvad blev evalueret, hvad viste det, og hvad ændrer I?"), max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 4}))
