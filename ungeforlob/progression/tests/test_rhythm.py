"""The reassessment rhythm (three months by default, configurable), listed for the contact person; and the
current level on the caseload (Mine unge)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from ungeforlob.core.agenda import agenda_for
from ungeforlob.progression import selectors, services
from ungeforlob.progression.agenda import reassessments_due
from ungeforlob.progression.tests.factories import assess, days_ago
from ungeforlob.testing import Personas, make_youth


def test_add_months_keeps_the_day_or_the_last_day_of_a_short_month() -> None:
    assert selectors.add_months(datetime.date(2025, 1, 15), 3) == datetime.date(2025, 4, 15)
    assert selectors.add_months(datetime.date(2024, 11, 30), 3) == datetime.date(2025, 2, 28)
    assert selectors.add_months(datetime.date(2025, 11, 5), 3) == datetime.date(2026, 2, 5)


def test_a_reassessment_falls_due_three_months_after_the_last(p: Personas) -> None:
    today = timezone.localdate()
    assess(p.youth, p.contact_person, level="valgparat", on=selectors.add_months(today, -3))
    rows = selectors.reassessments_due_for(p.contact_person, today=today)
    assert [(r.youth_name, r.due, r.overdue) for r in rows] == [("Josefine Hansen", today, False)]
    assert rows[0].last_level_label == "Valgparat"


def test_due_soon_overdue_and_not_yet_due(p: Personas) -> None:
    today = timezone.localdate()
    assess(p.youth, p.contact_person, level="valgparat", on=selectors.add_months(today, -4))
    soon = make_youth(p.contact_person, first_name="Snart", last_name="Due")
    assess(soon, p.contact_person, level="valgparat",
           on=selectors.add_months(today, -3) + datetime.timedelta(days=10))
    later = make_youth(p.contact_person, first_name="Senere", last_name="Ikke")
    assess(later, p.contact_person, level="valgparat", on=today - datetime.timedelta(days=5))
    rows = selectors.reassessments_due_for(p.contact_person, today=today)
    assert [(r.youth_name, r.overdue) for r in rows] == [("Josefine Hansen", True), ("Snart Due", False)]


def test_a_youth_never_assessed_is_due_some_days_after_the_course_started(p: Personas) -> None:
    # The personas' course started 30 days ago; the first assessment falls due after 30 days.
    rows = selectors.reassessments_due_for(p.contact_person, today=timezone.localdate())
    assert [(r.youth_name, r.last_assessed, r.due) for r in rows] == [("Josefine Hansen", None, days_ago(0))]


def test_the_rhythm_follows_the_municipalitys_setting(p: Personas) -> None:
    today = timezone.localdate()
    assess(p.youth, p.contact_person, level="valgparat", on=today - datetime.timedelta(days=40))
    assert selectors.reassessments_due_for(p.contact_person, today=today) == []
    services.progression_settings_update(actor=p.administrator, municipality=p.municipality, reassessment_months=1,
                                         first_assessment_days=30, due_soon_days=0)
    assert [r.overdue for r in selectors.reassessments_due_for(p.contact_person, today=today)] == [True]


def test_only_the_contact_persons_own_young_people_with_an_open_course_are_listed(p: Personas) -> None:
    today = timezone.localdate()
    assert selectors.reassessments_due_for(p.colleague, today=today) == []  # in the circle, not contact person
    assert selectors.reassessments_due_for(p.outsider, today=today) == []
    assert selectors.reassessments_due_for(p.stranger, today=today) == []
    course = p.youth.courses.get()
    course.end_date = today
    course.save()
    assert selectors.reassessments_due_for(p.contact_person, today=today) == []


def test_reassessments_appear_on_the_contact_persons_agenda(p: Personas) -> None:
    today = timezone.localdate()
    assess(p.youth, p.contact_person, level="valgparat", on=selectors.add_months(today, -5))
    items = reassessments_due(p.contact_person, today=today)
    assert len(items) == 1
    item = items[0]
    assert (item.kind, item.youth_id, item.overdue) == ("revurdering", p.youth.pk, True)
    assert item.url == f"/unge/{p.youth.pk}/progression/ny/"
    assert "Valgparat" in item.detail
    assert any(i.kind == "revurdering" for i in agenda_for(p.contact_person, today=today))


def test_the_reassessment_page_lists_searches_and_sorts(p: Personas, as_user, count_queries) -> None:
    other = make_youth(p.contact_person, first_name="Anton", last_name="Berg")
    assess(other, p.contact_person, level="kontaktparat", on=selectors.add_months(timezone.localdate(), -6))
    client = as_user(p.contact_person)
    body = client.get("/revurderinger/").content.decode()
    assert "Anton Berg" in body and "Josefine Hansen" in body and "Forfalden" in body
    assert body.index("Anton Berg") < body.index("Josefine Hansen")  # the most overdue first
    searched = client.get("/revurderinger/?q=josefine").content.decode()
    assert "Anton Berg" not in searched and "Josefine Hansen" in searched
    by_name = client.get("/revurderinger/?sort=-navn").content.decode()
    assert by_name.index("Josefine Hansen") < by_name.index("Anton Berg")
    assert client.get("/revurderinger/?sort=nonsense&q=" + "x" * 500).status_code == 200
    small = count_queries(lambda: client.get("/revurderinger/"))
    for i in range(15):
        y = make_youth(p.contact_person, first_name=f"Ung{i}", last_name="Mange")
        assess(y, p.contact_person, level="valgparat", on=selectors.add_months(timezone.localdate(), -4))
    assert count_queries(lambda: client.get("/revurderinger/")) == small


def test_an_outsider_sees_an_empty_reassessment_list(p: Personas, as_user) -> None:
    body = as_user(p.outsider).get("/revurderinger/").content.decode()
    assert "Josefine" not in body
    assert "Der er ingen revurderinger" in body


def test_the_caseload_shows_the_current_level_and_the_date_of_the_last_assessment(
    p: Personas, as_user, count_queries
) -> None:
    assess(p.youth, p.contact_person, level="vejledningsparat", on=days_ago(60))
    assess(p.youth, p.contact_person, level="uddannelsesparat", on=days_ago(3))
    assess(p.youth, p.contact_person, level="kontaktparat", on=days_ago(30))  # entered later, older date
    client = as_user(p.contact_person)
    response = client.get("/unge/")
    row = next(y for y in response.context["page"].object_list if y.pk == p.youth.pk)
    assert (row.current_level, row.current_level_label, row.current_level_order, row.current_level_date) == (
        "uddannelsesparat", "Uddannelsesparat", 4, days_ago(3))
    body = response.content.decode()
    assert "Uddannelsesparat" in body
    never = make_youth(p.contact_person, first_name="Aldrig", last_name="Vurderet")
    rows = {y.pk: y for y in client.get("/unge/?sort=-niveau").context["page"].object_list}
    assert (rows[never.pk].current_level, rows[never.pk].current_level_order, rows[never.pk].current_level_date) == (
        "", 0, None)
    assert "Ikke vurderet" in client.get("/unge/").content.decode()
    small = count_queries(lambda: client.get("/unge/"))
    for i in range(10):
        y = make_youth(p.contact_person, first_name=f"Ung{i}", last_name="Flere")
        assess(y, p.contact_person, level="valgparat", on=days_ago(i))
    assert count_queries(lambda: client.get("/unge/")) == small


def test_current_level_for_gives_the_latest_assessment(p: Personas) -> None:
    assert selectors.current_level_for(p.youth) is None
    assess(p.youth, p.contact_person, level="valgparat", overlap="uddannelsesparat", on=days_ago(9))
    current = selectors.current_level_for(p.youth)
    assert (current.level, current.order, current.overlap_level, current.assessed_on) == (
        "valgparat", 3, "uddannelsesparat", days_ago(9))
