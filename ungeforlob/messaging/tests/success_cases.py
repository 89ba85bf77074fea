"""Every messaging URL works for its rightful user: the contact person writes, sets up and cancels; the provider
(anonymous, with the token in its header) reports replies and receipts; in development the gateway page shows
what was "delivered" and answers as the young person."""

from __future__ import annotations

import datetime

from django.utils import timezone

from ungeforlob.messaging.models import (
    CheckIn,
    DevGatewayMessage,
    InboundMessage,
    MessageStatus,
    OutboundMessage,
    SmsConsent,
    WakeUpSeries,
)
from ungeforlob.messaging.services import consent_give, sms_enqueue
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as C

TOKEN = "success-case-token"  # noqa: S105 - a test token


def cases(p: Personas) -> list[C]:
    y = p.youth.pk
    base = f"/unge/{y}/beskeder"
    consent_give(actor=p.contact_person, youth=p.youth)
    later = timezone.now() + datetime.timedelta(days=2)
    planned = sms_enqueue(youth=p.youth, body="Planlagt", kind="scheduled", send_at=later,
                          idempotency_key="success-planned")
    failed = sms_enqueue(youth=p.youth, body="Kom du hjem?", kind="conversation", send_at=later,
                         idempotency_key="success-failed")
    OutboundMessage.objects.filter(pk=failed.pk).update(status=MessageStatus.FAILED, failed_at=timezone.now())
    series = WakeUpSeries.objects.create(youth=p.youth, time_of_day="07:00", weekdays="0,1,2,3,4",
                                         start_date=timezone.localdate(), body="Godmorgen",
                                         created_by=p.contact_person)
    day = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()

    def status(message: OutboundMessage) -> str:
        return OutboundMessage.objects.get(pk=message.pk).status

    result = [
        C("messaging:conversation", f"{base}/", contains="Skriv til den unge"),
        C("messaging:send", f"{base}/send/", "post", {"body": "Ses vi i morgen?", "submission": "sc-send"},
          effect=lambda r: OutboundMessage.objects.filter(youth_id=y, body="Ses vi i morgen?").exists()),
        C("messaging:consent", f"{base}/samtykke/", contains="Træk samtykket tilbage"),
        C("messaging:consent", f"{base}/samtykke/", "post", {"action": "withdraw", "submission": "sc-consent"},
          effect=lambda r: not SmsConsent.objects.get(youth_id=y).is_active),
        C("messaging:wakeup_new", f"{base}/vaekning/ny/", contains="Aftal vækning"),
        C("messaging:wakeup_new", f"{base}/vaekning/ny/", "post",
          {"time_of_day": "06:15", "weekdays": ["5", "6"], "start_date": tomorrow, "body": "Op og stå!",
           "submission": "sc-wakeup"},
          effect=lambda r: WakeUpSeries.objects.filter(youth_id=y, time_of_day="06:15").exists()),
        C("messaging:wakeup_stop", f"{base}/vaekning/{series.pk}/stop/", contains="Stop vækningen?"),
        C("messaging:wakeup_stop", f"{base}/vaekning/{series.pk}/stop/", "post",
          effect=lambda r: WakeUpSeries.objects.get(pk=series.pk).stopped_at is not None),
        C("messaging:reminder_new", f"{base}/paamindelse/ny/"),
        C("messaging:reminder_new", f"{base}/paamindelse/ny/", "post",
          {"date": day, "time": "13:00", "place": "Jobcentret", "lead_hours": "24", "submission": "sc-reminder"},
          effect=lambda r: OutboundMessage.objects.filter(youth_id=y, kind="reminder").exists()),
        C("messaging:checkin_new", f"{base}/tjek-ind/ny/"),
        C("messaging:checkin_new", f"{base}/tjek-ind/ny/", "post",
          {"question": "Hvordan gik det i dag?", "submission": "sc-checkin"},
          effect=lambda r: CheckIn.objects.filter(youth_id=y, question="Hvordan gik det i dag?").exists()),
        C("messaging:message_cancel", f"{base}/{planned.pk}/annuller/", contains="Annuller beskeden?"),
        C("messaging:message_cancel", f"{base}/{planned.pk}/annuller/", "post",
          effect=lambda r: status(planned) == MessageStatus.CANCELLED),
        C("messaging:message_retry", f"{base}/{failed.pk}/proev-igen/", "post",
          effect=lambda r: status(failed) == MessageStatus.QUEUED),
        C("messaging:message_acknowledge", f"{base}/{failed.pk}/set/", "post",
          effect=lambda r: OutboundMessage.objects.get(pk=failed.pk).failure_acknowledged_at is not None),
    ]
    return result + _provider_and_development_cases(p)


def _provider_and_development_cases(p: Personas) -> list[C]:
    """The provider's webhooks (anonymous; the token in the Authorization header) and the DEBUG-only pages."""
    sent = sms_enqueue(youth=p.youth, body="Sendt i går", kind="conversation", idempotency_key="success-sent")
    OutboundMessage.objects.filter(pk=sent.pk).update(status=MessageStatus.SENT, gateway_message_id="gw-1")
    delivered = DevGatewayMessage.objects.create(idempotency_key=sent.idempotency_key, to_number="+4520123456",
                                                 sender="Ungeforloeb", body=sent.body)
    provider = {"who": "anonymous", "as_json": True, "settings": {"SMS_INBOUND_TOKEN": TOKEN},
                "headers": {"Authorization": f"Bearer {TOKEN}"}, "statuses": (200,)}
    development = {"settings": {"DEBUG": True}}
    return [
        C("messaging:inbound_webhook", "/sms/indgaaende/", "post", {"msisdn": "4520123456", "message": "Tak!"},
          effect=lambda r: InboundMessage.objects.filter(youth=p.youth, body="Tak!").exists(), **provider),
        C("messaging:receipt_webhook", "/sms/kvittering/", "post", {"id": "gw-1", "status": "DELIVERED"},
          effect=lambda r: OutboundMessage.objects.get(pk=sent.pk).status == MessageStatus.DELIVERED, **provider),
        C("messaging:dev_gateway", "/udvikling/sms/", contains="Sendt i går", **development),
        C("messaging:dev_reply", "/udvikling/sms/svar/", "post", {"message": delivered.pk, "body": "Er oppe"},
          effect=lambda r: InboundMessage.objects.filter(youth=p.youth, body="Er oppe").exists(), **development),
    ]
