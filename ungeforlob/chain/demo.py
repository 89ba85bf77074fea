"""Demo data for the chain: open concerns (one overdue), referrals in the queue, a handover, a KUI deadline.

Idempotent: each piece is looked up by a stable marker before it is made, so running it again adds nothing.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from ungeforlob.accounts.models import Organisation, User
from ungeforlob.chain.deadlines import ack_due_at, ack_due_for
from ungeforlob.chain.models import (
    ChainRole,
    Concern,
    ConcernCategory,
    Handover,
    Membership,
    PlanStop,
    Referral,
    Severity,
)
from ungeforlob.chain.services import handover_create, kui_deadlines, referral_submit
from ungeforlob.core.workdays import add_working_days
from ungeforlob.youth.models import Youth

DEMO_REFERRALS = [
    # first, last, (day, month, year offset from 18 years ago), problem, days ago
    ("Ditte", "Juhl", 3, "Har droppet ud af 10. klasse og sidder mest hjemme. Vil gerne have hjælp til at finde noget."),
    ("Omar", "Khalil", 9, "Kommer i klubben hver dag, men har ingen uddannelse eller job. Interesseret i at blive mekaniker."),
    ("Sandra", "Bøgh", 15, "Har boligproblemer og har svært ved at passe sin FGU. Har sagt ja til at blive kontaktet."),
]


def _contact_youth(contact: User) -> list[Youth]:
    return list(Youth.objects.filter(memberships__professional=contact, memberships__role=ChainRole.CONTACT_PERSON,
                                     memberships__end_date__isnull=True).order_by("pk")[:8])


def load(*, municipality: Any, staff: dict[str, User], orgs: dict[str, Organisation]) -> None:
    today = timezone.localdate()
    contact, colleague = staff["kontaktperson"], staff["kollega"]
    youth = _contact_youth(contact)
    if len(youth) < 4:
        return
    # Concerns: one overdue (raised three working days ago, never acknowledged), one waiting, one handled.
    concerns = [
        (youth[0], ConcernCategory.ABSENCE, Severity.MEDIUM, 3, "Har ikke mødt op på jobcentret de sidste tre gange.", False),
        (youth[1], ConcernCategory.WELLBEING, Severity.SEVERE, 0, "Virkede meget trist og sagde, at intet giver mening.", False),
        (youth[2], ConcernCategory.HOUSING, Severity.LOW, 6, "Bor på en venindes sofa og skal flytte i næste uge.", True),
    ]
    for y, category, severity, days_ago, text, handled in concerns:
        if Concern.objects.filter(youth=y, description=text).exists():
            continue
        if not Membership.objects.open().filter(youth=y, professional=colleague).exists():
            Membership.objects.create(youth=y, professional=colleague, role=ChainRole.JOB_CONSULTANT,
                                      start_date=today - datetime.timedelta(days=30), created_by=contact)
        raised_on = add_working_days(today, -days_ago) if days_ago else today
        concern = Concern.objects.create(youth=y, category=category, severity=severity, description=text,
                                         raised_by=colleague,
                                         ack_due=ack_due_for(severity, raised_on) if days_ago
                                         else ack_due_at(severity, timezone.now()))
        Concern.objects.filter(pk=concern.pk).update(
            raised_at=timezone.make_aware(datetime.datetime.combine(raised_on, datetime.time(10, 15))))
        concern.notified.set([contact])
        if handled:
            when = timezone.make_aware(datetime.datetime.combine(raised_on, datetime.time(13, 40)))
            Concern.objects.filter(pk=concern.pk).update(acknowledged_at=when, acknowledged_by=contact,
                                                         response_minutes=205)
    # Referrals from civil society in the intake queue (oldest first).
    partner = staff.get("ahmad")
    if partner is not None:
        for i, (first, last, days_ago, problem) in enumerate(DEMO_REFERRALS):
            born = today.replace(year=today.year - 17 - i) - datetime.timedelta(days=50 + i)
            number = f"{born:%d%m%y}{'4' if born.year >= 2000 else '0'}{71 + i:02d}{i * 2}"
            referral, created = referral_submit(
                actor=partner, first_name=first, last_name=last, cpr_number=number, problem=problem,
                youth_accepted=True, accepted_asked_by=str(partner), accepted_on=today - datetime.timedelta(days=days_ago),
                how_to_reach="Via Foreningen Gadeplan, tirsdag og torsdag")
            if created:
                Referral.objects.filter(pk=referral.pk).update(
                    submitted_at=timezone.now() - datetime.timedelta(days=days_ago))
    # A handover waiting for the receiver's acceptance.
    receiver = staff.get("kasper")
    if receiver is not None and not Handover.objects.filter(youth=youth[3], receiver=receiver).exists():
        handover_create(actor=contact, youth=youth[3], receiver=receiver, role=ChainRole.CONTACT_PERSON,
                        what_works="Korte møder om formiddagen. SMS dagen før virker.",
                        watch_out="Bliver stille, når der er mange til stede.",
                        agreements="Møde hver anden tirsdag kl. 10.", plan="Fortsætte mod FGU efter sommerferien.")
    # A KUI deadline for a 15–17-year-old.
    minor = Youth.objects.filter(municipality=municipality,
                                 birth_date__gt=today.replace(year=today.year - 18)).order_by("pk").first()
    if minor is not None and not PlanStop.objects.filter(youth=minor).exists():
        stopped = add_working_days(today, -3)
        contact_due, offer_due = kui_deadlines(stopped)
        PlanStop.objects.create(youth=minor, stopped_on=stopped, recorded_by=contact, contact_due=contact_due,
                                offer_due=offer_due, note="Er stoppet med at komme i 10. klasse.")
