"""Found in review of issue 17: "every youth page … text ≥ 16 px" — the ends of the 1–5 scale on "Hvordan går
det?" were 15 px, the chart legend on "Selvevaluering" 14 px and the tags on "Hvor er jeg" 13 px."""

import pytest

from ungeforlob.portal.tests.test_browser import _log_in
from ungeforlob.testing import Personas

pytestmark = pytest.mark.browser

SMALL_TEXT = """() => [...document.querySelectorAll('main *')].filter(el => {
  const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  return own && el.offsetParent && parseFloat(getComputedStyle(el).fontSize) < 16;
}).map(el => el.tagName + ' ' + getComputedStyle(el).fontSize + ' ' + el.textContent.trim().slice(0, 40))"""


def test_text_on_min_side_is_at_least_16_px_on_a_phone(browse, p: Personas) -> None:
    from ungeforlob.progression.questionnaire import DIMENSION_ORDER, statements_for
    from ungeforlob.progression.services import self_evaluation_answer, self_evaluation_start

    for _ in range(2):  # a kept round and an earlier one: the chart draws its legend
        round = self_evaluation_start(youth=p.youth, by_youth=True)
        self_evaluation_answer(round=round, by_youth=True,
                               answers={st.key: 3 for d in DIMENSION_ORDER for st in statements_for(d)})
    s = browse(360)
    _log_in(s, p.youth)
    for path in ("/min-side/hvordan-gaar-det/", "/min-side/selvevaluering/", "/min-side/hvor-er-jeg/"):
        s.goto(path)
        assert s.page.evaluate(SMALL_TEXT) == [], path
