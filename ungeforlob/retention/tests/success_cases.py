from __future__ import annotations

import datetime

from ungeforlob.retention.models import ArchiveTransfer, RetentionRule, RetentionRun, RetentionSetup
from ungeforlob.retention.tests.factories import ended_course
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S


def cases(p: Personas) -> list[S]:
    ended_course(p, ended=datetime.date(2015, 1, 1))  # everything of hers is due
    RetentionRule.objects.create(municipality=p.municipality, kind="journal_notes", keep_for=1, unit="aar",
                                 disposal="arkiv", legal_basis="Arkivloven", archive_note="Stadsarkivet", version=1)
    rule = {"keep_for": "18", "unit": "maaneder", "disposal": "slet", "legal_basis": "Kommunens journalplan",
            "archive_note": "", "version": "0"}
    return [
        S("retention:rules", "/opbevaring/", who="administrator", contains="Forløbet som helhed"),
        S("retention:rules", "/opbevaring/", who="leader", contains="SMS-historik"),
        S("retention:rule_edit", "/opbevaring/regel/sms/", who="administrator", contains="Regel: SMS-historik"),
        S("retention:rule_edit", "/opbevaring/regel/sms/", "post", rule, who="administrator",
          effect=lambda r: RetentionRule.objects.filter(kind="sms", keep_for=18, unit="maaneder").exists()),
        S("retention:automatic", "/opbevaring/automatisk/", "post", {"automatic": "on"}, who="administrator",
          effect=lambda r: RetentionSetup.objects.filter(municipality=p.municipality, automatic=True).exists()),
        S("retention:dry_run", "/opbevaring/proevekoersel/", who="administrator", contains="Kør reglerne nu"),
        S("retention:dry_run", "/opbevaring/proevekoersel/", who="leader", contains="Hvad er forfaldent nu"),
        S("retention:run", "/opbevaring/koersel/", who="administrator", contains="Ja, anonymiser og slet nu"),
        S("retention:run", "/opbevaring/koersel/", "post", {}, who="administrator",
          effect=lambda r: RetentionRun.objects.filter(municipality=p.municipality, actor=p.administrator,
                                                       total__gte=1).exists()),
        S("retention:runs", "/opbevaring/historik/", who="leader", contains="Historik over kørsler"),
        S("retention:archive", "/opbevaring/arkiv/journal_notes/", who="administrator",
          contains="Ja, arkivet har modtaget dem"),
        S("retention:archive", "/opbevaring/arkiv/journal_notes/", "post", {}, who="administrator",
          effect=lambda r: ArchiveTransfer.objects.filter(kind="journal_notes").count() == 1),
    ]
