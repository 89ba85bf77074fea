from __future__ import annotations

from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase


def cases(p: Personas) -> list[OutsiderCase]:
    return []
