"""Writes: the administrator's rules and automatic setting, the runs that anonymise or delete what is due, and
the marking of data handed to the archive.

A run applies each kind's rule in the order of `kinds.KINDS`, for the young people that are due (`selectors`),
and logs itself (`RetentionRun`, counts per kind) and each kind it applied to the audit log — without naming a
young person, whose identity in the log is replaced by a pseudonym when the record is anonymised or deleted.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_pseudonymise, audit_record
from ungeforlob.retention import selectors
from ungeforlob.retention.kinds import DELETE_ON_ANONYMISE, KINDS_BY_KEY, Kind, free_text_fields
from ungeforlob.retention.models import (
    ArchiveTransfer,
    Disposal,
    RetentionDone,
    RetentionRule,
    RetentionRun,
    RetentionSetup,
    Unit,
)

BATCH = 500
MAX_YEARS = 100


def pseudonym(youth_id: int) -> str:
    """The young person's stable pseudonym in the audit log: a keyed hash of their id (AUDIT_PSEUDONYM_KEY, else
    derived from SECRET_KEY), the same in every row, not reversible without the key."""
    key = getattr(settings, "AUDIT_PSEUDONYM_KEY", "") or hashlib.sha256(
        ("audit-pseudonym:" + settings.SECRET_KEY).encode()).hexdigest()
    return "u" + hmac.new(key.encode(), f"youth:{youth_id}".encode(), hashlib.sha256).hexdigest()[:32]


# --- The rules ------------------------------------------------------------------------------------------------


@transaction.atomic
def retention_rule_save(*, actor: Any, municipality: Any, kind: str, keep_for: int, unit: str, disposal: str,
                        legal_basis: str, archive_note: str = "", version: int) -> RetentionRule:
    """Save the municipality's rule for one kind. `version` is the one the administrator saw (0 for the shipped
    default): a rule changed by someone else meanwhile is refused, not overwritten."""
    definition = KINDS_BY_KEY.get(kind)
    if definition is None:
        raise ValidationError(_("Den type data findes ikke."))
    legal_basis, archive_note = (legal_basis or "").strip(), (archive_note or "").strip()
    errors: dict[str, str] = {}
    if unit not in Unit.values:
        errors["unit"] = _("Vælg dage, måneder eller år.")
    else:
        limit = {Unit.DAYS: MAX_YEARS * 366, Unit.MONTHS: MAX_YEARS * 12, Unit.YEARS: MAX_YEARS}[Unit(unit)]
        if not 0 <= keep_for <= limit:
            errors["keep_for"] = _("Højst %(n)s år.") % {"n": MAX_YEARS}
    if disposal not in definition.disposals:
        errors["disposal"] = _("Den handling kan ikke vælges for denne type data.")
    if not legal_basis:
        errors["legal_basis"] = _("Skriv hjemlen for opbevaringen.")
    if disposal == Disposal.ARCHIVE and not archive_note:
        errors["archive_note"] = _("Skriv hvilke arkivbestemmelser, der kræver aflevering.")
    if errors:
        raise ValidationError(errors)
    rule = RetentionRule.objects.select_for_update().filter(municipality=municipality, kind=kind).first()
    current = rule.version if rule is not None else 0
    if version != current:
        raise ValidationError(_("En anden har ændret reglen, mens du skrev. Se den nye regel og ret den igen."))
    values = {"keep_for": keep_for, "unit": unit, "disposal": disposal, "legal_basis": legal_basis[:500],
              "archive_note": archive_note[:500], "updated_by": actor}
    if rule is None:
        rule = RetentionRule.objects.create(municipality=municipality, kind=kind, version=1, **values)
    else:
        for field, value in values.items():
            setattr(rule, field, value)
        rule.version += 1
        rule.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=rule, municipality=municipality,
                 detail={"kind": kind, "keep_for": keep_for, "unit": unit, "disposal": disposal})
    return rule


@transaction.atomic
def retention_setup_set(*, actor: Any, municipality: Any, automatic: bool) -> RetentionSetup:
    """Turn the worker's automatic runs on or off for the municipality."""
    setup, _created = RetentionSetup.objects.select_for_update().get_or_create(municipality=municipality)
    setup.automatic = automatic
    setup.updated_by = actor
    setup.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=setup, municipality=municipality,
                 detail={"automatic": automatic})
    return setup


@transaction.atomic
def archive_mark_transferred(*, actor: Any, municipality: Any, kind: str,
                             now: datetime.datetime | None = None) -> int:
    """The administrator's word that the kind's data now due has been handed to the archive: the next run may
    delete it. Returns how many young people's data was marked."""
    now = now or timezone.now()
    rule = selectors.rule_for(municipality, kind)
    if rule.disposal != Disposal.ARCHIVE:
        raise ValidationError(_("Reglen for denne type data siger ikke, at den afleveres til arkiv."))
    ids = list(selectors.due_youth(rule, today=timezone.localdate(now))
               .exclude(pk__in=selectors.transferred(rule).values("youth_id")).values_list("pk", flat=True))
    if not ids:
        raise ValidationError(_("Der er intet, der venter på at blive afleveret."))
    ArchiveTransfer.objects.bulk_create(
        [ArchiveTransfer(municipality=municipality, youth_id=pk, kind=kind, transferred_at=now, marked_by=actor)
         for pk in ids], ignore_conflicts=True)
    audit_record(actor=actor, action=AuditAction.UPDATE, object_type="archivetransfer", object_id=kind,
                 municipality=municipality, detail={"kind": kind, "youth": len(ids)})
    return len(ids)


# --- Applying the rules ---------------------------------------------------------------------------------------


def _batches(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start:start + BATCH]


def _anonymise_rows(kind: Kind, ids: list[int]) -> int:
    rows = 0
    for label, queryset in selectors.rows_of(kind, ids).items():
        if label == "youth.Youth":
            continue
        if label in DELETE_ON_ANONYMISE:
            rows += queryset.delete()[1].get(label, 0)
            continue
        empty = free_text_fields(label)
        rows += queryset.update(**empty) if empty else queryset.count()
    return rows


def _anonymise_youth(ids: list[int], today: datetime.date) -> None:
    """The young person's own identity: name, CPR number, phone, e-mail go; the birth year stays (age bands).
    A membership still open ends today: no one keeps an anonymised record on their list."""
    from django.db.models import F, Value
    from django.db.models.functions import Greatest

    from ungeforlob import policy
    from ungeforlob.chain.models import Membership
    from ungeforlob.youth.models import Youth

    Membership.objects.filter(youth_id__in=ids, end_date__isnull=True).update(
        end_date=Greatest(F("start_date"), Value(today)))
    policy.forget()

    people = list(Youth.objects.filter(pk__in=ids))
    for youth in people:
        youth.first_name = _("Anonymiseret")
        youth.last_name = youth.preferred_name = youth.mobile = youth.email = youth.cpr_encrypted = ""
        youth.cpr_hash = "anonymiseret:" + pseudonym(youth.pk)
        youth.birth_date = datetime.date(youth.birth_date.year, 1, 1)
    Youth.objects.bulk_update(people, ["first_name", "last_name", "preferred_name", "mobile", "email",
                                       "cpr_encrypted", "cpr_hash", "birth_date"])


def _delete_rows(kind: Kind, ids: list[int]) -> int:
    from ungeforlob.youth.models import Youth

    if kind.key == "record":
        # A referral outlives its young person by SET_NULL, with their name and CPR in it: it goes first.
        apps.get_model("chain", "Referral").objects.filter(youth_id__in=ids).delete()
        return Youth.objects.filter(pk__in=ids).delete()[1].get("youth.Youth", 0)
    rows = 0
    for label, queryset in selectors.rows_of(kind, ids).items():
        rows += queryset.delete()[1].get(label, 0)
    return rows


def _apply(rule: RetentionRule, ids: list[int], *, disposal: str, today: datetime.date) -> int:
    """Anonymise or delete one kind of these young people's data; return the rows touched."""
    kind = KINDS_BY_KEY[rule.kind]
    if kind.key == "audit_identity":
        return audit_pseudonymise(pseudonyms={pk: pseudonym(pk) for pk in ids})
    if kind.key == "record":
        # The record's identity goes from the log too, whatever the audit rule says.
        audit_pseudonymise(pseudonyms={pk: pseudonym(pk) for pk in ids})
    if disposal == Disposal.ANONYMISE:
        rows = _anonymise_rows(kind, ids)
        if kind.key == "record":
            _anonymise_youth(ids, today)
            rows = len(ids)
        return rows
    return _delete_rows(kind, ids)


def _purge_unkept(rule: RetentionRule, now: datetime.datetime) -> tuple[int, int]:
    from ungeforlob.progression.services import self_evaluation_purge_unkept

    rounds = selectors.unkept_rounds(rule, now=now)
    youth = rounds.values("youth_id").distinct().count()
    return youth, self_evaluation_purge_unkept(rounds=rounds)


def _remember(rule: RetentionRule, kind: str, ids: list[int], ends: dict[int, Any], *, disposal: str,
              run: RetentionRun, now: datetime.datetime) -> None:
    """Note that `kind` is done for these young people's last course (replacing a note about an earlier one)."""
    RetentionDone.objects.filter(kind=kind, youth_id__in=ids).delete()
    RetentionDone.objects.bulk_create(
        [RetentionDone(municipality_id=rule.municipality_id, youth_id=pk, kind=kind, course_end=ends[pk],
                       disposal=disposal, run=run, done_at=now) for pk in ids])


def _run_rule(rule: RetentionRule, run: RetentionRun, now: datetime.datetime) -> dict[str, Any]:
    kind = KINDS_BY_KEY[rule.kind]
    if kind.anchor == "finished":
        youth, rows = _purge_unkept(rule, now)
        return {"youth": youth, "rows": rows, "disposal": rule.disposal, "ids": []}
    due = selectors.due_youth(rule, today=timezone.localdate(now))
    awaiting = 0
    disposal = rule.disposal
    if rule.disposal == Disposal.ARCHIVE:
        awaiting = due.exclude(pk__in=selectors.transferred(rule).values("youth_id")).count()
        due = due.filter(pk__in=selectors.transferred(rule).values("youth_id"))
        disposal = Disposal.DELETE  # handed over: the municipality's own copy goes
    ends = dict(due.values_list("pk", "last_end"))
    ids = sorted(ends)
    rows = 0
    for batch in _batches(ids):
        rows += _apply(rule, batch, disposal=disposal, today=timezone.localdate(now))
        # The record anonymised or deleted: so is its identity in the log.
        for done_kind in [rule.kind, "audit_identity"] if kind.key == "record" else [rule.kind]:
            _remember(rule, done_kind, batch, ends, disposal=disposal if done_kind == rule.kind
                      else Disposal.ANONYMISE, run=run, now=now)
    return {"youth": len(ids), "rows": rows, "disposal": disposal, "awaiting_archive": awaiting, "ids": ids}


@transaction.atomic
def retention_run(*, municipality: Any, actor: Any = None, automatic: bool = False,
                  now: datetime.datetime | None = None, kinds: Iterable[str] | None = None) -> RetentionRun:
    """Apply the municipality's rules to what is due now and log the run; return it.

    `actor` is the administrator who confirmed the run, or None for the worker. `kinds` limits the run (the
    worker's frequent purge of unkept self-evaluations). One run at a time per municipality (a lock on its
    setup row); everything in one transaction, so a failure leaves nothing half done. Running again at once
    changes nothing: what was done is remembered (`RetentionDone`), what was deleted is gone.
    """
    now = now or timezone.now()
    RetentionSetup.objects.get_or_create(municipality=municipality)
    RetentionSetup.objects.select_for_update().get(municipality=municipality)
    run = RetentionRun.objects.create(
        municipality=municipality, started_at=now, actor=actor, automatic=automatic,
        actor_name=(actor.get_full_name() or actor.username) if actor is not None else "")
    wanted = set(kinds) if kinds is not None else None
    counts: dict[str, Any] = {}
    touched: set[int] = set()
    unkept = 0
    for rule in selectors.rules_for(municipality):
        if wanted is not None and rule.kind not in wanted:
            continue
        result = _run_rule(rule, run, now)
        touched.update(result.pop("ids"))
        unkept += result["youth"] if KINDS_BY_KEY[rule.kind].anchor == "finished" else 0
        counts[rule.kind] = result
        if result["rows"] or result["youth"]:
            audit_record(actor=actor, action=AuditAction.DELETE if result["disposal"] == Disposal.DELETE
                         else AuditAction.UPDATE, object_type="retention", object_id=rule.kind,
                         municipality=municipality, purpose="Opbevaringsregel anvendt",
                         detail={"run": run.pk, "kind": rule.kind, "disposal": result["disposal"],
                                 "youth": result["youth"], "rows": result["rows"]})
    run.counts = counts
    run.total = len(touched) + unkept  # young people whose data was touched, each once
    run.finished_at = timezone.now()
    run.save(update_fields=["counts", "total", "finished_at"])
    return run


# --- The worker's jobs (scheduler/jobs.py) ---------------------------------------------------------------------


def retention_run_automatic(*, now: datetime.datetime | None = None) -> int:
    """Run the rules for every municipality that turned automatic runs on; return how many runs were made."""
    from ungeforlob.accounts.models import Municipality

    count = 0
    for municipality in Municipality.objects.filter(
            pk__in=RetentionSetup.objects.filter(automatic=True).values("municipality_id")):
        retention_run(municipality=municipality, automatic=True, now=now)
        count += 1
    return count


def retention_purge_unkept(*, now: datetime.datetime | None = None) -> int:
    """Delete the self-evaluation rounds the young person chose not to keep, once their time to print them is
    over: in every municipality, automatic runs or not (it is the young person's own choice). A run is logged
    only where something was deleted. Returns the rounds deleted."""
    from ungeforlob.accounts.models import Municipality
    from ungeforlob.progression.models import RoundStatus, SelfEvaluationRound

    now = now or timezone.now()
    waiting = SelfEvaluationRound.objects.filter(status=RoundStatus.NOT_KEPT).values("youth__municipality_id")
    deleted = 0
    for municipality in Municipality.objects.filter(pk__in=waiting):
        rule = selectors.rule_for(municipality, "self_evaluations_unkept")
        if not selectors.unkept_rounds(rule, now=now).exists():
            continue
        run = retention_run(municipality=municipality, automatic=True, now=now, kinds=["self_evaluations_unkept"])
        deleted += run.counts["self_evaluations_unkept"]["rows"]
    return deleted
