from __future__ import annotations

import datetime
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from ungeforlob.accounts.models import Municipality, Organisation, Role, Sector
from ungeforlob.reflection import services
from ungeforlob.reflection.models import AgreedAction, Reflection
from ungeforlob.reflection.tests.factories import install, world
from ungeforlob.testing import Personas, make_user

pytestmark = pytest.mark.django_db


def test_the_model_page_offers_a_leader_to_take_the_model_into_use(p: Personas, as_user) -> None:
    body = as_user(p.leader).get("/modellen/").content.decode()
    assert "Tag modellen i brug" in body
    as_user(p.leader).post("/modellen/tag-i-brug/")
    assert "Den unges meddesign" in as_user(p.contact_person).get("/modellen/").content.decode()


def test_a_professional_is_told_to_ask_a_leader_when_the_model_is_not_in_use(p: Personas, as_user) -> None:
    body = as_user(p.contact_person).get("/modellen/").content.decode()
    assert "Bed en leder om at gøre det" in body and "Tag modellen i brug</button>" not in body


def test_the_forms_say_that_no_personal_data_about_young_people_belongs_here(p: Personas, as_user) -> None:
    w = world(p)
    client = as_user(p.contact_person)
    for url in (f"/modellen/grupper/{w.group.pk}/refleksioner/ny/", f"/modellen/refleksioner/{w.reflection.pk}/rediger/",
                f"/modellen/refleksioner/{w.reflection.pk}/"):
        assert "ikke om enkelte unge" in client.get(url).content.decode(), url


def test_a_reflection_saved_over_someone_elses_change_keeps_my_words_and_says_so(p: Personas, as_user) -> None:
    w = world(p)
    url = f"/modellen/refleksioner/{w.reflection.pk}/rediger/"
    field = f"answer_{w.question.pk}"
    as_user(p.colleague).post(url, {"version": 0, "title": "", field: "Jonas skrev først"})
    response = as_user(p.contact_person).post(url, {"version": 0, "title": "", field: "Mettes ord"})
    body = response.content.decode()
    assert response.status_code == 200 and "en anden har gemt" in body and "Mettes ord" in body
    assert 'name="version" value="1"' in body
    again = as_user(p.contact_person).post(url, {"version": 1, "title": "", field: "Mettes ord"})
    assert again.status_code == 302
    assert w.reflection.answers.get().text == "Mettes ord"


def test_a_double_submitted_reflection_is_created_once(p: Personas, as_user) -> None:
    w = world(p)
    url = f"/modellen/grupper/{w.group.pk}/refleksioner/ny/"
    data = {"held_on": timezone.localdate().isoformat(), "title": "Dobbelt", "submission": "abc123"}
    client = as_user(p.contact_person)
    assert client.post(url, data).status_code == 302
    second = client.post(url, data)
    assert second.status_code == 200 and "allerede sendt" in second.content.decode()
    assert Reflection.objects.filter(title="Dobbelt").count() == 1


@pytest.mark.parametrize("bad", ["31-02-2026", "", "abc", "99999-01-01"])
def test_a_bad_action_date_gets_a_danish_message_and_saves_nothing(p: Personas, as_user, bad: str) -> None:
    w = world(p)
    response = as_user(p.contact_person).post(f"/modellen/refleksioner/{w.reflection.pk}/handlinger/",
                                              {"text": "Noget", "owner": p.contact_person.pk, "due": bad})
    assert response.status_code == 400 and "dato" in response.content.decode()
    assert AgreedAction.objects.count() == 1


def test_an_over_long_answer_is_refused_with_a_message(p: Personas, as_user) -> None:
    w = world(p)
    response = as_user(p.contact_person).post(f"/modellen/refleksioner/{w.reflection.pk}/rediger/", {
        "version": 0, f"answer_{w.question.pk}": "x" * 5000})
    assert response.status_code == 200 and "højst" in response.content.decode()
    assert not w.reflection.answers.exists()


def test_a_leader_reads_a_groups_reflection_but_may_not_write_it(p: Personas, as_user) -> None:
    w = world(p)
    client = as_user(p.leader)
    body = client.get(f"/modellen/refleksioner/{w.reflection.pk}/").content.decode()
    assert "Skriv svar og vurderinger" not in body
    assert client.get(f"/modellen/refleksioner/{w.reflection.pk}/rediger/").status_code == 404


def test_a_leader_of_another_municipality_sees_nothing_of_ours(p: Personas, as_user) -> None:
    w = world(p)
    other = Municipality.objects.get(code="nabo")
    org = Organisation.objects.create(municipality=other, name="Nabo ledelse", sector=Sector.UU_KUI)
    foreign_leader = make_user("nabo-leder", other, org, role=Role.LEADER)
    client = as_user(foreign_leader)
    for url in (f"/modellen/grupper/{w.group.pk}/", f"/modellen/refleksioner/{w.reflection.pk}/",
                f"/modellen/refleksioner/{w.reflection.pk}/pdf/", f"/kompetencer/personer/{p.contact_person.pk}/",
                f"/kompetencer/teams/{w.team.pk}/", f"/modellen/elementer/{w.element.pk}/",
                f"/kompetencer/{w.competence.pk}/"):
        assert client.get(url).status_code == 404, url


def test_only_the_persons_own_leader_sees_their_profile(p: Personas, as_user) -> None:
    world(p)
    other_leader = make_user("leder2", p.municipality, p.organisation, role=Role.LEADER)
    assert as_user(other_leader).get(f"/kompetencer/personer/{p.contact_person.pk}/").status_code == 404
    assert as_user(p.leader).get(f"/kompetencer/personer/{p.contact_person.pk}/").status_code == 200


def test_a_leader_may_not_rate_someone_else(p: Personas, as_user) -> None:
    w = world(p)
    response = as_user(p.leader).post(f"/kompetencer/personer/{p.contact_person.pk}/vurder/",
                                      {f"level_{w.competence.pk}": "4"})
    assert response.status_code == 404


def test_the_team_page_shows_counts_and_never_names(p: Personas, as_user) -> None:
    w = world(p)
    services.self_rating_save(actor=p.contact_person, levels={w.competence.pk: 4})
    body = as_user(p.colleague).get(f"/kompetencer/teams/{w.team.pk}/").content.decode()
    assert w.competence.title in body
    main = body.split("<main", 1)[1].split("</main>")[0]
    assert p.contact_person.get_full_name() not in main and p.colleague.get_full_name() not in main


def test_removing_a_competence_in_use_says_it_will_be_archived(p: Personas, as_user) -> None:
    w = world(p)
    services.self_rating_save(actor=p.contact_person, levels={w.competence.pk: 2})
    body = as_user(p.leader).get(f"/kompetencer/{w.competence.pk}/fjern/").content.decode()
    assert "arkiveret, ikke slettet" in body


def test_the_group_page_draws_the_chart_with_its_figures_beside_it(p: Personas, as_user) -> None:
    w = world(p)
    services.reflection_save(actor=p.contact_person, reflection=w.reflection, version=0, title="",
                             answers={}, ratings={w.element.pk: 3})
    body = as_user(p.contact_person).get(f"/modellen/grupper/{w.group.pk}/").content.decode()
    assert "<svg" in body and "<rect" in body and "<table" in body and "style=" not in body


def _grow(p: Personas, w, n: int) -> None:
    today = timezone.localdate()
    extra = [make_user(f"m{w.group.pk}-{i}", p.municipality, p.organisation) for i in range(n)]
    w.group.members.add(*extra)
    w.team.members.add(*extra)
    for i in range(n):
        r = services.reflection_create(actor=p.contact_person, group=w.group, held_on=today - datetime.timedelta(days=30 * i))
        services.reflection_save(actor=p.contact_person, reflection=r, version=0, title="",
                                 answers={w.question.pk: f"svar {i}"}, ratings={w.element.pk: 1 + i % 4})
        services.action_add(actor=p.contact_person, reflection=w.reflection, text=f"H{i}", owner=extra[i], due=today)
        services.self_rating_save(actor=extra[i], levels={w.competence.pk: 1 + i % 4})
        services.development_item_add(actor=p.contact_person, person=p.contact_person, text=f"D{i}", due=today)


@pytest.mark.parametrize("who,url", [
    ("contact_person", "/modellen/"),
    ("leader", "/modellen/"),
    ("contact_person", "/modellen/grupper/{group}/"),
    ("contact_person", "/modellen/refleksioner/{reflection}/"),
    ("contact_person", "/modellen/refleksioner/{reflection}/rediger/"),
    ("contact_person", "/kompetencer/personer/{person}/"),
    ("contact_person", "/kompetencer/personer/{person}/vurder/"),
    ("contact_person", "/kompetencer/teams/{team}/"),
    ("leader", "/kompetencer/"),
])
def test_every_page_reads_a_constant_number_of_queries(p: Personas, as_user, count_queries, who: str,
                                                         url: str) -> None:
    w = world(p)
    client = as_user(getattr(p, who))
    path = url.format(group=w.group.pk, reflection=w.reflection.pk, person=p.contact_person.pk, team=w.team.pk)
    assert client.get(path).status_code == 200
    small = count_queries(lambda: client.get(path))
    _grow(p, w, 6)
    large = count_queries(lambda: client.get(path))
    assert small == large, f"{path}: {small} queries with little data, {large} with more"


def test_the_reflection_prints_as_a_pdf(p: Personas, as_user, tmp_path: Path) -> None:
    w = world(p)
    services.reflection_save(actor=p.contact_person, reflection=w.reflection, version=0, title="Forår",
                             answers={w.question.pk: "Vi spørger den unge først og skriver det ned med den unges ord."},
                             ratings={w.element.pk: 3})
    response = as_user(p.contact_person).get(f"/modellen/refleksioner/{w.reflection.pk}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    if shutil.which("pdftoppm"):
        pdf = tmp_path / "refleksion.pdf"
        pdf.write_bytes(response.content)
        out = Path(settings.BASE_DIR) / "artifacts" / "screenshots" / "reflection-pdf"
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(out)], check=True)
        assert any(out.parent.glob("reflection-pdf*.png"))


def test_retiring_a_question_asks_first(p: Personas, as_user) -> None:
    w = world(p)
    client = as_user(p.leader)
    assert "Tag spørgsmålet ud af brug?" in client.get(f"/modellen/spoergsmaal/{w.question.pk}/udgaa/").content.decode()
    w.question.refresh_from_db()
    assert w.question.retired_at is None


def test_deleting_a_reflection_asks_first(p: Personas, as_user) -> None:
    w = world(p)
    client = as_user(p.contact_person)
    assert "Det kan ikke fortrydes" in client.get(f"/modellen/refleksioner/{w.reflection.pk}/slet/").content.decode()
    assert Reflection.objects.filter(pk=w.reflection.pk).exists()


def test_install_is_only_for_leaders(p: Personas, as_user) -> None:
    assert as_user(p.contact_person).post("/modellen/tag-i-brug/").status_code == 403
    install(p)  # the leader's install, for contrast: the professional's POST above added nothing


def test_a_leader_changes_a_groups_members_and_the_removed_member_loses_access(p: Personas, as_user) -> None:
    w = world(p)
    response = as_user(p.leader).post(f"/modellen/grupper/{w.group.pk}/rediger/", {
        "name": "Kædegruppen", "kind": "chain", "members": [p.contact_person.pk, p.outsider.pk]})
    assert response.status_code == 302
    assert as_user(p.colleague).get(f"/modellen/refleksioner/{w.reflection.pk}/").status_code == 404
    assert as_user(p.outsider).get(f"/modellen/refleksioner/{w.reflection.pk}/").status_code == 200


def test_a_group_without_members_is_refused_with_a_message(p: Personas, as_user) -> None:
    w = world(p)
    response = as_user(p.leader).post(f"/modellen/grupper/{w.group.pk}/rediger/", {"name": "X", "kind": "team"})
    assert response.status_code == 200 and "Vælg mindst ét medlem." in response.content.decode()
    assert w.group.members.count() == 2


def test_a_leader_finds_the_profiles_of_the_people_they_lead(p: Personas, as_user) -> None:
    world(p)
    body = as_user(p.leader).get("/modellen/").content.decode()
    assert f"/kompetencer/personer/{p.contact_person.pk}/" in body
    assert f"/kompetencer/personer/{p.colleague.pk}/" not in body
