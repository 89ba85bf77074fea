from __future__ import annotations

from ungeforlob.openinfo.models import PublicPage
from ungeforlob.openinfo.tests.factories import TEXTS, pages
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S


def cases(p: Personas) -> list[S]:
    ours, _other = pages(p)
    code = p.municipality.code
    return [
        S("openinfo:index", "/kommune/", who="anonymous", contains="Testkommune"),
        S("openinfo:page", f"/kommune/{code}/ungeindsats/", who="anonymous", contains="Ring til Ungeindsatsen"),
        S("openinfo:hsds", f"/kommune/{code}/ungeindsats/tilbud.json", who="anonymous", contains='"total_items"'),
        S("openinfo:edit", f"/kommune/{code}/ungeindsats/ret/", who="leader", contains="Vi hjælper unge"),
        S("openinfo:edit", f"/kommune/{code}/ungeindsats/ret/", "post",
          {**TEXTS, "intro": "Vi hjælper alle unge.", "published": "on", "version": "1"}, who="leader",
          effect=lambda r: PublicPage.objects.filter(pk=ours.pk, intro="Vi hjælper alle unge.", version=2).exists()),
    ]
