"""The notifications page shows and marks only the caller's own: an outsider gets their own (empty) page."""

from ungeforlob.notifications.models import StaffNotification
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C


def cases(p: Personas) -> list[C]:
    StaffNotification.objects.create(recipient=p.contact_person, kind="bekymring", text="Der er rejst en bekymring")
    return [
        # The caller's own notifications only (200: their own page; 302: their own marked read).
        C("notifications:list", "/notifikationer/", refused_statuses=(200,)),
        C("notifications:list", "/notifikationer/", "post", refused_statuses=(302,)),
    ]
