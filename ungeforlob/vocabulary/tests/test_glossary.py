"""The glossary (fælles sprog): search, sort, edit with optimistic locking, delete or archive, and the
labels that explain themselves ({% term %})."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template import Context, Template
from django.test import RequestFactory

from ungeforlob.testing import Personas
from ungeforlob.vocabulary import services
from ungeforlob.vocabulary.defaults import shipped_terms
from ungeforlob.vocabulary.models import Term


def _term(p: Personas, term: str = "Brobygning", **kw) -> Term:
    return services.term_create(actor=p.leader, term=term, meaning=kw.pop("meaning", "Et kort besøg."), **kw)


def test_the_glossary_is_seeded_with_the_models_own_terms_once(p: Personas) -> None:
    added = services.glossary_seed(municipality_id=p.municipality.pk)
    keys = set(Term.objects.filter(municipality=p.municipality).values_list("key", flat=True))
    assert added == len(shipped_terms())
    assert {"kontaktparat", "erhvervsparat", "kontaktperson", "kontaktperson-kui", "kaedeansvar", "meddesign",
            "delmaal", "overgang", "forloeb", "kaede", "bekymring", "overlevering"} <= keys
    assert services.glossary_seed(municipality_id=p.municipality.pk) == 0


def test_seeding_keeps_the_municipalitys_own_words(p: Personas) -> None:
    services.glossary_seed(municipality_id=p.municipality.pk)
    term = Term.objects.get(municipality=p.municipality, key="kaedeansvar")
    services.term_update(actor=p.leader, term_obj=term, version=term.version, term="Kædeansvar",
                         meaning="Vores egen formulering.")
    services.glossary_seed(municipality_id=p.municipality.pk)
    assert Term.objects.get(pk=term.pk).meaning == "Vores egen formulering."


def test_only_leaders_and_administrators_write_the_glossary(p: Personas) -> None:
    with pytest.raises(PermissionDenied):
        services.term_create(actor=p.contact_person, term="X", meaning="Y")
    assert services.term_create(actor=p.administrator, term="X", meaning="Y").municipality_id == p.municipality.pk


def test_it_refuses_a_term_twice_and_empty_or_overlong_text(p: Personas) -> None:
    _term(p)
    with pytest.raises(ValidationError) as exc:
        services.term_create(actor=p.leader, term="brobygning", meaning="Igen")
    assert "findes allerede" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.term_create(actor=p.leader, term="", meaning="x" * 2000)
    assert set(exc.value.message_dict) == {"term", "meaning"}


def test_search_and_sort_the_glossary(p: Personas, as_user) -> None:
    _term(p, "Brobygning", meaning="Et kort besøg på en uddannelse.")
    _term(p, "Afklaring", meaning="At finde ud af, hvad den unge vil.")
    client = as_user(p.outsider)
    page = client.get("/faelles-sprog/?q=uddannelse").content.decode()
    assert "Brobygning" in page and "Afklaring" not in page
    page = client.get("/faelles-sprog/?sort=-term").content.decode()
    assert page.index("Brobygning") < page.index("Afklaring")
    page = client.get("/faelles-sprog/?sort=hokuspokus&q=" + "x" * 500)
    assert page.status_code == 200


def test_a_concurrent_edit_is_refused_and_what_was_written_is_kept(p: Personas, as_user) -> None:
    term = _term(p)
    client = as_user(p.leader)
    client.post(f"/faelles-sprog/{term.pk}/", {"term": "Brobygning", "meaning": "Først", "version": "1"})
    response = client.post(f"/faelles-sprog/{term.pk}/", {"term": "Brobygning", "meaning": "Anden", "version": "1"})
    page = response.content.decode()
    assert response.status_code == 200 and "Nogen har ændret det" in page and "Anden" in page
    assert Term.objects.get(pk=term.pk).meaning == "Først"
    # The form now carries the saved version: sending again (deliberately) saves.
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    client.post(f"/faelles-sprog/{term.pk}/", {"term": "Brobygning", "meaning": "Anden", "version": version})
    assert Term.objects.get(pk=term.pk).meaning == "Anden"


def test_a_new_term_posted_twice_is_saved_once(p: Personas, as_user) -> None:
    client = as_user(p.leader)
    data = {"term": "Brobygning", "meaning": "Et kort besøg.", "submission": "abc123"}
    client.post("/faelles-sprog/nyt/", data)
    second = client.post("/faelles-sprog/nyt/", data)
    assert Term.objects.filter(term="Brobygning").count() == 1
    assert "allerede sendt" in second.content.decode()


def test_a_bad_date_or_a_future_agreement_gets_a_danish_message(p: Personas, as_user) -> None:
    client = as_user(p.leader)
    page = client.post("/faelles-sprog/nyt/", {"term": "X", "meaning": "Y", "agreed_on": "31-02-2026"})
    assert "gyldig dato" in page.content.decode()
    page = client.post("/faelles-sprog/nyt/", {"term": "X", "meaning": "Y", "agreed_on": "2999-01-01"})
    assert "fremtiden" in page.content.decode()
    assert not Term.objects.filter(term="X").exists()


def test_deleting_a_term_in_use_as_a_label_archives_it_instead(p: Personas, as_user) -> None:
    services.glossary_seed(municipality_id=p.municipality.pk)
    term = Term.objects.get(municipality=p.municipality, key="kontaktperson")
    client = as_user(p.leader)
    confirm = client.get(f"/faelles-sprog/{term.pk}/slet/").content.decode()
    assert "arkiveret i stedet for slettet" in confirm
    response = client.post(f"/faelles-sprog/{term.pk}/slet/", follow=True)
    assert "arkiveret i stedet for slettet" in response.content.decode()
    assert Term.objects.get(pk=term.pk).is_archived


def test_deleting_a_term_not_in_use_removes_it(p: Personas, as_user) -> None:
    term = _term(p)
    as_user(p.leader).post(f"/faelles-sprog/{term.pk}/slet/")
    assert not Term.objects.filter(pk=term.pk).exists()


def test_the_glossary_page_has_a_constant_query_count(p: Personas, as_user, count_queries: Callable) -> None:
    client = as_user(p.leader)
    _term(p)
    few = count_queries(lambda: client.get("/faelles-sprog/"))
    services.glossary_seed(municipality_id=p.municipality.pk)
    for i in range(15):
        _term(p, f"Lokalt begreb {i}")
    many = count_queries(lambda: client.get("/faelles-sprog/"))
    assert few == many


# --- the labels --------------------------------------------------------------------------------------------


def _render(p: Personas, source: str, **context) -> str:
    request = RequestFactory().get("/")
    request.user = p.contact_person
    return Template("{% load vocabulary_tags %}" + source).render(Context({"request": request, **context}))


def test_a_role_name_explains_itself_with_a_link_to_the_glossary(p: Personas) -> None:
    services.glossary_seed(municipality_id=p.municipality.pk)
    html = _render(p, '{% term "kontaktperson" "Kontaktperson+" %}')
    term = Term.objects.get(municipality=p.municipality, key="kontaktperson")
    assert f'href="/faelles-sprog/?q=Kontaktperson%2B#begreb-{term.pk}"' in html
    tip = re.search(r'aria-describedby="([^"]+)"', html).group(1)
    assert f'id="{tip}"' in html and 'role="tooltip"' in html and "navigerer" not in html
    assert "koordinerer den unges forløb" in html
    assert "style=" not in html and "<script" not in html


def test_a_term_is_found_by_its_name_and_draws_the_municipalitys_meaning(p: Personas) -> None:
    services.glossary_seed(municipality_id=p.municipality.pk)
    term = Term.objects.get(municipality=p.municipality, key="kaedeansvar")
    services.term_update(actor=p.leader, term_obj=term, version=term.version, term="Kædeansvar",
                         meaning="Hos os: ingen slipper den unge.")
    assert "Hos os: ingen slipper den unge." in _render(p, '{% term "kædeansvar" %}')


def test_an_archived_term_leaves_the_label_plain(p: Personas) -> None:
    services.glossary_seed(municipality_id=p.municipality.pk)
    term = Term.objects.get(municipality=p.municipality, key="mentor")
    services.term_delete(actor=p.leader, term_obj=term)
    html = _render(p, '{% term "mentor" "Mentor" %}')
    assert html == "Mentor"


def test_without_a_glossary_of_its_own_the_shipped_terms_explain_the_labels(p: Personas) -> None:
    html = _render(p, '{% term "valgparat" "Valgparat" %}')
    assert "vocab-tip" in html and "realistisk valg" in html


def test_a_label_without_a_term_is_plain_and_escaped(p: Personas) -> None:
    assert _render(p, '{% term "andet" label %}', label="<b>Andet</b>") == "&lt;b&gt;Andet&lt;/b&gt;"


def test_labels_on_a_page_read_the_glossary_once(p: Personas, count_queries: Callable) -> None:
    services.glossary_seed(municipality_id=p.municipality.pk)
    one = count_queries(lambda: _render(p, '{% term "mentor" %}'))
    many = count_queries(lambda: _render(p, '{% for r in roles %}{% term r %}{% endfor %}',
                                         roles=["mentor", "kontaktperson", "laerer", "kontaktparat"] * 10))
    assert one == many == 1


def test_the_tooltip_ids_are_unique_on_a_page(p: Personas) -> None:
    html = _render(p, '{% term "mentor" %}{% term "mentor" %}')
    ids = re.findall(r'role="tooltip" id="([^"]+)"', html)
    assert len(ids) == 2 and len(set(ids)) == 2
    assert html.count('rel="stylesheet"') == 1


def test_the_circle_page_explains_role_names(p: Personas, as_user) -> None:
    p.youth.memberships.filter(role="kontaktperson").update(extended=True)  # works as the extended Kontaktperson+
    page = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/kaede/").content.decode()
    assert 'class="vocab-tip-label"' in page and "Kontaktperson+" in page


def test_the_role_names_on_the_youth_overview_and_a_handover_explain_themselves(p: Personas, as_user) -> None:
    from ungeforlob.chain import services as chain_services

    services.glossary_seed(municipality_id=p.municipality.pk)
    overview = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/").content.decode()
    assert re.search(r'class="vocab-tip-label"[^>]*>Kontaktperson', overview)  # the role, not only a level badge
    handover = chain_services.handover_create(actor=p.contact_person, youth=p.youth, receiver=p.colleague,
                                              role="kontaktperson", what_works="Korte beskeder.", legal_basis="kui")
    detail = as_user(p.colleague).get(f"/overleveringer/{handover.pk}/").content.decode()
    assert re.search(r'class="vocab-tip-label"[^>]*>Kontaktperson', detail)
