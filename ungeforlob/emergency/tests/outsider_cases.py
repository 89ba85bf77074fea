from __future__ import annotations

from ungeforlob.emergency.tests.factories import grant
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C


def cases(p: Personas) -> list[C]:
    # Emergency access is off here (the default): nobody may search or open a record. The outsider's own access
    # to p.youth (below) belongs to the outsider: the leader and the stranger may not use it.
    access = grant(p)
    # Granting turned it on for the job centre: turn it off again, as by default.
    from ungeforlob.emergency.services import emergency_settings_save

    emergency_settings_save(actor=p.administrator, enabled=False, sectors=[])
    y, a = p.youth.pk, access.pk
    start = {"reason": "forsvundet", "explanation": "Akut: den unge er meldt savnet af politiet."}
    return [
        C("emergency:settings", "/administration/noedadgang/"),
        C("emergency:settings", "/administration/noedadgang/", "post", {"enabled": "on", "sectors": ["uu_kui"]}),
        C("emergency:search", "/noedadgang/?q=Josefine"),
        C("emergency:start", f"/noedadgang/ung/{y}/"),
        C("emergency:start", f"/noedadgang/ung/{y}/", "post", start),
        # The outsider's own access to p.youth is theirs: for them this is the rightful use (success case).
        C("emergency:record", f"/noedadgang/adgang/{a}/", allowed_for=("outsider",)),
        C("emergency:end", f"/noedadgang/adgang/{a}/afslut/", "post", allowed_for=("outsider",)),
        # The review pages show no young person; the municipality's leader reviews (success case).
        C("emergency:review_list", "/noedadgang/gennemgang/", allowed_for=("leader",)),
        C("emergency:review", f"/noedadgang/gennemgang/{a}/", allowed_for=("leader",)),
        C("emergency:review", f"/noedadgang/gennemgang/{a}/", "post", {"decision": "begrundet"},
          allowed_for=("leader",)),
    ]
