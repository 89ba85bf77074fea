from ungeforlob.testing import Personas, make_youth


def test_the_leader_sees_figures_and_caseloads_but_no_youth_names(p: Personas, as_user) -> None:
    page = as_user(p.leader).get("/ledelse/").content.decode()
    assert "Unge i forløb nu" in page
    assert "Mette" in page  # staff names are fine: the caseload per contact person
    assert "Josefine" not in page and "Mikkel" not in page


def test_a_professional_cannot_open_the_leader_overview(p: Personas, as_user) -> None:
    assert as_user(p.contact_person).get("/ledelse/").status_code == 403


def test_the_leader_overview_has_a_constant_query_count(p: Personas, as_user, count_queries) -> None:
    client = as_user(p.leader)
    small = count_queries(lambda: client.get("/ledelse/"))
    for i in range(15):
        make_youth(p.contact_person, first_name=f"U{i}", mobile=f"+45707070{i:02d}")
    assert count_queries(lambda: client.get("/ledelse/")) == small


def test_leaders_land_on_the_overview(p: Personas, as_user) -> None:
    assert as_user(p.leader).get("/").url == "/ledelse/"


def test_two_contact_persons_with_the_same_name_have_a_caseload_each(p: Personas, as_user) -> None:
    from ungeforlob.testing import make_user

    twin = make_user("tvilling", p.municipality, p.organisation)
    twin.first_name, twin.last_name = p.contact_person.first_name, p.contact_person.last_name
    twin.save()
    make_youth(twin, first_name="Tvillingens")
    caseloads = as_user(p.leader).get("/ledelse/").context["caseloads"]
    mine = [c for c in caseloads if c["professional__first_name"] == p.contact_person.first_name]
    assert sorted((c["professional_id"], c["n"]) for c in mine) == sorted(
        [(p.contact_person.pk, 1), (twin.pk, 1)])
