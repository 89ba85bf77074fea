from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.targets.measures import measure_choices
from ungeforlob.targets.models import Direction
from ungeforlob.targets.services import YEARS_AHEAD, YEARS_BACK

_NUMBER_ERRORS = {"invalid": _("Skriv et tal, fx 65 eller 92,5."), "required": _("Skriv en målværdi."),
                  "max_digits": _("Tallet er for stort."), "max_decimal_places": _("Højst én decimal."),
                  "max_whole_digits": _("Tallet er for stort.")}


class _TargetFields(forms.Form):
    direction = forms.ChoiceField(label=_("Retning"), choices=Direction.choices, widget=forms.RadioSelect,
                                  error_messages={"required": _("Vælg mindst eller højst."),
                                                  "invalid_choice": _("Vælg mindst eller højst.")})
    value = forms.DecimalField(label=_("Målværdi"), max_digits=7, decimal_places=1, localize=True,
                               help_text=_("I procent for andele (fx 65), i dage for dage (fx 155)."),
                               error_messages=_NUMBER_ERRORS)
    note = forms.CharField(label=_("Begrundelse eller kilde"), max_length=300, required=False,
                           help_text=_("Fx beslutningen i udvalget, og hvornår den blev truffet."))


class TargetCreateForm(SubmitOnceMixin, _TargetFields):
    year = forms.TypedChoiceField(label=_("År"), coerce=int, choices=(),
                                  error_messages={"invalid_choice": _("Vælg et år fra listen.")})
    measure = forms.ChoiceField(label=_("Måltal for"), choices=(),
                                error_messages={"required": _("Vælg et måltal."),
                                                "invalid_choice": _("Vælg et måltal fra listen.")})

    field_order = ["year", "measure", "direction", "value", "note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].choices = [(y, str(y)) for y in range(this_year - YEARS_BACK, this_year + YEARS_AHEAD + 1)]
        self.fields["measure"].choices = measure_choices()


class TargetEditForm(_TargetFields):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class CaseloadBandForm(forms.Form):
    low = forms.IntegerField(label=_("Fra (unge pr. kontaktperson)"), min_value=1, max_value=200,
                             error_messages={"invalid": _("Skriv et helt tal."), "required": _("Skriv et tal."),
                                             "min_value": _("Skriv et tal på mindst 1."),
                                             "max_value": _("Skriv et tal på højst 200.")})
    high = forms.IntegerField(label=_("Til (unge pr. kontaktperson)"), min_value=1, max_value=200,
                              error_messages={"invalid": _("Skriv et helt tal."), "required": _("Skriv et tal."),
                                              "min_value": _("Skriv et tal på mindst 1."),
                                              "max_value": _("Skriv et tal på højst 200.")})
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
