from ungeforlob.core.testing import Personas
from ungeforlob.core.testing_cases import OutsiderCase as C

# Portal pages answer only a young person's own session; a staff session is sent to the portal login.
PORTAL = (302,)


def cases(p: Personas) -> list[C]:
    return [
        C("portal:home", "/min-side/", refused_statuses=PORTAL),
        C("portal:chain", "/min-side/kaede/", refused_statuses=PORTAL),
        C("portal:access_log", "/min-side/hvem-har-kigget/", refused_statuses=PORTAL),
        C("portal:feedback", "/min-side/hvordan-gaar-det/", "post", {"heard": "5", "useful": "5"}, refused_statuses=PORTAL),
        C("portal:data", "/min-side/mine-data/", refused_statuses=PORTAL),
        C("portal:data_json", "/min-side/mine-data.json", refused_statuses=PORTAL),
        C("portal:data_pdf", "/min-side/mine-data.pdf", refused_statuses=PORTAL),
    ]
