from __future__ import annotations

from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.forms import SubmitOnceMixin
from ungeforlob.disclosure.models import Ground, ItemKind
from ungeforlob.disclosure.selectors import Item


class WithholdForm(SubmitOnceMixin, forms.Form):
    item = forms.ChoiceField(label=_("Det skal undtages"))
    ground = forms.ChoiceField(label=_("Lovhjemmel"), choices=[("", "—"), *Ground.choices])
    explanation = forms.CharField(
        label=_("Det får den unge at vide"), max_length=300, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Den unge ser altid lovhjemlen forklaret i enkle ord og datoen. Skriv her, hvis der er mere, "
                    "den unge bør vide – fx hvem den unge kan spørge."))

    def __init__(self, *args: Any, items: list[Item], withheld: set[tuple[str, int]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(ItemKind.choices)
        self.fields["item"].choices = [("", "—")] + [
            (f"{i.kind}:{i.pk}", f"{labels[i.kind]}: {i.label} ({date_format(i.day, 'SHORT_DATE_FORMAT')})")
            for i in items if (i.kind, i.pk) not in withheld]


class ConfirmForm(forms.Form):
    """A confirmation page's POST (nothing to fill in)."""
