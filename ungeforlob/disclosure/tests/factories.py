"""Things written about `p.youth` (a concern, an evaluation) and one withholding, for the cases and tests."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from django.utils import timezone

from ungeforlob.chain.models import Concern
from ungeforlob.testing import Personas


def concern_for(p: Personas, *, text: str = "Hun er ikke kommet i skole i tre uger.") -> Concern:
    return Concern.objects.create(youth=p.youth, category="fravaer", description=text, raised_by=p.colleague,
                                  ack_due=timezone.localdate() + datetime.timedelta(days=2))


def world(p: Personas) -> SimpleNamespace:
    from ungeforlob.disclosure.services import withholding_create

    shown = concern_for(p)
    withheld = concern_for(p, text="Naboen har fortalt om hendes bror.")
    withholding = withholding_create(actor=p.contact_person, youth=p.youth, item=f"bekymring:{withheld.pk}",
                                     ground="tredjemand", explanation="Spørg Mette, hvis du vil vide mere.")
    return SimpleNamespace(shown=shown, withheld=withheld, withholding=withholding)
