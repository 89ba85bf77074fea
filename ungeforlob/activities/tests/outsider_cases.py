from __future__ import annotations

from ungeforlob.activities.tests.factories import make_activity, sign_up
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C

# Min side's pages answer only a young person's own session; a staff session is sent to the portal login.
PORTAL = (302,)
# Every professional of the municipality sees its activities with their counts (no young person) and may start
# one; a leader (aggregates only) is refused, and another municipality's professional sees only their own.
EVERY_PROFESSIONAL = ("outsider", "stranger")


def cases(p: Personas) -> list[C]:
    a = make_activity(p)
    s = sign_up(a, p.youth)
    new = {"title": "Gåtur", "place": "Stranden", "starts_at": "2031-05-01T10:00", "duration_minutes": "90",
           "seats": "6", "organisation": str(p.organisation.pk), "runner": str(p.contact_person.pk)}
    return [
        C("activities:list", "/faellesskaber/", refused_statuses=(403,), allowed_for=EVERY_PROFESSIONAL),
        C("activities:create", "/faellesskaber/ny/", "post", new, refused_statuses=(403,),
          allowed_for=EVERY_PROFESSIONAL),
        # The activity's page has its counts, no young person: every professional of its municipality.
        C("activities:detail", f"/faellesskaber/{a.pk}/", allowed_for=("outsider",)),
        # Only the one who runs it (or created it) changes it, cancels it and sees who signed up.
        C("activities:edit", f"/faellesskaber/{a.pk}/ret/", "post", {**new, "version": "1"}),
        C("activities:cancel", f"/faellesskaber/{a.pk}/aflys/", "post", {"reason": "Syg"}),
        C("activities:participants", f"/faellesskaber/{a.pk}/deltagere/"),
        C("activities:participants", f"/faellesskaber/{a.pk}/deltagere/", "post", {f"s{s.pk}": "ja"}),
        C("activities:youth_list", "/min-side/faellesskaber/", refused_statuses=PORTAL),
        C("activities:youth_signup", f"/min-side/faellesskaber/{a.pk}/tilmeld/", "post", refused_statuses=PORTAL),
        C("activities:youth_withdraw", "/min-side/faellesskaber/afmeld/", "post", {"signup": str(s.pk)},
          refused_statuses=PORTAL),
    ]
