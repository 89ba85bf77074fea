from __future__ import annotations

from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C
from ungeforlob.webhooks.tests import api_cases
from ungeforlob.webhooks.tests.factories import api_client, delivery, subscription


def cases(p: Personas) -> list[C]:
    sub = subscription(p, client=api_client(p, name="Webhooks outsider-klient"))
    failed = delivery(sub)
    # Administrators only: every other member of staff (and another municipality's) is refused with 403.
    refused = (403,)
    return [
        C("webhooks:list", "/administration/webhooks/", refused_statuses=refused),
        C("webhooks:create", "/administration/webhooks/ny/", refused_statuses=refused),
        C("webhooks:create", "/administration/webhooks/ny/", "post",
          {"client": str(sub.client_id), "target_url": "https://x.example.dk/", "events": ["concern.raised"]},
          refused_statuses=refused),
        C("webhooks:detail", f"/administration/webhooks/{sub.pk}/", refused_statuses=refused),
        C("webhooks:pause", f"/administration/webhooks/{sub.pk}/pause/", "post", {"paused": "1"},
          refused_statuses=refused),
        C("webhooks:delete", f"/administration/webhooks/{sub.pk}/slet/", refused_statuses=refused),
        C("webhooks:delete", f"/administration/webhooks/{sub.pk}/slet/", "post", refused_statuses=refused),
        C("webhooks:resend", f"/administration/webhooks/levering/{failed.pk}/send-igen/", "post",
          refused_statuses=refused),
        *api_cases.outsider_cases(p),
    ]
