from __future__ import annotations

from ungeforlob.emergency.models import EmergencyAccess, EmergencySettings, Review
from ungeforlob.emergency.tests.factories import EXPLANATION, enable, grant
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S


def cases(p: Personas) -> list[S]:
    access = grant(p)  # the outsider (job centre) has emergency access to p.youth
    enable(p)
    a, other = access.pk, p.other_youth.pk
    return [
        S("emergency:settings", "/administration/noedadgang/", who="administrator", contains="Nødadgang"),
        S("emergency:settings", "/administration/noedadgang/", "post",
          {"enabled": "on", "sectors": ["uu_kui", "jobcenter"]}, who="administrator",
          effect=lambda r: EmergencySettings.objects.filter(municipality=p.municipality,
                                                            sectors=["jobcenter", "uu_kui"]).exists()),
        S("emergency:search", "/noedadgang/?q=Mikkel+Olsen", who="outsider", contains="Mikkel Olsen"),
        S("emergency:start", f"/noedadgang/ung/{other}/", who="outsider", contains="Mikkel Olsen"),
        S("emergency:start", f"/noedadgang/ung/{other}/", "post",
          {"reason": "sikkerhed", "explanation": EXPLANATION}, who="outsider", reader_may=True,  # any job-centre professional
          effect=lambda r: EmergencyAccess.objects.filter(professional=p.outsider, youth_id=other).exists()),
        S("emergency:record", f"/noedadgang/adgang/{a}/", who="outsider", contains="Josefine Hansen"),
        S("emergency:end", f"/noedadgang/adgang/{a}/afslut/", "post", who="outsider",
          effect=lambda r: EmergencyAccess.objects.filter(pk=a, ended_at__isnull=False).exists()),
        S("emergency:review_list", "/noedadgang/gennemgang/", who="leader", contains="Sara Holm"),
        S("emergency:review", f"/noedadgang/gennemgang/{a}/", who="leader", contains="Sara Holm"),
        S("emergency:review", f"/noedadgang/gennemgang/{a}/", "post", {"decision": "begrundet", "note": ""},
          who="leader", effect=lambda r: EmergencyAccess.objects.filter(pk=a, review=Review.JUSTIFIED).exists()),
    ]
