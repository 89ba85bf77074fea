"""The municipality's indicator set (every change is a new version, older versions stay) and the rhythm of
reassessment."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.progression.levels import LEVEL_ORDER, Level
from ungeforlob.progression.models import Indicator, IndicatorSet, IndicatorSource, ProgressionSettings

DEFAULTS_FILE = Path(__file__).parent.parent / "data" / "indicators.json"
MAX_INDICATOR = 300


@cache
def indicator_defaults() -> list[tuple[str, str, str]]:
    """(level, text, source) for every default indicator, in taxonomy order."""
    data = json.loads(DEFAULTS_FILE.read_text(encoding="utf-8"))
    rows = []
    for level in Level:
        for text, source in data["levels"][level.value]:
            rows.append((level.value, text, source))
    return rows


def _audit_set(*, actor: Any, indicator_set: IndicatorSet, detail: dict[str, Any]) -> None:
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=indicator_set, municipality=indicator_set.municipality,
                 detail={"version": indicator_set.version, **detail})


@transaction.atomic
def indicator_set_current(*, municipality: Any, actor: Any = None) -> IndicatorSet:
    """The municipality's current indicator set; the first time, version 1 is made from the defaults."""
    current = IndicatorSet.objects.filter(municipality=municipality).order_by("-version").first()
    if current is not None:
        return current
    try:
        with transaction.atomic():
            current = IndicatorSet.objects.create(
                municipality=municipality, version=1, created_by=actor,
                change_note=_("Standardindikatorerne fra taksonomien."),
            )
    except IntegrityError:  # made at the same moment by another request
        return IndicatorSet.objects.filter(municipality=municipality).order_by("-version").first()  # type: ignore[return-value]
    Indicator.objects.bulk_create(
        Indicator(indicator_set=current, level=level, text=text, source=source, position=i)
        for i, (level, text, source) in enumerate(indicator_defaults())
    )
    _audit_set(actor=actor, indicator_set=current, detail={"change": "defaults"})
    return current


def _new_version(
    *, actor: Any, municipality: Any, change_note: str,
    change: Callable[[list[dict[str, Any]]], list[dict[str, Any]]],
) -> IndicatorSet:
    """Copy the current set into a new version with `change` applied to its rows. Older versions stay."""
    current = indicator_set_current(municipality=municipality, actor=actor)
    rows = [
        {"lineage": i.lineage, "level": i.level, "text": i.text, "source": i.source}
        for i in current.indicators.order_by("position", "pk")
    ]
    rows = change(rows)
    rows.sort(key=lambda r: LEVEL_ORDER[r["level"]])  # stable: keeps the order within a level
    try:
        with transaction.atomic():
            new = IndicatorSet.objects.create(
                municipality=municipality, version=current.version + 1, created_by=actor, change_note=change_note[:300]
            )
    except IntegrityError as exc:
        raise ValidationError(
            {"text": _("En anden har netop ændret indikatorerne. Indlæs siden igen, og prøv igen.")}
        ) from exc
    Indicator.objects.bulk_create(Indicator(indicator_set=new, position=pos, **row) for pos, row in enumerate(rows))
    _audit_set(actor=actor, indicator_set=new, detail={"change": change_note[:300]})
    return new


def _clean_indicator_input(level: str, text: str) -> str:
    errors = {}
    text = (text or "").strip()
    if level not in LEVEL_ORDER:
        errors["level"] = _("Vælg et niveau.")
    if not text:
        errors["text"] = _("Skriv indikatoren.")
    elif len(text) > MAX_INDICATOR:
        errors["text"] = _("Indikatoren må højst være %(n)s tegn.") % {"n": MAX_INDICATOR}
    if errors:
        raise ValidationError(errors)
    return text


def _check_current(indicator: Indicator) -> IndicatorSet:
    current = indicator_set_current(municipality=indicator.indicator_set.municipality)
    if indicator.indicator_set_id != current.pk:
        raise ValidationError(
            {"text": _("Indikatoren hører til en ældre version. Indlæs siden igen, og prøv igen.")}
        )
    return current


@transaction.atomic
def indicator_add(*, actor: Any, municipality: Any, level: str, text: str) -> IndicatorSet:
    """Add a municipality's own indicator: a new version of the set."""
    text = _clean_indicator_input(level, text)

    def change(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [*rows, {"lineage": uuid.uuid4(), "level": level, "text": text, "source": IndicatorSource.LOCAL}]

    note = _("Tilføjet: %(text)s") % {"text": text}
    return _new_version(actor=actor, municipality=municipality, change_note=note, change=change)


@transaction.atomic
def indicator_edit(*, actor: Any, indicator: Indicator, level: str, text: str) -> IndicatorSet:
    """Reword an indicator or move it to another level: a new version. A reworded indicator is the
    municipality's own from then on (it no longer quotes the source)."""
    text = _clean_indicator_input(level, text)
    _check_current(indicator)
    if text == indicator.text and level == indicator.level:
        raise ValidationError({"text": _("Du har ikke ændret noget.")})

    def change(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for row in rows:
            if row["lineage"] == indicator.lineage:
                if row["text"] != text:
                    row["source"] = IndicatorSource.LOCAL
                row.update(level=level, text=text)
        return rows

    note = _("Rettet: %(text)s") % {"text": text}
    return _new_version(actor=actor, municipality=indicator.indicator_set.municipality, change_note=note,
                        change=change)


@transaction.atomic
def indicator_retire(*, actor: Any, indicator: Indicator) -> IndicatorSet:
    """Take an indicator out of use: a new version without it. Assessments that used it keep it."""
    _check_current(indicator)

    def change(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [r for r in rows if r["lineage"] != indicator.lineage]

    note = _("Udgået: %(text)s") % {"text": indicator.text}
    return _new_version(actor=actor, municipality=indicator.indicator_set.municipality, change_note=note,
                        change=change)


@transaction.atomic
def progression_settings_update(
    *, actor: Any, municipality: Any, reassessment_months: int, first_assessment_days: int, due_soon_days: int
) -> ProgressionSettings:
    settings_row, _created = ProgressionSettings.objects.get_or_create(municipality=municipality)
    settings_row.reassessment_months = reassessment_months
    settings_row.first_assessment_days = first_assessment_days
    settings_row.due_soon_days = due_soon_days
    settings_row.updated_by = actor
    settings_row.full_clean()
    settings_row.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=settings_row, municipality=municipality,
                 detail={"reassessment_months": reassessment_months, "first_assessment_days": first_assessment_days,
                         "due_soon_days": due_soon_days})
    return settings_row
