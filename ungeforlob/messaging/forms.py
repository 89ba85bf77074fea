from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ungeforlob.core.forms import FormTokenMixin, SubmitOnceMixin
from ungeforlob.messaging import conf
from ungeforlob.youth.forms import DateInput


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


def _body_field(label: Any, max_length: int = conf.MAX_BODY_LENGTH, **kwargs: Any) -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, strip=True,
                           widget=forms.Textarea(attrs={"rows": 3, "maxlength": max_length}), **kwargs)


class WarningMixin(FormTokenMixin):
    """A checkbox the sender ticks to send a message the content rules only warn about, and the form's
    one-time token: it keys the outbox row, so posting the same form twice creates one message."""

    accept_warnings = forms.BooleanField(
        label=_("Send alligevel – jeg har læst advarslen og ved, at beskeden ikke indeholder følsomme oplysninger"),
        required=False,
    )


def _combine(day: datetime.date | None, clock: datetime.time | None, form: forms.Form,
             day_field: str, time_field: str) -> datetime.datetime | None:
    if day is None and clock is None:
        return None
    if day is None or clock is None:
        form.add_error(day_field if day is None else time_field, _("Udfyld både dato og klokkeslæt."))
        return None
    return datetime.datetime.combine(day, clock, tzinfo=conf.LOCAL_TZ)


class SendForm(WarningMixin):
    body = _body_field(_("Besked"), help_text=_("Skriv aldrig CPR-nummer, helbred, misbrug, kriminalitet eller "
                                                "andre unges navne i en SMS."))
    send_date = forms.DateField(label=_("Send senere – dato"), required=False, widget=DateInput())
    send_time = forms.TimeField(label=_("Klokkeslæt"), required=False, widget=TimeInput())

    field_order = ["body", "send_date", "send_time", "accept_warnings", "submission"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["send_at"] = _combine(data.get("send_date"), data.get("send_time"), self, "send_date", "send_time")
        return data


class ConsentForm(SubmitOnceMixin):
    """Recording a yes (or withdrawing it) is saved once, however often the form is sent."""

    note = forms.CharField(label=_("Hvordan gav den unge samtykke?"), max_length=200, required=False,
                           help_text=_("Fx »mundtligt ved samtale 3. marts«."))
    action = forms.ChoiceField(choices=[("give", "give"), ("withdraw", "withdraw")], widget=forms.HiddenInput)


WEEKDAYS = [(0, _("Mandag")), (1, _("Tirsdag")), (2, _("Onsdag")), (3, _("Torsdag")), (4, _("Fredag")),
            (5, _("Lørdag")), (6, _("Søndag"))]


class WakeUpForm(WarningMixin):
    time_of_day = forms.TimeField(label=_("Klokkeslæt"), widget=TimeInput(),
                                  help_text=_("Mellem kl. 5.00 og 11.00."))
    weekdays = forms.TypedMultipleChoiceField(label=_("Ugedage"), choices=WEEKDAYS, coerce=int,
                                              widget=forms.CheckboxSelectMultiple)
    start_date = forms.DateField(label=_("Fra"), widget=DateInput())
    stop_date = forms.DateField(label=_("Til og med"), required=False, widget=DateInput(),
                                help_text=_("Tom: indtil den unge svarer STOP VÆKNING, eller du stopper den."))
    body = _body_field(_("Besked"), max_length=320)

    field_order = ["time_of_day", "weekdays", "start_date", "stop_date", "body", "accept_warnings"]


LEAD_CHOICES = [(1, _("1 time før")), (2, _("2 timer før")), (3, _("3 timer før")), (24, _("Dagen før (24 timer)")),
                (48, _("2 dage før"))]


class ReminderForm(WarningMixin):
    date = forms.DateField(label=_("Aftalens dato"), widget=DateInput())
    time = forms.TimeField(label=_("Klokkeslæt"), widget=TimeInput())
    place = forms.CharField(label=_("Sted"), max_length=120, required=False,
                            help_text=_("Fx »Jobcentret, Vestergade 3«. Skriv ikke, hvad aftalen handler om."))
    lead_hours = forms.TypedChoiceField(label=_("Send påmindelsen"), choices=LEAD_CHOICES, coerce=int)

    field_order = ["date", "time", "place", "lead_hours", "accept_warnings"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["appointment_at"] = _combine(data.get("date"), data.get("time"), self, "date", "time")
        return data


class CheckInForm(WarningMixin):
    question = _body_field(_("Spørgsmål"), max_length=320,
                           help_text=_("Fx »Hvordan gik din første dag i praktik?« Den unges svar bliver gemt her."))
    activity = forms.ChoiceField(label=_("Handler om aktiviteten"), required=False)
    send_date = forms.DateField(label=_("Send – dato"), required=False, widget=DateInput(),
                                help_text=_("Tom: send nu."))
    send_time = forms.TimeField(label=_("Klokkeslæt"), required=False, widget=TimeInput())

    field_order = ["question", "activity", "send_date", "send_time", "accept_warnings"]

    def __init__(self, *args: Any, activities: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["activity"].choices = [("", _("Ingen bestemt aktivitet"))] + list(activities or [])
        if not activities:
            del self.fields["activity"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["send_at"] = _combine(data.get("send_date"), data.get("send_time"), self, "send_date", "send_time")
        return data


class DevReplyForm(forms.Form):
    message = forms.IntegerField(widget=forms.HiddenInput)
    body = forms.CharField(label=_("Svar som den unge"), max_length=480)

