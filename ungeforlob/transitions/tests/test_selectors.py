import datetime

from django.utils import timezone

from ungeforlob.messaging.models import MessageStatus, OutboundMessage
from ungeforlob.testing import Personas, make_youth
from ungeforlob.transitions import selectors, services
from ungeforlob.transitions.models import FollowUp, FollowUpStatus, StationEndReason
from ungeforlob.transitions.tests.factories import VEJLE, transition


def _today() -> datetime.date:
    return timezone.localdate()


def _ago(days: int) -> datetime.date:
    return _today() - datetime.timedelta(days=days)


def test_retention_counts_who_stayed_or_completed_per_procedure(p: Personas) -> None:
    outcomes = [None, None, None, (100, StationEndReason.DROPPED_OUT), (50, StationEndReason.COMPLETED),
                (20, StationEndReason.DROPPED_OUT)]
    for i, outcome in enumerate(outcomes):
        t = transition(p, youth=make_youth(p.contact_person, first_name=f"U{i}", mobile=""), date=_ago(200))
        if outcome:
            services.station_end(actor=p.contact_person, station=t.to_station,
                                 end_date=t.date + datetime.timedelta(days=outcome[0]), end_reason=outcome[1])
    cancelled = transition(p, youth=make_youth(p.contact_person, first_name="Aflyst", mobile=""), date=_ago(200))
    services.transition_cancel(actor=p.contact_person, transition=cancelled, reason="nej")
    transition(p, youth=make_youth(p.contact_person, first_name="Uden", mobile=""), date=_ago(30), procedure=None)

    rows = selectors.retention(p.municipality.pk, today=_today())
    assert [r.label for r in rows] == [VEJLE, "Uden procedure"]
    vejle = rows[0]
    assert vejle.transitions == 6
    assert (vejle.shares[3].counted, vejle.shares[3].kept) == (6, 5)  # only the one who left after 20 days
    assert (vejle.shares[6].counted, vejle.shares[6].kept) == (6, 4)  # the one who left after 100 days too
    assert vejle.shares[12].counted == 0  # none is a year old yet
    assert vejle.shares[3].percent == 83
    assert rows[1].shares[3].counted == 0 and rows[1].shares[3].percent is None


def test_a_share_is_hidden_behind_fewer_than_five(p: Personas) -> None:
    transition(p, date=_ago(120))
    row = selectors.retention(p.municipality.pk, today=_today())[0]
    assert row.shares[3].counted == 1 and row.shares[3].percent is None


def test_compliance_is_the_share_done_on_time_per_step(p: Personas) -> None:
    t = transition(p, date=_ago(100))
    by_title = {f.title: f for f in t.followups.all()}

    def close(title: str, status: str, late_days: int = 0) -> None:
        f = by_title[title]
        FollowUp.objects.filter(pk=f.pk).update(status=status,
                                                done_on=f.planned_date + datetime.timedelta(days=late_days))

    close("Formøde før start", FollowUpStatus.DONE)
    close("Velkomst på første dag", FollowUpStatus.DONE, late_days=2)
    close("Individuel opfølgningssamtale (7 uger)", FollowUpStatus.SKIPPED)
    rows = {r.step: r for r in selectors.compliance(p.municipality.pk, today=_today())}
    assert (rows["Formøde før start"].due, rows["Formøde før start"].on_time) == (1, 1)
    assert rows["Velkomst på første dag"].late == 1
    assert rows["Individuel opfølgningssamtale (7 uger)"].skipped == 1
    assert rows["Fællesmøde med KUI, skolen og den unge (8 uger)"].missing == 1
    assert "SMS dagen før" not in rows  # its moment had passed when the transition was made: cancelled, not due
    assert list(rows) == ["Formøde før start", "Velkomst på første dag", "Individuel opfølgningssamtale (7 uger)",
                          "Fællesmøde med KUI, skolen og den unge (8 uger)"]
    assert rows["Formøde før start"].percent is None  # one is too few to show a share


def test_an_sms_counts_as_done_on_time_when_the_outbox_sent_it(p: Personas) -> None:
    t = transition(p, days=-3)
    sms = t.followups.get(title="SMS en uge efter start")
    yesterday = _ago(1)
    FollowUp.objects.filter(pk=sms.pk).update(planned_date=yesterday, due_date=yesterday)
    sent = timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time(16)))
    OutboundMessage.objects.filter(pk=sms.message_id).update(status=MessageStatus.SENT, sent_at=sent)
    row = next(r for r in selectors.compliance(p.municipality.pk, today=_today()) if r.step == sms.title)
    assert (row.due, row.on_time) == (1, 1)


def test_compliance_can_be_narrowed_to_one_procedure(p: Personas) -> None:
    t = transition(p, date=_ago(100))
    transition(p, youth=make_youth(p.contact_person, first_name="Job", mobile=""), date=_ago(100),
               procedure="Eftervend og efterværn", kind="job")
    rows = selectors.compliance(p.municipality.pk, today=_today(), procedure_id=t.procedure_id)
    assert {r.procedure for r in rows} == {VEJLE}


def test_the_agenda_item_carries_the_actions_of_i_dag(p: Personas) -> None:
    t = transition(p, days=20)
    FollowUp.objects.filter(transition=t, title="Formøde før start").update(due_date=_ago(2))
    [item] = selectors.agenda_items(p.contact_person, today=_today())
    assert item.overdue and item.kind == "opfoelgning" and item.youth_name == "Josefine Hansen"
    assert set(item.actions) == {"done", "move", "skip"}
    assert item.actions["done"].endswith("/udfoert/")
    assert selectors.agenda_items(p.outsider, today=_today()) == []
