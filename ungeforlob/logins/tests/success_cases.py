from __future__ import annotations

from ungeforlob.audit.models import AuditEvent
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S


def _ended(p: Personas, user_pk: int) -> bool:
    return AuditEvent.objects.filter(object_type="sessions", object_id=str(user_pk)).exists()


def cases(p: Personas) -> list[S]:
    admin_page = f"/administration/medarbejdere/{p.contact_person.pk}/log-ud-overalt/"
    return [
        S("logins:reauth", "/bekraeft/", contains="Bekræft at det er dig"),
        S("logins:mine", "/mine-logins/", contains="Mine logins"),
        S("logins:logout_everywhere", "/mine-logins/log-ud-overalt/", contains="Log ud på alle enheder?"),
        S("logins:logout_everywhere", "/mine-logins/log-ud-overalt/", "post", reader_may=True,
          effect=lambda r: _ended(p, p.contact_person.pk)),
        S("logins:admin_logout_everywhere", admin_page, who="administrator", contains="Mette"),
        S("logins:admin_logout_everywhere", admin_page, "post", who="administrator",
          effect=lambda r: _ended(p, p.contact_person.pk)),
    ]
