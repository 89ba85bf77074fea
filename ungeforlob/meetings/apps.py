"""Chain meetings (kædemøder): standing cross-sector meetings, agendas with young people, decisions as tasks, meeting participants and .ics invitations, and cooperation agreements."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "ungeforlob.meetings"
    label = "meetings"
    verbose_name = _("Kædemøder")
    # Items on I dag (gathered by core.agenda.agenda_for).
    agenda_sources = (
        "ungeforlob.meetings.agenda.tasks_due",
        "ungeforlob.meetings.agenda.meetings_ahead",
        "ungeforlob.meetings.agenda.agreement_reviews",
    )
