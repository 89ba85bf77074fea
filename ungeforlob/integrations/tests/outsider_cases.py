from __future__ import annotations

from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C


def cases(p: Personas) -> list[C]:
    return []
