from __future__ import annotations

from ungeforlob.education.tests.factories import world
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C

# The education places hold no personal data of young people: every member of staff of the municipality reads
# them and the youth effort's staff keep them (the outsider and the leader too). The stranger (another
# municipality) sees their own, empty list and may start their own; another municipality's place is a 404.
PLACES = ("outsider", "leader")
OWN_LIST = ("outsider", "leader", "stranger")


def cases(p: Personas) -> list[C]:
    w = world(p)
    y, s, r = p.youth.pk, w.station.pk, w.over.pk
    place = {"name": "X", "kind": "eud", "version": "1"}
    return [
        C("education:list", "/uddannelsessteder/", allowed_for=OWN_LIST),
        C("education:create", "/uddannelsessteder/ny/", "post", place, allowed_for=OWN_LIST),
        C("education:import", "/uddannelsessteder/indlaes/", allowed_for=OWN_LIST),
        C("education:detail", f"/uddannelsessteder/{w.school.pk}/", allowed_for=PLACES),
        C("education:edit", f"/uddannelsessteder/{w.school.pk}/ret/", "post", place, allowed_for=PLACES),
        C("education:delete", f"/uddannelsessteder/{w.spare_place.pk}/slet/", "post", allowed_for=PLACES),
        C("education:programme_create", f"/uddannelsessteder/{w.school.pk}/uddannelser/ny/", "post", {"name": "X"},
          allowed_for=PLACES),
        C("education:programme", f"/uddannelsessteder/uddannelser/{w.eux.pk}/", allowed_for=PLACES),
        C("education:programme_delete", f"/uddannelsessteder/uddannelser/{w.spare_programme.pk}/slet/", "post",
          allowed_for=PLACES),
        C("education:intake_add", f"/uddannelsessteder/uddannelser/{w.eux.pk}/optag/", "post",
          {"starts_on": "2031-08-10"}, allowed_for=PLACES),
        C("education:intake_delete", f"/uddannelsessteder/optag/{w.later.pk}/slet/", "post", allowed_for=PLACES),
        # Each professional's own young people's deadlines: their own (empty) list.
        C("education:deadlines", "/ansoegningsfrister/", allowed_for=OWN_LIST),
        # The threshold: leaders and administrators.
        C("education:threshold", "/administration/fravaer/", "post", {"threshold_percent": "30", "version": "1"},
          allowed_for=("leader",)),
        C("education:youth", f"/unge/{y}/uddannelse/"),
        C("education:station_place", f"/unge/{y}/uddannelse/station/{s}/sted/", "post",
          {"programme": str(w.eux.pk)}),
        C("education:attendance_create", f"/unge/{y}/uddannelse/station/{s}/fravaer/", "post",
          {"week": str(w.today), "absence_percent": "50"}),
        C("education:prompt", f"/unge/{y}/uddannelse/fravaer/{r}/"),
        C("education:prompt_answer", f"/unge/{y}/uddannelse/fravaer/{r}/besvar/", "post", {"answer": "X"}),
        C("education:prompt_concern", f"/unge/{y}/uddannelse/fravaer/{r}/bekymring/", "post",
          {"category": "fravaer", "severity": "middel", "description": "X"}),
    ]
