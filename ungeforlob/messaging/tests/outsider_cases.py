from ungeforlob.messaging.models import WakeUpSeries
from ungeforlob.messaging.services import consent_give, sms_enqueue
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C


def cases(p: Personas) -> list[C]:
    y = p.youth.pk
    consent_give(actor=p.contact_person, youth=p.youth)
    msg = sms_enqueue(youth=p.youth, body="Hej", kind="scheduled", idempotency_key="outsider-case")
    series = WakeUpSeries.objects.create(youth=p.youth, time_of_day="07:00", weekdays="0", start_date="2030-01-01",
                                         body="Godmorgen", created_by=p.contact_person)
    base = f"/unge/{y}/beskeder"
    return [
        C("messaging:conversation", f"{base}/"),
        C("messaging:send", f"{base}/send/", "post", {"body": "Hej", "submission": "x1"}),
        C("messaging:consent", f"{base}/samtykke/", "post", {"action": "withdraw"}),
        C("messaging:wakeup_new", f"{base}/vaekning/ny/", "post",
          {"time_of_day": "07:00", "weekdays": ["0"], "start_date": "2030-01-01", "body": "Op"}),
        C("messaging:wakeup_stop", f"{base}/vaekning/{series.pk}/stop/", "post"),
        C("messaging:reminder_new", f"{base}/paamindelse/ny/", "post",
          {"date": "2030-01-01", "time": "10:00", "lead_hours": "24"}),
        C("messaging:checkin_new", f"{base}/tjek-ind/ny/", "post", {"question": "Hvordan gik det?"}),
        C("messaging:message_cancel", f"{base}/{msg.pk}/annuller/", "post"),
        C("messaging:message_retry", f"{base}/{msg.pk}/proev-igen/", "post"),
        C("messaging:message_acknowledge", f"{base}/{msg.pk}/set/", "post"),
        # The webhooks answer the provider, not a user: without the token everyone is refused.
        C("messaging:inbound_webhook", "/sms/indgaaende/", "post", {"msisdn": "4520123456", "message": "Hej"},
          as_json=True),
        C("messaging:receipt_webhook", "/sms/kvittering/", "post", {"id": "1", "status": "DELIVERED"},
          as_json=True),
        # Development only (404 without DEBUG); with DEBUG it lists only visible youths' messages —
        # test_views.test_the_development_gateway_shows_an_outsider_no_one_elses_messages.
        C("messaging:dev_gateway", "/udvikling/sms/"),
        C("messaging:dev_reply", "/udvikling/sms/svar/", "post", {"message": "1", "body": "Hej"}),
    ]
