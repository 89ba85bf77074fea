import datetime

from django.utils import timezone

from ungeforlob.accounts.models import Team
from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.testing import Personas, cpr_for_age, make_youth
from ungeforlob.youth.models import Course, Youth


def _create(client, **overrides):
    data = {"first_name": "Ali", "last_name": "Karimi", "preferred_name": "", "cpr": cpr_for_age(17),
            "mobile": "20 11 22 33", "email": "", "course_start": ""}
    data.update(overrides)
    return client.post("/unge/ny/", data)


def test_the_caseload_lists_my_youth_with_age_but_not_others(p: Personas, as_user) -> None:
    page = as_user(p.contact_person).get("/unge/").content.decode()
    assert "Josefine Hansen" in page and f"{p.youth.age} år" in page
    assert "Mikkel Olsen" not in page


def test_an_outsider_sees_an_empty_caseload_with_a_helpful_text(p: Personas, as_user) -> None:
    page = as_user(p.outsider).get("/unge/?vis=kaede").content.decode()
    assert "Josefine" not in page and "Mikkel" not in page
    assert "Du er ikke med i nogen unges kæde endnu." in page


def test_a_colleague_sees_the_youth_under_all_my_circles_only(p: Personas, as_user) -> None:
    client = as_user(p.colleague)
    assert "Josefine" not in client.get("/unge/").content.decode()
    assert "Josefine" in client.get("/unge/?vis=kaede").content.decode()


def test_the_caseload_searches_by_name_and_by_full_cpr(p: Personas, as_user) -> None:
    other = make_youth(p.contact_person, first_name="Oliver", last_name="Bak", mobile="+4540404040")
    client = as_user(p.contact_person)
    page = client.get("/unge/?q=oliv").content.decode()
    assert "Oliver Bak" in page and "Josefine" not in page
    page = client.get(f"/unge/?q={other.cpr_reveal()}").content.decode()
    assert "Oliver Bak" in page and "Josefine" not in page
    assert "Ingen unge matcher" in client.get("/unge/?q=0101011234").content.decode()


def test_the_caseload_search_needs_every_term_in_some_name_whatever_the_case_and_keeps_to_her_list(
        p: Personas, as_user, count_queries) -> None:
    from ungeforlob.youth.models import Youth

    sorens = make_youth(p.contact_person, first_name="Søren", last_name="Østergård", mobile="+4540404043")
    Youth.objects.filter(pk=sorens.pk).update(preferred_name="Sølle")
    make_youth(p.contact_person, first_name="Søren", last_name="Bak", mobile="+4540404044")
    make_youth(p.outsider, first_name="Søren", last_name="Udenfor", mobile="+4540404045")  # not in her list
    client = as_user(p.contact_person)
    page = client.get("/unge/?q=SØREN+østergå").content.decode()
    assert "Østergård" in page and "Bak" not in page and "Udenfor" not in page
    page = client.get("/unge/?q=sølle").content.decode()  # the preferred name
    assert "Østergård" in page and "Bak" not in page
    page = client.get("/unge/?q=søren&vis=kaede").content.decode()
    assert "Østergård" in page and "Bak" in page and "Udenfor" not in page
    assert "Ingen unge matcher" in client.get("/unge/?q=søren+zzz").content.decode()
    assert count_queries(lambda: client.get("/unge/?q=søren")) == count_queries(lambda: client.get("/unge/?q=bak"))


def test_the_caseload_sorts_by_age(p: Personas, as_user) -> None:
    make_youth(p.contact_person, first_name="Yngste", last_name="Ung", age=15, mobile="+4540404041")
    make_youth(p.contact_person, first_name="Ældste", last_name="Ung", age=28, mobile="+4540404042")
    page = as_user(p.contact_person).get("/unge/?sort=alder").content.decode()
    assert page.index("Yngste") < page.index("Josefine") < page.index("Ældste")
    page = as_user(p.contact_person).get("/unge/?sort=-alder").content.decode()
    assert page.index("Ældste") < page.index("Yngste")


def test_an_unknown_sort_or_page_falls_back_instead_of_failing(p: Personas, as_user) -> None:
    response = as_user(p.contact_person).get("/unge/?sort=drop&side=999&vis=alt")
    assert response.status_code == 200


def test_the_caseload_uses_the_same_number_of_queries_with_5_and_50_youth(p: Personas, as_user, count_queries) -> None:
    client = as_user(p.contact_person)
    for i in range(4):
        make_youth(p.contact_person, first_name=f"A{i}", mobile=f"+45505050{i:02d}")
    small = count_queries(lambda: client.get("/unge/"))
    for i in range(45):
        make_youth(p.contact_person, first_name=f"B{i}", mobile=f"+45606060{i:02d}")
    assert Youth.objects.filter(memberships__professional=p.contact_person).count() == 50
    large = count_queries(lambda: client.get("/unge/"))
    assert small == large


def test_creating_a_youth_makes_me_contact_person_and_opens_a_course(p: Personas, as_user) -> None:
    response = _create(as_user(p.contact_person))
    youth = Youth.objects.get(first_name="Ali")
    assert response.url == f"/unge/{youth.pk}/"
    assert youth.mobile == "+4520112233"
    assert Membership.objects.get(youth=youth).role == ChainRole.CONTACT_PERSON
    assert Course.objects.filter(youth=youth, end_date__isnull=True).count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, youth_id=youth.pk).exists()


def test_bad_input_on_the_youth_form_gets_danish_messages_and_saves_nothing(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    before = (Youth.objects.count(), Course.objects.count(), Membership.objects.count())
    cases = [
        ({"cpr": "12345"}, "CPR-nummeret skal have 10 cifre"),
        ({"cpr": "3199001234"}, "gyldig fødselsdato"),
        ({"mobile": "123"}, "Telefonnummeret er ikke"),
        ({"first_name": "x" * 101}, "må højst have 100 tegn"),
        ({"first_name": ""}, "Dette felt er påkrævet"),
        ({"course_start": "31-02-2026"}, "Indtast en gyldig dato"),
        ({"cpr": cpr_for_age(40)}, "mellem 15 og 29 år"),
        ({"email": "ikke-en-mail"}, "gyldig e-mail"),
    ]
    for overrides, message in cases:
        response = _create(client, **overrides)
        content = response.content.decode()
        assert response.status_code == 200, overrides
        assert message in content, (overrides, message)
        assert 'value="Ali"' in content or overrides.get("first_name") is not None  # nothing typed is lost
    assert (Youth.objects.count(), Course.objects.count(), Membership.objects.count()) == before


def test_the_full_cpr_number_is_never_in_a_page_until_revealed_with_a_purpose(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    full = p.youth.cpr_reveal()
    page = client.get(f"/unge/{p.youth.pk}/").content.decode()
    assert full not in page and full.replace("-", "") not in page and p.youth.cpr_masked in page
    refused = client.post(f"/unge/{p.youth.pk}/cpr/", {"purpose": ""})
    assert refused.status_code == 400 and full not in refused.content.decode()
    shown = client.post(f"/unge/{p.youth.pk}/cpr/", {"purpose": "Indberetning til SU"})
    assert full in shown.content.decode()
    event = AuditEvent.objects.get(action=AuditAction.REVEAL)
    assert event.purpose == "Indberetning til SU" and event.actor == p.contact_person


def test_editing_the_record_validates_the_phone_and_keeps_what_was_typed(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    response = client.post(f"/unge/{p.youth.pk}/ret/", {"first_name": "Josse", "last_name": "Hansen", "mobile": "99"})
    assert "Telefonnummeret er ikke" in response.content.decode() and 'value="Josse"' in response.content.decode()
    p.youth.refresh_from_db()
    assert p.youth.first_name == "Josefine"
    client.post(f"/unge/{p.youth.pk}/ret/", {"first_name": "Josse", "last_name": "Hansen", "mobile": "+45 31 31 31 31"})
    p.youth.refresh_from_db()
    assert p.youth.first_name == "Josse" and p.youth.mobile == "+4531313131"


def test_a_member_in_a_reading_role_cannot_edit(p: Personas, as_user) -> None:
    client = as_user(p.reader)  # in the circle as a teacher
    assert client.get(f"/unge/{p.youth.pk}/").status_code == 200
    assert client.get(f"/unge/{p.youth.pk}/ret/").status_code == 404


def test_guardians_are_added_and_removed_after_confirmation(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    bad = client.post(f"/unge/{p.youth.pk}/kontakter/ny/", {"name": "Karin", "relation": "mor", "phone": "1"})
    assert "Telefonnummeret er ikke" in bad.content.decode()
    client.post(f"/unge/{p.youth.pk}/kontakter/ny/", {"name": "Karin Hansen", "relation": "mor", "phone": "40 40 40 40"})
    guardian = p.youth.guardians.get()
    assert "Karin Hansen" in client.get(f"/unge/{p.youth.pk}/").content.decode()
    confirm = client.get(f"/unge/{p.youth.pk}/kontakter/{guardian.pk}/slet/")
    assert "Fjern Karin Hansen fra kontakterne?" in confirm.content.decode()
    assert p.youth.guardians.exists()
    client.post(f"/unge/{p.youth.pk}/kontakter/{guardian.pk}/slet/")
    assert not p.youth.guardians.exists()


def test_ending_a_course_refuses_an_end_before_the_start(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    course = p.youth.courses.get()
    early = (course.start_date - datetime.timedelta(days=1)).isoformat()
    response = client.post(f"/unge/{p.youth.pk}/forloeb/afslut/", {"end_date": early, "end_reason": "job"})
    assert "Slutdatoen kan ikke ligge før startdatoen." in response.content.decode()
    course.refresh_from_db()
    assert course.end_date is None
    client.post(f"/unge/{p.youth.pk}/forloeb/afslut/", {"end_date": timezone.localdate().isoformat(), "end_reason": "job"})
    course.refresh_from_db()
    assert course.end_date == timezone.localdate() and course.end_reason == "job"


def test_a_team_member_sees_the_youth_while_the_team_is_contact_person(p: Personas, as_user) -> None:
    from ungeforlob.testing import make_user

    member = make_user("teamer", p.municipality, p.organisation)
    team = Team.objects.create(municipality=p.municipality, organisation=p.organisation, name="Team Mobil")
    team.members.add(member)
    Membership.objects.create(youth=p.other_youth, team=team, role=ChainRole.MENTOR,
                              start_date=timezone.localdate())
    assert as_user(member).get(f"/unge/{p.other_youth.pk}/").status_code == 200
    team.members.remove(member)
    assert as_user(member).get(f"/unge/{p.other_youth.pk}/").status_code == 404


def test_the_timeline_shows_the_course_and_the_circle(p: Personas, as_user) -> None:
    page = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/tidslinje/").content.decode()
    assert "Forløbet startede" in page and "kom med i kæden som Jobkonsulent" in page


def test_a_professional_of_another_municipality_never_sees_the_youth(p: Personas, as_user) -> None:
    assert as_user(p.stranger).get(f"/unge/{p.youth.pk}/").status_code == 404
    assert "Josefine" not in as_user(p.stranger).get("/unge/?vis=kaede").content.decode()
