"""Min plan's goals, sub-goals and stick figure are stamped (core/stamp.py): drawn once per shape, filled per item.
What they write is what their templates write drawn in full, and each item's own texts are escaped."""

from __future__ import annotations

import re

import pytest
from django.template import Context, Template
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import mark_safe

from ungeforlob.chain.models import ChainRole
from ungeforlob.plans import services
from ungeforlob.plans.models import Goal, SubGoal
from ungeforlob.plans.templatetags.plans_ui import _narrow, _svg, _wide
from ungeforlob.plans.tests.factories import build_plan
from ungeforlob.testing import Personas, add_member, make_user

SHORT = "Job"
LONG = "Få en læreplads som tømrer i nærheden af hvor jeg bor, så jeg kan cykle dertil hver dag"
LONGEST = "Gennemføre " + "et langt forløb med mange ord " * 8  # more than five lines: cut with "…"
GOAL_SETS = [[], [SHORT], [LONG], [SHORT, SHORT], [SHORT, LONG], [LONG, SHORT, LONGEST], [LONGEST, LONGEST, SHORT],
             ["<b>\"Skolen\"</b> & 'mig'", SHORT, SHORT]]


def _stamped(goals: list[Goal], id_prefix: str = "figur", layout: str = "wide") -> str:
    return Template("{% load plans_ui %}{% stick_figure goals 'Anna' id_prefix layout %}").render(
        Context({"goals": goals, "id_prefix": id_prefix, "layout": layout}))


def _drawn_in_full(goals: list[Goal], id_prefix: str, layout: str) -> str:
    """The figure as `_stick_figure.html` draws it from every number, before it was stamped."""
    from ungeforlob.core.text import possessive

    boxes, figure, width, height = _narrow(goals) if layout == "narrow" else _wide(goals)
    desc = re.search(r"<desc id=\"[^\"]+\">(.*?)</desc>", _stamped(goals, id_prefix, layout)).group(1)
    return get_template("plans/_stick_figure.html").template.render(Context({
        "boxes": _svg(boxes), "f": _svg(figure), "width": str(width), "height": str(height), "layout": layout,
        "id": id_prefix, "title": translation.gettext("%(owner)s plan") % {"owner": possessive("Anna")},
        "desc": mark_safe(desc)}))  # noqa: S308 - as drawn: the text is tested on the page


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_stamped_stick_figure_draws_what_its_template_draws_for_every_set_of_goals(language: str) -> None:
    with translation.override(language):
        for texts in GOAL_SETS:
            goals = [Goal(text=text, position=n + 1) for n, text in enumerate(texts)]
            for id_prefix, layout in (("figur", "wide"), ("figur-mobil", "narrow")):
                assert _stamped(goals, id_prefix, layout) == _drawn_in_full(goals, id_prefix, layout), (texts, layout)
    with translation.override("da"):
        figure = _stamped([Goal(text=GOAL_SETS[-1][0], position=1)])
    assert "&lt;b&gt;&quot;Skolen&quot;&lt;/b&gt; &amp; &#x27;mig&#x27;" in figure and "<b>" not in figure
    assert "__stamp_" not in figure


def test_a_stamped_goal_and_sub_goal_escape_their_texts_and_link_only_for_an_editor(p: Personas, as_user) -> None:
    text = "<b>\"Skolen\"</b> & 'mig'"
    goal = services.goal_create(youth=p.youth, actor=p.contact_person, text=text, written_by="ung")
    sg = services.subgoal_create(youth=p.youth, goal=goal, actor=p.contact_person, text=text + " igen",
                                 success_criterion="<i>ses</i>")
    build_plan(p.youth, p.contact_person, goals=1, subgoals=2, activities=2, evaluations=2)
    escaped = "&lt;b&gt;&quot;Skolen&quot;&lt;/b&gt; &amp; &#x27;mig&#x27;"
    html = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/plan/").content.decode()
    assert "__stamp_" not in html and "<b>" not in html and "<i>ses</i>" not in html
    assert f'<h4 id="delmaal-{sg.pk}-h">{escaped} igen</h4>' in html and "&lt;i&gt;ses&lt;/i&gt;" in html
    assert f'<span class="plans-goal-number">Mål 1</span> {escaped}</h3>' in html
    assert f'href="/unge/{p.youth.pk}/plan/delmaal/{sg.pk}/ret/"' in html
    assert f'href="/unge/{p.youth.pk}/plan/aktivitet/ny/?delmaal={sg.pk}">Ny aktivitet<span class="sr-only"> til {escaped} igen' in html
    assert f'?mod=m{goal.pk}">Evaluer målet' in html
    assert html.count('<article class="plans-subgoal"') == 3 and html.count('<li class="plans-activity">') == 4
    assert "Ingen aktiviteter endnu." in html and "Ingen evalueringer endnu." in html  # her own sub-goal has none

    psychologist = make_user("psykolog", p.municipality, p.organisation, profession="Psykolog")
    add_member(p.youth, psychologist, ChainRole.PSYCHOLOGIST)
    read_only = as_user(psychologist).get(f"/unge/{p.youth.pk}/plan/").content.decode()
    assert f'<h4 id="delmaal-{sg.pk}-h">{escaped} igen</h4>' in read_only
    assert read_only.count('<article class="plans-subgoal"') == 3
    for link in ("Ret mål", "Nyt delmål", "Evaluer målet", "Ny aktivitet", "Ret delmål", "Fjern delmål", "/ret/"):
        assert link not in read_only
    assert SubGoal.objects.filter(goal__youth=p.youth).count() == 3
