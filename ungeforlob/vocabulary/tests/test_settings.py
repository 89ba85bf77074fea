"""Role descriptions (Min kæde), method tags, age bounds, organisations' approaches and the partner menu."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ungeforlob import policy
from ungeforlob.accounts.models import Organisation, Role, Sector
from ungeforlob.chain import services as chain_services
from ungeforlob.plans.models import Activity
from ungeforlob.plans.tests.factories import build_plan
from ungeforlob.portal.testing import youth_client
from ungeforlob.testing import Personas, cpr_for_age, make_user
from ungeforlob.vocabulary import selectors, services
from ungeforlob.vocabulary.defaults import ROLE_DEFAULTS
from ungeforlob.vocabulary.models import Approach, MethodTag, RoleDescription
from ungeforlob.youth.models import Youth
from ungeforlob.youth.services import youth_create

# --- roles -------------------------------------------------------------------------------------------------


def test_min_kaede_shows_the_municipalitys_own_role_text(p: Personas) -> None:
    services.role_description_save(actor=p.leader, role="jobkonsulent", version=0, staff_text="Hos os.",
                                   youth_helps="Finder praktik sammen med dig.", youth_not="Bestemmer ikke alene.",
                                   decides=False)
    page = youth_client(p.youth).get("/min-side/kaede/").content.decode()
    assert "Finder praktik sammen med dig." in page and "Bestemmer ikke alene." in page
    assert "Træffer ikke afgørelser om dig." in page


def test_min_kaede_falls_back_to_the_shipped_text(p: Personas) -> None:
    page = youth_client(p.youth).get("/min-side/kaede/").content.decode()
    assert str(ROLE_DEFAULTS["jobkonsulent"]["helps"]) in page


def test_the_default_texts_say_openly_where_support_and_authority_meet() -> None:
    for role in ("sagsbehandler", "socialraadgiver"):
        d = ROLE_DEFAULTS[role]
        assert d["decides"] and "støtte" in str(d["staff"]) and "samme person" in str(d["helps"])
    assert ROLE_DEFAULTS["jobkonsulent"]["decides"] and "bestemme" in str(ROLE_DEFAULTS["jobkonsulent"]["helps"])
    assert not ROLE_DEFAULTS["mentor"]["decides"]


def test_no_default_promises_one_municipalitys_practice() -> None:
    """Driving young people to appointments is Randers' practice, not a promise every municipality makes."""
    texts = " ".join(str(v) for d in ROLE_DEFAULTS.values() for v in d.values()).lower()
    assert "kør" not in texts and "henter dig" not in texts


def test_a_concurrent_role_edit_is_refused(p: Personas) -> None:
    services.role_description_save(actor=p.leader, role="mentor", version=0, staff_text="A", youth_helps="A")
    with pytest.raises(ValidationError) as exc:
        services.role_description_save(actor=p.administrator, role="mentor", version=0, staff_text="B",
                                       youth_helps="B")
    assert "Nogen har ændret det" in str(exc.value)
    assert RoleDescription.objects.get(municipality=p.municipality, role="mentor").staff_text == "A"


def test_resetting_a_role_brings_back_the_default(p: Personas, as_user) -> None:
    services.role_description_save(actor=p.leader, role="mentor", version=0, staff_text="A", youth_helps="A")
    as_user(p.leader).post("/faelles-sprog/roller/mentor/standard/")
    assert selectors.role_texts(p.municipality.pk)["mentor"]["helps"] == str(ROLE_DEFAULTS["mentor"]["helps"])


def test_an_unknown_role_is_not_found(p: Personas, as_user) -> None:
    assert as_user(p.leader).get("/faelles-sprog/roller/hokuspokus/").status_code == 404


# --- age bounds --------------------------------------------------------------------------------------------


def test_youth_creation_uses_the_municipalitys_age_bounds(p: Personas) -> None:
    """Varde starts in 8th grade: a 14-year-old can be registered once the lower bound is 14."""
    with pytest.raises(ValidationError) as exc:
        youth_create(actor=p.contact_person, first_name="Ida", last_name="Bach", cpr_number=cpr_for_age(14))
    assert "mellem 15 og 29 år" in str(exc.value)
    services.age_bounds_set(actor=p.leader, version=0, min_age=14, max_age=25, note="Fra 8. klasse")
    youth = youth_create(actor=p.contact_person, first_name="Ida", last_name="Bach", cpr_number=cpr_for_age(14))
    assert youth.pk
    with pytest.raises(ValidationError) as exc:
        youth_create(actor=p.contact_person, first_name="Ole", last_name="Bach", cpr_number=cpr_for_age(27))
    assert "mellem 14 og 25 år" in str(exc.value)


def test_the_youth_form_says_the_municipalitys_bounds(p: Personas, as_user) -> None:
    services.age_bounds_set(actor=p.leader, version=0, min_age=14, max_age=25)
    response = as_user(p.contact_person).post("/unge/ny/", {"first_name": "Ole", "last_name": "Bach",
                                                            "cpr": cpr_for_age(27)})
    assert "mellem 14 og 25 år" in response.content.decode()
    assert not Youth.objects.filter(first_name="Ole").exists()


def test_a_referral_uses_the_municipalitys_age_bounds(p: Personas) -> None:
    from ungeforlob.chain.tests.helpers import civil_partner

    partner = civil_partner(p)
    data = dict(first_name="Ditte", last_name="Juhl", problem="Vil gerne i gang.", youth_accepted=True,
                accepted_asked_by="Ahmad", accepted_on=timezone.localdate())
    with pytest.raises(ValidationError):
        chain_services.referral_submit(actor=partner, cpr_number=cpr_for_age(14), **data)
    services.age_bounds_set(actor=p.leader, version=0, min_age=14, max_age=29)
    referral, _created = chain_services.referral_submit(actor=partner, cpr_number=cpr_for_age(14), **data)
    assert referral.pk


@pytest.mark.parametrize(("low", "high", "field"), [("16", "15", "max_age"), ("5", "20", "min_age"),
                                                     ("x", "20", "min_age"), ("15", "99", "max_age")])
def test_it_refuses_impossible_age_bounds(p: Personas, low: str, high: str, field: str) -> None:
    with pytest.raises(ValidationError) as exc:
        services.age_bounds_set(actor=p.leader, version=0, min_age=low, max_age=high)
    assert field in exc.value.message_dict
    assert selectors.age_bounds(p.municipality.pk) == (15, 29)


def test_the_age_bounds_are_per_municipality(p: Personas) -> None:
    services.age_bounds_set(actor=p.leader, version=0, min_age=14, max_age=25)
    assert selectors.age_bounds(p.stranger.municipality_id) == (15, 29)


def test_a_professional_reads_but_may_not_change_the_age_bounds(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    assert "fra 15 til 29 år" in client.get("/faelles-sprog/maalgruppe/").content.decode()
    assert client.post("/faelles-sprog/maalgruppe/", {"min_age": "14", "max_age": "25", "version": "0"}
                       ).status_code == 403


# --- method tags -------------------------------------------------------------------------------------------


def test_a_new_method_is_offered_on_the_activity_form(p: Personas, as_user) -> None:
    services.method_tag_create(actor=p.leader, label="IPS", description="Individuelt planlagt job med støtte")
    build_plan(p.youth, p.contact_person, activities=1, evaluations=0)
    page = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/plan/aktivitet/ny/").content.decode()
    assert "IPS" in page and "Mestringsstrategier" in page


def test_a_method_in_use_is_retired_not_deleted_and_keeps_its_label(p: Personas, as_user) -> None:
    build_plan(p.youth, p.contact_person, activities=1, evaluations=0)  # uses kl_opdage and mestring
    services.method_tag_update(actor=p.leader, code="mestring", version=0, label="Mestring (lokalt)")
    assert services.method_tag_delete(actor=p.leader, code="mestring") is False
    tag = MethodTag.objects.get(municipality=p.municipality, code="mestring")
    assert tag.is_retired
    client = as_user(p.contact_person)
    assert "Mestring (lokalt)" in client.get(f"/unge/{p.youth.pk}/plan/").content.decode()
    activity = Activity.objects.filter(subgoal__goal__youth=p.youth).first()
    edit = client.get(f"/unge/{p.youth.pk}/plan/aktivitet/{activity.pk}/ret/").content.decode()
    assert "Mestring (lokalt)" in edit  # kept where already chosen
    assert services.method_tag_delete(actor=p.leader, code="kl_ordne") is True  # unused: really deleted


def test_a_retired_method_cannot_be_put_on_a_new_activity(p: Personas) -> None:
    from ungeforlob.plans import services as plan_services

    goal = build_plan(p.youth, p.contact_person, activities=0, evaluations=0)[0]
    subgoal = goal.subgoals.first()
    services.method_tag_update(actor=p.leader, code="motivation", version=0, label="Motivationsarbejde",
                               is_retired=True)
    with pytest.raises(ValidationError) as exc:
        plan_services.activity_create(youth=p.youth, subgoal=subgoal, actor=p.contact_person, title="Ny",
                                      reason="Hjælper", responsible="ung", methods=["motivation"])
    assert "methods" in exc.value.message_dict


def test_a_new_method_gets_a_code_of_its_own(p: Personas) -> None:
    first = services.method_tag_create(actor=p.leader, label="SeSiFU")
    with pytest.raises(ValidationError):
        services.method_tag_create(actor=p.leader, label="sesifu")
    assert first.code == "sesifu"
    assert services.method_tag_create(actor=p.leader, label="Ny").code == "ny-metode"
    assert MethodTag.objects.filter(municipality=p.municipality).count() == 8  # six shipped + two


def test_the_plan_page_keeps_a_constant_query_count_with_method_tags(p: Personas, as_user,
                                                                     count_queries: Callable) -> None:
    services.method_tag_create(actor=p.leader, label="IPS")
    client = as_user(p.contact_person)
    build_plan(p.youth, p.contact_person, goals=1, subgoals=1, activities=1, evaluations=0)
    few = count_queries(lambda: client.get(f"/unge/{p.youth.pk}/plan/"))
    build_plan(p.youth, p.contact_person, goals=2, subgoals=3, activities=3, evaluations=0)
    many = count_queries(lambda: client.get(f"/unge/{p.youth.pk}/plan/"))
    assert few == many


# --- approaches --------------------------------------------------------------------------------------------


def test_an_organisation_describes_its_approach_and_partners_read_it(p: Personas, as_user) -> None:
    as_user(p.contact_person).post(f"/kaedens-organisationer/{p.organisation.pk}/tilgang/",
                                   {"approach": "Vi møder de unge, hvor de er.", "methods": "Karrierelæring",
                                    "version": "0"})
    page = as_user(p.colleague).get(f"/kaedens-organisationer/{p.organisation.pk}/").content.decode()
    assert "Vi møder de unge, hvor de er." in page and "Karrierelæring" in page
    listing = as_user(p.outsider).get("/kaedens-organisationer/?q=hvor de er").content.decode()
    assert f'href="/kaedens-organisationer/{p.organisation.pk}/"' in listing
    assert f'href="/kaedens-organisationer/{p.colleague.organisation_id}/"' not in listing


def test_only_the_organisations_own_people_write_its_approach(p: Personas, as_user) -> None:
    url = f"/kaedens-organisationer/{p.organisation.pk}/tilgang/"
    assert as_user(p.colleague).post(url, {"approach": "X", "version": "0"}).status_code == 403
    assert as_user(p.leader).post(url, {"approach": "Lederens ord", "version": "0"}).status_code == 302
    assert Approach.objects.get(organisation=p.organisation).approach == "Lederens ord"
    with pytest.raises(PermissionDenied):
        services.approach_save(actor=p.stranger, organisation=p.organisation, version=1, approach="X")


def test_another_municipalitys_organisation_is_not_found(p: Personas, as_user) -> None:
    assert as_user(p.stranger).get(f"/kaedens-organisationer/{p.organisation.pk}/").status_code == 404
    assert as_user(p.contact_person).get("/kaedens-organisationer/99999999999999999999/").status_code == 404


def test_a_concurrent_approach_edit_is_refused(p: Personas) -> None:
    services.approach_save(actor=p.contact_person, organisation=p.organisation, version=0, approach="A")
    with pytest.raises(ValidationError):
        services.approach_save(actor=p.leader, organisation=p.organisation, version=0, approach="B")
    services.approach_save(actor=p.leader, organisation=p.organisation, version=1, approach="B")
    assert Approach.objects.get(organisation=p.organisation).approach == "B"


def test_the_organisation_list_has_a_constant_query_count(p: Personas, as_user, count_queries: Callable) -> None:
    client = as_user(p.outsider)
    few = count_queries(lambda: client.get("/kaedens-organisationer/"))
    for i in range(12):
        org = Organisation.objects.create(municipality=p.municipality, name=f"Partner {i}", sector=Sector.CIVIL)
        Approach.objects.create(organisation=org, approach="Vores tilgang")
    many = count_queries(lambda: client.get("/kaedens-organisationer/"))
    assert few == many


# --- partner staff's menu ----------------------------------------------------------------------------------


def _partner(p: Personas, sector: str = Sector.FGU) -> object:
    org = Organisation.objects.create(municipality=p.municipality, name=f"Partner {sector}", sector=sector)
    return make_user(f"partner-{sector}", p.municipality, org, profession="Lærer")


def _menu(client: object) -> str:
    page = client.get("/unge/").content.decode()
    return re.search(r'<nav class="app-mainnav".*?</nav>', page, re.S).group(0)


def test_partner_staff_get_a_menu_of_what_they_do(p: Personas, as_user) -> None:
    menu = _menu(as_user(_partner(p)))
    for shown in ("Mine unge", "Henvisninger", "I dag", "Notifikationer", "Kædemøder", "Fælles sprog"):
        assert shown in menu, shown
    for hidden in ("Bekymringer", "Overleveringer", "Tilbud", "Revurderinger"):
        assert hidden not in menu, hidden


def test_the_youth_efforts_staff_keep_the_whole_menu(p: Personas, as_user) -> None:
    menu = _menu(as_user(p.contact_person))
    for shown in ("Mine unge", "Bekymringer", "Henvisninger", "Overleveringer", "Tilbud", "Revurderinger",
                  "Fælles sprog"):
        assert shown in menu, shown


def test_who_is_partner_staff(p: Personas) -> None:
    assert policy.is_partner(_partner(p, Sector.CIVIL)) and policy.is_partner(_partner(p, Sector.EUD))
    assert not policy.is_partner(p.contact_person)  # UU/KUI
    assert not policy.is_partner(p.colleague)  # the job centre
    fgu_leader = make_user("fguleder", p.municipality, Organisation.objects.get(name=f"Partner {Sector.EUD}"),
                           role=Role.LEADER)
    assert not policy.is_partner(fgu_leader)
    assert not policy.is_partner(None)


# --- demo --------------------------------------------------------------------------------------------------


def test_the_demo_loads_the_shared_language_once(db: None) -> None:
    from ungeforlob.demo.loader import load_demo
    from ungeforlob.vocabulary.models import Term

    load_demo()
    counts = (Term.objects.count(), MethodTag.objects.count(), Approach.objects.count())
    load_demo()
    assert counts == (Term.objects.count(), MethodTag.objects.count(), Approach.objects.count())
    assert counts[0] >= 29 and MethodTag.objects.filter(label="IPS").exists() and counts[2] == 3
