from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C
from ungeforlob.transitions.tests.factories import procedures, transition


def cases(p: Personas) -> list[C]:
    y = p.youth.pk
    t = transition(p, days=3)
    f = t.followups.order_by("due_date").first()
    s = t.to_station.pk
    proc = procedures(p)["Den gode uddannelsesstart"]
    step = proc.steps.first()
    base = "/administration/procedurer"
    step_data = {"title": "X", "kind": "moede", "offset_days": "1", "at_time": "09:00",
                 "responsible_role": "kontaktperson"}
    return [
        # I dag lists only the caller's own follow-ups: outsiders get their own (empty) day; test_views asserts
        # that the youth's name is absent.
        C("transitions:today", "/i-dag/", refused_statuses=(200,)),
        C("transitions:youth", f"/unge/{y}/overgange/"),
        C("transitions:transition_create", f"/unge/{y}/overgange/ny/", "post",
          {"kind": "fgu", "date": "2026-12-01", "procedure": str(proc.pk)}),
        C("transitions:transition_move", f"/unge/{y}/overgange/{t.pk}/flyt/", "post", {"date": "2026-12-01"}),
        C("transitions:transition_cancel", f"/unge/{y}/overgange/{t.pk}/aflys/", "post", {"reason": "x"}),
        C("transitions:station_create", f"/unge/{y}/stationer/ny/", "post",
          {"kind": "job", "start_date": "2025-01-01"}),
        C("transitions:station_end", f"/unge/{y}/stationer/{s}/afslut/", "post",
          {"end_date": "2026-12-01", "end_reason": "afbrudt"}),
        C("transitions:station_delete", f"/unge/{y}/stationer/{s}/slet/", "post"),
        C("transitions:followup_done", f"/unge/{y}/opfoelgninger/{f.pk}/udfoert/", "post", {"note": "x"}),
        C("transitions:followup_move", f"/unge/{y}/opfoelgninger/{f.pk}/flyt/", "post", {"due_date": "2026-12-01"}),
        C("transitions:followup_skip", f"/unge/{y}/opfoelgninger/{f.pk}/spring-over/", "post", {"reason": "x"}),
        # Administrator pages: 403 for everyone else, leaders included.
        C("transitions:procedure_list", f"{base}/"),
        C("transitions:procedure_defaults", f"{base}/standard/", "post"),
        C("transitions:procedure_create", f"{base}/ny/", "post", {"name": "X"}),
        C("transitions:procedure_edit", f"{base}/{proc.pk}/", "post", {"name": "X"}),
        C("transitions:procedure_delete", f"{base}/{proc.pk}/slet/", "post"),
        C("transitions:step_create", f"{base}/{proc.pk}/trin/ny/", "post", step_data),
        C("transitions:step_edit", f"{base}/{proc.pk}/trin/{step.pk}/", "post", step_data),
        C("transitions:step_delete", f"{base}/{proc.pk}/trin/{step.pk}/slet/", "post"),
        # Leaders' aggregate page: counts only, no names; professionals and other municipalities are refused.
        C("transitions:leader", "/ledelse/overgange/", allowed_for=("leader",)),
    ]
