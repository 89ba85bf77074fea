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
    assert list(rows) == ["Gruppevist besøg på uddannelsesstedet", "Formøde før start", "Køreplan for dag 1",
                          "Velkomst på første dag", "Individuel opfølgningssamtale (7 uger)",
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


def test_compliance_over_a_period_counts_only_the_followups_planned_in_it(p: Personas) -> None:
    t = transition(p, date=_ago(100))
    formoede = t.followups.get(title="Formøde før start")
    old = _ago(500)
    FollowUp.objects.filter(pk=formoede.pk).update(planned_date=old, due_date=old)
    since = selectors.compliance_since(_today(), 12)
    assert (since.year, since.month) == (_today().year - 1, _today().month)
    in_year = {r.step for r in selectors.compliance(p.municipality.pk, today=_today(), since=since)}
    always = {r.step for r in selectors.compliance(p.municipality.pk, today=_today())}
    assert "Formøde før start" not in in_year and "Velkomst på første dag" in in_year
    assert always == in_year | {"Formøde før start"}
    assert selectors.compliance_since(_today(), 0) is None


def test_the_agenda_item_carries_the_actions_of_i_dag(p: Personas) -> None:
    t = transition(p, days=20)
    FollowUp.objects.filter(transition=t, title="Formøde før start").update(due_date=_ago(2))
    [item] = selectors.agenda_items(p.contact_person, today=_today())
    assert item.overdue and item.kind == "opfoelgning" and item.youth_name == "Josefine Hansen"
    assert set(item.actions) == {"done", "move", "skip"}
    assert item.actions["done"].endswith("/udfoert/")
    assert selectors.agenda_items(p.outsider, today=_today()) == []


def _compliance_row_by_row(municipality_id: int, today: datetime.date) -> list[tuple]:
    """The compliance figures computed row by row in Python: what the page showed before they were counted in
    SQL, kept here as the reference the query must agree with."""
    from zoneinfo import ZoneInfo

    from django.conf import settings

    from ungeforlob.transitions.models import SMS_GONE, FollowUpKind

    zone = ZoneInfo(settings.TIME_ZONE)
    table: dict = {}
    for f in (FollowUp.objects.filter(youth__municipality_id=municipality_id, planned_date__lt=today,
                                      transition__procedure__isnull=False)
              .exclude(status=FollowUpStatus.CANCELLED).select_related("transition__procedure")):
        key = (f.transition.procedure.name, f.step_id or f.title)
        row = table.setdefault(key, {"step": f.title, "offset": f.offset_days, "counts": [0, 0, 0, 0, 0]})
        row["offset"] = min(row["offset"], f.offset_days)
        status, done_on = f.status, f.done_on
        message = OutboundMessage.objects.filter(pk=f.message_id).first() if f.message_id else None
        if (status == FollowUpStatus.OPEN and f.kind == FollowUpKind.SMS and message
                and message.status in SMS_GONE and message.sent_at):
            status, done_on = FollowUpStatus.DONE, message.sent_at.astimezone(zone).date()
        counts = row["counts"]
        counts[0] += 1
        if status == FollowUpStatus.DONE:
            counts[1 if done_on <= f.planned_date else 2] += 1
        elif status == FollowUpStatus.SKIPPED:
            counts[3] += 1
        else:
            counts[4] += 1
    ordered = sorted(table, key=lambda k: (k[0], table[k]["offset"], table[k]["step"]))
    return [(k[0], table[k]["step"], *table[k]["counts"]) for k in ordered]


def test_compliance_counted_in_sql_agrees_with_counting_row_by_row(p: Personas) -> None:
    from ungeforlob.transitions.tests.factories import AFTERCARE, consent

    statuses = [FollowUpStatus.DONE, FollowUpStatus.SKIPPED, FollowUpStatus.OPEN]
    for i in range(7):
        youth = make_youth(p.contact_person, first_name=f"Elev{i}")
        consent(youth, p.contact_person)
        t = transition(p, youth=youth, date=_ago(30 + 40 * i), procedure=AFTERCARE if i % 3 == 2 else VEJLE)
        for j, f in enumerate(t.followups.exclude(status=FollowUpStatus.CANCELLED).order_by("pk")):
            if f.kind == "sms" and f.message_id:
                # Sent on time, sent late (after midnight Danish time), failed, or still queued.
                choice = (i + j) % 4
                sent = timezone.make_aware(datetime.datetime.combine(f.planned_date, datetime.time(23, 30)))
                if choice == 1:
                    sent += datetime.timedelta(hours=1)
                status = [MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.FAILED, "queued"][choice]
                OutboundMessage.objects.filter(pk=f.message_id).update(
                    status=status, sent_at=sent if choice < 2 else None)
                continue
            status = statuses[(i + j) % 3]
            if status != FollowUpStatus.OPEN:
                late = datetime.timedelta(days=(i * j) % 3)
                FollowUp.objects.filter(pk=f.pk).update(status=status, done_on=f.planned_date + late)
    # A step renamed after the first follow-ups were made keeps the title of its first one.
    first = FollowUp.objects.filter(step__isnull=False, planned_date__lt=_today()).order_by("due_date", "pk").first()
    FollowUp.objects.filter(step_id=first.step_id).exclude(pk=first.pk).update(title="Nyt navn")

    expected = _compliance_row_by_row(p.municipality.pk, _today())
    got = [(r.procedure, r.step, r.due, r.on_time, r.late, r.skipped, r.missing)
           for r in selectors.compliance(p.municipality.pk, today=_today())]
    assert got == expected
    assert sum(r[3] for r in got) and sum(r[4] for r in got) and sum(r[5] for r in got) and sum(r[6] for r in got)
    assert any(r[1] == first.title for r in got) and not any(r[1] == "Nyt navn" for r in got)


def test_the_leader_page_costs_the_same_queries_with_a_longer_history(p: Personas, as_user, count_queries) -> None:
    client = as_user(p.leader)
    transition(p, date=_ago(100))
    client.get("/ledelse/overgange/")
    few = count_queries(lambda: client.get("/ledelse/overgange/"))
    for i in range(6):
        transition(p, youth=make_youth(p.contact_person, first_name=f"Flere{i}", mobile=""), date=_ago(50 + 30 * i))
    assert count_queries(lambda: client.get("/ledelse/overgange/")) == few
    assert count_queries(lambda: client.get("/ledelse/overgange/?procedure=1")) == few
