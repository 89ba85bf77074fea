"""The open door: the public page (no login, no personal data), its offers feed, and the municipality's edit form."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.test import Client

from ungeforlob.accounts.models import Role
from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.offers.tests.factories import make_activity, make_offer
from ungeforlob.openinfo import services
from ungeforlob.openinfo.defaults import DEFAULT_TEXTS
from ungeforlob.openinfo.models import PublicPage
from ungeforlob.openinfo.tests.factories import TEXTS, pages
from ungeforlob.portal.tests.test_pages import _lix
from ungeforlob.testing import Personas, client_for, make_user
from ungeforlob.transitions.services.procedures import procedure_defaults_install

PAGE = "/kommune/test/ungeindsats/"
FEED = "/kommune/test/ungeindsats/tilbud.json"
EDIT = "/kommune/test/ungeindsats/ret/"


def _form(**changes: str) -> dict[str, str]:
    return {**TEXTS, "published": "on", "show_procedures": "on", "show_offers": "on", **changes}


# --- The public page --------------------------------------------------------------------------------------


def test_anyone_reads_the_published_page_without_logging_in(p: Personas) -> None:
    pages(p)
    body = Client().get(PAGE).content.decode()
    for text in ("Ungeindsatsen i Testkommune", TEXTS["intro"], "Ring til Ungeindsatsen på 70 10 20 30.",
                 "Forældre kan ringe", "Fagpersoner skriver", "Sådan logger du ind på Min side", "/min-side/login/"):
        assert text in body


def test_an_unpublished_page_and_an_unknown_municipality_answer_404(p: Personas) -> None:
    pages(p)
    assert Client().get("/kommune/nabo/ungeindsats/").status_code == 404
    assert Client().get("/kommune/findes-ikke/ungeindsats/").status_code == 404
    assert Client().get("/kommune/" + "x" * 300 + "/ungeindsats/").status_code == 404


def test_the_page_shows_the_active_procedures_steps_in_order(p: Personas) -> None:
    pages(p)
    procedure_defaults_install(actor=p.administrator)
    body = Client().get(PAGE).content.decode()
    assert "Den gode uddannelsesstart" in body and "Eftervend og efterværn" in body
    assert body.index("Formøde før start") < body.index("SMS dagen før") < body.index("Velkomst på første dag")
    assert "5 arbejdsdage før" in body


def test_the_page_shows_only_active_offers(p: Personas) -> None:
    pages(p)
    make_offer(p.municipality, "Klatring med Energi til Hinanden", focus="Vi klatrer sammen hver tirsdag.")
    make_offer(p.municipality, "Lukket værksted", is_active=False)
    make_offer(p.other_organisation.municipality, "Nabos tilbud")
    body = Client().get(PAGE).content.decode()
    assert "Klatring med Energi til Hinanden" in body and "Vi klatrer sammen" in body
    assert "Lukket værksted" not in body and "Nabos tilbud" not in body


def test_the_public_page_shows_no_personal_data(p: Personas) -> None:
    """The young people's names, CPR numbers and mobile numbers, and staff's names and numbers, never appear;
    only the contacts the municipality wrote itself."""
    pages(p)
    procedure_defaults_install(actor=p.administrator)
    offer = make_offer(p.municipality, "Mentorforløb")
    make_activity(p.youth, offer=offer)
    staff_phone = "+4529998877"
    p.contact_person.phone = staff_phone
    p.contact_person.save()
    body = Client().get(PAGE).content.decode()
    for youth in (p.youth, p.other_youth):
        for secret in (youth.first_name, youth.last_name, youth.cpr_reveal(), youth.cpr_reveal().replace("-", ""), youth.cpr_masked, youth.mobile,
                       youth.mobile[3:]):
            assert secret and secret not in body, secret
    for staff in (p.contact_person, p.colleague, p.reader, p.outsider, p.leader):
        for secret in (staff.get_full_name(), staff.last_name, staff.email, staff_phone, staff_phone[3:]):
            assert secret not in body, secret
    assert "70 10 20 30" in body  # what the municipality entered as its contact


def test_the_public_pages_have_a_constant_query_count(p: Personas, count_queries) -> None:  # noqa: ANN001
    pages(p)
    procedure_defaults_install(actor=p.administrator)
    make_offer(p.municipality, "Det første tilbud", needs=("Struktur",), capacity=5)
    client = Client()
    small = [count_queries(lambda url=url: client.get(url)) for url in (PAGE, FEED, "/kommune/")]
    for i in range(15):
        make_offer(p.municipality, f"Tilbud {i}", needs=("Struktur", f"Behov {i}"), capacity=5)
    large = [count_queries(lambda url=url: client.get(url)) for url in (PAGE, FEED, "/kommune/")]
    assert large == small


# --- The offers feed --------------------------------------------------------------------------------------


def test_the_offers_feed_is_public_when_the_municipality_turned_it_on(p: Personas) -> None:
    pages(p)
    make_offer(p.municipality, "Klatring", age_min=15, age_max=25)
    make_offer(p.municipality, "Lukket værksted", is_active=False)
    response = Client().get(FEED)
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    feed = json.loads(response.content)
    assert [s["name"] for s in feed["contents"]] == ["Klatring"]
    assert feed["contents"][0]["minimum_age"] == 15


def test_the_offers_feed_answers_404_when_it_is_off(p: Personas) -> None:
    ours, _other = pages(p)
    PublicPage.objects.filter(pk=ours.pk).update(hsds_public=False)
    assert Client().get(FEED).status_code == 404
    assert "tilbud.json" not in Client().get(PAGE).content.decode()


def test_the_offers_feed_of_an_unpublished_page_answers_404(p: Personas) -> None:
    pages(p)  # Nabokommune's page has the feed on but is not published
    assert Client().get("/kommune/nabo/ungeindsats/tilbud.json").status_code == 404


# --- Editing ----------------------------------------------------------------------------------------------


def test_a_leader_writes_and_publishes_the_page_from_the_suggested_texts(p: Personas) -> None:
    client = client_for(p.leader)
    body = client.get(EDIT).content.decode()
    assert "Teksterne er et forslag" in body and "Ungeindsatsen hjælper unge" in body
    assert Client().get(PAGE).status_code == 404  # nothing published yet
    response = client.post(EDIT, _form(intro="Vi hjælper dig.", version="0"))
    assert response.status_code == 302
    page = PublicPage.objects.get(municipality=p.municipality)
    assert page.published and page.intro == "Vi hjælper dig." and page.version == 1 and page.updated_by == p.leader
    assert "Vi hjælper dig." in Client().get(PAGE).content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="publicpage").exists()


def test_an_administrator_edits_the_page_too(p: Personas) -> None:
    pages(p)
    response = client_for(p.administrator).post(EDIT, _form(intro="Ny tekst.", version="1"))
    assert response.status_code == 302
    assert PublicPage.objects.get(municipality=p.municipality).intro == "Ny tekst."


def test_another_municipalitys_leader_is_refused_the_edit(p: Personas) -> None:
    pages(p)
    other_leader = make_user("naboleder", p.other_organisation.municipality, p.other_organisation, role=Role.LEADER)
    client = client_for(other_leader)
    assert client.get(EDIT).status_code == 404
    assert client.post(EDIT, _form(intro="Hacket.", version="1")).status_code == 404
    assert PublicPage.objects.get(municipality=p.municipality).intro == TEXTS["intro"]
    # Their own page is theirs to edit.
    assert client.get("/kommune/nabo/ungeindsats/ret/").status_code == 200


def test_a_professional_is_refused_the_edit(p: Personas) -> None:
    pages(p)
    assert client_for(p.contact_person).post(EDIT, _form(intro="X", version="1")).status_code == 403
    assert PublicPage.objects.get(municipality=p.municipality).intro == TEXTS["intro"]


def test_turning_the_feed_on_and_off_from_the_form(p: Personas) -> None:
    pages(p)
    client = client_for(p.leader)
    client.post(EDIT, _form(version="1"))  # hsds_public unticked
    assert Client().get(FEED).status_code == 404
    client.post(EDIT, _form(version="2", hsds_public="on"))
    assert Client().get(FEED).status_code == 200


def test_two_editors_at_once_do_not_overwrite_each_other(p: Personas) -> None:
    pages(p)
    services.public_page_save(actor=p.leader, version=1, **{**TEXTS, "intro": "Den første tekst."}, published=True)
    response = client_for(p.administrator).post(EDIT, _form(intro="Den anden tekst.", version="1"))
    assert response.status_code == 200 and "En anden har gemt siden imens" in response.content.decode()
    assert PublicPage.objects.get(municipality=p.municipality).intro == "Den første tekst."
    assert 'name="version" value="2"' in response.content.decode()


@pytest.mark.parametrize("change", [{"intro": ""}, {"contact_youth": "   "}, {"intro": "x" * 3001},
                                    {"version": "abc"}])
def test_bad_input_is_refused_in_danish_and_nothing_is_saved(p: Personas, change: dict[str, str]) -> None:
    pages(p)
    response = client_for(p.leader).post(EDIT, {**_form(version="1"), **change})
    assert response.status_code == 200
    assert PublicPage.objects.get(municipality=p.municipality).version == 1


def test_the_staff_login_page_links_to_the_public_pages_and_to_min_side(p: Personas) -> None:
    pages(p)
    body = Client().get("/login/").content.decode()
    assert 'href="/kommune/"' in body and 'href="/min-side/login/"' in body
    index = Client().get("/kommune/").content.decode()
    assert 'href="/kommune/test/ungeindsats/"' in index and "Nabokommune" not in index


# --- Plain words ------------------------------------------------------------------------------------------


def _template_text(path: Path) -> str:
    raw = path.read_text()
    raw = re.sub(r"{%\s*(translate|trans)\s+\"([^\"]*)\"[^%]*%}", r" \2. ", raw)
    raw = re.sub(r"{%\s*blocktranslate[^%]*%}(.*?){%\s*endblocktranslate\s*%}", r" \1. ", raw, flags=re.S)
    return re.sub(r"{%.*?%}|{{.*?}}|<[^>]+>", " ", raw, flags=re.S)


def test_the_public_page_and_its_suggested_texts_are_easy_to_read() -> None:
    """LIX ≤ 35 over the public templates and the texts a municipality starts from."""
    root = Path(__file__).resolve().parents[1] / "templates" / "openinfo"
    texts = [_template_text(root / name) for name in ("page.html", "index.html", "public_base.html")]
    texts += [str(t) for t in DEFAULT_TEXTS.values()]
    lix = _lix(" ".join(texts))
    assert lix <= 35, f"LIX {lix:.1f}"


def test_the_rendered_demo_like_page_is_easy_to_read(p: Personas) -> None:
    """The whole page as a visitor reads it — with the shipped procedures' step names — stays at LIX ≤ 35."""
    services.public_page_save(actor=p.leader, version=0, published=True, show_procedures=True, show_offers=False,
                              **{k: str(v) for k, v in DEFAULT_TEXTS.items()})
    procedure_defaults_install(actor=p.administrator)
    body = Client().get(PAGE).content.decode()
    main = body.split('id="main-content"')[1].split("</main>")[0]
    text = re.sub(r"<[^>]+>", " ", main)
    lix = _lix(text)
    assert lix <= 35, f"LIX {lix:.1f}"

