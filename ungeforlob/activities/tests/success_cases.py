from __future__ import annotations

import datetime

from django.utils import timezone

from ungeforlob.activities.models import Activity, SignUp, SignUpStatus
from ungeforlob.activities.tests.factories import make_activity, sign_up
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S


def cases(p: Personas) -> list[S]:
    a = make_activity(p)
    past = make_activity(p, title="Madlavning")
    mine = sign_up(past, p.youth)
    Activity.objects.filter(pk=past.pk).update(starts_at=timezone.now() - datetime.timedelta(hours=1))
    open_ = make_activity(p, title="Gåtur ved vandet")
    withdraw = sign_up(open_, p.youth)
    when = (timezone.localtime() + datetime.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")
    new = {"title": "Gåtur", "place": "Stranden", "starts_at": when, "duration_minutes": "90", "seats": "6",
           "organisation": str(p.organisation.pk), "runner": str(p.contact_person.pk), "waiting_list": "on"}
    return [
        S("activities:list", "/faellesskaber/", contains="Klatring"),
        S("activities:create", "/faellesskaber/ny/"),
        S("activities:create", "/faellesskaber/ny/", "post", new,
          effect=lambda r: Activity.objects.filter(title="Gåtur", created_by=p.contact_person).exists(),
          reader_may=True),  # any professional may start a fællesskab
        S("activities:detail", f"/faellesskaber/{a.pk}/", contains="Klatrecentret"),
        S("activities:edit", f"/faellesskaber/{a.pk}/ret/", contains="Klatring"),
        S("activities:edit", f"/faellesskaber/{a.pk}/ret/", "post", {**new, "title": "Klatring for alle",
                                                                   "version": "1"},
          effect=lambda r: Activity.objects.get(pk=a.pk).title == "Klatring for alle"),
        S("activities:cancel", f"/faellesskaber/{a.pk}/aflys/", contains="Aflys"),
        S("activities:cancel", f"/faellesskaber/{a.pk}/aflys/", "post", {"reason": "Instruktøren er syg"},
          effect=lambda r: Activity.objects.get(pk=a.pk).cancelled_at is not None),
        S("activities:participants", f"/faellesskaber/{past.pk}/deltagere/", contains="Josefine Hansen"),
        S("activities:participants", f"/faellesskaber/{past.pk}/deltagere/", "post", {f"s{mine.pk}": "ja"},
          effect=lambda r: SignUp.objects.get(pk=mine.pk).attended is True),
        S("activities:youth_list", "/min-side/faellesskaber/", who="youth", contains="Klatring"),
        S("activities:youth_signup", f"/min-side/faellesskaber/{a.pk}/tilmeld/", "post", {"show_first_name": "on"},
          who="youth", effect=lambda r: SignUp.objects.filter(activity=a, youth=p.youth,
                                                              status=SignUpStatus.SIGNED_UP).exists()),
        S("activities:youth_withdraw", "/min-side/faellesskaber/afmeld/", "post", {"signup": str(withdraw.pk)},
          who="youth", effect=lambda r: SignUp.objects.get(pk=withdraw.pk).status == SignUpStatus.WITHDRAWN),
    ]
