from __future__ import annotations

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.logreview.models import SampledRead
from ungeforlob.logreview.tests.factories import world
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S


def cases(p: Personas) -> list[S]:
    w = world(p)
    s, r, a = w.sample.pk, w.open_row.pk, w.asked_row.pk
    return [
        S("logreview:index", "/logkontrol/", who="dpo", contains="Logkontrol"),
        S("logreview:sample", f"/logkontrol/stikproeve/{s}/", who="dpo", contains="Jonas Friis"),
        S("logreview:review", f"/logkontrol/opslag/{r}/", who="dpo", contains="Fuldt CPR-nummer vist"),
        S("logreview:review", f"/logkontrol/opslag/{r}/", "post",
          {"outcome": "justified", "note": "Ringede til skolen sent.", "version": "0"}, who="dpo",
          effect=lambda resp: SampledRead.objects.get(pk=r).outcome == "justified"),
        S("logreview:report", "/logkontrol/rapport/", who="dpo", contains="Rapport over logkontrol"),
        S("logreview:export", "/logkontrol/udtraek/", who="dpo", contains="Udtræk af loggen"),
        S("logreview:export", "/logkontrol/udtraek/", "post",
          {"subject": "youth", "youth": str(p.youth.pk), "fmt": "csv"}, who="dpo", statuses=(200,),
          effect=lambda resp: AuditEvent.objects.filter(action=AuditAction.EXPORT, object_type="auditlog",
                                                        youth_id=p.youth.pk).exists()),
        S("logreview:answer", f"/logkontrol/spoergsmaal/{a}/", contains="Hvorfor så du Mikkels plan?"),
        S("logreview:answer", f"/logkontrol/spoergsmaal/{a}/", "post", {"answer": "Jeg kiggede forkert."},
          effect=lambda resp: SampledRead.objects.get(pk=a).answer == "Jeg kiggede forkert."),
    ]
