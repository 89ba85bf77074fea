from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C


def cases(p: Personas) -> list[C]:
    return [
        C("insights:dashboard", "/ledelse/", refused_statuses=(403,), allowed_for=("leader",)),
        C("insights:export", "/ledelse/eksport/flow-matrix.csv", refused_statuses=(403,), allowed_for=("leader",)),
    ]
