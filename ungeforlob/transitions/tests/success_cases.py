"""Every transitions URL works for its rightful user: the contact person on the youth's pages, the
administrator on the procedures, the leader on the figures (see ungeforlob/tests/test_policy_coverage.py)."""

import datetime

from django.utils import timezone

from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as C
from ungeforlob.transitions import services
from ungeforlob.transitions.models import (
    FollowUp,
    FollowUpKind,
    FollowUpStatus,
    Procedure,
    Station,
    Transition,
)
from ungeforlob.transitions.tests.factories import VEJLE, procedures, transition


def cases(p: Personas) -> list[C]:
    y = p.youth.pk
    today = timezone.localdate()
    t = transition(p, days=4)  # the outsider cases make one on day 3: both sets are collected together
    open_steps = t.followups.filter(responsible_role="kontaktperson").exclude(kind=FollowUpKind.SMS)
    done, moved, skipped = (open_steps.order_by("due_date", "pk")[i] for i in range(3))
    s = t.to_station.pk
    loose = services.station_create(actor=p.contact_person, youth=p.youth, kind="9_klasse",
                                    start_date=datetime.date(2020, 8, 10), end_date=datetime.date(2021, 6, 20),
                                    end_reason="gennemfoert").pk
    proc = procedures(p)[VEJLE]
    step = proc.steps.first()
    unused = services.procedure_create(actor=p.administrator, name="Ubrugt procedure").pk
    base = "/administration/procedurer"
    step_data = {"title": "Opkald efter en uge", "kind": "opkald", "offset_days": "7", "at_time": "09:00",
                 "responsible_role": "kontaktperson"}
    later = (today + datetime.timedelta(days=20)).isoformat()
    admin = "administrator"
    return [
        C("transitions:today", "/i-dag/", contains="Josefine", lists_youth=True),
        C("transitions:youth", f"/unge/{y}/overgange/", contains="Syddansk Erhvervsskole"),
        C("transitions:transition_create", f"/unge/{y}/overgange/ny/"),
        C("transitions:transition_create", f"/unge/{y}/overgange/ny/", "post",
          {"kind": "job", "institution": "Vejle Tømrer", "date": later, "procedure": str(proc.pk),
           "previous_end_reason": "skiftet"},
          effect=lambda r: Transition.objects.filter(youth_id=y, to_station__institution="Vejle Tømrer").exists()),
        C("transitions:transition_move", f"/unge/{y}/overgange/{t.pk}/flyt/"),
        C("transitions:transition_move", f"/unge/{y}/overgange/{t.pk}/flyt/", "post", {"date": later},
          effect=lambda r: Station.objects.get(pk=s).start_date.isoformat() == later),
        C("transitions:transition_cancel", f"/unge/{y}/overgange/{t.pk}/aflys/"),
        C("transitions:transition_cancel", f"/unge/{y}/overgange/{t.pk}/aflys/", "post",
          {"reason": "Valgte et andet sted"},
          effect=lambda r: Transition.objects.get(pk=t.pk).is_cancelled),
        C("transitions:station_create", f"/unge/{y}/stationer/ny/"),
        C("transitions:station_create", f"/unge/{y}/stationer/ny/", "post",
          {"kind": "fgu", "institution": "FGU Vejle", "start_date": "2021-08-10"},
          effect=lambda r: Station.objects.filter(youth_id=y, institution="FGU Vejle").exists()),
        C("transitions:station_end", f"/unge/{y}/stationer/{s}/afslut/"),
        C("transitions:station_end", f"/unge/{y}/stationer/{s}/afslut/", "post",
          {"end_date": later, "end_reason": "afbrudt"},
          effect=lambda r: Station.objects.get(pk=s).end_reason == "afbrudt"),
        C("transitions:station_delete", f"/unge/{y}/stationer/{loose}/slet/"),
        C("transitions:station_delete", f"/unge/{y}/stationer/{loose}/slet/", "post",
          effect=lambda r: not Station.objects.filter(pk=loose).exists()),
        C("transitions:followup_done", f"/unge/{y}/opfoelgninger/{done.pk}/udfoert/"),
        C("transitions:followup_done", f"/unge/{y}/opfoelgninger/{done.pk}/udfoert/", "post", {"note": "Godt møde"},
          effect=lambda r: FollowUp.objects.get(pk=done.pk).status == FollowUpStatus.DONE),
        C("transitions:followup_move", f"/unge/{y}/opfoelgninger/{moved.pk}/flyt/"),
        C("transitions:followup_move", f"/unge/{y}/opfoelgninger/{moved.pk}/flyt/", "post", {"due_date": later},
          effect=lambda r: FollowUp.objects.get(pk=moved.pk).due_date.isoformat() == later),
        C("transitions:followup_skip", f"/unge/{y}/opfoelgninger/{skipped.pk}/spring-over/"),
        C("transitions:followup_skip", f"/unge/{y}/opfoelgninger/{skipped.pk}/spring-over/", "post",
          {"reason": "Den unge var syg"},
          effect=lambda r: FollowUp.objects.get(pk=skipped.pk).status == FollowUpStatus.SKIPPED),
        C("transitions:procedure_list", f"{base}/", who=admin, contains="Den gode uddannelsesstart"),
        C("transitions:procedure_defaults", f"{base}/standard/", "post", who=admin,
          # The shipped procedures are there already: installing again doubles none of them.
          effect=lambda r: r.url == f"{base}/" and Procedure.objects.filter(name=VEJLE).count() == 1),
        C("transitions:procedure_create", f"{base}/ny/", who=admin),
        C("transitions:procedure_create", f"{base}/ny/", "post", {"name": "Sommerferien", "is_active": "on"},
          who=admin, effect=lambda r: Procedure.objects.filter(name="Sommerferien").exists()),
        C("transitions:procedure_edit", f"{base}/{proc.pk}/", who=admin),
        C("transitions:procedure_edit", f"{base}/{proc.pk}/", "post", {"name": "Den gode start", "is_active": "on"},
          who=admin, effect=lambda r: Procedure.objects.get(pk=proc.pk).name == "Den gode start"),
        C("transitions:procedure_delete", f"{base}/{unused}/slet/", who=admin),
        C("transitions:procedure_delete", f"{base}/{unused}/slet/", "post", who=admin,
          effect=lambda r: not Procedure.objects.filter(pk=unused).exists()),
        C("transitions:step_create", f"{base}/{proc.pk}/trin/ny/", who=admin),
        C("transitions:step_create", f"{base}/{proc.pk}/trin/ny/", "post", step_data, who=admin,
          effect=lambda r: proc.steps.filter(title="Opkald efter en uge").exists()),
        C("transitions:step_edit", f"{base}/{proc.pk}/trin/{step.pk}/", who=admin),
        C("transitions:step_edit", f"{base}/{proc.pk}/trin/{step.pk}/", "post", step_data, who=admin,
          effect=lambda r: proc.steps.get(pk=step.pk).title == "Opkald efter en uge"),
        C("transitions:step_delete", f"{base}/{proc.pk}/trin/{step.pk}/slet/", who=admin),
        C("transitions:step_delete", f"{base}/{proc.pk}/trin/{step.pk}/slet/", "post", who=admin,
          effect=lambda r: not proc.steps.filter(pk=step.pk).exists()),
        C("transitions:leader", "/ledelse/overgange/", who="leader"),
    ]
