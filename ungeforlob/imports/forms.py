"""Forms of the imports app: the upload (the dry run starts from it) and the confirmation."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.forms import SubmitOnceMixin


class UploadForm(SubmitOnceMixin):
    file = forms.FileField(
        label=_("Fil (CSV eller Excel)"),
        help_text=_("Første række er kolonnenavnene fra skabelonen. Intet bliver gemt, før du har set "
                    "kontrollen og bekræftet."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )


class ConfirmForm(SubmitOnceMixin):
    """A button: confirming twice starts the run once (the job's status is checked under a lock as well)."""
