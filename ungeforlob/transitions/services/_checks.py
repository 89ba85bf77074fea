"""Input checks shared by the transitions' writes: dates within reach, known kinds and reasons, bounded text."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.transitions.models import StationEndReason, StationKind

# How far from today a station or transition date may lie: a typo like 2062 must not make a schedule.
MAX_PAST_DAYS = 366 * 30
MAX_FUTURE_DAYS = 366 * 2
NOTE_MAX = 500
REASON_MAX = 300


def _check_date(value: Any, field: str) -> datetime.date:
    if not isinstance(value, datetime.date):
        raise ValidationError({field: _("Skriv en gyldig dato.")})
    today = timezone.localdate()
    if value > today + datetime.timedelta(days=MAX_FUTURE_DAYS):
        raise ValidationError({field: _("Datoen ligger mere end to år ude i fremtiden.")})
    if value < today - datetime.timedelta(days=MAX_PAST_DAYS):
        raise ValidationError({field: _("Datoen ligger for langt tilbage.")})
    return value


def _check_kind(kind: str) -> None:
    if kind not in StationKind.values:
        raise ValidationError({"kind": _("Vælg en station fra listen.")})


def _check_end_reason(reason: str, field: str = "end_reason") -> None:
    if reason not in StationEndReason.values:
        raise ValidationError({field: _("Vælg hvordan det sluttede.")})


def _text(value: str, field: str, limit: int, *, required: bool = False, message: str = "") -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: message or _("Udfyld feltet.")})
    if len(value) > limit:
        raise ValidationError({field: _("Teksten må højst være %(n)s tegn.") % {"n": limit}})
    return value
