from __future__ import annotations

from ungeforlob.logreview.tests.factories import world
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C


def cases(p: Personas) -> list[C]:
    w = world(p)
    s, r, a = w.sample.pk, w.open_row.pk, w.asked_row.pk
    return [
        C("logreview:index", "/logkontrol/"),
        C("logreview:sample", f"/logkontrol/stikproeve/{s}/"),
        C("logreview:review", f"/logkontrol/opslag/{r}/"),
        C("logreview:review", f"/logkontrol/opslag/{r}/", "post", {"outcome": "justified", "version": "0"}),
        C("logreview:report", "/logkontrol/rapport/"),
        C("logreview:export", "/logkontrol/udtraek/"),
        C("logreview:export", "/logkontrol/udtraek/", "post",
          {"subject": "youth", "youth": str(p.youth.pk), "fmt": "csv"}),
        # The question was put to the contact person; no one else sees or answers it.
        C("logreview:answer", f"/logkontrol/spoergsmaal/{a}/"),
        C("logreview:answer", f"/logkontrol/spoergsmaal/{a}/", "post", {"answer": "Jeg kiggede forkert."}),
    ]
