"""Mine samtykker and overleveringer: thin youth-facing wrappers over the chain and messaging services."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.youth.models import Youth

# --- Mine samtykker and overleveringer ------------------------------------------------------------------


@transaction.atomic
def my_consent_withdraw(*, youth: Youth, consent_id: Any) -> Any:
    """Thin youth-facing wrapper: find the youth's own consent by id (a tampered id is a Danish message) and
    withdraw it through chain.consent_withdraw(by_youth=True); it takes effect at once."""
    from ungeforlob.chain.models import Consent
    from ungeforlob.chain.services import consent_withdraw

    consent = _own(Consent.objects.select_for_update().filter(youth=youth), consent_id)
    if consent is None:
        raise ValidationError({"__all__": _("Vi kan ikke finde det samtykke. Prøv igen fra listen.")})
    if consent.is_expired_on(timezone.localdate()):
        raise ValidationError({"__all__": _("Det samtykke er allerede slut. Der er ikke noget at trække tilbage.")})
    return consent_withdraw(consent=consent, by_youth=True)  # withdrawing twice changes nothing


@transaction.atomic
def my_sms_consent_withdraw(*, youth: Youth) -> Any:
    """Thin youth-facing wrapper over messaging.consent_withdraw: the youth stops SMS themself on Min side
    (recorded as the youth's own withdrawal, told apart from an SMS STOP). A consent that was never given changes
    nothing here; a second tap changes nothing in messaging (no new time, no second audit row)."""
    from ungeforlob.messaging.models import ConsentWithdrawal, SmsConsent
    from ungeforlob.messaging.services import consent_withdraw

    current = SmsConsent.objects.filter(youth=youth).first()
    if current is None or current.given_at is None:
        return current
    return consent_withdraw(actor=None, youth=youth, via=ConsentWithdrawal.PORTAL)


@transaction.atomic
def my_handover_comment(*, youth: Youth, handover_id: Any, text: str) -> Any:
    """Thin youth-facing wrapper: the youth's own handover by id, then chain.handover_comment(youth=...)."""
    from ungeforlob.chain.models import Handover
    from ungeforlob.chain.services import handover_comment

    handover = _own(Handover.objects.filter(youth=youth, is_reassignment=False), handover_id)
    if handover is None:
        raise ValidationError({"__all__": _("Vi kan ikke finde den overlevering.")})
    return handover_comment(handover=handover, text=text, youth=youth)


def _own(qs: Any, pk: Any) -> Any:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return qs.filter(pk=pk).first() if 0 < pk < 2**63 else None
