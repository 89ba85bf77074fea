from ungeforlob.core.testing import Personas
from ungeforlob.core.testing_cases import OutsiderCase as C


def cases(p: Personas) -> list[C]:
    return [C("chain:circle", f"/unge/{p.youth.pk}/kaede/")]
