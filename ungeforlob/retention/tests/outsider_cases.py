from __future__ import annotations

from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C

RULE = {"keep_for": "1", "unit": "aar", "disposal": "slet", "legal_basis": "X", "archive_note": "", "version": "0"}


def cases(p: Personas) -> list[C]:
    """The administrator's pages: professionals are refused (403). Leaders read the rules, the dry run and the
    history (counts only), and are refused every change. Another municipality's staff see their own municipality
    only (nothing of this one's) — for a professional that is a refusal too."""
    return [
        C("retention:rules", "/opbevaring/", refused_statuses=(403,), allowed_for=("leader",)),
        C("retention:dry_run", "/opbevaring/proevekoersel/", refused_statuses=(403,), allowed_for=("leader",)),
        C("retention:runs", "/opbevaring/historik/", refused_statuses=(403,), allowed_for=("leader",)),
        C("retention:rule_edit", "/opbevaring/regel/sms/", refused_statuses=(403,)),
        C("retention:rule_edit", "/opbevaring/regel/sms/", "post", RULE, refused_statuses=(403,)),
        C("retention:automatic", "/opbevaring/automatisk/", "post", {"automatic": "on"}, refused_statuses=(403,)),
        C("retention:run", "/opbevaring/koersel/", refused_statuses=(403,)),
        C("retention:run", "/opbevaring/koersel/", "post", {}, refused_statuses=(403,)),
        C("retention:archive", "/opbevaring/arkiv/journal_notes/", refused_statuses=(403,)),
        C("retention:archive", "/opbevaring/arkiv/journal_notes/", "post", {}, refused_statuses=(403,)),
    ]
