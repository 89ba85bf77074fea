"""The voice app's section on the leader's home (`/ledelse/`), registered in insights.sections."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from ungeforlob.portal.models import ServiceFeedback
from ungeforlob.voice import selectors, tables
from ungeforlob.voice.charts import bar_chart
from ungeforlob.voice.quarters import end_dt, start_dt


def voice_section(filters: Any, user: Any) -> dict[str, Any]:
    """The young people's answers in the filters' quarters (the whole municipality: the answers are anonymous),
    the trend of "Blev du hørt?" as a chart, and how many comments wait to be read. Two queries."""
    quarters = list(filters.quarters)
    rows = selectors.feedback_by_quarter(municipality_id=filters.municipality_id, quarters=quarters)
    table = tables.quarters_table(rows)
    if filters.active:
        table.note = str(tables.ANONYMOUS_NOTE)
    unread = ServiceFeedback.objects.filter(
        municipality_id=filters.municipality_id, created_at__gte=start_dt(quarters[0]),
        created_at__lt=end_dt(quarters[-1]), review__isnull=True).exclude(comment="").count()
    chart = bar_chart(slug="ledelse-stemme", title=rows[0]["questions"][0]["label"] if rows else "",
                      rows=[(r["quarter"].label, r["questions"][0]["mean"]) for r in rows], max_value=5,
                      value_label=_("Gennemsnit (1–5)"))
    return {"voice_table": table, "voice_chart": chart, "voice_unread": unread}
