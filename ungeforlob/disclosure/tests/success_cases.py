from __future__ import annotations

from ungeforlob.disclosure.models import Withholding
from ungeforlob.disclosure.tests.factories import world
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S


def cases(p: Personas) -> list[S]:
    w = world(p)
    y = p.youth.pk
    return [
        S("disclosure:youth", f"/unge/{y}/undtaget/", contains="Spørg Mette, hvis du vil vide mere."),
        S("disclosure:youth", f"/unge/{y}/undtaget/", who="reader", contains="Kun kontaktpersonen og sagsbehandleren"),
        S("disclosure:youth", f"/unge/{y}/undtaget/", "post", {"item": f"bekymring:{w.shown.pk}", "ground": "internt"},
          effect=lambda r: Withholding.objects.in_force().filter(kind="bekymring", item_id=w.shown.pk).exists()),
        S("disclosure:lift", f"/unge/{y}/undtaget/{w.withholding.pk}/ophaev/", contains="Vis det for den unge igen?"),
        S("disclosure:lift", f"/unge/{y}/undtaget/{w.withholding.pk}/ophaev/", "post",
          effect=lambda r: Withholding.objects.get(pk=w.withholding.pk).lifted_at is not None),
    ]
