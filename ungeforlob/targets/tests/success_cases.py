from __future__ import annotations

from django.utils import timezone

from ungeforlob.targets.models import CaseloadBand, Target
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as C


def _target(p: Personas) -> Target:
    return Target.objects.get_or_create(municipality=p.municipality, year=timezone.localdate().year,
                                        measure="contact_14_days", defaults={"direction": "gte", "value": 80})[0]


def cases(p: Personas) -> list[C]:
    t = _target(p)
    year = timezone.localdate().year
    return [
        C("targets:index", "/ledelse/maal/", who="leader", contains="Unge i forløb med kontakt de seneste 14 dage"),
        C("targets:create", "/ledelse/maal/ny/", who="leader"),
        C("targets:create", "/ledelse/maal/ny/", method="post", who="leader",
          data={"year": year, "measure": "retention_3_months", "direction": "gte", "value": "90"},
          effect=lambda r: Target.objects.filter(measure="retention_3_months", year=year, value=90).exists()),
        C("targets:edit", f"/ledelse/maal/{t.pk}/ret/", who="leader"),
        C("targets:edit", f"/ledelse/maal/{t.pk}/ret/", method="post", who="leader",
          data={"direction": "gte", "value": "85", "version": t.version},
          effect=lambda r: Target.objects.filter(pk=t.pk, value=85, version=t.version + 1).exists()),
        C("targets:delete", f"/ledelse/maal/{t.pk}/slet/", who="leader"),
        C("targets:delete", f"/ledelse/maal/{t.pk}/slet/", method="post", who="leader",
          effect=lambda r: not Target.objects.filter(pk=t.pk).exists()),
        C("targets:caseloads", "/ledelse/maal/sagsstammer/", who="leader"),
        C("targets:band", "/ledelse/maal/sagsstammer/spaend/", who="leader"),
        C("targets:band", "/ledelse/maal/sagsstammer/spaend/", method="post", who="leader",
          data={"low": 12, "high": 15, "version": 0},
          effect=lambda r: CaseloadBand.objects.filter(municipality=p.municipality, low=12, high=15).exists()),
        C("targets:chain", "/ledelse/kaeden/", who="leader", contains="Kontaktrytme"),
    ]
