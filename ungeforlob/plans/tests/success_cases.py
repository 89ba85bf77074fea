"""Every plans URL works for its rightful user (the contact person): GET renders, each POST has its effect."""

import datetime

from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.plans import services
from ungeforlob.plans.models import (
    Activity,
    Evaluation,
    Goal,
    JournalNote,
    PlanMeeting,
    PlanShare,
    Profile,
    SubGoal,
)
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as C


def cases(p: Personas) -> list[C]:
    y = p.youth.pk
    cp = p.contact_person
    today = timezone.localdate()
    goal = services.goal_create(youth=p.youth, actor=cp, text="Jeg vil bygge huse", written_by="ung")
    sg = services.subgoal_create(youth=p.youth, goal=goal, actor=cp, text="Besøge EUD",
                                 success_criterion="Jeg har været der")
    act = services.activity_create(youth=p.youth, subgoal=sg, actor=cp, title="Besøg", reason="Se stedet",
                                   responsible="ung")
    meeting = services.meeting_create(youth=p.youth, actor=cp, held_on=today - datetime.timedelta(days=3),
                                      participants=[cp.pk])
    note = services.note_create(youth=p.youth, actor=cp, text="Samtale om skolen")
    hidden = services.note_create(youth=p.youth, actor=cp, text="Om en anden")
    services.note_hide(youth=p.youth, note=hidden, actor=cp, reason="tredjemand")
    share = services.plan_share(youth=p.youth, actor=cp, recipient_name="Jobcentret", purpose="Start",
                                parts=["maal"], consent="mundtligt", consent_confirmed=True)
    base = f"/unge/{y}/plan/"
    item = {"subgoal": sg.pk, "reason": "Se stedet", "responsible": "ung", "status": "planlagt"}
    return [
        C("plans:plan", base, contains="Jeg vil bygge huse"),
        C("plans:goal_create", base + "maal/nyt/"),
        C("plans:goal_create", base + "maal/nyt/", "post", {"text": "Jeg vil have et job", "written_by": "ung",
                                                            "version": 0},
          effect=lambda r: Goal.objects.filter(youth_id=y, text="Jeg vil have et job").exists()),
        C("plans:goal_edit", f"{base}maal/{goal.pk}/ret/", contains="Jeg vil bygge huse"),
        C("plans:goal_edit", f"{base}maal/{goal.pk}/ret/", "post",
          {"text": "Jeg vil bygge både", "written_by": "ung", "version": goal.version},
          effect=lambda r: Goal.objects.get(pk=goal.pk).text == "Jeg vil bygge både"),
        C("plans:goal_delete", f"{base}maal/{goal.pk}/slet/"),
        C("plans:goal_delete", f"{base}maal/{goal.pk}/slet/", "post", {"change_reason": "Nyt mål"},
          effect=lambda r: not Goal.objects.filter(pk=goal.pk).exists()),
        C("plans:subgoal_create", f"{base}maal/{goal.pk}/delmaal/nyt/"),
        C("plans:subgoal_create", f"{base}maal/{goal.pk}/delmaal/nyt/", "post",
          {"text": "Tale med en tømrer", "success_criterion": "Vi har talt", "status": "i_gang", "version": 0},
          effect=lambda r: SubGoal.objects.filter(goal=goal, text="Tale med en tømrer").exists()),
        C("plans:subgoal_edit", f"{base}delmaal/{sg.pk}/ret/", contains="Besøge EUD"),
        C("plans:subgoal_edit", f"{base}delmaal/{sg.pk}/ret/", "post",
          {"text": "Besøge EUC", "success_criterion": "Jeg har været der", "status": "i_gang",
           "version": sg.version},
          effect=lambda r: SubGoal.objects.get(pk=sg.pk).text == "Besøge EUC"),
        C("plans:subgoal_delete", f"{base}delmaal/{sg.pk}/slet/"),
        C("plans:subgoal_delete", f"{base}delmaal/{sg.pk}/slet/", "post",
          effect=lambda r: not SubGoal.objects.filter(pk=sg.pk).exists()),
        C("plans:activity_create", base + "aktivitet/ny/"),
        C("plans:activity_create", base + "aktivitet/ny/", "post", {**item, "title": "Praktik", "version": 0},
          effect=lambda r: Activity.objects.filter(subgoal=sg, title="Praktik").exists()),
        C("plans:activity_edit", f"{base}aktivitet/{act.pk}/ret/", contains="Besøg"),
        C("plans:activity_edit", f"{base}aktivitet/{act.pk}/ret/", "post",
          {**item, "title": "Besøg på EUC", "version": act.version},
          effect=lambda r: Activity.objects.get(pk=act.pk).title == "Besøg på EUC"),
        C("plans:activity_delete", f"{base}aktivitet/{act.pk}/slet/"),
        C("plans:activity_delete", f"{base}aktivitet/{act.pk}/slet/", "post",
          effect=lambda r: not Activity.objects.filter(pk=act.pk).exists()),
        C("plans:evaluation_create", base + "evaluering/ny/"),
        C("plans:evaluation_create", base + "evaluering/ny/", "post",
          {"target": f"d{sg.pk}", "closeness": 3, "youth_voice": "ung", "went_well": "Jeg kom afsted"},
          effect=lambda r: Evaluation.objects.filter(subgoal=sg, went_well="Jeg kom afsted").exists()),
        C("plans:history", base + "historik/?q=huse", contains="Jeg vil bygge huse",
          effect=lambda r: AuditEvent.objects.filter(action=AuditAction.SEARCH, youth_id=y,
                                                     detail__q="huse").exists()),
        C("plans:meetings", base + "moeder/"),
        C("plans:meeting_create", base + "moeder/nyt/"),
        C("plans:meeting_create", base + "moeder/nyt/", "post",
          {"held_on": (today - datetime.timedelta(days=1)).isoformat(), "participants": [cp.pk], "youth_present": "on", "agreed": "Praktik"},
          effect=lambda r: PlanMeeting.objects.filter(youth_id=y, agreed="Praktik").exists()),
        C("plans:meeting_detail", f"{base}moeder/{meeting.pk}/"),
        C("plans:meeting_close", f"{base}moeder/{meeting.pk}/afslut/"),
        C("plans:meeting_close", f"{base}moeder/{meeting.pk}/afslut/", "post", {"agreed": "Vi ses om en måned"},
          effect=lambda r: PlanMeeting.objects.get(pk=meeting.pk).agreed == "Vi ses om en måned"),
        C("plans:pdf", base + "pdf/"),
        C("plans:pdf", f"{base}pdf/?deling={share.pk}"),
        C("plans:share", base + "del/", contains="Jobcentret"),
        C("plans:share", base + "del/", "post",
          {"recipient_name": "Produktionsskolen", "purpose": "Opstart", "parts": ["maal"], "consent": "mundtligt",
           "consent_confirmed": "on"},
          effect=lambda r: PlanShare.objects.filter(youth_id=y, recipient_name="Produktionsskolen").exists()),
        C("plans:profile", f"/unge/{y}/profil/"),
        C("plans:profile_edit", f"/unge/{y}/profil/ret/"),
        C("plans:profile_edit", f"/unge/{y}/profil/ret/", "post",
          {"own_story": "Jeg kan lide at bygge", "own_story_written_by": "ung", "version": 1},
          effect=lambda r: Profile.objects.get(youth_id=y).own_story == "Jeg kan lide at bygge"),
        C("plans:profile_history", f"/unge/{y}/profil/historik/"),
        C("plans:notes", f"/unge/{y}/notater/?q=skolen", contains="Samtale om skolen",
          effect=lambda r: AuditEvent.objects.filter(action=AuditAction.SEARCH, youth_id=y,
                                                     detail__q="skolen").exists()),
        C("plans:notes", f"/unge/{y}/notater/", "post", {"text": "Vi talte om praktik"},
          effect=lambda r: JournalNote.objects.filter(youth_id=y, text="Vi talte om praktik").exists()),
        C("plans:note_hide", f"/unge/{y}/notater/{note.pk}/skjul/"),
        C("plans:note_hide", f"/unge/{y}/notater/{note.pk}/skjul/", "post", {"reason": "tredjemand"},
          effect=lambda r: not JournalNote.objects.get(pk=note.pk).visible_to_youth),
        C("plans:note_show", f"/unge/{y}/notater/{hidden.pk}/vis/", "post",
          effect=lambda r: JournalNote.objects.get(pk=hidden.pk).visible_to_youth),
    ]
