"""Writes to the catalogue: offers, promising-practice assessments, imports, and linking an activity to an offer.

Every function is keyword-only, atomic and records its own audit row. The catalogue is written by the
municipality's administrators only; linking an activity is a change to a young person's plan and needs
the right to edit that youth.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.accounts.models import Organisation
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.offers import exchange
from ungeforlob.offers.models import (
    ImportStatus,
    NeedTag,
    Offer,
    OfferImport,
    PracticeAssessment,
    PracticeElement,
    PracticeRating,
)
from ungeforlob.plans.models import Activity
from ungeforlob.youth.models import Youth

IMPORT_CHUNK = 25

# Fields an administrator edits in the form (and an import may set).
OFFER_FIELDS = [
    "name", "provider", "provider_name", "context", "sector", "phase", "focus", "description", "target_group",
    "age_min", "age_max", "readiness", "anchoring", "contact_name", "contact_phone", "contact_email", "address",
    "capacity", "waiting_list", "financing_note", "url", "is_active",
]


def _require_admin(actor: Any) -> None:
    if not policy.is_administrator(actor) or actor.municipality_id is None:
        raise PermissionDenied


def _set_needs(offer: Offer, names: list[str]) -> None:
    existing = {t.name.lower(): t for t in NeedTag.objects.filter(municipality_id=offer.municipality_id)}
    tags = []
    for name in names:
        name = name.strip()[:60]
        if not name:
            continue
        tag = existing.get(name.lower())
        if tag is None:
            tag = NeedTag.objects.create(municipality_id=offer.municipality_id, name=name)
            existing[name.lower()] = tag
        tags.append(tag)
    offer.need_tags.set(tags)


def _check_ages(age_min: int | None, age_max: int | None) -> None:
    if age_min is not None and age_max is not None and age_max < age_min:
        raise ValidationError({"age_max": _("Alder til er mindre end alder fra.")})


def _unique_code(municipality_id: int, name: str, context: str, exclude_pk: int | None = None) -> str:
    base = exchange.code_for(name, context)
    code, n = base, 2
    taken = Offer.objects.filter(municipality_id=municipality_id)
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    while taken.filter(code=code).exists():
        suffix = f"-{n}"
        code, n = base[: 80 - len(suffix)] + suffix, n + 1
    return code


@transaction.atomic
def offer_create(*, actor: Any, values: dict[str, Any], needs: list[str]) -> Offer:
    """Create an offer in the actor's municipality. `values` holds model fields from OFFER_FIELDS."""
    _require_admin(actor)
    data = {k: v for k, v in values.items() if k in OFFER_FIELDS}
    _check_ages(data.get("age_min"), data.get("age_max"))
    if data.get("provider") is not None and data["provider"].municipality_id != actor.municipality_id:
        raise ValidationError({"provider": _("Vælg en organisation i kommunen.")})
    offer = Offer(municipality_id=actor.municipality_id, created_by=actor, **data)
    # The natural key is name + owner: a second one is a double submission or a mistake, not a new offer.
    if Offer.objects.filter(municipality_id=actor.municipality_id, name__iexact=offer.name.strip(),
                            context__iexact=offer.context.strip()).exists():
        raise ValidationError({"name": _("Der findes allerede et tilbud med dette navn og denne kommune/ejer.")})
    offer.code = _unique_code(actor.municipality_id, offer.name, offer.context)
    offer.save()
    _set_needs(offer, needs)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=offer, detail={"navn": offer.name})
    return offer


@transaction.atomic
def offer_update(*, actor: Any, offer: Offer, values: dict[str, Any], needs: list[str]) -> Offer:
    _require_admin(actor)
    if offer.municipality_id != actor.municipality_id:
        raise PermissionDenied
    data = {k: v for k, v in values.items() if k in OFFER_FIELDS}
    _check_ages(data.get("age_min", offer.age_min), data.get("age_max", offer.age_max))
    if data.get("provider") is not None and data["provider"].municipality_id != actor.municipality_id:
        raise ValidationError({"provider": _("Vælg en organisation i kommunen.")})
    # Compare with the stored row: a ModelForm has already put the new values on `offer`.
    before = Offer.objects.get(pk=offer.pk)
    changed = [k for k, v in data.items() if getattr(before, k) != v]
    for key, value in data.items():
        setattr(offer, key, value)
    offer.save()
    _set_needs(offer, needs)
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=offer, detail={"felter": changed})
    return offer


@transaction.atomic
def offer_set_active(*, actor: Any, offer: Offer, active: bool) -> Offer:
    """Retire an offer (it stays on existing activities and in the figures) or bring it back."""
    _require_admin(actor)
    if offer.municipality_id != actor.municipality_id:
        raise PermissionDenied
    Offer.objects.filter(pk=offer.pk).update(is_active=active)
    offer.is_active = active
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=offer, detail={"aktiv": active})
    return offer


@transaction.atomic
def offer_delete(*, actor: Any, offer: Offer) -> None:
    """Delete an offer that no activity has used. A used offer is retired instead (its history stays)."""
    _require_admin(actor)
    if offer.municipality_id != actor.municipality_id:
        raise PermissionDenied
    if Activity.objects.filter(offer=offer).exists():
        raise ValidationError(_("Tilbuddet er brugt i unges planer og kan ikke slettes. Markér det som udgået i stedet."))
    audit_record(actor=actor, action=AuditAction.DELETE, obj=offer, detail={"navn": offer.name})
    offer.delete()


@transaction.atomic
def assessment_save(*, actor: Any, offer: Offer, ratings: dict[str, tuple[int, str]]) -> list[PracticeAssessment]:
    """Save the promising-practice profile: for each of the eleven elements a rating 0–3 and an evidence note."""
    _require_admin(actor)
    if offer.municipality_id != actor.municipality_id:
        raise PermissionDenied
    valid_ratings = {r.value for r in PracticeRating}
    elements = {e.value for e in PracticeElement}
    errors = {}
    for element, (rating, evidence) in ratings.items():
        if element not in elements:
            errors[element] = _("Ukendt element.")
        elif rating not in valid_ratings:
            errors[f"rating_{element}"] = _("Vælg en vurdering.")
        elif len(evidence) > 2000:
            errors[f"evidence_{element}"] = _("Dokumentationen er for lang (højst 2000 tegn).")
    if errors:
        raise ValidationError(errors)
    saved = []
    for element, (rating, evidence) in ratings.items():
        obj, _created = PracticeAssessment.objects.update_or_create(
            offer=offer, element=element,
            defaults={"rating": rating, "evidence": evidence.strip(), "updated_by": actor},
        )
        saved.append(obj)
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=offer, object_type="lovende_praksis",
                 detail={e: r for e, (r, _ev) in ratings.items()})
    return saved


# ---------------------------------------------------------------------------------------------- import


@transaction.atomic
def offer_import_start(*, actor: Any, file_name: str, data: bytes) -> OfferImport:
    """Read an uploaded CSV/XLSX file and queue its rows. Raises ValidationError when the file is unreadable.

    Rows with the same offer key (code, or name + owner) twice in one file are rejected at their second line.
    """
    _require_admin(actor)
    try:
        table = exchange.read_table(file_name, data)
    except exchange.FileError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    rows = []
    first_line: dict[str, int] = {}
    for line, row in table.rows:
        key = row.get("code", "").strip().lower() or exchange.code_for(row.get("name", ""), row.get("context", ""))
        entry: dict[str, Any] = {"line": line, "values": row}
        if row.get("name", "").strip() and key in first_line:
            entry["duplicate_of"] = first_line[key]
        else:
            first_line.setdefault(key, line)
        rows.append(entry)
    job = OfferImport.objects.create(
        municipality_id=actor.municipality_id, created_by=actor, file_name=file_name[:200], rows=rows,
        total=len(rows), status=ImportStatus.PENDING if rows else ImportStatus.DONE,
        notices=[_("Ukendte kolonner blev sprunget over: %(cols)s") % {"cols": ", ".join(table.unknown_columns)}]
        if table.unknown_columns else [],
    )
    audit_record(actor=actor, action=AuditAction.CREATE, obj=job, object_type="tilbud_import",
                 detail={"fil": job.file_name, "rækker": job.total})
    return job


def _upsert(municipality_id: int, actor: Any, values: dict[str, Any], org_by_name: dict[str, Organisation]) -> bool:
    """Create or update one offer from cleaned row values. Returns True when created."""
    values = dict(values)
    code = values.pop("code")
    needs = values.pop("needs", None)
    if "provider_name" in values:
        values["provider"] = org_by_name.get(values["provider_name"].lower())
    offer = Offer.objects.filter(municipality_id=municipality_id, code=code).first()
    created = offer is None
    if offer is None:
        offer = Offer(municipality_id=municipality_id, code=code, created_by=actor)
    for key, value in values.items():
        setattr(offer, key, value)
    if offer.age_min is not None and offer.age_max is not None and offer.age_max < offer.age_min:
        raise ValidationError(_("Alder til er mindre end alder fra (sammen med de gemte oplysninger)"))
    offer.save()
    if needs is not None:
        _set_needs(offer, needs)
    return created


def _import_rows(municipality_id: int, actor: Any, entries: list[dict[str, Any]]) -> tuple[int, int, list[dict]]:
    """Save or reject each entry on its own. Returns (created, updated, errors with line and reason)."""
    org_by_name = {o.name.lower(): o for o in Organisation.objects.filter(municipality_id=municipality_id)}
    created_count = updated_count = 0
    errors: list[dict[str, Any]] = []
    for entry in entries:
        line = entry["line"]
        if "duplicate_of" in entry:
            errors.append({"line": line, "reason": _("Samme tilbud som linje %(n)d i filen") % {"n": entry["duplicate_of"]}})
            continue
        values, problems = exchange.clean_row(entry["values"])
        if problems:
            errors.append({"line": line, "reason": "; ".join(problems)})
            continue
        try:
            with transaction.atomic():
                created = _upsert(municipality_id, actor, values, org_by_name)
        except ValidationError as exc:
            errors.append({"line": line, "reason": "; ".join(exc.messages)})
            continue
        except IntegrityError:
            errors.append({"line": line, "reason": _("Tilbuddet kunne ikke gemmes (konflikt med et andet tilbud)")})
            continue
        if created:
            created_count += 1
        else:
            updated_count += 1
    return created_count, updated_count, errors


@transaction.atomic
def offer_import_step(*, actor: Any, job: OfferImport, chunk: int = IMPORT_CHUNK) -> OfferImport:
    """Import the next `chunk` rows of a queued file; each row is saved or rejected on its own.

    Safe to call twice at once (two browser tabs polling): the job row is locked while a chunk runs.
    """
    _require_admin(actor)
    job = OfferImport.objects.select_for_update(of=("self",)).get(pk=job.pk, municipality_id=actor.municipality_id)
    return _import_next_chunk(job, actor=actor, chunk=chunk)


def _import_next_chunk(job: OfferImport, *, actor: Any, chunk: int) -> OfferImport:
    """Import the next rows of a job the caller has locked (inside its transaction)."""
    if job.status == ImportStatus.DONE:
        return job
    entries = job.rows[job.processed: job.processed + chunk]
    created, updated, errors = _import_rows(job.municipality_id, actor, entries)
    job.created_count += created
    job.updated_count += updated
    job.errors = [*job.errors, *errors]
    job.processed += len(entries)
    job.status = ImportStatus.RUNNING
    if job.processed >= job.total:
        job.status = ImportStatus.DONE
        job.rows = []
        audit_record(actor=actor, action=AuditAction.UPDATE, obj=job, object_type="tilbud_import",
                     detail={"oprettet": job.created_count, "opdateret": job.updated_count, "afvist": len(job.errors)})
    job.save()
    return job


def offer_imports_advance(*, chunk: int = IMPORT_CHUNK, limit: int = 20) -> int:
    """The worker's job: import the next chunk of every unfinished file import, in the uploader's name.

    So a file is imported even when the administrator closed the page that steps it along. Safe beside the
    page's own steps and a second worker: a job locked by someone else is skipped until the next turn.
    Returns how many rows were processed.
    """
    processed = 0
    pending = OfferImport.objects.exclude(status=ImportStatus.DONE).order_by("created_at", "pk")
    for pk in list(pending.values_list("pk", flat=True)[:limit]):
        with transaction.atomic():
            job = (
                OfferImport.objects.select_for_update(of=("self",), skip_locked=True)
                .select_related("created_by").filter(pk=pk).exclude(status=ImportStatus.DONE).first()
            )
            if job is None:
                continue
            before = job.processed
            job = _import_next_chunk(job, actor=job.created_by, chunk=chunk)
            processed += job.processed - before
    return processed


def offer_import_run(*, actor: Any, job: OfferImport) -> OfferImport:
    """Import every remaining row (for the management command and tests), chunk by chunk."""
    while job.status != ImportStatus.DONE:
        job = offer_import_step(actor=actor, job=job)
    return job


@transaction.atomic
def import_rows_as_system(*, municipality_id: int, rows: list[tuple[int, dict[str, str]]]) -> dict[str, Any]:
    """Import prepared rows without a user (the seed loader). Same validation and upsert as a file import."""
    created, updated, errors = _import_rows(municipality_id, None, [{"line": n, "values": v} for n, v in rows])
    return {"created": created, "updated": updated, "errors": errors}


# -------------------------------------------------------------------------------------------- linking


@transaction.atomic
def activity_link_offer(*, actor: Any, youth: Youth, activity_id: Any, offer: Offer | None) -> tuple[Activity, bool]:
    """Link one of the youth's activities to an offer (or unlink with offer=None).

    The change goes through the plan's own `activity_update`, so it is version-checked, kept in the plan's
    history and audited there. Returns (activity, full): `full` says the offer had no free place for this
    youth — the link is still made (the youth may go on the waiting list) and the caller warns.
    """
    from ungeforlob.plans import services as plan_services

    if not policy.can(actor, policy.Action.EDIT, youth):
        raise PermissionDenied
    try:
        activity = (
            Activity.objects.select_related("subgoal__goal", "offer")
            .filter(subgoal__goal__youth=youth, pk=int(activity_id)).get()
        )
    except (TypeError, ValueError, Activity.DoesNotExist):
        raise ValidationError({"activity": _("Vælg en af den unges aktiviteter.")}) from None
    full = False
    if offer is not None:
        if offer.municipality_id != youth.municipality_id or not offer.is_active:
            raise ValidationError({"offer": _("Tilbuddet findes ikke eller er udgået.")})
        if activity.offer_id == offer.pk:
            raise ValidationError({"offer": _("Aktiviteten er allerede knyttet til dette tilbud.")})
        if offer.capacity is not None:
            from ungeforlob.offers.selectors import CURRENT_STATUSES

            taken = (
                Activity.objects.filter(offer=offer, status__in=CURRENT_STATUSES)
                .exclude(subgoal__goal__youth=youth).values("subgoal__goal__youth").distinct().count()
            )
            full = taken >= offer.capacity
    elif activity.offer_id is None:
        raise ValidationError({"offer": _("Aktiviteten er ikke knyttet til et tilbud.")})
    activity = plan_services.activity_update(
        youth=youth, activity=activity, subgoal=activity.subgoal, actor=actor, version=activity.version,
        title=activity.title, reason=activity.reason, responsible=activity.responsible,
        responsible_name=activity.responsible_name, start_date=activity.start_date, end_date=activity.end_date,
        when_text=activity.when_text, place=activity.place, status=activity.status, methods=activity.methods,
        offer=offer,
        change_reason=_("Knyttet til tilbuddet %(name)s") % {"name": offer.name} if offer
        else _("Tilknytningen til tilbuddet er fjernet"),
    )
    return activity, full
