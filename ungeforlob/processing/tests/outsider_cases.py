from __future__ import annotations

from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C


def cases(p: Personas) -> list[C]:
    return [
        C("processing:record", "/behandlingsfortegnelse/"),
        C("processing:record_pdf", "/behandlingsfortegnelse/behandlingsfortegnelse.pdf"),
        C("processing:record_markdown", "/behandlingsfortegnelse/behandlingsfortegnelse.md"),
    ]
