from __future__ import annotations

from django.utils import timezone

from ungeforlob.relocation.models import IncomingPackage, Relocation
from ungeforlob.relocation.tests.factories import world
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S


def cases(p: Personas) -> list[S]:
    w = world(p)
    y, r, i = p.youth.pk, w.relocation.pk, w.incoming.pk
    nabo = p.other_organisation.municipality
    send = {"destination": "kommune", "receiving_municipality": str(nabo.pk), "parts": ["plan", "kontakter"],
            "consent_given_on": timezone.localdate().isoformat(), "consent_how": "Mundtligt på samtale"}
    return [
        S("relocation:youth", f"/unge/{y}/flytning/", contains="Forsegl og send flyttepakken"),
        S("relocation:youth", f"/unge/{y}/flytning/", "post", send,
          effect=lambda resp: Relocation.objects.filter(youth_id=y, parts=["kontakter", "plan"]).exists()
          and p.youth.courses.filter(end_reason="flyttet").exists()),
        S("relocation:download", f"/unge/{y}/flytning/{r}/pakke.json", contains="ungeforlob-flyttepakke"),
        S("relocation:withdraw", f"/unge/{y}/flytning/{r}/tilbagekald/", contains="Træk samtykket tilbage"),
        S("relocation:withdraw", f"/unge/{y}/flytning/{r}/tilbagekald/", "post",
          effect=lambda resp: Relocation.objects.get(pk=r).consent_withdrawn_at is not None),
        S("relocation:inbox", "/flytninger/", contains="Nabokommune"),
        S("relocation:upload", "/flytninger/modtag-fil/", contains="Kontrollér filen"),
        S("relocation:incoming", f"/flytninger/{i}/", contains="Freja Flyttesen"),
        S("relocation:import", f"/flytninger/{i}/importer/", "post",
          effect=lambda resp: IncomingPackage.objects.get(pk=i).youth.municipality_id == p.municipality.pk),
    ]
