"""Writes of the imports app: check a file (the dry run), confirm it, run it chunk by chunk; and apply one
education status event (the API's way in).

An administrator imports for their own municipality. The dry run writes nothing but the job row that keeps the
checked file (encrypted) and its answer; a run re-checks every chunk against the records as they are then, so a
second run of the same file — or a file confirmed twice — changes nothing.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.imports import caseload, files
from ungeforlob.imports.events import education_event_record, event_check
from ungeforlob.imports.models import (
    EducationEvent,
    EducationEventKind,
    EducationEventSource,
    ImportJob,
    ImportKind,
    ImportStatus,
)
from ungeforlob.transitions.models import Station
from ungeforlob.youth import cpr
from ungeforlob.youth.models import Youth

CHUNK = 500
# Files up to this many rows are run while the administrator waits; longer ones by the worker, with a progress bar.
SYNC_LIMIT = 500

COLUMNS = {ImportKind.CASELOAD: files.CASELOAD_COLUMNS, ImportKind.EDUCATION: files.EDUCATION_COLUMNS}


def _require_admin(actor: Any) -> None:
    if not policy.is_administrator(actor) or actor.municipality_id is None:
        raise PermissionDenied(_("Kun kommunens administrator kan importere."))


def _label(kind: str, key: str) -> str:
    return next((str(c.label) for c in COLUMNS[kind] if c.key == key), key)


def _encode(rows: list[tuple[int, dict[str, str]]]) -> str:
    return cpr.encrypt(json.dumps(rows, ensure_ascii=False))


def _decode(job: ImportJob) -> list[tuple[int, dict[str, str]]]:
    return [(line, row) for line, row in json.loads(cpr.decrypt(job.payload))] if job.payload else []


def _error(kind: str, line: int, key: str, message: str, level: str = "error") -> dict[str, Any]:
    return {"row": line, "column": _label(kind, key), "message": message, "level": level}


# --- checking: the dry run ------------------------------------------------------------------------------------

def _check_caseload(municipality_id: int, rows: list[tuple[int, dict[str, str]]]) -> tuple[Counter, list[dict]]:
    ctx = caseload.context_for(municipality_id)
    caseload.load_youth(ctx, rows)
    changes = caseload.Changes()
    counts: Counter = Counter()
    errors: list[dict[str, Any]] = []
    for line, row in rows:
        outcome, problems = caseload.evaluate(ctx, line, row, changes)
        counts[outcome] += 1
        errors += [_error(ImportKind.CASELOAD, line, key, message) for key, message in problems]
    counts["youth"] = len(changes.new)
    counts["memberships"] = len(changes.memberships)
    counts["goals"] = len(changes.goals)
    counts["subgoals"] = len(changes.subgoals)
    return counts, errors


def _youth_by_hash(municipality_id: int, hashes: set[str]) -> dict[str, Youth]:
    found: dict[str, Youth] = {}
    keys = sorted(hashes)
    for start in range(0, len(keys), 500):
        for youth in Youth.objects.filter(municipality_id=municipality_id, cpr_hash__in=keys[start:start + 500]):
            found[youth.cpr_hash] = youth
    return found


NOT_FOUND = _("Den unge findes ikke i kommunens register. Hændelsen er ikke oprettet.")


def _check_events(municipality_id: int, rows: list[tuple[int, dict[str, str]]]) -> tuple[Counter, list[dict]]:
    counts: Counter = Counter()
    errors: list[dict[str, Any]] = []
    checked = []
    for line, row in rows:
        event, problems = event_check(row)
        if event is None:
            counts["error"] += 1
            errors += [_error(ImportKind.EDUCATION, line, key, message) for key, message in problems]
        else:
            checked.append((line, event))
    youth = _youth_by_hash(municipality_id, {cpr.lookup_hash(e.digits) for _l, e in checked})
    keys = [e.key for _l, e in checked]
    known = set()
    for start in range(0, len(keys), 500):
        known |= set(EducationEvent.objects.filter(municipality_id=municipality_id, key__in=keys[start:start + 500])
                     .values_list("key", flat=True))
    open_places: dict[int, set[str]] = {}
    ids = sorted({y.pk for y in youth.values()})
    for start in range(0, len(ids), 500):
        for youth_id, place in (Station.objects.filter(youth_id__in=ids[start:start + 500], end_date__isnull=True)
                                .values_list("youth_id", "institution")):
            open_places.setdefault(youth_id, set()).add(place.lower())
    for line, event in checked:
        person = youth.get(cpr.lookup_hash(event.digits))
        if person is None:
            counts["reported"] += 1
            errors.append(_error(ImportKind.EDUCATION, line, "cpr", NOT_FOUND, "report"))
            continue
        if event.key in known:
            counts["unchanged"] += 1
            continue
        places = open_places.setdefault(person.pk, set())
        place = event.institution.lower()
        if event.kind in {EducationEventKind.COMPLETED, EducationEventKind.DROPPED_OUT}:
            if place not in places:
                counts["error"] += 1
                errors.append(_error(ImportKind.EDUCATION, line, "institution_name", _(
                    "Den unge har ingen åben station på %(institution)s at afslutte.") % {
                        "institution": event.institution}))
                continue
            places.discard(place)
        else:
            places.add(place)
        known.add(event.key)
        counts["create"] += 1
        counts[event.kind] += 1
    return counts, errors


@transaction.atomic
def import_check(*, actor: Any, kind: str, file_name: str, data: bytes) -> ImportJob:
    """Read an uploaded file and check every row (the dry run): nothing is imported until `import_confirm`.

    Raises ValidationError({"file": …}) for a file that cannot be read at all.
    """
    _require_admin(actor)
    if kind not in ImportKind.values:
        raise ValidationError({"kind": _("Vælg hvad der skal importeres.")})
    try:
        table = files.read_table(file_name, data, COLUMNS[kind])
    except files.FileError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    check = _check_caseload if kind == ImportKind.CASELOAD else _check_events
    counts, errors = check(actor.municipality_id, table.rows)
    if table.unknown_columns:
        errors.insert(0, {"row": 1, "column": ", ".join(table.unknown_columns)[:200], "level": "report",
                          "message": _("Ukendte kolonner bliver sprunget over.")})
    job = ImportJob.objects.create(
        municipality_id=actor.municipality_id, kind=kind, created_by=actor, file_name=(file_name or "")[:200],
        payload=_encode(table.rows), total=len(table.rows), preview=dict(counts), errors=errors,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, obj=job, object_type="import",
                 detail={"kind": kind, "rows": job.total, "errors": counts["error"]})
    return job


# --- running ------------------------------------------------------------------------------------------------

@transaction.atomic
def import_confirm(*, actor: Any, job: ImportJob) -> ImportJob:
    """Start the run of a checked file. Confirming twice (a double click) starts it once."""
    _require_admin(actor)
    job = ImportJob.objects.select_for_update(of=("self",)).get(pk=job.pk, municipality_id=actor.municipality_id)
    if job.status != ImportStatus.CHECKED:
        return job
    job.status, job.confirmed_at, job.errors, job.result = ImportStatus.QUEUED, timezone.now(), [], {}
    job.save(update_fields=["status", "confirmed_at", "errors", "result"])
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=job, object_type="import", detail={"confirmed": True})
    return job


@transaction.atomic
def import_cancel(*, actor: Any, job: ImportJob) -> ImportJob:
    """Drop a checked file that was not confirmed (its rows go at once)."""
    _require_admin(actor)
    job = ImportJob.objects.select_for_update(of=("self",)).get(pk=job.pk, municipality_id=actor.municipality_id)
    if job.status == ImportStatus.CHECKED:
        job.status, job.payload = ImportStatus.CANCELLED, ""
        job.save(update_fields=["status", "payload"])
        audit_record(actor=actor, action=AuditAction.UPDATE, obj=job, object_type="import",
                     detail={"cancelled": True})
    return job


def _run_caseload(job: ImportJob, actor: Any, rows: list[tuple[int, dict[str, str]]]) -> tuple[Counter, list]:
    ctx = caseload.context_for(job.municipality_id)
    caseload.load_youth(ctx, rows)
    changes = caseload.Changes()
    counts: Counter = Counter()
    errors: list[dict[str, Any]] = []
    for line, row in rows:
        outcome, problems = caseload.evaluate(ctx, line, row, changes)
        counts[outcome] += 1
        errors += [_error(ImportKind.CASELOAD, line, key, message) for key, message in problems]
    caseload.write(ctx, changes, actor=actor, job_id=job.pk)
    return counts, errors


def _run_events(job: ImportJob, actor: Any, rows: list[tuple[int, dict[str, str]]]) -> tuple[Counter, list]:
    counts: Counter = Counter()
    errors: list[dict[str, Any]] = []
    checked = []
    for line, row in rows:
        event, problems = event_check(row)
        if event is None:
            counts["error"] += 1
            errors += [_error(ImportKind.EDUCATION, line, key, message) for key, message in problems]
        else:
            checked.append((line, event))
    youth = _youth_by_hash(job.municipality_id, {cpr.lookup_hash(e.digits) for _l, e in checked})
    for line, event in checked:
        person = youth.get(cpr.lookup_hash(event.digits))
        if person is None:
            counts["reported"] += 1
            errors.append(_error(ImportKind.EDUCATION, line, "cpr", NOT_FOUND, "report"))
            continue
        try:
            _record, applied = education_event_record(actor=actor, youth=person, event=event,
                                                      source=EducationEventSource.FILE, job=job)
        except ValidationError as exc:
            counts["error"] += 1
            for key, messages in getattr(exc, "message_dict", {"": exc.messages}).items():
                errors += [_error(ImportKind.EDUCATION, line, key, m) for m in messages]
            continue
        counts["create" if applied else "unchanged"] += 1
    return counts, errors


def _next_chunk(job: ImportJob, *, actor: Any, chunk: int) -> ImportJob:
    """Run the next rows of a job the caller has locked (inside its transaction)."""
    if job.status not in {ImportStatus.QUEUED, ImportStatus.RUNNING}:
        return job
    rows = _decode(job)[job.processed: job.processed + chunk]
    run = _run_caseload if job.kind == ImportKind.CASELOAD else _run_events
    with policy.request_scope():
        counts, errors = run(job, actor, rows)
    result = Counter(job.result)
    result.update(counts)
    job.result, job.errors = dict(result), [*job.errors, *errors]
    job.processed += len(rows)
    job.status = ImportStatus.RUNNING
    if job.processed >= job.total:
        job.status, job.payload, job.finished_at = ImportStatus.DONE, "", timezone.now()
        audit_record(actor=actor, action=AuditAction.UPDATE, obj=job, object_type="import",
                     detail={"done": True, **job.result})
    job.save()
    return job


@transaction.atomic
def import_step(*, actor: Any, job: ImportJob, chunk: int = CHUNK) -> ImportJob:
    """Run the next `chunk` rows of a confirmed file. The job row is locked while a chunk runs."""
    _require_admin(actor)
    job = ImportJob.objects.select_for_update(of=("self",)).get(pk=job.pk, municipality_id=actor.municipality_id)
    return _next_chunk(job, actor=actor, chunk=chunk)


def import_run(*, actor: Any, job: ImportJob, chunk: int = CHUNK) -> ImportJob:
    """Run every remaining row, chunk by chunk (each chunk its own transaction)."""
    while job.is_running:
        job = import_step(actor=actor, job=job, chunk=chunk)
    return job


def imports_advance(*, chunk: int = CHUNK, limit: int = 10, seconds: float = 20.0) -> int:
    """The worker's job: run confirmed imports chunk by chunk, in the uploader's name, for up to `seconds`
    (a chunk is never cut; each commits on its own, so the progress bar moves). Returns the rows done.

    Safe beside a second worker: a job locked by someone else is skipped until the next turn.
    """
    done = 0
    deadline = time.monotonic() + seconds
    waiting = ImportJob.objects.filter(status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING]).order_by("created_at")
    for pk in list(waiting.values_list("pk", flat=True)[:limit]):
        while True:
            with transaction.atomic():
                job = (ImportJob.objects.select_for_update(of=("self",), skip_locked=True)
                       .select_related("created_by")
                       .filter(pk=pk, status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING]).first())
                if job is None:
                    break
                before = job.processed
                job = _next_chunk(job, actor=job.created_by, chunk=chunk)
                done += job.processed - before
            if not job.is_running or time.monotonic() >= deadline:
                break
        if time.monotonic() >= deadline:
            break
    return done
