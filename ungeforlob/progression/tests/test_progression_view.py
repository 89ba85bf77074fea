"""The progression page: an honest step chart (leaps, detours back, overlaps, time at each level, the youth's
own placements), its data table, the plain-language version, and a constant number of queries."""

from __future__ import annotations

import datetime
import re

from django.template.loader import render_to_string

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.progression import charts, selectors, services
from ungeforlob.progression.tests.factories import assess, days_ago
from ungeforlob.testing import Personas


def _history(p: Personas) -> None:
    assess(p.youth, p.contact_person, level="kontaktparat", on=days_ago(300))
    assess(p.youth, p.contact_person, level="valgparat", on=days_ago(210), placement="uddannelsesparat",
           words="Jeg er klar nu")  # a leap of two
    assess(p.youth, p.contact_person, level="vejledningsparat", on=days_ago(120))  # a detour back
    assess(p.youth, p.contact_person, level="valgparat", overlap="uddannelsesparat", on=days_ago(30))


def test_the_chart_marks_leaps_detours_and_overlaps_and_counts_time_at_each_level() -> None:
    today = datetime.date(2025, 6, 1)
    steps = [
        charts.Step(datetime.date(2025, 1, 1), "kontaktparat"),
        charts.Step(datetime.date(2025, 2, 1), "valgparat"),
        charts.Step(datetime.date(2025, 3, 1), "vejledningsparat"),
        charts.Step(datetime.date(2025, 4, 1), "valgparat", "uddannelsesparat"),
    ]
    chart = charts.step_chart(steps, [charts.Placement(datetime.date(2025, 5, 1), "erhvervsparat")], today=today)
    assert [r.change for r in chart.rows] == ["first", "leap", "back", "up"]
    assert [c["kind"] for c in chart.connectors] == ["leap", "back", "up"]
    assert chart.counts == {"up": 1, "leap": 1, "back": 1, "overlap": 1}
    days = {t["label"]: (t["days"], t["overlap_days"]) for t in chart.time_at_level}
    assert days["Kontaktparat"] == (31, 0)
    assert days["Valgparat"] == (28 + 61, 0)
    assert days["Uddannelsesparat"] == (0, 61)
    # Higher levels are drawn higher up; the leap's connector spans two bands.
    ys = {r.level: r.y for r in chart.rows}
    assert ys["kontaktparat"] > ys["vejledningsparat"] > ys["valgparat"]
    assert chart.rows[-1].overlap_y is not None and chart.rows[-1].overlap_y < chart.rows[-1].y
    assert chart.placements[0]["y"] < ys["valgparat"]
    assert "1 spring" in chart.desc and "1 omvej tilbage" in chart.desc
    assert chart.rows[-1].x2 == chart.today_x


def test_the_page_shows_an_accessible_svg_with_a_data_table(p: Personas, as_user) -> None:
    _history(p)
    response = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/progression/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'role="img"' in body and 'aria-labelledby="stepchart-title stepchart-desc"' in body
    assert '<title id="stepchart-title">' in body and '<desc id="stepchart-desc">' in body
    assert "Spring 2 niveauer frem" in body
    assert "Omvej: 1 niveau tilbage" in body
    assert "overlapper med Uddannelsesparat" in body
    assert "Jeg er klar nu" in body  # the youth's own words beside the team's
    # The youth's placement is compared with the team's level at that time, not with today's.
    assert "Den unge så sig et andet sted end teamet, der på det tidspunkt vurderede: Valgparat." in body
    # Coordinates are written with a dot whatever the language (SVG does not read "12,5").
    svg = body[body.index("<svg class=\"prog-stepchart\""):body.index("</svg>")]
    assert not re.search(r'(x|y|x1|x2|y1|y2|cx|cy)="\d+,\d', svg)
    assert AuditEvent.objects.filter(action=AuditAction.READ, object_type="progression", youth_id=p.youth.pk).exists()


def test_the_page_has_a_kind_empty_state(p: Personas, as_user) -> None:
    body = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/progression/").content.decode()
    assert "Der er ingen vurderinger endnu" in body
    assert "Lav den første teamvurdering" in body


def test_the_progression_page_has_a_constant_query_count(p: Personas, as_user, count_queries) -> None:
    client = as_user(p.contact_person)
    url = f"/unge/{p.youth.pk}/progression/"
    assess(p.youth, p.contact_person, level="kontaktparat", on=days_ago(400), placement="valgparat")
    assess(p.youth, p.contact_person, level="valgparat", on=days_ago(380), overlap="uddannelsesparat")
    client.get(url)
    small = count_queries(lambda: client.get(url))
    indicator = services.indicator_set_current(municipality=p.municipality).indicators.first()
    levels = ["kontaktparat", "vejledningsparat", "valgparat", "uddannelsesparat", "erhvervsparat"]
    made = []
    for i in range(38):
        made.append(assess(p.youth, p.contact_person, level=levels[(i * 3) % 5], on=days_ago(370 - i * 9),
                           observations={indicator.pk: "Set"}, placement=levels[i % 5]))
    for a in made[:5]:
        v = a.versions.get()
        services.assessment_correct(actor=p.contact_person, assessment=a, reason="Rettelse", assessed_on=v.assessed_on,
                                    level=v.level, rationale="Ny", participant_ids=[p.colleague.pk])
    assert p.youth.assessments.count() == 40
    large = count_queries(lambda: client.get(url))
    print(f"progression view queries: 2 assessments={small}, 40 assessments={large}")
    assert small == large


def test_the_journey_speaks_plainly_and_shows_where_the_youth_sees_themself(p: Personas) -> None:
    assess(p.youth, p.contact_person, level="valgparat", on=days_ago(100))
    assess(p.youth, p.contact_person, level="vejledningsparat", on=days_ago(10), placement="valgparat",
           words="Jeg synes, jeg er videre")
    journey = selectors.youth_journey(p.youth)
    assert [s["state"] for s in journey["steps"]] == ["ahead", "ahead", "ahead", "here", "behind"]
    assert journey["differs"] is True
    assert "omvej" in journey["message"]
    html = render_to_string("progression/_journey.html", {"journey": journey})
    assert "Her er du på vej" in html and "Her er du nu" in html and "Her ser du dig selv" in html
    assert "Jeg synes, jeg er videre" in html
    assert "Vejledningsparat" not in html  # no jargon for the young person


def test_the_journey_page_for_staff_reuses_the_template(p: Personas, as_user) -> None:
    body = as_user(p.colleague).get(f"/unge/{p.youth.pk}/progression/her-er-du-paa-vej/").content.decode()
    assert "Vi har ikke kigget på det sammen endnu" in body


def test_the_timeline_shows_assessments_corrections_and_placements(p: Personas, as_user) -> None:
    a = assess(p.youth, p.contact_person, level="valgparat", on=days_ago(20), placement="erhvervsparat")
    services.assessment_correct(actor=p.contact_person, assessment=a, reason="Forkert niveau", assessed_on=days_ago(20),
                                level="vejledningsparat", rationale="x", participant_ids=[p.contact_person.pk])
    body = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/tidslinje/").content.decode()
    assert "Teamvurdering: Valgparat" in body
    assert "blev rettet til Vejledningsparat" in body and "Forkert niveau" in body
    assert "Den unge placerede sig selv: Erhvervsparat" in body


def test_the_youth_overview_has_a_progression_card_and_tab(p: Personas, as_user) -> None:
    assess(p.youth, p.contact_person, level="uddannelsesparat", on=days_ago(100))
    body = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/").content.decode()
    assert 'id="h-progression"' in body and "Uddannelsesparat" in body
    assert "Revurdering forfalden siden" in body
    assert f'href="/unge/{p.youth.pk}/progression/"' in body
