from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as C


def cases(p: Personas) -> list[C]:
    return [C("insights:dashboard", "/ledelse/", who="leader")]
