"""The young person's path and contact: stations and follow-ups, SMS both ways, and events in the circle."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable

from django.utils import timezone

from ungeforlob.chain.models import ChainRole, Concern, ConcernAction, ConcernCategory, PlanStop, Severity
from ungeforlob.messaging.models import (
    CheckIn,
    CheckInStatus,
    InboundMessage,
    MessageKind,
    MessageStatus,
    OutboundMessage,
    SmsConsent,
    WakeUpSeries,
)
from ungeforlob.notifications.models import YouthNotice
from ungeforlob.portal.models import LoginCode, Wish, WishKind, WishStatus
from ungeforlob.scale.generate.shapes import SMS_IN, SMS_OUT, Muni, Person, _add_working_days, _aware
from ungeforlob.transitions.models import (
    FollowUp,
    FollowUpStatus,
    Station,
    StationEndReason,
    StationKind,
    Transition,
)


def _acknowledged(failed_at: datetime.datetime, today: datetime.date, yid: int, k: int) -> datetime.datetime | None:
    """When the contact person acknowledged a failed SMS (*I dag* shows it until then): as likely still waiting
    as a follow-up as old (`_still_open`), else a day or two after. Decided from the young person and the message's
    number, not the shared random stream, so that the rest of the dataset stays what the seed made it."""
    days = (today - failed_at.date()).days
    if (yid * 7919 + k * 104729) % 1000 / 1000 < _still_open(days):
        return None
    return min(failed_at + datetime.timedelta(days=1 + (yid + k) % 2), timezone.now())


def _still_open(days_overdue: int) -> float:
    """How likely a follow-up this many days past its day is still open: 15 % in the first two weeks, 3 % up to
    two months, then 0.5 %. A contact person's list of overdue follow-ups is mostly the last weeks'; one that is
    months old has been done, skipped or moved (before, one in ten stayed open for good, and a contact person of
    the national dataset had two dozen from the year before)."""
    if days_overdue <= 14:
        return 0.15
    return 0.03 if days_overdue <= 60 else 0.005

class Paths:
    """Mixed into `Generator`: stations with transitions, SMS, concerns, plan stops, notices and wishes."""

    def path(self, m: Muni, yid: int, kp: Person, rng: random.Random, tenure: int, start: datetime.date,
             first_name: str) -> None:
        w, today = self.w, self.today
        kinds = [StationKind.TENTH_GRADE, StationKind.FGU, StationKind.EUD_GF1, StationKind.EUD_GF2,
                 StationKind.APPRENTICESHIP, StationKind.JOB, StationKind.HF_VUC]
        n = 1 + (tenure > 200) + (tenure > 500) + (rng.random() < 0.3)
        day = start - datetime.timedelta(days=rng.randint(30, 300))
        previous: int | None = None
        for i in range(n):
            last = i == n - 1
            if last and rng.random() < 0.15:  # a planned move, still ahead
                begin = today + datetime.timedelta(days=rng.randint(3, 40))
            else:
                begin = day
            end = None if last else min(today, begin + datetime.timedelta(days=rng.randint(60, 300)))
            if end is not None and end < begin:
                end = begin
            sid = w.add(Station, youth_id=yid, kind=kinds[(i + rng.randint(0, 2)) % len(kinds)],
                        institution=rng.choice(["FGU Øst", "Erhvervsskolen", "Netto", "VUC", ""]), start_date=begin,
                        end_date=end, end_reason=rng.choice(StationEndReason.values) if end else "",
                        created_at=_aware(min(begin, today), rng), created_by_id=kp.id)
            if i > 0:
                tid = w.add(Transition, youth_id=yid, to_station_id=sid, from_station_id=previous,
                            ended_from_station=True, procedure_id=m.procedure, token=None, cancelled_at=None,
                            cancelled_by_id=None, cancel_reason="", created_at=_aware(min(begin, today), rng),
                            created_by_id=kp.id)
                for step_id, step in m.steps:
                    offsets = [step.offset] if not step.every else list(range(step.offset, step.until + 1, step.every))
                    for occurrence, offset in enumerate(offsets):
                        planned = (_add_working_days(begin, offset) if step.working_days
                                   else begin + datetime.timedelta(days=offset))
                        due = planned + datetime.timedelta(days=rng.randint(1, 5)) if rng.random() < 0.1 else planned
                        status, done_on = FollowUpStatus.OPEN, None
                        if due < today:
                            r, still_open = rng.random(), _still_open((today - due).days)
                            if r < still_open:
                                pass  # overdue: mostly the last weeks' (an old one is done, skipped or moved)
                            elif r < still_open + 0.07:
                                status, done_on = FollowUpStatus.SKIPPED, due
                            else:
                                status, done_on = FollowUpStatus.DONE, due
                        w.add(FollowUp, transition_id=tid, youth_id=yid, step_id=step_id, occurrence=occurrence,
                              title=step.title, kind=step.kind, responsible_role=ChainRole.CONTACT_PERSON,
                              description="", offset_days=offset, working_days=step.working_days,
                              planned_date=planned, due_date=due, due_time=datetime.time(9, 0),
                              sms_body=step.sms.format(fornavn=first_name, kontaktperson=kp.name) if step.sms else "",
                              message_id=None, status=status, done_on=done_on,
                              done_at=_aware(done_on, rng) if done_on else None,
                              done_by_id=kp.id if done_on else None, note="",
                              created_at=_aware(min(begin, today), rng))
            previous = sid
            day = (end or today) + datetime.timedelta(days=rng.randint(0, 20))
            if day > today:
                day = today

    def sms(self, yid: int, kp: Person, rng: random.Random, tenure: int, start: datetime.date, mobile: str,
            first_name: str) -> None:
        w, today = self.w, self.today
        if not mobile or rng.random() < 0.15:
            return
        withdrawn = rng.random() < 0.05
        w.add(SmsConsent, youth_id=yid, given_at=_aware(start, rng), recorded_by_id=kp.id, note="Mundtligt",
              withdrawn_at=_aware(today, rng) if withdrawn else None, withdrawn_via="staff" if withdrawn else "",
              updated_at=_aware(start, rng))
        series = None
        if rng.random() < 0.08:
            series = w.add(WakeUpSeries, youth_id=yid, time_of_day=datetime.time(7, 30), weekdays="0,1,2,3,4",
                           start_date=start, stop_date=None, body="Godmorgen! Tid til at stå op.",
                           created_at=_aware(start, rng), created_by_id=kp.id, stopped_at=None, stopped_reason="",
                           stopped_by_id=None)
        count = max(2, min(120, tenure // 12 + rng.randint(-3, 6)))
        for k in range(count):
            future = k == count - 1 and rng.random() < 0.3
            day = (today + datetime.timedelta(days=rng.randint(1, 5))) if future else (
                start + datetime.timedelta(days=rng.randint(0, tenure)))
            at = _aware(day, rng)
            r = rng.random()
            kind = (MessageKind.WAKEUP if series and r < 0.3 else MessageKind.CONVERSATION if r < 0.55
                    else MessageKind.REMINDER if r < 0.8 else MessageKind.NOTICE if r < 0.9 else MessageKind.CHECKIN)
            status = MessageStatus.QUEUED if future else (MessageStatus.FAILED if rng.random() < 0.03
                                                         else MessageStatus.DELIVERED)
            mid = w.add(OutboundMessage, youth_id=yid, kind=kind, body=rng.choice(SMS_OUT).format(n=first_name),
                        status=status, send_at=at, due_at=at, quiet_shifted=False, attempts=0 if future else 1,
                        idempotency_key=f"scale:{yid}:{k}", claim_token="", lease_until=None, to_number=mobile,
                        gateway="" if future else "http", gateway_message_id="" if future else f"scale-{yid}-{k}",
                        last_error="", status_reason="", sent_at=None if future else at,
                        delivered_at=at if status == MessageStatus.DELIVERED else None,
                        failed_at=at if status == MessageStatus.FAILED else None, cancelled_at=None,
                        failure_acknowledged_at=_acknowledged(at, today, yid, k) if status == MessageStatus.FAILED
                        else None, warning_accepted=False, related_type="", related_id="",
                        series_id=series if kind == MessageKind.WAKEUP else None, created_at=at,
                        created_by_id=kp.id)
            checkin = None
            if kind == MessageKind.CHECKIN:
                answered = not future and rng.random() < 0.6
                checkin = w.add(CheckIn, youth_id=yid, question="Hvordan gik det?", message_id=mid,
                                status=CheckInStatus.ANSWERED if answered else CheckInStatus.OPEN,
                                answer="Fint" if answered else "", answered_at=at if answered else None,
                                related_type="", related_id="", created_at=at, created_by_id=kp.id)
            if not future and rng.random() < 0.45:
                reply = at + datetime.timedelta(minutes=rng.randint(1, 300))
                w.add(InboundMessage, youth_id=yid, from_number=mobile, body=rng.choice(SMS_IN), received_at=reply,
                      gateway_message_id=f"scale-in-{yid}-{k}", is_stop=False, shared_number=False,
                      checkin_id=checkin, created_at=reply)
        for k in range(rng.randint(0, 3)):
            day = start + datetime.timedelta(days=rng.randint(0, tenure))
            w.add(LoginCode, youth_id=yid, code_hash=f"{yid:x}{k}".ljust(64, "0"), created_at=_aware(day, rng),
                  expires_at=_aware(day, rng, 17, 18), used_at=_aware(day, rng), invalidated_at=None)

    def chain_events(self, m: Muni, yid: int, kp: Person, circle: list[Person], rng: random.Random, tenure: int,
                     start: datetime.date, age: int, when: Callable[..., datetime.date]) -> None:
        w, today = self.w, self.today
        n_concerns = 0 if rng.random() < 0.7 else rng.randint(1, 2)
        for _ in range(n_concerns):
            day = when()
            raiser = rng.choice(circle)
            ack_due = _add_working_days(day, 2)
            acknowledged = ack_due < today and rng.random() < 0.85 or rng.random() < 0.3
            closed = acknowledged and rng.random() < 0.8
            escalated = not acknowledged and ack_due < today
            cid = w.add(Concern, youth_id=yid, category=rng.choice(ConcernCategory.values),
                        severity=rng.choice(Severity.values), description="Har ikke været i skole i en uge.",
                        raised_at=_aware(day, rng), raised_by_id=raiser.id, ack_due=ack_due,
                        acknowledged_at=_aware(day, rng, 15, 17) if acknowledged else None,
                        acknowledged_by_id=kp.id if acknowledged else None,
                        response_minutes=rng.randint(30, 2000) if acknowledged else None,
                        escalated_at=_aware(ack_due, rng) if escalated else None,
                        escalated_to_id=m.leaders[0].id if escalated else None,
                        outcome="Aftalt møde med skolen" if closed else "",
                        closed_at=_aware(day, rng, 17, 19) if closed else None, closed_by_id=kp.id if closed else None)
            w.add(Concern.notified.through, concern_id=cid, user_id=kp.id)
            if acknowledged:
                w.add(ConcernAction, concern_id=cid, text="Ringet til den unge", created_at=_aware(day, rng, 16, 17),
                      created_by_id=kp.id)
        if age < 18 and rng.random() < 0.08:
            day = when()
            old = day < today - datetime.timedelta(days=30)
            w.add(PlanStop, youth_id=yid, stopped_on=day, note="", recorded_at=_aware(day, rng), recorded_by_id=kp.id,
                  contact_due=_add_working_days(day, 5), offer_due=day + datetime.timedelta(days=30),
                  contacted_on=day + datetime.timedelta(days=2) if old else None,
                  offered_on=day + datetime.timedelta(days=20) if old else None, offer="FGU" if old else "")
        for _ in range(rng.randint(1, 5)):
            day = when()
            w.add(YouthNotice, youth_id=yid, kind="circle", text="En ny person er kommet med i din kæde.",
                  created_at=_aware(day, rng), read_at=_aware(day, rng, 17, 20) if rng.random() < 0.7 else None,
                  related_type="", related_id="")
        if rng.random() < 0.2:
            answered = rng.random() < 0.7
            w.add(Wish, youth_id=yid, kind=rng.choice(WishKind.values), text="Jeg vil gerne i praktik",
                  goal_id=None, subgoal_id=None, status=WishStatus.ACCEPTED if answered else WishStatus.NEW,
                  reply="Ja, det gør vi" if answered else "", handled_by_id=kp.id if answered else None,
                  handled_by_name=kp.name if answered else "",
                  handled_at=_aware(today, rng) if answered else None, created_type="", created_id=None,
                  created_at=_aware(when(), rng))
