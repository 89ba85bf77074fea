from __future__ import annotations

from ungeforlob.targets.models import Target
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C

LEADER = {"refused_statuses": (403,), "allowed_for": ("leader",)}


def _target(p: Personas) -> Target:
    return Target.objects.get_or_create(municipality=p.municipality, year=2026, measure="contact_14_days",
                                        defaults={"direction": "gte", "value": 80})[0]


def cases(p: Personas) -> list[C]:
    t = _target(p)
    return [
        C("targets:index", "/ledelse/maal/", **LEADER),
        C("targets:create", "/ledelse/maal/ny/", **LEADER),
        C("targets:create", "/ledelse/maal/ny/", method="post",
          data={"year": 2026, "measure": "retention_3_months", "direction": "gte", "value": "90"}, **LEADER),
        C("targets:edit", f"/ledelse/maal/{t.pk}/ret/", **LEADER),
        C("targets:edit", f"/ledelse/maal/{t.pk}/ret/", method="post",
          data={"direction": "gte", "value": "10", "version": t.version}, **LEADER),
        C("targets:delete", f"/ledelse/maal/{t.pk}/slet/", **LEADER),
        C("targets:delete", f"/ledelse/maal/{t.pk}/slet/", method="post", **LEADER),
        C("targets:caseloads", "/ledelse/maal/sagsstammer/", **LEADER),
        C("targets:band", "/ledelse/maal/sagsstammer/spaend/", **LEADER),
        C("targets:band", "/ledelse/maal/sagsstammer/spaend/", method="post",
          data={"low": 12, "high": 15, "version": 0}, **LEADER),
        C("targets:chain", "/ledelse/kaeden/", **LEADER),
    ]
