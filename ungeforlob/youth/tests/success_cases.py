from ungeforlob.chain.models import Membership
from ungeforlob.testing import Personas, cpr_for_age
from ungeforlob.testing_cases import SuccessCase as C
from ungeforlob.youth.access_requests import access_request_create
from ungeforlob.youth.models import AccessRequest, AccessRequestStatus, Guardian, Youth


def cases(p: Personas) -> list[C]:
    y = p.youth.pk
    g = p.youth.guardians.create(name="Karin Hansen", relation="mor")
    asked = access_request_create(actor=p.outsider, youth=p.youth, reason="Ny mentor")
    return [
        C("youth:caseload", "/unge/", contains="Josefine", lists_youth=True),
        C("youth:create", "/unge/ny/", who="outsider"),
        C("youth:create", "/unge/ny/", "post", {"first_name": "Ny", "last_name": "Ungsen", "cpr": cpr_for_age(18), "language": "da"},
          who="outsider", reader_may=True,
          effect=lambda r: Youth.objects.filter(first_name="Ny", last_name="Ungsen").exists()),
        C("youth:detail", f"/unge/{y}/", contains="Josefine"),
        C("youth:edit", f"/unge/{y}/ret/"),
        C("youth:edit", f"/unge/{y}/ret/", "post", {"first_name": "Josefina", "last_name": "Hansen",
                                                   "language": "da"},
          effect=lambda r: Youth.objects.get(pk=y).first_name == "Josefina"),
        C("youth:reveal_cpr", f"/unge/{y}/cpr/", "post", {"purpose": "Ansøgning om uddannelseshjælp"},
          statuses=(200,), reader_may=True, effect=lambda r: "-" in r.content.decode()),
        C("youth:guardian_add", f"/unge/{y}/kontakter/ny/", "post", {"name": "Poul Hansen", "relation": "far"},
          effect=lambda r: Guardian.objects.filter(youth_id=y, name="Poul Hansen").exists()),
        C("youth:guardian_delete", f"/unge/{y}/kontakter/{g.pk}/slet/"),
        C("youth:guardian_delete", f"/unge/{y}/kontakter/{g.pk}/slet/", "post",
          effect=lambda r: not Guardian.objects.filter(pk=g.pk).exists()),
        C("youth:course_end", f"/unge/{y}/forloeb/afslut/", "post",
          {"end_date": "2026-12-01", "end_reason": "uddannelse"},
          effect=lambda r: not p.youth.courses.filter(end_date__isnull=True).exists()),
        C("youth:timeline", f"/unge/{y}/tidslinje/"),
        C("youth:create", "/unge/ny/", "post", {"first_name": "X", "last_name": "Y", "cpr": p.youth.cpr_reveal(),
                                               "language": "da", "reason": "Ny vejleder"},
          who="outsider", reader_may=True,
          # The request made above is still open: it is the same request, and the asker gets the neutral page.
          effect=lambda r: r["Location"] == "/unge/" and AccessRequest.objects.filter(youth_id=y, asker=p.outsider,
                                                                                      status="aaben").exists()),
        C("youth:access_request", f"/unge/{y}/adgang/{asked.pk}/", contains="Ny mentor"),
        C("youth:access_request", f"/unge/{y}/adgang/{asked.pk}/", "post",
          {"decision": "ja", "role": "mentor", "legal_basis": "kui"},
          effect=lambda r: Membership.objects.active().filter(youth_id=y, professional=p.outsider).exists()),
        C("youth:access_request", f"/unge/{y}/adgang/{asked.pk}/", "post", {"decision": "nej"},
          effect=lambda r: AccessRequest.objects.get(pk=asked.pk).status == AccessRequestStatus.DECLINED),
    ]
