from __future__ import annotations

from ungeforlob.logreview.tests.factories import dpo
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S


def cases(p: Personas) -> list[S]:
    dpo(p)
    return [
        S("processing:record", "/behandlingsfortegnelse/", who="dpo", contains="Behandlingsaktiviteter"),
        S("processing:record", "/behandlingsfortegnelse/", who="administrator", contains="Jobcenter Ung"),
        S("processing:record_pdf", "/behandlingsfortegnelse/behandlingsfortegnelse.pdf", who="dpo"),
        S("processing:record_markdown", "/behandlingsfortegnelse/behandlingsfortegnelse.md", who="dpo",
          contains="# Behandlingsfortegnelse: Testkommune"),
    ]
