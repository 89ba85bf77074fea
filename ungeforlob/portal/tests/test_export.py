""""Hent mine data" is complete by construction: every model that refers to a young person is in the export
(JSON and PDF) or named, with its reason, in `NOT_EXPORTED`."""

from __future__ import annotations

import datetime
import json

from django.apps import apps
from django.db.models import Model
from django.utils import timezone

from ungeforlob.portal import export
from ungeforlob.portal.testing import youth_client
from ungeforlob.testing import Personas
from ungeforlob.youth.models import Youth


def models_about_a_young_person() -> dict[str, str]:
    """Every model with a foreign key (or one-to-one) to the young person, directly or through a chain of foreign
    keys through models that do (Activity -> SubGoal -> Goal -> Youth): label -> the path found."""
    found: dict[type[Model], str] = {Youth: "youth.Youth"}
    grew = True
    while grew:
        grew = False
        for model in apps.get_models():
            if model in found:
                continue
            for field in model._meta.get_fields():
                if field.concrete and (field.many_to_one or field.one_to_one) and field.related_model in found:
                    found[model] = f"{model._meta.label}.{field.name} -> {found[field.related_model]}"
                    grew = True
                    break
    return {model._meta.label: path for model, path in found.items()}


def test_every_model_about_a_young_person_is_exported_or_excluded_with_a_reason(db) -> None:
    exported = {label for section in export.EXPORT_SECTIONS for label in section.models}
    missing = {label: path for label, path in models_about_a_young_person().items()
               if label not in exported and label not in export.NOT_EXPORTED}
    assert not missing, ("Not in Hent mine data and not excluded with a reason "
                         "(add a section to portal.export.EXPORT_SECTIONS or a reason to NOT_EXPORTED):\n"
                         + "\n".join(f"{label}  ({path})" for label, path in sorted(missing.items())))
    assert all(export.NOT_EXPORTED.values()), "every exclusion needs its reason"


def test_the_export_registry_names_only_real_models_about_a_young_person(db) -> None:
    about = models_about_a_young_person()
    named = [label for section in export.EXPORT_SECTIONS for label in section.models] + list(export.NOT_EXPORTED)
    assert [label for label in named if label not in about] == []
    assert len(named) == len(set(named)), "a model is registered twice"


def _one_of_each(p: Personas) -> dict[str, str]:
    """A row of each kind the export used to leave out, each with a text to look for: model -> text."""
    from ungeforlob.chain.models import Concern, ConcernAction, ContactWish, PlanStop, Referral
    from ungeforlob.messaging.models import CheckIn, OutboundMessage, WakeUpSeries
    from ungeforlob.notifications.models import YouthNotice
    from ungeforlob.plans.models import PlanChange, PlanMeeting, PlanShare
    from ungeforlob.progression.models import ProfessionalReading
    from ungeforlob.progression.services import (
        self_evaluation_answer,
        self_evaluation_finish,
        self_evaluation_start,
    )
    from ungeforlob.transitions.models import FollowUp, Station, Transition
    from ungeforlob.youth.models import AccessRequest

    y, cp, today, now = p.youth, p.contact_person, timezone.localdate(), timezone.now()
    school = Station.objects.create(youth=y, kind="fgu", institution="FGU Markørby", start_date=today)
    job = Station.objects.create(youth=y, kind="10_klasse", institution="Efterskolen Markør",
                                 start_date=today + datetime.timedelta(days=30))
    move = Transition.objects.create(youth=y, to_station=job, from_station=school, cancel_reason="Flyttet markør")
    FollowUp.objects.create(transition=move, youth=y, title="Ring efter første uge markør", kind="opkald",
                            responsible_role="kontaktperson", offset_days=7, planned_date=today, due_date=today)
    meeting = PlanMeeting.objects.create(youth=y, held_on=today, agreed="Vi aftalte praktik markør", created_by=cp)
    meeting.participants.add(p.colleague)
    PlanChange.objects.create(youth=y, actor=cp, actor_name="Mette Kjær", object_type="goal",
                              object_label="Tømrer markør", action="oprettet",
                              changes={"Tekst": {"old": "før", "new": "efter"}}, reason="Planmøde markør")
    PlanShare.objects.create(youth=y, recipient_name="Jobcenter markør", purpose="Praktik", parts=["maal"],
                             consent="mundtligt", shared_by=cp, shared_by_name="Mette Kjær")
    concern = Concern.objects.create(youth=y, category="fravaer", description="Fravær i tre uger markør",
                                     raised_by=p.colleague, ack_due=today)
    ConcernAction.objects.create(concern=concern, text="Ringede hjem markør", created_by=cp)
    PlanStop.objects.create(youth=y, stopped_on=today, note="Stoppede på FGU markør", recorded_by=cp,
                            contact_due=today, offer_due=today)
    ContactWish.objects.create(youth=y, wish_text="Gerne Mette markør", recorded_by=cp)
    Referral.objects.create(municipality=p.municipality, submitted_by=p.colleague, first_name="Josefine",
                            last_name="Hansen", birth_date=y.birth_date, problem="Dropper ud markør",
                            youth_accepted=True, accepted_asked_by="Jonas", accepted_on=today, youth=y)
    YouthNotice.objects.create(youth=y, kind="test", text="Jonas er med i din kæde markør")
    WakeUpSeries.objects.create(youth=y, time_of_day=datetime.time(7, 0), weekdays="0,1,2", start_date=today,
                                body="Godmorgen markør", created_by=cp)
    sms = OutboundMessage.objects.create(youth=y, kind="checkin", body="Hvordan gik det?", send_at=now, due_at=now,
                                         idempotency_key="test:checkin")
    CheckIn.objects.create(youth=y, question="Hvordan gik besøget markør?", message=sms, answer="Godt markør")
    round = self_evaluation_start(youth=y, by_youth=True)
    self_evaluation_answer(round=round, answers={"mot1": 4}, goals={}, by_youth=True)
    self_evaluation_finish(round=round, keep=True, by_youth=True)
    ProfessionalReading.objects.create(round=round, author=cp, text="Stærk motivation markør")
    AccessRequest.objects.create(youth=y, asker=p.outsider, reason="Skal hjælpe med job markør")
    return {
        "transitions.Station": "FGU Markørby", "transitions.Transition": "Flyttet markør",
        "transitions.FollowUp": "Ring efter første uge markør", "plans.PlanMeeting": "Vi aftalte praktik markør",
        "plans.PlanChange": "Planmøde markør", "plans.PlanShare": "Jobcenter markør",
        "chain.Concern": "Fravær i tre uger markør", "chain.ConcernAction": "Ringede hjem markør",
        "chain.PlanStop": "Stoppede på FGU markør", "chain.ContactWish": "Gerne Mette markør",
        "chain.Referral": "Dropper ud markør", "notifications.YouthNotice": "Jonas er med i din kæde markør",
        "messaging.WakeUpSeries": "Godmorgen markør", "messaging.CheckIn": "Godt markør",
        "progression.ProfessionalReading": "Stærk motivation markør",
        "youth.AccessRequest": "Skal hjælpe med job markør",
    }


def test_stations_transitions_follow_ups_plan_meetings_changes_shares_concerns_and_stops_are_in_json_and_pdf(
        p: Personas) -> None:
    texts = _one_of_each(p)
    client = youth_client(p.youth)
    response = client.get("/min-side/mine-data.json")
    as_json = json.dumps(json.loads(response.content), ensure_ascii=False)
    as_pdf = export.export_pdf_html(p.youth)  # the page the PDF is printed from
    missing = {model: text for model, text in texts.items() if text not in as_json or text not in as_pdf}
    assert not missing, f"Left out of Hent mine data: {missing}"
    assert "Jonas Friis" in as_json  # the plan meeting's participants
    assert client.get("/min-side/mine-data.pdf").content.startswith(b"%PDF")


def test_the_export_holds_nothing_of_another_young_person(p: Personas) -> None:
    texts = _one_of_each(p)
    as_json = youth_client(p.other_youth).get("/min-side/mine-data.json").content.decode()
    assert not [text for text in texts.values() if text in as_json]


def test_the_export_runs_a_fixed_number_of_queries_whatever_the_amount_of_data(p: Personas, count_queries) -> None:
    from ungeforlob.chain.models import Concern, ConcernAction
    from ungeforlob.plans.models import PlanMeeting
    from ungeforlob.progression.services import (
        self_evaluation_answer,
        self_evaluation_finish,
        self_evaluation_start,
    )

    _one_of_each(p)
    small = count_queries(lambda: export.export_json(p.youth))
    today = timezone.localdate()
    for n in range(5):
        meeting = PlanMeeting.objects.create(youth=p.youth, held_on=today - datetime.timedelta(days=n + 1))
        meeting.participants.add(p.colleague, p.contact_person)
        concern = Concern.objects.create(youth=p.youth, category="trivsel", description=f"Bekymring {n}",
                                         raised_by=p.colleague, ack_due=today)
        ConcernAction.objects.create(concern=concern, text=f"Handling {n}", created_by=p.contact_person)
    round = self_evaluation_start(youth=p.youth, by_youth=True)
    self_evaluation_answer(round=round, answers={"mot2": 3}, goals={}, by_youth=True)
    self_evaluation_finish(round=round, keep=True, by_youth=True)
    assert count_queries(lambda: export.export_json(p.youth)) == small
