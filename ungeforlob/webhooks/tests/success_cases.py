from __future__ import annotations

from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S


def cases(p: Personas) -> list[S]:
    return []
