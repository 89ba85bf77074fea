from __future__ import annotations

from ungeforlob.relocation.tests.factories import world
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C


def cases(p: Personas) -> list[C]:
    w = world(p)
    y, r, i = p.youth.pk, w.relocation.pk, w.incoming.pk
    send = {"destination": "kommune", "receiving_municipality": str(p.other_organisation.municipality_id),
            "parts": ["plan"], "consent_given_on": "2026-01-01", "consent_how": "X"}
    return [
        C("relocation:youth", f"/unge/{y}/flytning/"),
        C("relocation:youth", f"/unge/{y}/flytning/", "post", send),
        C("relocation:download", f"/unge/{y}/flytning/{r}/pakke.json"),
        C("relocation:withdraw", f"/unge/{y}/flytning/{r}/tilbagekald/"),
        C("relocation:withdraw", f"/unge/{y}/flytning/{r}/tilbagekald/", "post"),
        # The municipality's incoming packages: its leader sees the list (no names); the stranger, in the youth
        # effort of Nabokommune, sees Nabokommune's own list and may upload there.
        C("relocation:inbox", "/flytninger/", refused_statuses=(403,), allowed_for=("leader", "stranger")),
        C("relocation:upload", "/flytninger/modtag-fil/", refused_statuses=(403,), allowed_for=("stranger",)),
        C("relocation:upload", "/flytninger/modtag-fil/", "post", {"file": "x"}, refused_statuses=(403,),
          allowed_for=("stranger",)),
        # A package addressed to Testkommune: not the outsider's (job centre) or the leader's to open; the
        # stranger's municipality does not have it.
        C("relocation:incoming", f"/flytninger/{i}/"),
        C("relocation:import", f"/flytninger/{i}/importer/", "post"),
    ]
