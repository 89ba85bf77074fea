from __future__ import annotations

from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase


def cases(p: Personas) -> list[SuccessCase]:
    return []
