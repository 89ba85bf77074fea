"""Min plan's cheaper texts, links and reads write what the template tags they replaced wrote."""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import NoReverseMatch, resolve, reverse
from django.utils import timezone, translation

from ungeforlob.plans import selectors, services
from ungeforlob.plans.models import Activity, ActivityStatus, Responsible, SubGoal, SubGoalStatus
from ungeforlob.plans.tests.factories import build_plan
from ungeforlob.testing import Personas

LANGUAGES = ["da", "en"]
TEXTS = ['Skolen <b>"igen"</b> & det', "Få et fritidsjob", "Rob's plan"]


def _render(source: str, **values: object) -> str:
    return Template("{% load i18n plans_ui %}" + source).render(Context(values))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_per_item_filters_write_what_their_blocktranslate_wrote(language: str) -> None:
    with translation.override(language):
        for n in (1, 2, 3):
            assert _render("{{ n|goal_number }}", n=n) == _render(
                "{% blocktranslate with n=n %}Mål {{ n }}{% endblocktranslate %}", n=n)
            assert _render("{{ n|under_goal_number }}", n=n) == _render(
                "{% blocktranslate with n=n %}under mål {{ n }}{% endblocktranslate %}", n=n)
        for text in TEXTS:
            assert _render("{{ t|for_subgoal }}", t=text) == _render(
                "{% blocktranslate with t=t %}til {{ t }}{% endblocktranslate %}", t=text)
        for n in (0, 1, 2, 5):
            assert _render("{{ n|evaluation_count }}", n=n) == _render(
                "{% blocktranslate count n=n %}{{ n }} evaluering{% plural %}{{ n }} evalueringer{% endblocktranslate %}",
                n=n)
    assert "&lt;b&gt;&quot;igen&quot;&lt;/b&gt; &amp; det" in _render("{{ t|for_subgoal }}", t=TEXTS[0])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_status_filters_name_a_choice_as_get_display_did(language: str) -> None:
    with translation.override(language):
        for value in [*SubGoalStatus.values, "ukendt"]:
            assert _render("{{ v|subgoal_status }}", v=value) == _render(
                "{{ sg.get_status_display }}", sg=SubGoal(status=value))
        for value in [*ActivityStatus.values, "ukendt"]:
            assert _render("{{ v|activity_status }}", v=value) == _render(
                "{{ a.get_status_display }}", a=Activity(status=value))
        for value in [*Responsible.values, "ukendt"]:
            assert _render("{{ v|responsible }}", v=value) == _render(
                "{{ a.get_responsible_display }}", a=Activity(responsible=value))
    with translation.override("en"):
        assert _render("{{ v|activity_status }}", v="gennemfoert") != "Gennemført"


def _rendered_with_request(source: str, **values: object) -> str:
    request = RequestFactory().get("/unge/1/plan/")
    request.resolver_match = resolve("/unge/1/plan/")
    return Template("{% load plans_ui %}" + source).render(Context({**values, "request": request}))


def test_url_in_a_loop_writes_each_link_with_its_own_ids() -> None:
    """`{% url %}` looks its form up once per render (core/templatetags/fast_url.py): each link still gets its ids."""
    ids = [(1, 2), (7, 0), (12345, 987654), (1, 2)]
    for name in ("plans:goal_edit", "plans:activity_delete", "plans:subgoal_create"):
        links = _rendered_with_request("{% for y, x in ids %}{% url '" + name + "' y x %}|{% endfor %}", ids=ids)
        assert links == "".join(reverse(name, args=[y, x]) + "|" for y, x in ids)
        assert links.count("|") == 4 and "/unge/12345/" in links and "/987654/" in links
    one = "{% for y in ids %}{% url 'plans:evaluation_create' y %}?mod=m1|{% endfor %}"
    assert _rendered_with_request(one, ids=[3, 4]) == ("/unge/3/plan/evaluering/ny/?mod=m1|"
                                                       "/unge/4/plan/evaluering/ny/?mod=m1|")


def test_url_in_a_loop_is_reversed_as_usual_for_what_is_not_an_id() -> None:
    # A view name in a variable, a keyword argument, "as".
    assert _rendered_with_request("{% url name 5 %}", name="plans:plan") == "/unge/5/plan/"
    assert _rendered_with_request("{% url 'plans:plan' youth_pk=5 %}") == "/unge/5/plan/"
    assert _rendered_with_request("{% url 'plans:plan' 5 as u %}<{{ u }}>") == "</unge/5/plan/>"
    # A number in a string, and an argument no link takes.
    assert _rendered_with_request("{% url 'plans:plan' '5' %}") == "/unge/5/plan/"
    with pytest.raises(NoReverseMatch):
        _rendered_with_request("{% url 'plans:plan' -1 %}")
    with pytest.raises(NoReverseMatch):
        _rendered_with_request("{% for y in ids %}{% url 'plans:plan' y %}{% endfor %}", ids=[1, "x"])


OLD_PROGRESS_TEXT = (
    '{% blocktranslate with n=latest.closeness %}Seneste: {{ n }} af 5{% endblocktranslate %}{% if count > 1 %} · '
    "{% blocktranslate with n=first.closeness count c=count %}startede på {{ n }} ({{ c }} evaluering){% plural %}"
    "startede på {{ n }} ({{ c }} evalueringer){% endblocktranslate %}{% endif %}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_progress_line_writes_its_texts_and_grid_as_before(p: Personas, language: str) -> None:
    build_plan(p.youth, p.contact_person, goals=1, subgoals=3, activities=0, evaluations=0)
    first, second, third = SubGoal.objects.filter(goal__youth=p.youth).order_by("pk")
    for closeness in (2, 5, 4):
        services.evaluation_create(youth=p.youth, actor=p.contact_person, subgoal=second, closeness=closeness)
    services.evaluation_create(youth=p.youth, actor=p.contact_person, subgoal=third, closeness=3, youth_voice=True)
    plan = selectors.plan_for(p.youth)
    from ungeforlob.plans.templatetags.plans_ui import progress_data

    with translation.override(language):
        for sg in plan.subgoals:
            html = _render("{% progress_line sg %}", sg=sg)
            evaluations = list(sg.evaluations.all())
            if not evaluations:
                assert "<svg" not in html
                continue
            old = _render(OLD_PROGRESS_TEXT, latest=evaluations[-1], first=evaluations[0], count=len(evaluations))
            assert f'<p class="plans-progress-text">{old}<br>' in html
            assert html.count('stroke="#dcdcdc" stroke-width="1"/>') == 5
            for y in (62, 49, 36, 23, 10):
                assert f'<line x1="4" x2="236" y1="{y}" y2="{y}" stroke="#dcdcdc" stroke-width="1"/>' in html
            fills = [pt["fill"] for pt in progress_data(sg)["points"]]
            assert fills == ["#00528c" if e.by_youth else "#ffffff" for e in evaluations]
    assert sum(1 for sg in plan.subgoals if sg.evaluations.all()) == 2


def test_the_plan_reads_its_parts_only_when_she_has_goals(p: Personas, count_queries) -> None:
    empty = count_queries(lambda: selectors.plan_for(p.youth))
    goal = services.goal_create(youth=p.youth, actor=p.contact_person, text="Et mål", written_by="ung")
    without_subgoals = count_queries(lambda: selectors.plan_for(p.youth))
    services.subgoal_create(youth=p.youth, goal=goal, actor=p.contact_person, text="Et delmål",
                            success_criterion="Det kan ses")
    full = count_queries(lambda: selectors.plan_for(p.youth))
    assert (empty, without_subgoals, full) == (3, 6, 6)


def test_the_plan_counts_the_changes_since_the_last_meeting_as_the_history_lists_them(p: Personas) -> None:
    today = timezone.localdate()

    def counted() -> int:
        plan = selectors.plan_for(p.youth)
        meeting, changes = selectors.changes_since_last_meeting(p.youth)
        assert plan.last_meeting == meeting
        return plan.changes_since_last_meeting if plan.changes_since_last_meeting == len(changes) else -1

    build_plan(p.youth, p.contact_person, goals=1, subgoals=1, activities=1, evaluations=1)
    made = counted()
    assert made > 0
    services.meeting_create(youth=p.youth, actor=p.contact_person, held_on=today - datetime.timedelta(days=3),
                            participants=[p.contact_person], agreed="Aftalt")
    assert counted() == made  # the meeting was recorded today, after them
    services.goal_create(youth=p.youth, actor=p.contact_person, text="Et mål mere", written_by="ung")
    assert counted() == made + 1
    services.meeting_create(youth=p.youth, actor=p.contact_person, held_on=today, participants=[p.contact_person],
                            keep_open=True)
    plan = selectors.plan_for(p.youth)
    assert plan.open_meeting is not None and plan.open_meeting.held_on == today
    assert [len(g.subgoals.all()) for g in plan.goals] == [1, 0] and plan.activity_count == 1


# The texts a goal, a sub-goal, an evaluation and an activity repeat, written once per drawing of their stamped
# fragments (_goal.html, _subgoal.html, _evaluation.html, _activity.html).
REPEATED_TEXTS = ["Skrevet af den unge selv", "Skrevet af en fagperson sammen med den unge", "Hele målet", "Ret mål",
                  "Nyt delmål", "Evaluer målet", "Fjern mål", "Sådan ved vi, at det er nået", "Nået senest", "af 5",
                  "Det gik godt:", "Det var svært:", "Næste skridt:", "Aktiviteter", "Hvorfor:", "Hvem:", "Hvornår:",
                  "Hvor:", "Metoder", "Ret", "Fjern", "Ingen aktiviteter endnu.", "Ny aktivitet", "Evaluer",
                  "Ret delmål", "Fjern delmål", "Ingen delmål endnu. Del målet op i små skridt, der kan nås."]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_plan_page_shows_every_repeated_text_in_the_language_chosen(p: Personas, as_user, language: str) -> None:
    from django.conf import settings
    from django.utils.html import escape

    build_plan(p.youth, p.contact_person, goals=1, subgoals=1, activities=1, evaluations=1)
    sg = SubGoal.objects.get(goal__youth=p.youth)
    services.evaluation_create(youth=p.youth, actor=p.contact_person, subgoal=sg, closeness=2, was_hard="Svært")
    services.activity_create(youth=p.youth, subgoal=sg, actor=p.contact_person, title="Praktik", reason="Prøve",
                             responsible="ung", when_text="tirsdage", place="Værkstedet")
    services.goal_create(youth=p.youth, actor=p.contact_person, text="Uden delmål", written_by="sammen")
    services.evaluation_create(youth=p.youth, actor=p.contact_person, goal=sg.goal, closeness=3)
    services.subgoal_create(youth=p.youth, goal=sg.goal, actor=p.contact_person, text="Uden aktiviteter",
                            success_criterion="Det ses")
    client = as_user(p.contact_person)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get(f"/unge/{p.youth.pk}/plan/").content.decode()
    with translation.override(language):
        texts = {text: translation.gettext(text) for text in REPEATED_TEXTS}
    assert [text for text, translated in texts.items() if escape(translated) not in html] == []
    if language == "en":
        assert [text for text, translated in texts.items() if translated == text] == []  # each one translated
    assert ("Hvorfor:" in html) == (language == "da") and ("Why:" in html) == (language == "en")


def test_the_plan_pages_sub_menu_marks_the_page_shown_and_links_each(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    links = {"plan/": "Min plan", "profil/": "Ungeprofil", "plan/moeder/": "Planmøder", "plan/historik/": "Historik",
             "notater/": "Notater", "plan/del/": "Print og del"}
    for path, label in links.items():
        html = client.get(f"/unge/{p.youth.pk}/{path}").content.decode()
        menu = html[html.index('<nav class="plans-subnav"'):html.index("</ul></nav>", html.index("plans-subnav"))]
        assert menu.count('aria-current="page"') == 1
        assert f'<a href="/unge/{p.youth.pk}/{path}" aria-current="page">{label}</a>' in menu
        for other, other_label in links.items():
            if other != path:
                assert f'<a href="/unge/{p.youth.pk}/{other}" >{other_label}</a>' in menu


def test_a_progress_lines_description_dates_an_evaluation_by_the_day_in_denmark(p: Personas) -> None:
    """An evaluation written at 00.30 Danish time (23.30 UTC the day before) is that Danish day's."""
    import datetime

    from ungeforlob.plans.models import Evaluation

    build_plan(p.youth, p.contact_person, goals=1, subgoals=1, activities=0, evaluations=0)
    sg = SubGoal.objects.get(goal__youth=p.youth)
    services.evaluation_create(youth=p.youth, actor=p.contact_person, subgoal=sg, closeness=3)
    Evaluation.objects.filter(subgoal=sg).update(
        created_at=datetime.datetime(2026, 3, 9, 23, 30, tzinfo=datetime.UTC))
    sg = selectors.plan_for(p.youth).subgoals[0]
    with translation.override("da"):
        words = _render("{% progress_line sg %}", sg=sg)
    assert "10. mar" in words and "9. mar" not in words
