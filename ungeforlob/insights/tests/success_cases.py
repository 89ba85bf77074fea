from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as C


def cases(p: Personas) -> list[C]:
    return [
        C("insights:dashboard", "/ledelse/", who="leader", contains="Bevægelser mellem niveauer"),
        C("insights:export", "/ledelse/eksport/outcomes-ended.xlsx", who="leader"),
    ]
