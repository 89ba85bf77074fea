from ungeforlob.accounts.models import Organisation, User
from ungeforlob.testing import Personas


def test_the_administrator_lists_searches_and_sorts_professionals(p: Personas, as_user) -> None:
    client = as_user(p.administrator)
    page = client.get("/administration/medarbejdere/?q=jobkonsulent").content.decode()
    assert "Jonas" in page and "Mette" not in page
    page = client.get("/administration/medarbejdere/?sort=-navn").content.decode()
    table = page[page.index("<tbody"):]
    assert table.index("Sara") < table.index("Anders")
    assert "Frede" not in client.get("/administration/medarbejdere/").content.decode()  # other municipality


def test_it_creates_an_organisation_and_refuses_a_duplicate_name(p: Personas, as_user) -> None:
    client = as_user(p.administrator)
    assert client.post("/administration/organisationer/ny/", {"name": "FGU Nord", "sector": "fgu", "is_active": "on"}).status_code == 302
    again = client.post("/administration/organisationer/ny/", {"name": "fgu nord", "sector": "fgu"})
    assert "Der findes allerede en organisation med det navn." in again.content.decode()
    assert Organisation.objects.filter(name__iexact="fgu nord").count() == 1


def test_it_refuses_an_organisation_of_another_municipality(p: Personas, as_user) -> None:
    response = as_user(p.administrator).get(f"/administration/organisationer/{p.other_organisation.pk}/")
    assert response.status_code == 404


def test_creating_a_professional_with_bad_input_saves_nothing(p: Personas, as_user) -> None:
    client = as_user(p.administrator)
    before = User.objects.count()
    response = client.post("/administration/medarbejdere/ny/", {
        "username": "ny", "first_name": "Ny", "last_name": "Medarbejder", "organisation": p.organisation.pk,
        "role": "professional", "phone": "12", "password": "123",
    })
    content = response.content.decode()
    assert "Telefonnummeret er ikke" in content
    assert User.objects.count() == before


def test_it_creates_a_professional_who_can_log_in(p: Personas, as_user) -> None:
    client = as_user(p.administrator)
    response = client.post("/administration/medarbejdere/ny/", {
        "username": "ny", "first_name": "Ny", "last_name": "Medarbejder", "organisation": p.organisation.pk,
        "role": "professional", "phone": "20 30 40 50", "password": "en-lang-og-god-kode-17",
    })
    assert response.status_code == 302
    user = User.objects.get(username="ny")
    assert user.municipality == p.municipality and user.phone == "+4520304050"
    assert user.check_password("en-lang-og-god-kode-17")


def test_deactivating_asks_first_and_can_be_undone(p: Personas, as_user) -> None:
    client = as_user(p.administrator)
    url = f"/administration/medarbejdere/{p.colleague.pk}/luk/"
    assert "Luk kontoen for" in client.get(url).content.decode()
    p.colleague.refresh_from_db()
    assert p.colleague.is_active
    client.post(url, {"active": "0"})
    p.colleague.refresh_from_db()
    assert not p.colleague.is_active
    client.post(url, {"active": "1"})
    p.colleague.refresh_from_db()
    assert p.colleague.is_active


def test_an_administrator_cannot_close_their_own_account(p: Personas, as_user) -> None:
    as_user(p.administrator).post(f"/administration/medarbejdere/{p.administrator.pk}/luk/", {"active": "0"})
    p.administrator.refresh_from_db()
    assert p.administrator.is_active


def test_administrators_see_no_youth_data(p: Personas, as_user) -> None:
    assert as_user(p.administrator).get(f"/unge/{p.youth.pk}/").status_code == 404
