from __future__ import annotations

from ungeforlob.accounts.models import Municipality, Organisation, Role, Sector
from ungeforlob.activities import demo, selectors
from ungeforlob.activities.models import Activity, SignUp, SignUpStatus
from ungeforlob.testing import make_user, make_youth


def test_the_demo_has_activities_with_sign_ups_a_waiting_list_and_attendance_and_runs_twice(db) -> None:
    m = Municipality.objects.create(name="Demo Kommune", code="demo")
    orgs = {name: Organisation.objects.create(municipality=m, name=name, sector=sector)
            for name, sector in (("Ungeindsatsen (UU)", Sector.UU_KUI), ("Foreningen Gadeplan", Sector.CIVIL))}
    staff = {"kontaktperson": make_user("kontaktperson", m, orgs["Ungeindsatsen (UU)"]),
             "kasper": make_user("kasper", m, orgs["Ungeindsatsen (UU)"]),
             "ahmad": make_user("ahmad", m, orgs["Foreningen Gadeplan"], role=Role.PROFESSIONAL)}
    youths = [make_youth(staff["kontaktperson"], first_name=f"Ung{i}", mobile=f"+452012345{i}") for i in range(4)]
    for _ in range(2):
        demo.load(municipality=m, staff=staff, orgs=orgs)
    assert Activity.objects.filter(municipality=m).count() == 5
    assert SignUp.objects.filter(status=SignUpStatus.WAITING).count() == 1
    stability = selectors.attendance_stability(youths[1])
    assert (stability["attended"], stability["total"]) == (1, 2)
    assert len(selectors.youth_activities(youths[3])) == 3
