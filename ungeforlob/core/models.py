from __future__ import annotations

from django.db import models


class FormSubmission(models.Model):
    """A one-time token of a submitted form: the same form posted twice is saved once (see core.forms).

    Holds no personal data; the worker prunes rows older than a day.
    """

    key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return self.key
