from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ungeforlob.accounts.models import Organisation, Sector
from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.offers.models import NeedTag, Offer, PracticeElement, PracticeRating, ReadinessLevel
from ungeforlob.offers.selectors import SORTS, STATUS_FILTERS, OfferFilter

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
