from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ungeforlob.accounts.models import Municipality
from ungeforlob.reflection import services
from ungeforlob.reflection.models import (
    Answer,
    Competence,
    DevelopmentItem,
    Element,
    Question,
    Rating,
    SelfRating,
)
from ungeforlob.reflection.tests.factories import world
from ungeforlob.testing import Personas

pytestmark = pytest.mark.django_db


def test_the_defaults_give_the_municipality_every_element_of_the_model_with_its_questions(p: Personas) -> None:
    services.defaults_install(actor=p.leader, municipality=p.municipality)
    elements = list(Element.objects.filter(municipality=p.municipality))
    keys = {e.key for e in elements}
    assert {"meddesign", "profil", "delmaal", "evaluering", "ledelse", "ungeinddragelse", "roller", "tilgange",
            "ressourcer"} <= keys
    assert {e.side for e in elements} == {"youth", "chain"}
    assert all(e.questions.count() >= 3 for e in elements)
    assert Competence.objects.filter(municipality=p.municipality).count() == 11


def test_installing_the_defaults_twice_adds_nothing(p: Personas) -> None:
    assert services.defaults_install(actor=p.leader, municipality=p.municipality) > 0
    assert services.defaults_install(actor=p.leader, municipality=p.municipality) == 0
    assert Element.objects.filter(municipality=p.municipality).count() == 10


def test_each_municipality_words_its_own_model(p: Personas) -> None:
    other = Municipality.objects.get(code="nabo")
    services.defaults_install(actor=p.leader, municipality=p.municipality)
    services.defaults_install(actor=p.stranger, municipality=other)
    mine = Element.objects.get(municipality=p.municipality, key="meddesign")
    services.element_update(actor=p.leader, element=mine, version=mine.version, title="Unges medbestemmelse",
                            summary="")
    assert Element.objects.get(municipality=other, key="meddesign").title == "Den unges meddesign"


def test_a_stale_element_edit_is_refused(p: Personas) -> None:
    services.defaults_install(actor=p.leader, municipality=p.municipality)
    element = Element.objects.filter(municipality=p.municipality).first()
    services.element_update(actor=p.leader, element=element, version=0, title="Ny titel", summary="")
    with pytest.raises(services.StaleEdit):
        services.element_update(actor=p.leader, element=Element.objects.get(pk=element.pk), version=0,
                                title="Anden titel", summary="")


def test_a_retired_question_keeps_its_old_answers_and_leaves_new_reflections(p: Personas) -> None:
    w = world(p)
    services.reflection_save(actor=p.contact_person, reflection=w.reflection, version=0, title="",
                             answers={w.question.pk: "Vi spørger altid først."}, ratings={})
    services.question_retire(actor=p.leader, question=w.question)
    from ungeforlob.reflection.selectors import elements_of, reflection_detail

    assert w.question not in list(elements_of(p.municipality.pk)[0].questions.all())
    old = reflection_detail(w.reflection)["sections"][0]["questions"]
    assert any(q["question"].pk == w.question.pk and q["answer"] for q in old)


def test_a_reflection_saves_answers_and_ratings_and_clears_emptied_ones(p: Personas) -> None:
    w = world(p)
    services.reflection_save(actor=p.contact_person, reflection=w.reflection, version=0, title="Forår",
                             answers={w.question.pk: "Svar"}, ratings={w.element.pk: 3})
    assert Answer.objects.get(reflection=w.reflection).text == "Svar"
    assert Rating.objects.get(reflection=w.reflection).level == 3
    services.reflection_save(actor=p.contact_person, reflection=w.reflection, version=1, title="Forår",
                             answers={w.question.pk: ""}, ratings={w.element.pk: None})
    assert not Answer.objects.filter(reflection=w.reflection).exists()
    assert not Rating.objects.filter(reflection=w.reflection).exists()


def test_a_reflection_saved_over_someone_elses_change_is_refused_and_nothing_is_half_saved(p: Personas) -> None:
    w = world(p)
    services.reflection_save(actor=p.colleague, reflection=w.reflection, version=0, title="Jonas",
                             answers={w.question.pk: "Jonas' svar"}, ratings={})
    with pytest.raises(services.StaleEdit) as exc:
        services.reflection_save(actor=p.contact_person, reflection=w.reflection, version=0, title="Mette",
                                 answers={w.question.pk: "Mettes svar"}, ratings={w.element.pk: 4})
    assert exc.value.current_version == 1
    assert Answer.objects.get(reflection=w.reflection).text == "Jonas' svar"
    assert not Rating.objects.filter(reflection=w.reflection).exists()


def test_a_rating_outside_one_to_four_is_refused(p: Personas) -> None:
    w = world(p)
    with pytest.raises(ValidationError):
        services.reflection_save(actor=p.contact_person, reflection=w.reflection, version=0, title="",
                                 answers={}, ratings={w.element.pk: 5})


def test_another_municipalitys_question_cannot_be_answered(p: Personas) -> None:
    w = world(p)
    other = Municipality.objects.get(code="nabo")
    services.defaults_install(actor=p.stranger, municipality=other)
    foreign = Question.objects.filter(element__municipality=other).first()
    with pytest.raises(ValidationError):
        services.reflection_save(actor=p.contact_person, reflection=w.reflection, version=0, title="",
                                 answers={foreign.pk: "x"}, ratings={})


def test_a_reflection_cannot_be_dated_in_the_future(p: Personas) -> None:
    w = world(p)
    with pytest.raises(ValidationError):
        services.reflection_create(actor=p.contact_person, group=w.group,
                                   held_on=timezone.localdate() + datetime.timedelta(days=1))


def test_an_action_owner_must_be_a_member_of_the_group(p: Personas) -> None:
    w = world(p)
    with pytest.raises(ValidationError) as exc:
        services.action_add(actor=p.contact_person, reflection=w.reflection, text="Noget", owner=p.outsider,
                            due=timezone.localdate())
    assert "owner" in exc.value.message_dict


def test_a_group_takes_only_staff_of_its_own_municipality(p: Personas) -> None:
    with pytest.raises(ValidationError):
        services.group_create(actor=p.leader, name="Blandet", kind="chain", members=[p.contact_person, p.stranger])


def test_a_competence_nobody_has_used_is_deleted(p: Personas) -> None:
    competence = services.competence_add(actor=p.leader, title="Karrierelæring", description="")
    assert services.competence_remove(actor=p.leader, competence=competence) == "deleted"
    assert not Competence.objects.filter(pk=competence.pk).exists()


def test_a_competence_in_use_is_archived_rather_than_deleted(p: Personas) -> None:
    competence = services.competence_add(actor=p.leader, title="Karrierelæring", description="")
    services.self_rating_save(actor=p.contact_person, levels={competence.pk: 2})
    assert services.competence_remove(actor=p.leader, competence=competence) == "archived"
    competence.refresh_from_db()
    assert competence.retired_at is not None
    assert SelfRating.objects.filter(competence=competence).exists()


def test_a_retired_competence_cannot_be_rated(p: Personas) -> None:
    competence = services.competence_add(actor=p.leader, title="Karrierelæring", description="")
    services.self_rating_save(actor=p.contact_person, levels={competence.pk: 2})
    services.competence_remove(actor=p.leader, competence=competence)
    with pytest.raises(ValidationError):
        services.self_rating_save(actor=p.colleague, levels={competence.pk: 3})


def test_self_ratings_are_updated_and_cleared(p: Personas) -> None:
    a = services.competence_add(actor=p.leader, title="A", description="")
    b = services.competence_add(actor=p.leader, title="B", description="")
    assert services.self_rating_save(actor=p.contact_person, levels={a.pk: 1, b.pk: 4}) == 2
    assert services.self_rating_save(actor=p.contact_person, levels={a.pk: 3, b.pk: None}) == 1
    assert SelfRating.objects.get(person=p.contact_person).level == 3


def test_a_development_item_needs_a_text_and_a_sensible_date(p: Personas) -> None:
    with pytest.raises(ValidationError):
        services.development_item_add(actor=p.contact_person, person=p.contact_person, text="  ",
                                      due=timezone.localdate())
    with pytest.raises(ValidationError):
        services.development_item_add(actor=p.contact_person, person=p.contact_person, text="Kursus",
                                      due=datetime.date(1900, 1, 1))
    assert not DevelopmentItem.objects.exists()
