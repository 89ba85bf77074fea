"""Leaders see aggregates only: every page and export of this app, as the demo's leader, names no demo young
person, shows no CPR number and links to no young person's page. And the demo gives the targets figures."""

from __future__ import annotations

import io
import re

from django.utils import timezone

from ungeforlob.accounts.models import Team, User
from ungeforlob.demo.loader import load_demo
from ungeforlob.targets.models import Target
from ungeforlob.testing import client_for
from ungeforlob.youth.models import Youth


def _xlsx_text(content: bytes) -> str:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).active
    return "\n".join(" ".join(str(c.value) for c in row if c.value is not None) for row in sheet.iter_rows())


def test_no_targets_page_or_export_shows_a_demo_young_persons_name_cpr_or_id(db: None) -> None:
    load_demo()
    leader = User.objects.get(username="leder")
    client = client_for(leader)
    year = timezone.localdate().year
    target = Target.objects.filter(municipality_id=leader.municipality_id).first()
    assert target is not None
    queries = ["", "alder=18-24", *[f"team={pk}" for pk in Team.objects.filter(
        municipality_id=leader.municipality_id).values_list("pk", flat=True)]]
    urls = [f"/ledelse/maal/?aar={year}", f"/ledelse/maal/?aar={year - 1}", "/ledelse/maal/ny/",
            f"/ledelse/maal/{target.pk}/ret/", f"/ledelse/maal/{target.pk}/slet/", "/ledelse/maal/sagsstammer/",
            "/ledelse/maal/sagsstammer/spaend/", *[f"/ledelse/kaeden/?{q}" for q in queries]]
    seen = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        seen.append((url, response.content.decode()))
    for key in ("kontakt", "bekymringer", "opfoelgning", "henvisninger", "overleveringer"):
        for q in queries:
            csv = client.get(f"/ledelse/eksport/chain-{key}.csv?{q}")
            xlsx = client.get(f"/ledelse/eksport/chain-{key}.xlsx?{q}")
            assert csv.status_code == xlsx.status_code == 200, (key, q)
            seen += [(key, csv.content.decode("utf-8-sig")), (key, _xlsx_text(xlsx.content))]
    for youth in Youth.objects.all():
        digits = youth.cpr_reveal()
        pattern = re.compile(rf"/unge/{youth.pk}/|{youth.first_name} {youth.last_name}|{digits[:6]}-?{digits[6:]}")
        for where, text in seen:
            assert not pattern.search(text), (where, youth.pk)
    # The demo tells a story: this year's targets page shows actual figures, not only "færre end 5".
    page = seen[0][1]
    assert re.search(r"\d+ %</dd>|\d+ % <span", page), "no actual figure on the demo's targets page"
