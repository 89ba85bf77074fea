"""Writes of the log review: the monthly samples (the worker's job), reviews, questions and answers."""

from __future__ import annotations

import datetime
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob import policy
from ungeforlob.accounts.models import Municipality, Role, User
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.logreview import selectors
from ungeforlob.logreview.models import LogSample, Outcome, SampledRead
from ungeforlob.logreview.weighting import draw
from ungeforlob.notifications.services import staff_notify

NOTE_MAX = 2000


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def previous_month(today: datetime.date) -> datetime.date:
    return month_start(month_start(today) - datetime.timedelta(days=1))


def sample_size() -> int:
    return max(int(getattr(settings, "LOGREVIEW_SAMPLE_SIZE", 25)), 1)


def log_sample_create(*, municipality: Municipality, month: datetime.date, seed: int | None = None,
                      size: int | None = None) -> LogSample:
    """The municipality's sample of `month`'s reads, drawn once: a month that has its sample keeps it.

    Reads the month's log in one streamed query (`selectors.month_reads`), draws by `weighting.draw`, and saves
    the drawn rows as snapshots with whether the person was in the young person's circle that day
    (`selectors.circle_on_the_day`); the data protection officers of the municipality are told. Safe to run again
    and from two workers at once (the second finds the first's sample).
    """
    month = month_start(month)
    existing = LogSample.objects.filter(municipality=municipality, month=month).first()
    if existing is not None:
        return existing
    seed = secrets.randbits(62) if seed is None else seed
    result = draw(selectors.month_reads(municipality=municipality, month=month), size=size or sample_size(),
                  seed=seed)
    in_circle = selectors.circle_on_the_day(result.drawn)
    try:
        with transaction.atomic():
            sample = LogSample.objects.create(municipality=municipality, month=month, seed=seed,
                                              population=result.population, unusual=result.unusual)
            SampledRead.objects.bulk_create([
                SampledRead(sample=sample, event_id=r.event_id, read_at=r.created_at, actor_id=r.actor_id,
                            actor_name=r.actor_name, actor_organisation=r.actor_organisation, youth_id=r.youth_id,
                            action=r.action, object_type=r.object_type, purpose=r.purpose[:300],
                            reasons=sorted(set(r.reasons)), weight=r.weight, in_circle=in_circle.get(r.event_id))
                for r in result.drawn])
            audit_record(actor=None, action=AuditAction.CREATE, obj=sample, municipality=municipality,
                         detail={"month": month.isoformat(), "population": result.population,
                                 "drawn": len(result.drawn)})
            staff_notify(recipients=User.objects.filter(municipality=municipality, role=Role.DPO, is_active=True),
                         kind="log_sample",
                         text=_("Stikprøven af loggen for %(month)s er klar til gennemgang.")
                         % {"month": month.strftime("%m/%Y")},
                         url=reverse("logreview:sample", args=[sample.pk]))
    except IntegrityError:  # another worker drew the month at the same time
        return LogSample.objects.get(municipality=municipality, month=month)
    return sample


def log_samples_create_due(*, now: datetime.datetime | None = None) -> int:
    """The worker's monthly job: last month's sample for every municipality that has none; returns how many."""
    month = previous_month(timezone.localdate(now or timezone.now()))
    done = set(LogSample.objects.filter(month=month).values_list("municipality_id", flat=True))
    created = 0
    for municipality in Municipality.objects.exclude(pk__in=done):
        log_sample_create(municipality=municipality, month=month)
        created += 1
    return created


def _require_dpo_of(actor: Any, row: SampledRead) -> None:
    if not policy.is_dpo(actor) or actor.municipality_id != row.sample.municipality_id:
        raise ValidationError(_("Kun kommunens databeskyttelsesrådgiver kan vurdere stikprøven."))


@transaction.atomic
def sampled_read_review(*, actor: Any, row: SampledRead, outcome: str, note: str = "", version: int) -> SampledRead:
    """Record the data protection officer's review of one sampled read.

    `outcome` ASK sends the person who read a notification with the question (`note`, required) and a link to
    answer. `version` is the row's version the reviewer saw: a review saved meanwhile by someone else is not
    overwritten (ValidationError). Audited (UPDATE of the review, no young person named).
    """
    _require_dpo_of(actor, row)
    note = (note or "").strip()
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Vælg en vurdering.")})
    if len(note) > NOTE_MAX:
        raise ValidationError({"note": _("Noten må højst være 2000 tegn.")})
    asking = outcome == Outcome.ASK
    if asking and not note:
        raise ValidationError({"note": _("Skriv spørgsmålet til medarbejderen.")})
    if asking and (row.actor_id is None or not row.actor.is_active):
        raise ValidationError({"outcome": _("Medarbejderen findes ikke længere i systemet og kan ikke spørges.")})
    now = timezone.now()
    changes: dict[str, Any] = {"outcome": outcome, "note": note, "reviewed_by": actor, "reviewed_at": now,
                               "version": F("version") + 1}
    if asking:
        changes |= {"question": note, "asked_at": now, "answer": "", "answered_at": None}
    if not SampledRead.objects.filter(pk=row.pk, version=version).update(**changes):
        raise ValidationError(_("En anden har vurderet opslaget, siden du åbnede det. Se den nye vurdering og "
                                "gem igen, hvis du stadig vil ændre den."))
    row.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=row, object_type="log_review",
                 detail={"outcome": outcome, "event_id": row.event_id})
    if asking:
        staff_notify(recipients=[row.actor], kind="log_question",
                     text=_("Databeskyttelsesrådgiveren spørger til et opslag, du lavede %(when)s.")
                     % {"when": timezone.localtime(row.read_at).strftime("%d.%m.%Y %H:%M")},
                     url=reverse("logreview:answer", args=[row.pk]),
                     email_subject=_("Spørgsmål fra databeskyttelsesrådgiveren"))
    return row


@transaction.atomic
def sampled_read_answer(*, actor: Any, row: SampledRead, answer: str) -> SampledRead:
    """The person who read answers the data protection officer's question (once); the reviewer is told."""
    answer = (answer or "").strip()
    if row.actor_id != getattr(actor, "pk", None) or row.outcome != Outcome.ASK:
        raise ValidationError(_("Der er ikke noget spørgsmål til dig om dette opslag."))
    if row.answered_at is not None:
        raise ValidationError(_("Du har allerede svaret på spørgsmålet."))
    if not answer:
        raise ValidationError({"answer": _("Skriv dit svar.")})
    if len(answer) > NOTE_MAX:
        raise ValidationError({"answer": _("Svaret må højst være 2000 tegn.")})
    if not SampledRead.objects.filter(pk=row.pk, answered_at__isnull=True, outcome=Outcome.ASK).update(
            answer=answer, answered_at=timezone.now(), version=F("version") + 1):
        raise ValidationError(_("Du har allerede svaret på spørgsmålet."))
    row.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=row, object_type="log_answer",
                 detail={"event_id": row.event_id})
    staff_notify(recipients=[row.reviewed_by], kind="log_answer",
                 text=_("%(name)s har svaret på dit spørgsmål om et opslag i loggen.") % {"name": row.actor_name},
                 url=reverse("logreview:review", args=[row.pk]))
    return row


def sampled_reads_pseudonymise(*, pseudonyms: dict[int, str]) -> int:
    """Replace young people's ids in the sampled rows by their pseudonyms ({youth id: pseudonym}), as the audit
    log's own rows are (`audit.services.audit_pseudonymise`) when a record is anonymised or deleted; returns the rows
    changed. Who read, when and the review stay."""
    return sum(SampledRead.objects.filter(youth_id=youth_id).update(youth_id=None, youth_pseudonym=pseudonym)
               for youth_id, pseudonym in pseudonyms.items())


def _youth_id_from(actor: Any, value: str) -> int:
    """A young person's number in the log, from their CPR number (looked up in the actor's municipality; the
    search is logged with the number masked) or their number itself."""
    from ungeforlob.audit.services import audit_search
    from ungeforlob.youth import cpr
    from ungeforlob.youth.models import Youth

    value = (value or "").strip()
    if cpr.looks_like_cpr(value):
        digits = cpr.normalize_cpr(value)
        audit_search(actor=actor, terms=value, object_type="auditlog_export")
        found = (Youth.objects.filter(municipality_id=actor.municipality_id, cpr_hash=cpr.lookup_hash(digits))
                 .values_list("pk", flat=True).first())
        if found is None:
            raise ValidationError({"youth": _("Der er ingen ung med det CPR-nummer i kommunen.")})
        return found
    try:
        number = int(value)
    except ValueError:
        raise ValidationError({"youth": _("Skriv den unges CPR-nummer eller nummer i loggen.")}) from None
    if not 0 < number < 2**63:
        raise ValidationError({"youth": _("Skriv den unges CPR-nummer eller nummer i loggen.")})
    # Only a young person the municipality's log knows (also one whose record is gone): the export is logged on
    # the young person, and another municipality's young person must not find it on their "Hvem har kigget".
    from ungeforlob.audit.models import AuditEvent

    if not AuditEvent.objects.filter(municipality_id=actor.municipality_id, youth_id=number).exists():
        raise ValidationError({"youth": _("Kommunens log har ingen poster om en ung med det nummer.")})
    return number


def log_export(*, actor: Any, subject: str, youth: str = "", professional: Any = None,
               date_from: datetime.date | None = None, date_to: datetime.date | None = None,
               fmt: str = "csv") -> tuple[Any, str]:
    """The log of one young person or one member of staff of the actor's municipality, for an inspection.

    Only the data protection officer or an administrator. Returns (the rows, a file name without extension);
    the export itself is logged (EXPORT; on the young person when it is their log, so it shows on their
    *Hvem har kigget*). A young person is named by CPR number or by their number in the log: a young person whose
    record is gone keeps their rows and their number.
    """
    from types import SimpleNamespace

    if not (policy.is_dpo(actor) or policy.is_administrator(actor)):
        raise ValidationError(_("Kun databeskyttelsesrådgiveren eller en administrator kan hente loggen."))
    if date_from and date_to and date_from > date_to:
        raise ValidationError({"date_to": _("Slutdatoen ligger før startdatoen.")})
    detail = {"subject": subject, "format": fmt, "from": date_from.isoformat() if date_from else "",
              "to": date_to.isoformat() if date_to else ""}
    if subject == "youth":
        youth_id = _youth_id_from(actor, youth)
        rows = selectors.log_rows(municipality_id=actor.municipality_id, youth_id=youth_id, date_from=date_from,
                                  date_to=date_to)
        # The young person by number only: the log is exported, not the record (which may be gone).
        audit_record(actor=actor, action=AuditAction.EXPORT, object_type="auditlog", object_id=youth_id,
                     youth=SimpleNamespace(pk=youth_id, municipality=actor.municipality),
                     purpose=_("Udtræk af loggen til tilsyn"), detail=detail)
        return rows, f"adgangslog-ung-{youth_id}"
    if subject == "professional":
        if professional is None or professional.municipality_id != actor.municipality_id:
            raise ValidationError({"professional": _("Vælg en medarbejder i kommunen.")})
        rows = selectors.log_rows(municipality_id=actor.municipality_id, actor_id=professional.pk,
                                  date_from=date_from, date_to=date_to)
        audit_record(actor=actor, action=AuditAction.EXPORT, object_type="auditlog", object_id=professional.pk,
                     purpose=_("Udtræk af loggen til tilsyn"), detail=detail | {"professional_id": professional.pk})
        return rows, f"adgangslog-medarbejder-{professional.pk}"
    raise ValidationError({"subject": _("Vælg, om udtrækket gælder en ung eller en medarbejder.")})
