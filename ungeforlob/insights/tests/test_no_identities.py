"""Leaders see aggregates only: every leader page and export of this app, as the demo's leader, names no demo
young person, shows no CPR number and links to no young person's page. Also: the demo tells a story."""

from __future__ import annotations

import io
import re

from django.urls import reverse

from ungeforlob.accounts.models import Organisation, Team, User
from ungeforlob.demo.loader import load_demo
from ungeforlob.insights import flow, outcomes
from ungeforlob.insights.filters import LeaderFilterForm
from ungeforlob.insights.models import AgeBand, QuarterSnapshot, StationSector
from ungeforlob.insights.tables import TABLE_SOURCES
from ungeforlob.testing import client_for
from ungeforlob.youth.models import Youth


def _xlsx_text(content: bytes) -> str:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).active
    return "\n".join(" ".join(str(c.value) for c in row if c.value is not None) for row in sheet.iter_rows())


def _queries(leader: User) -> list[str]:
    m = leader.municipality_id
    out = ["", "fra=2024-1&til=2024-4"]
    out += [f"organisation={pk}" for pk in Organisation.objects.filter(municipality_id=m).values_list("pk", flat=True)]
    out += [f"team={pk}" for pk in Team.objects.filter(municipality_id=m).values_list("pk", flat=True)]
    out += [f"alder={band}" for band in AgeBand.values] + [f"sektor={s}" for s in StationSector.values]
    return out


def test_no_leader_page_or_export_shows_a_demo_young_persons_name_cpr_or_id(db: None) -> None:
    load_demo()
    leader = User.objects.get(username="leder")
    client = client_for(leader)
    youths = list(Youth.objects.all())
    filters = LeaderFilterForm({}, user=leader).filters()
    slugs = [t.slug for t in flow.tables(filters) + outcomes.tables(filters)]
    assert len(slugs) == 9 and all(s.split("-")[0] in TABLE_SOURCES for s in slugs)
    seen = []
    for query in _queries(leader):
        response = client.get(f"/ledelse/?{query}")
        assert response.status_code == 200, query
        seen.append((f"/ledelse/?{query}", response.content.decode()))
        for slug in slugs:
            for fmt in ("csv", "xlsx"):
                r = client.get(f"{reverse('insights:export', args=[slug, fmt])}?{query}")
                assert r.status_code == 200, (slug, fmt, query)
                seen.append((slug, r.content.decode("utf-8-sig") if fmt == "csv" else _xlsx_text(r.content)))
    for youth in youths:
        digits = youth.cpr_reveal()
        pattern = re.compile(rf"/unge/{youth.pk}/|{youth.first_name} {youth.last_name}|{digits[:6]}-?{digits[6:]}")
        for where, text in seen:
            assert not pattern.search(text), (where, youth.pk)


def test_the_demo_has_two_years_of_flow_and_outcomes_to_show(db: None) -> None:
    load_demo()
    leader = User.objects.get(username="leder")
    filters = LeaderFilterForm({}, user=leader).filters()
    assert QuarterSnapshot.objects.filter(municipality_id=leader.municipality_id).values("quarter").distinct().count() >= 8
    matrix, moves, _days = flow.tables(filters)
    visible_down = [cells[2] for _label, cells in moves.rows if not cells[2].suppressed]
    assert visible_down, "some young people moved down a level, and the demo shows it"
    tables = {t.slug: t for t in outcomes.tables(filters)}
    whole = tables["outcomes-ended"].rows[-1][1]
    assert not whole[0].suppressed and not whole[1].suppressed  # education and job over the period
    assert any(not cells[1].suppressed for _label, cells in tables["outcomes-retention-station"].rows)
