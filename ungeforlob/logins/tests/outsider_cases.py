from __future__ import annotations

from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C

# The confirmation page and the login history are the caller's own: every member of staff has them, and they
# show only the caller's own logins (test_the_login_history_shows_only_the_users_own_logins proves it).
OWN = ("outsider", "leader", "stranger")


def cases(p: Personas) -> list[C]:
    admin_page = f"/administration/medarbejdere/{p.contact_person.pk}/log-ud-overalt/"
    return [
        C("logins:reauth", "/bekraeft/", allowed_for=OWN),
        C("logins:mine", "/mine-logins/", allowed_for=OWN),
        C("logins:logout_everywhere", "/mine-logins/log-ud-overalt/", allowed_for=OWN),
        C("logins:admin_logout_everywhere", admin_page),
        C("logins:admin_logout_everywhere", admin_page, "post"),
    ]
