"""A chain meeting's settings are changed by its participants; a stopped meeting stops its invitation."""

from __future__ import annotations

import datetime

from ungeforlob.testing import Personas


def test_a_participant_changes_the_meeting_and_stops_it_and_the_invitation_stops_too(p: Personas, as_user) -> None:
    import icalendar

    from ungeforlob.meetings.models import ChainMeeting
    from ungeforlob.meetings.tests.factories import world

    w = world(p)
    client = as_user(p.contact_person)
    url = f"/kaedemoeder/{w.meeting.pk}/ret/"
    stop = (w.meeting.first_date + datetime.timedelta(days=60)).isoformat()
    data = {"name": "Team Mobil hver anden uge", "rhythm": "hver_anden_uge", "starts_at": "10:00",
            "duration_minutes": "45", "organisations": [str(p.organisation.pk)], "ended_on": stop}
    response = client.post(url, data)
    assert response.status_code == 302
    meeting = ChainMeeting.objects.get(pk=w.meeting.pk)
    assert (meeting.name, meeting.rhythm, meeting.duration_minutes, meeting.ended_on.isoformat()) == (
        "Team Mobil hver anden uge", "hver_anden_uge", 45, stop)
    ics = icalendar.Calendar.from_ical(client.get(f"/kaedemoeder/{w.meeting.pk}/invitation.ics").content)
    [event] = [c for c in ics.walk("VEVENT")]
    assert event["RRULE"]["UNTIL"][0].isoformat()[:10] == stop
    before = meeting.name
    blank = client.post(url, {**data, "name": " "})
    assert blank.status_code == 200 and "name" in blank.context["form"].errors
    early = client.post(url, {**data, "name": "Nyt navn", "ended_on": "1999-01-01"})
    assert early.status_code == 200 and "Mødet kan ikke stoppe før det første møde." in early.content.decode()
    assert ChainMeeting.objects.get(pk=w.meeting.pk).name == before  # nothing half-saved
