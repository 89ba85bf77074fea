"""Reads of the serviceplatform app: letters sent about a young person, and the fake mailbox."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from ungeforlob import policy
from ungeforlob.serviceplatform.models import FakeAttachment, FakeMessage, Letter
from ungeforlob.youth.models import Youth

RECENT = 10


def letters_for(youth: Youth, *, limit: int = RECENT) -> list[Letter]:
    """The young person's newest letters (one query)."""
    return list(Letter.objects.filter(youth=youth).order_by("-sent_at", "-pk")[:limit])


def fake_mailbox(user: Any, *, limit: int = 100) -> list[FakeMessage]:
    """The fake Digital Post's newest messages: all of them for an administrator (the development tool), for
    anyone else those about young people they may see. Two queries, the attachments' contents left unread."""
    qs: QuerySet[FakeMessage] = FakeMessage.objects.prefetch_related(
        Prefetch("attachments", queryset=FakeAttachment.objects.defer("content")))
    if not policy.is_administrator(user):
        qs = qs.filter(message_uuid__in=Letter.objects.filter(youth__in=policy.visible_youth(user))
                       .values("message_id"))
    return list(qs.order_by("-sent_at", "-pk")[:limit])


def fake_attachment(user: Any, pk: int) -> FakeAttachment | None:
    attachment = FakeAttachment.objects.select_related("message").filter(pk=pk).first()
    if attachment is None or policy.is_administrator(user):
        return attachment
    visible = Letter.objects.filter(youth__in=policy.visible_youth(user),
                                    message_id=attachment.message.message_uuid).exists()
    return attachment if visible else None


def test_persons() -> list[dict[str, Any]]:
    """The made-up persons of `data/fake_cpr.json`, for the development page (what to type in "Hent fra CPR")."""
    from ungeforlob.serviceplatform.fake import _load_data

    return [{"cpr": f"{p['cpr'][:6]}-{p['cpr'][6:]}", "name": f"{p['first_name']} {p['last_name']}",
             "custodians": len(p.get("custodians", []))} for p in _load_data()["persons"]]
