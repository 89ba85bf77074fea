from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C
from ungeforlob.youth.access_requests import access_request_create


def cases(p: Personas) -> list[C]:
    y = p.youth.pk
    g = p.youth.guardians.create(name="Karin Hansen", relation="mor")
    # The outsider is the one who asked: only the contact person answers.
    asked = access_request_create(actor=p.outsider, youth=p.youth, reason="Ny mentor")
    return [
        # The caseload only ever lists the caller's own circle: an outsider sees an empty list (tested in
        # test_views), so the case asserts that the youth's name is absent instead of a refusal.
        C("youth:caseload", "/unge/?vis=kaede", refused_statuses=(200,)),
        C("youth:create", "/unge/ny/", refused_statuses=(200, 403, 404), allowed_for=("outsider",)),
        C("youth:detail", f"/unge/{y}/"),
        C("youth:edit", f"/unge/{y}/ret/"),
        C("youth:edit", f"/unge/{y}/ret/", "post", {"first_name": "X", "last_name": "Y"}),
        C("youth:reveal_cpr", f"/unge/{y}/cpr/", "post", {"purpose": "nysgerrig"}),
        C("youth:guardian_add", f"/unge/{y}/kontakter/ny/", "post", {"name": "X", "relation": "mor"}),
        C("youth:guardian_delete", f"/unge/{y}/kontakter/{g.pk}/slet/", "post"),
        C("youth:course_end", f"/unge/{y}/forloeb/afslut/", "post", {"end_date": "2026-01-01", "end_reason": "job"}),
        C("youth:timeline", f"/unge/{y}/tidslinje/"),
        C("youth:access_request", f"/unge/{y}/adgang/{asked.pk}/"),
        C("youth:access_request", f"/unge/{y}/adgang/{asked.pk}/", "post",
          {"decision": "ja", "role": "mentor", "legal_basis": "kui"}),
    ]
