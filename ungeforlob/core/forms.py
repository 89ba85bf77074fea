"""Form helpers every app uses: one way to run a service from a form, and forms that are saved only once."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.models import FormSubmission

ALREADY_SUBMITTED = _("Formularen er allerede sendt, og det du skrev blev gemt første gang. "
                      "Du behøver ikke sende den igen.")


def apply_validation_error(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field when the form has it, else on top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            target = field if field in form.fields else None
            for message in errors:
                form.add_error(target if field != NON_FIELD_ERRORS else None, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)


class FormTokenMixin(forms.Form):
    """A one-time token, made when the form is drawn and sent back with it (`cleaned_data["submission"]`).

    On its own it only identifies one filling-in of the form (messaging uses it as the outbox's idempotency
    key); SubmitOnceMixin makes `run_service` refuse a second copy.
    """

    submission = forms.CharField(widget=forms.HiddenInput, max_length=40, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["submission"].initial = uuid.uuid4().hex

    def clean_submission(self) -> str:
        value = self.cleaned_data.get("submission") or ""
        return "".join(ch for ch in value if ch.isalnum())[:40]

    @property
    def service_data(self) -> dict[str, Any]:
        """The cleaned fields without the token, to pass to a service as keyword arguments."""
        return {k: v for k, v in self.cleaned_data.items() if k != "submission"}


class SubmitOnceMixin(FormTokenMixin):
    """Makes a create form save once, however often it is posted (a double click, a re-sent page).

    `run_service` claims the token in the same transaction as the service's write: a failed save leaves the
    token unused (the user corrects and sends again), a second copy of a saved form is refused with
    ALREADY_SUBMITTED and nothing is written twice.
    """


def _claim(key: str) -> None:
    try:
        with transaction.atomic():
            FormSubmission.objects.create(key=key)
    except IntegrityError:
        raise ValidationError(ALREADY_SUBMITTED) from None


class StaleEdit(ValidationError):
    """Someone saved the same thing since the form was drawn; `current_version` is its version now (optimistic
    locking: services compare the version the form was drawn with and raise this, with their own message)."""

    def __init__(self, message: Any, *, current_version: int) -> None:
        super().__init__(message)
        self.current_version = current_version


def keep_on_stale(form: forms.Form, rebind: Callable[[Any], forms.Form]
                  ) -> Callable[[ValidationError], forms.Form | None]:
    """`run_service`'s `on_error` for a stale save: the user's words stay in a form (made again by `rebind` from
    the posted data) moved to the current version, so saving again knowingly replaces the other change."""
    def on_error(exc: ValidationError) -> forms.Form | None:
        if not isinstance(exc, StaleEdit):
            return None
        data = form.data.copy()
        data["version"] = str(exc.current_version)
        fresh = rebind(data)
        fresh.is_valid()
        return fresh
    return on_error


def run_service(
    form: forms.Form,
    call: Callable[[], Any],
    *,
    on_error: Callable[[ValidationError], forms.Form | None] | None = None,
) -> tuple[bool, Any, forms.Form]:
    """Run a service for a valid form. Returns (ok, the service's result, the form to show again).

    The service's ValidationError lands on the form (its field where the form has one, else on top), so the
    user sees a Danish message and keeps what they wrote. `on_error` may return a rebound form first (the
    plans' stale-edit handling moves the form to the current version). A SubmitOnceMixin form's token is
    claimed in the same transaction as the write.
    """
    key = form.cleaned_data.get("submission", "") if isinstance(form, SubmitOnceMixin) else ""
    try:
        with transaction.atomic():
            if key:
                _claim(key)
            result = call()
    except ValidationError as exc:
        if on_error is not None:
            form = on_error(exc) or form
        apply_validation_error(form, exc)
        return False, None, form
    return True, result, form
