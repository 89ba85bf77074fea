from __future__ import annotations

from ungeforlob.disclosure.tests.factories import world
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C


def cases(p: Personas) -> list[C]:
    w = world(p)
    y = p.youth.pk
    return [
        C("disclosure:youth", f"/unge/{y}/undtaget/"),
        C("disclosure:youth", f"/unge/{y}/undtaget/", "post", {"item": f"bekymring:{w.shown.pk}", "ground": "internt"}),
        C("disclosure:lift", f"/unge/{y}/undtaget/{w.withholding.pk}/ophaev/", "post"),
    ]
