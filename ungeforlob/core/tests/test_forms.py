import datetime

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from ungeforlob.core.forms import SubmitOnceMixin, run_service
from ungeforlob.core.models import FormSubmission
from ungeforlob.core.services import form_submissions_prune

pytestmark = pytest.mark.django_db


class NoteForm(SubmitOnceMixin):
    text = forms.CharField()


def _posted(token: str) -> NoteForm:
    form = NoteForm({"text": "Hej", "submission": token})
    assert form.is_valid()
    return form


def test_it_runs_the_service_once_for_a_form_posted_twice() -> None:
    saved: list[str] = []
    ok, _, _ = run_service(_posted("abc123"), lambda: saved.append("x"))
    again, _, form = run_service(_posted("abc123"), lambda: saved.append("x"))
    assert ok and not again
    assert saved == ["x"]
    assert "allerede sendt" in str(form.non_field_errors())


def test_a_refused_save_leaves_the_token_unused_so_the_corrected_form_can_be_sent() -> None:
    def refuse() -> None:
        raise ValidationError({"text": "Skriv noget andet."})

    ok, _, form = run_service(_posted("tok1"), refuse)
    assert not ok and form.errors["text"] == ["Skriv noget andet."]
    assert not FormSubmission.objects.filter(key="tok1").exists()
    ok, result, _ = run_service(_posted("tok1"), lambda: 42)
    assert ok and result == 42


def test_a_form_without_a_token_is_not_deduplicated() -> None:
    class Plain(forms.Form):
        text = forms.CharField()

    form = Plain({"text": "x"})
    assert form.is_valid()
    assert run_service(form, lambda: 1)[0] and run_service(form, lambda: 1)[0]


def test_old_tokens_are_pruned() -> None:
    FormSubmission.objects.create(key="old")
    FormSubmission.objects.filter(key="old").update(created_at=timezone.now() - datetime.timedelta(days=2))
    FormSubmission.objects.create(key="new")
    assert form_submissions_prune() == 1
    assert list(FormSubmission.objects.values_list("key", flat=True)) == ["new"]
