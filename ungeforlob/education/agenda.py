"""The education app's items on I dag (declared in `EducationConfig.agenda_sources`): application deadlines of
the places the user's young people are heading for, and absence above the threshold waiting for an answer.
One query per request (`selectors.agenda_rows`)."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from ungeforlob.core.agenda import AgendaItem, probed
from ungeforlob.education.selectors import agenda_probe, agenda_rows


@probed(agenda_probe)
def education_items(user: Any, *, today: datetime.date) -> list[AgendaItem]:
    items = []
    for kind, youth_id, first, last, _station, record_id, day, figure, label in agenda_rows(user, today=today):
        name = f"{first} {last}".strip()
        if kind == "frist":
            items.append(AgendaItem(due=day, kind="frist", title=_("Ansøgningsfrist: %(programme)s") % {
                "programme": label}, youth_id=youth_id, youth_name=name,
                url=reverse("education:youth", args=[youth_id]),
                detail=_("Den unges station peger på uddannelsen.")))
        else:
            week = day.isocalendar()[1]
            items.append(AgendaItem(due=day + datetime.timedelta(days=6), kind="fravaer",
                                    title=_("Fravær over tærsklen: uge %(week)s, %(n)s %%") % {"week": week, "n": figure},
                                    youth_id=youth_id, youth_name=name,
                                    url=reverse("education:prompt", args=[youth_id, record_id]),
                                    overdue=True, detail=_("Rejs eller besvar en bekymring.")))
    return items
