from __future__ import annotations

from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S
from ungeforlob.webhooks.models import Delivery, DeliveryStatus, Subscription
from ungeforlob.webhooks.tests import api_cases
from ungeforlob.webhooks.tests.factories import api_client, delivery, subscription


def cases(p: Personas) -> list[S]:
    sub = subscription(p, client=api_client(p, name="Elevsystemet FGU (webhooks)"))
    failed = delivery(sub)
    other = api_client(p, name="Jobcentrets sagssystem (webhooks)")
    admin = "administrator"
    return [
        S("webhooks:list", "/administration/webhooks/", who=admin, contains="Elevsystemet FGU (webhooks)"),
        S("webhooks:create", "/administration/webhooks/ny/", who=admin, contains="Jobcentrets sagssystem (webhooks)"),
        S("webhooks:create", "/administration/webhooks/ny/", "post",
          {"client": str(other.pk), "target_url": "https://job.example.dk/haendelser",
           "events": ["concern.raised", "handover"], "submission": "a1b2c3"},
          who=admin, statuses=(200,), contains="whsec_", settings={"WEBHOOK_ALLOW_PRIVATE_TARGETS": True},
          effect=lambda r: Subscription.objects.filter(client=other, target_url="https://job.example.dk/haendelser")
          .exists()),
        S("webhooks:detail", f"/administration/webhooks/{sub.pk}/", who=admin, contains="HTTP 500"),
        S("webhooks:pause", f"/administration/webhooks/{sub.pk}/pause/", "post", {"paused": "1"}, who=admin,
          effect=lambda r: Subscription.objects.get(pk=sub.pk).is_paused),
        S("webhooks:delete", f"/administration/webhooks/{sub.pk}/slet/", who=admin, contains="Slet abonnementet"),
        S("webhooks:delete", f"/administration/webhooks/{sub.pk}/slet/", "post", who=admin,
          effect=lambda r: not Subscription.objects.filter(pk=sub.pk).exists()),
        S("webhooks:resend", f"/administration/webhooks/levering/{failed.pk}/send-igen/", "post", who=admin,
          effect=lambda r: Delivery.objects.get(pk=failed.pk).status == DeliveryStatus.QUEUED),
        *api_cases.success_cases(p),
    ]
