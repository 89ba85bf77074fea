from ungeforlob.plans import services
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C


def cases(p: Personas) -> list[C]:
    y = p.youth.pk
    cp = p.contact_person
    goal = services.goal_create(youth=p.youth, actor=cp, text="Jeg vil være tømrer", written_by="ung")
    sg = services.subgoal_create(youth=p.youth, goal=goal, actor=cp, text="Besøge EUD",
                                 success_criterion="Jeg har været der")
    act = services.activity_create(youth=p.youth, subgoal=sg, actor=cp, title="Besøg", reason="Se stedet",
                                   responsible="ung")
    meeting = services.meeting_create(youth=p.youth, actor=cp, held_on=goal.created_at.date())
    note = services.note_create(youth=p.youth, actor=cp, text="Godt møde")
    share = services.plan_share(youth=p.youth, actor=cp, recipient_name="Skolen", purpose="Start",
                                parts=["maal"], consent="mundtligt", consent_confirmed=True)
    base = f"/unge/{y}/plan/"
    return [
        C("plans:plan", base),
        C("plans:goal_create", base + "maal/nyt/", "post", {"text": "X", "written_by": "ung", "version": 0}),
        C("plans:goal_edit", f"{base}maal/{goal.pk}/ret/", "post",
          {"text": "X", "written_by": "ung", "version": goal.version}),
        C("plans:goal_delete", f"{base}maal/{goal.pk}/slet/", "post"),
        C("plans:subgoal_create", f"{base}maal/{goal.pk}/delmaal/nyt/", "post",
          {"text": "X", "success_criterion": "Y", "status": "i_gang", "version": 0}),
        C("plans:subgoal_edit", f"{base}delmaal/{sg.pk}/ret/", "post",
          {"text": "X", "success_criterion": "Y", "status": "i_gang", "version": sg.version}),
        C("plans:subgoal_delete", f"{base}delmaal/{sg.pk}/slet/", "post"),
        C("plans:activity_create", base + "aktivitet/ny/", "post",
          {"subgoal": sg.pk, "title": "X", "reason": "Y", "responsible": "ung", "status": "planlagt", "version": 0}),
        C("plans:activity_edit", f"{base}aktivitet/{act.pk}/ret/", "post",
          {"subgoal": sg.pk, "title": "X", "reason": "Y", "responsible": "ung", "status": "planlagt",
           "version": act.version}),
        C("plans:activity_delete", f"{base}aktivitet/{act.pk}/slet/", "post"),
        C("plans:evaluation_create", base + "evaluering/ny/", "post", {"target": f"d{sg.pk}", "closeness": 3}),
        C("plans:history", base + "historik/"),
        C("plans:meetings", base + "moeder/"),
        C("plans:meeting_create", base + "moeder/nyt/", "post", {"held_on": "2026-01-05"}),
        C("plans:meeting_detail", f"{base}moeder/{meeting.pk}/"),
        C("plans:meeting_close", f"{base}moeder/{meeting.pk}/afslut/", "post", {"agreed": "X"}),
        C("plans:pdf", base + "pdf/"),
        C("plans:pdf", f"{base}pdf/?deling={share.pk}"),
        C("plans:share", base + "del/"),
        C("plans:share", base + "del/", "post", {"recipient_name": "X", "purpose": "Y", "parts": ["maal"],
                                                 "consent": "mundtligt", "consent_confirmed": "on"}),
        C("plans:profile", f"/unge/{y}/profil/"),
        C("plans:profile_edit", f"/unge/{y}/profil/ret/", "post",
          {"own_story": "X", "own_story_written_by": "ung", "version": 1}),
        C("plans:profile_history", f"/unge/{y}/profil/historik/"),
        C("plans:notes", f"/unge/{y}/notater/"),
        C("plans:notes", f"/unge/{y}/notater/", "post", {"text": "X"}),
        C("plans:note_hide", f"/unge/{y}/notater/{note.pk}/skjul/", "post", {"reason": "tredjemand"}),
        C("plans:note_show", f"/unge/{y}/notater/{note.pk}/vis/", "post"),
    ]
