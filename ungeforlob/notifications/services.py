"""How the system tells people things, and how they mark them read.

* `staff_notify` – an in-app notification for members of staff, and an e-mail when a subject is given.
* `youth_notify` – a notice in the young person's Min side, and an SMS when messaging offers `sms_enqueue`.
* `notifications_mark_read` / `notices_mark_read` – the reader marks their own read.

Nothing sent outside the system (e-mail, SMS) carries personal details about the young person: no name,
no category, no text — only that something is waiting, a deadline and a link. Messages go out after the
transaction commits, so a rolled-back change sends nothing. The callers (chain, youth, …) have checked access
and write their own audit rows; a notification is part of their change.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.notifications.models import StaffNotification, YouthNotice
from ungeforlob.youth.models import Youth

log = logging.getLogger(__name__)


def _site_url(path: str) -> str:
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    return f"{base}{path}" if base else path


def staff_notify(*, recipients: Iterable[Any], kind: str, text: str, url: str = "", email_subject: str = "",
                 email_body: str = "") -> None:
    """An in-app notice for each recipient, and (when a subject is given) an e-mail without personal details."""
    people = [r for r in {r.pk: r for r in recipients if r is not None}.values()]
    StaffNotification.objects.bulk_create(
        [StaffNotification(recipient=r, kind=kind, text=text[:300], url=url[:300]) for r in people]
    )
    if not email_subject:
        return
    addresses = [r.email for r in people if r.email]
    if not addresses:
        return
    body = email_body or text
    if url:
        body = f"{body}\n\n{_site_url(url)}"

    def send() -> None:
        for address in addresses:
            try:
                send_mail(email_subject, body, None, [address])
            except Exception:  # noqa: BLE001 - a mail server hiccup must not undo the change; it is logged
                log.exception("Could not send a notification e-mail")

    transaction.on_commit(send)


def sms_available() -> bool:
    try:
        module = importlib.import_module("ungeforlob.messaging.services")
    except ImportError:
        return False
    return hasattr(module, "sms_enqueue")


def youth_notify(*, youth: Youth, kind: str, text: str, sms_body: str = "", actor: Any = None,
                 related_type: str = "", related_id: Any = "", idempotency_key: str | None = None) -> YouthNotice:
    """A notice in the young person's portal, and an SMS when the messaging app offers `sms_enqueue`."""
    notice = YouthNotice.objects.create(youth=youth, kind=kind, text=text[:500], related_type=related_type,
                                        related_id=str(related_id or ""))
    if sms_body and youth.mobile and sms_available():
        messaging = importlib.import_module("ungeforlob.messaging.services")
        try:
            with transaction.atomic():
                messaging.sms_enqueue(youth=youth, body=sms_body, kind=kind, actor=actor,
                                      idempotency_key=idempotency_key, related_type=related_type,
                                      related_id=str(related_id or ""))
        except ValidationError:
            # The notice in the portal stands; an SMS refused by the messaging rules must not undo the change.
            log.warning("SMS to youth %s was refused by the messaging rules", youth.pk)
    return notice


@transaction.atomic
def notifications_mark_read(*, user: Any, pks: Iterable[int] | None = None) -> int:
    """Mark the user's own notifications read (all of them when `pks` is None)."""
    qs = StaffNotification.objects.filter(recipient=user, read_at__isnull=True)
    if pks is not None:
        qs = qs.filter(pk__in=list(pks))
    return qs.update(read_at=timezone.now())


@transaction.atomic
def notices_mark_read(*, youth: Youth, notice_ids: Iterable[Any]) -> int:
    """The young person has seen these notices in the portal: they leave "Nyt til dig" (kept, not deleted)."""
    ids = {int(i) for i in notice_ids if str(i).isdigit() and len(str(i)) <= 12}
    if not ids:
        return 0
    marked = (YouthNotice.objects.filter(youth=youth, pk__in=ids, read_at__isnull=True)
              .update(read_at=timezone.now()))
    if marked:
        audit_record(actor=None, actor_youth=youth, action=AuditAction.UPDATE, youth=youth,
                     object_type="youthnotice", detail={"marked_read": marked})
    return marked
