from __future__ import annotations

from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C
from ungeforlob.voice.tests.helpers import a_reviewable_comment

LEADER = ("leader",)


def cases(p: Personas) -> list[C]:
    fb = a_reviewable_comment(p.youth)
    return [
        C("voice:overview", "/ledelse/stemme/", refused_statuses=(403,), allowed_for=LEADER),
        C("voice:review", f"/ledelse/stemme/kommentar/{fb.pk}/", refused_statuses=(403,), allowed_for=LEADER),
        C("voice:review", f"/ledelse/stemme/kommentar/{fb.pk}/", method="post", refused_statuses=(403,),
          data={"action": "read", "version": 0}, allowed_for=LEADER),
        C("voice:compare", "/ledelse/sammenligning/", refused_statuses=(403,), allowed_for=LEADER),
        C("voice:compare_opt_in", "/ledelse/sammenligning/deltag/", method="post", refused_statuses=(403,),
          data={"opted_in": "on"}, allowed_for=LEADER),
        C("voice:report", "/ledelse/rapport/", refused_statuses=(403,), allowed_for=LEADER),
        C("voice:report_pdf", "/ledelse/rapport/pdf/", refused_statuses=(403,), allowed_for=LEADER),
        C("voice:report_pdf_refresh", "/ledelse/rapport/pdf/lav-igen/", "post", {}, refused_statuses=(403,),
          allowed_for=LEADER),
    ]
