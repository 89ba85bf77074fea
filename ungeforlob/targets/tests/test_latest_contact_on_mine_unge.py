"""Mine unge shows each young person's latest contact and marks those without one for 14 days."""

from __future__ import annotations

import datetime
import re

from django.utils import timezone
from django.utils.formats import date_format

from ungeforlob.targets.tests import fixtures as f
from ungeforlob.testing import Personas, make_youth


def _short(day: datetime.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def _row(page: str, name: str) -> str:
    match = re.search(r"<tr>(?:(?!</tr>).)*" + re.escape(name) + r".*?</tr>", page, re.S)
    assert match, name
    return match.group(0)


def test_mine_unge_shows_the_latest_contact_and_flags_silence_after_14_days(p: Personas, as_user) -> None:
    today = timezone.localdate()
    recent = make_youth(p.contact_person, first_name="Nylig", mobile="+4540000001")
    silent = make_youth(p.contact_person, first_name="Stille", mobile="+4540000002")
    f.meeting(recent, today - datetime.timedelta(days=20))
    f.sms_in(recent, today - datetime.timedelta(days=2))
    f.note(silent, today - datetime.timedelta(days=14))
    page = as_user(p.contact_person).get("/unge/").content.decode()
    assert "Seneste kontakt" in page
    row = _row(page, "Nylig")
    assert _short(today - datetime.timedelta(days=2)) in row and "Over 14 dage siden" not in row
    row = _row(page, "Stille")
    assert _short(today - datetime.timedelta(days=14)) in row and "Over 14 dage siden" in row
    assert "Ingen kontakt endnu" in _row(page, "Josefine")


def test_the_latest_contact_costs_one_query_for_the_whole_page(p: Personas, as_user, count_queries) -> None:
    client = as_user(p.contact_person)
    today = timezone.localdate()
    client.get("/unge/")
    small = count_queries(lambda: client.get("/unge/"))
    for i in range(8):
        y = make_youth(p.contact_person, first_name=f"Flere{i}", mobile=f"+45410000{i:02d}")
        f.note(y, today - datetime.timedelta(days=i))
        f.sms_out(y, today - datetime.timedelta(days=i + 1))
        f.meeting(y, today - datetime.timedelta(days=i + 2))
    client.get("/unge/")
    assert count_queries(lambda: client.get("/unge/")) == small
