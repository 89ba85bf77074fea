from __future__ import annotations

from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as C
from ungeforlob.voice.models import BenchmarkOptIn, FeedbackReview, ReportDocument
from ungeforlob.voice.tests.helpers import a_reviewable_comment


def cases(p: Personas) -> list[C]:
    fb = a_reviewable_comment(p.youth, text="Mødet var godt.")
    return [
        C("voice:overview", "/ledelse/stemme/", who="leader", contains="Mødet var godt."),
        C("voice:review", f"/ledelse/stemme/kommentar/{fb.pk}/", who="leader", contains="Mødet var godt."),
        C("voice:review", f"/ledelse/stemme/kommentar/{fb.pk}/", method="post", who="leader",
          data={"action": "answer", "version": 0, "answer": "Vi har talt om det på personalemødet."},
          effect=lambda r: FeedbackReview.objects.filter(feedback=fb, answer__startswith="Vi har talt").exists()),
        C("voice:compare", "/ledelse/sammenligning/", who="leader", contains="Testkommune"),
        C("voice:compare_opt_in", "/ledelse/sammenligning/deltag/", method="post", who="leader",
          data={"opted_in": "on"},
          effect=lambda r: BenchmarkOptIn.objects.filter(municipality=p.municipality, opted_in=True).exists()),
        C("voice:report", "/ledelse/rapport/", who="leader", contains="Det kan vi glæde os over"),
        C("voice:report_pdf", "/ledelse/rapport/pdf/", who="leader",
          effect=lambda r: r.content.startswith(b"%PDF")),
        C("voice:report_pdf_refresh", "/ledelse/rapport/pdf/lav-igen/", method="post", who="leader", data={},
          effect=lambda r: ReportDocument.objects.filter(municipality=p.municipality).exists()),
    ]
