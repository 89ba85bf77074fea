"""Every notifications URL for its rightful user: the page lists their own; marking read has its effect."""

from ungeforlob.notifications.models import StaffNotification
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as C


def cases(p: Personas) -> list[C]:
    StaffNotification.objects.create(recipient=p.contact_person, kind="bekymring", text="Der er rejst en bekymring")
    return [
        C("notifications:list", "/notifikationer/", contains="Der er rejst en bekymring"),
        # The caller's own notifications: anyone marks their own read.
        C("notifications:list", "/notifikationer/", "post", reader_may=True,
          effect=lambda r: not StaffNotification.objects.filter(recipient=p.contact_person,
                                                                 read_at__isnull=True).exists()),
    ]
