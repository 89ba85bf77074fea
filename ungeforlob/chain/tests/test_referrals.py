import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ungeforlob import policy
from ungeforlob.chain import services
from ungeforlob.chain.models import ChainRole, Referral, ReferralStatus
from ungeforlob.chain.tests.helpers import civil_partner
from ungeforlob.testing import Personas, cpr_for_age
from ungeforlob.youth import cpr
from ungeforlob.youth.models import Youth


def _submit(partner, number: str | None = None, **kw):
    data = dict(first_name="Ditte", last_name="Juhl", cpr_number=number or cpr_for_age(18),
                problem="Sidder hjemme og vil gerne i gang.", youth_accepted=True, accepted_asked_by="Ahmad",
                accepted_on=timezone.localdate())
    data.update(kw)
    return services.referral_submit(actor=partner, **data)


def test_a_partner_refers_a_youth_who_has_accepted(p: Personas) -> None:
    referral, created = _submit(civil_partner(p))
    assert created and referral.status == ReferralStatus.PENDING
    assert referral.organisation_name == "Foreningen Gadeplan"
    assert referral.cpr_encrypted and "-" not in referral.cpr_hash


def test_it_refuses_a_referral_without_the_youths_acceptance(p: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        _submit(civil_partner(p), youth_accepted=False, accepted_asked_by="",
                accepted_on=timezone.localdate() + datetime.timedelta(days=1))
    assert {"youth_accepted", "accepted_asked_by", "accepted_on"} <= set(exc.value.message_dict)


def test_double_posts_do_not_duplicate(p: Personas) -> None:
    partner = civil_partner(p)
    number = cpr_for_age(18)
    first, _ = _submit(partner, number, idempotency_key="7c9e6679-7425-40de-944b-e07fc1f90ae7")
    again, created = _submit(partner, number, idempotency_key="7c9e6679-7425-40de-944b-e07fc1f90ae7")
    third, created3 = _submit(partner, number)  # same youth, new form: still the pending one
    assert first == again == third and not created and not created3
    assert Referral.objects.count() == 1


def test_the_queue_is_for_intake_and_oldest_first(p: Personas, as_user) -> None:
    partner = civil_partner(p)
    older, _ = _submit(partner, first_name="Ældst")
    Referral.objects.filter(pk=older.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=7))
    _submit(partner, first_name="Nyest")
    body = as_user(p.contact_person).get("/henvisninger/").content.decode()
    assert body.index("Ældst") < body.index("Nyest")
    assert as_user(partner).get("/henvisninger/").status_code == 403
    assert as_user(p.leader).get("/henvisninger/").status_code == 403


def test_a_uu_professional_of_another_municipality_sees_an_empty_queue(p: Personas, as_user) -> None:
    _submit(civil_partner(p))
    body = as_user(p.stranger).get("/henvisninger/").content.decode()
    assert "Ditte" not in body and "ingen henvisninger" in body
    assert as_user(p.stranger).get(f"/henvisninger/{Referral.objects.get().pk}/").status_code == 404


def test_accepting_creates_the_youth_with_a_course_and_contact_person(p: Personas) -> None:
    referral, _ = _submit(civil_partner(p))
    youth = services.referral_accept(actor=p.contact_person, referral=referral, contact_person=p.contact_person)
    assert youth.courses.filter(end_date__isnull=True).exists()
    assert policy.can(p.contact_person, policy.Action.CONTACT_PERSON, youth)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED and referral.youth == youth
    with pytest.raises(ValidationError, match="allerede behandlet"):
        services.referral_accept(actor=p.contact_person, referral=referral, contact_person=p.contact_person)


def test_accepting_can_assign_another_contact_person(p: Personas) -> None:
    from ungeforlob.chain.tests.helpers import uu_colleague

    kasper = uu_colleague(p)
    referral, _ = _submit(civil_partner(p))
    youth = services.referral_accept(actor=p.contact_person, referral=referral, contact_person=kasper)
    assert policy.can(kasper, policy.Action.CONTACT_PERSON, youth)
    assert not policy.can(p.contact_person, policy.Action.VIEW, youth)
    assert youth.notices.filter(kind="kaede_ny").exists()


def test_accepting_links_a_known_youth_by_cpr(p: Personas) -> None:
    number = cpr.decrypt(p.youth.cpr_encrypted)
    referral, _ = _submit(civil_partner(p), number, first_name="Josefine", last_name="H.")
    youth = services.referral_accept(actor=p.contact_person, referral=referral, contact_person=p.colleague)
    assert youth == p.youth
    assert Youth.objects.filter(cpr_hash=p.youth.cpr_hash).count() == 1
    # The youth already had a contact person: that one is kept.
    assert policy.can(p.contact_person, policy.Action.CONTACT_PERSON, p.youth)
    assert p.youth.memberships.filter(role=ChainRole.CONTACT_PERSON, end_date__isnull=True).count() == 1


def test_declining_requires_a_reason(p: Personas) -> None:
    referral, _ = _submit(civil_partner(p))
    with pytest.raises(ValidationError):
        services.referral_decline(actor=p.contact_person, referral=referral, reason=" ")
    services.referral_decline(actor=p.contact_person, referral=referral, reason="Hører til nabokommunen")
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DECLINED


def test_the_referrer_sees_the_status_without_details(p: Personas, as_user) -> None:
    partner = civil_partner(p)
    referral, _ = _submit(partner)
    services.referral_decline(actor=p.contact_person, referral=referral, reason="Hemmelig intern grund")
    body = as_user(partner).get("/henvisninger/mine/").content.decode()
    assert "Ditte" in body and "Afvist" in body
    assert "Hemmelig" not in body and "Juhl" not in body and "Sidder hjemme" not in body
    assert partner.notifications.filter(kind="henvisning").exists()
    # ... and the partner is not in the circle and sees nothing else.
    assert as_user(partner).get(f"/henvisninger/{referral.pk}/").status_code == 403


def test_a_partner_submits_through_the_form_and_a_double_post_is_caught(p: Personas, as_user) -> None:
    partner = civil_partner(p)
    c = as_user(partner)
    form = c.get("/henvisninger/ny/")
    key = form.context["form"].initial["key"]
    data = {"key": key, "first_name": "Omar", "last_name": "Khalil", "cpr": cpr_for_age(17),
            "problem": "Ingen uddannelse.", "youth_accepted": "on", "accepted_asked_by": "Ahmad",
            "accepted_on": timezone.localdate().isoformat(), "mobile": "20 12 34 56"}
    assert c.post("/henvisninger/ny/", data).status_code == 302
    assert c.post("/henvisninger/ny/", data).status_code == 302
    assert Referral.objects.count() == 1
    assert Referral.objects.get().mobile == "+4520123456"


def test_intake_accepts_through_the_page(p: Personas, as_user) -> None:
    referral, _ = _submit(civil_partner(p))
    c = as_user(p.contact_person)
    assert "Modtag henvisningen" in c.get(f"/henvisninger/{referral.pk}/").content.decode()
    assert c.post(f"/henvisninger/{referral.pk}/afvis/", {"reason": ""}).status_code == 400
    response = c.post(f"/henvisninger/{referral.pk}/modtag/", {"contact_person": p.contact_person.pk})
    assert response.status_code == 302
    assert c.post(f"/henvisninger/{referral.pk}/modtag/", {"contact_person": p.contact_person.pk}).status_code == 400


def test_the_queue_has_a_constant_query_count(p: Personas, as_user, count_queries) -> None:
    partner = civil_partner(p)
    c = as_user(p.contact_person)
    pc = as_user(partner)
    _submit(partner)
    small = count_queries(lambda: c.get("/henvisninger/"))
    mine_small = count_queries(lambda: pc.get("/henvisninger/mine/"))
    for _i in range(10):
        _submit(partner)
    large = count_queries(lambda: c.get("/henvisninger/"))
    mine_large = count_queries(lambda: pc.get("/henvisninger/mine/"))
    assert small == large, (small, large)
    assert mine_small == mine_large, (mine_small, mine_large)


# --- without a CPR number ------------------------------------------------------------------------------


def _birth_for_age(age: int) -> datetime.date:
    return cpr.birth_date(cpr.normalize_cpr(cpr_for_age(age)))


def test_a_partner_who_does_not_know_the_cpr_number_refers_with_the_birth_date(p: Personas) -> None:
    born = _birth_for_age(17)
    partner = civil_partner(p)
    referral, created = _submit(partner, cpr_number="", birth_date=born)
    assert created and not referral.has_cpr and referral.birth_date == born
    assert referral.cpr_encrypted == "" and referral.cpr_hash == ""
    # Two different young people without CPR from the same partner are both kept ...
    other, created_other = _submit(partner, cpr_number="", birth_date=born, first_name="Sanne")
    assert created_other and other != referral
    # ... and the same one again is the pending referral, not a duplicate.
    again, created_again = _submit(partner, cpr_number="", birth_date=born)
    assert again == referral and not created_again


@pytest.mark.parametrize(("data", "field"), [
    ({"cpr_number": "", "birth_date": None}, "cpr"),
    ({"cpr_number": "", "birth_date": "ikke en dato"}, "cpr"),
    ({"cpr_number": "", "birth_date": datetime.date(1980, 1, 1)}, "birth_date"),
])
def test_without_cpr_the_birth_date_is_required_and_checked(p: Personas, data: dict, field: str) -> None:
    with pytest.raises(ValidationError) as exc:
        _submit(civil_partner(p), **data)
    assert field in exc.value.message_dict
    assert not Referral.objects.exists()


def test_accepting_a_referral_without_cpr_asks_for_a_number_that_fits_the_birth_date(p: Personas) -> None:
    number = cpr_for_age(17)
    referral, _ = _submit(civil_partner(p), cpr_number="", birth_date=cpr.birth_date(cpr.normalize_cpr(number)))
    with pytest.raises(ValidationError, match="intet CPR-nummer"):
        services.referral_accept(actor=p.contact_person, referral=referral, contact_person=p.contact_person)
    with pytest.raises(ValidationError, match="passer ikke med fødselsdatoen"):
        services.referral_accept(actor=p.contact_person, referral=referral, contact_person=p.contact_person,
                                 cpr_number=cpr_for_age(20))
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.PENDING  # nothing half-done
    youth = services.referral_accept(actor=p.contact_person, referral=referral, contact_person=p.contact_person,
                                     cpr_number=number)
    assert youth.cpr_hash == cpr.lookup_hash(cpr.normalize_cpr(number))
    assert policy.can(p.contact_person, policy.Action.CONTACT_PERSON, youth)


def test_the_forms_take_a_referral_without_cpr_end_to_end(p: Personas, as_user) -> None:
    number = cpr_for_age(16)
    partner = as_user(civil_partner(p))
    key = partner.get("/henvisninger/ny/").context["form"].initial["key"]
    base = {"key": key, "first_name": "Omar", "last_name": "Khalil", "problem": "Ingen uddannelse.",
            "youth_accepted": "on", "accepted_asked_by": "Ahmad", "accepted_on": timezone.localdate().isoformat()}
    response = partner.post("/henvisninger/ny/", base)
    assert response.status_code == 200 and "Skriv den unges CPR-nummer eller fødselsdato." in response.content.decode()
    born = cpr.birth_date(cpr.normalize_cpr(number))
    assert partner.post("/henvisninger/ny/", {**base, "birth_date": born.isoformat()}).status_code == 302
    referral = Referral.objects.get()
    intake = as_user(p.contact_person)
    page = intake.get(f"/henvisninger/{referral.pk}/").content.decode()
    assert "Ikke oplyst" in page and 'name="cpr_number"' in page
    response = intake.post(f"/henvisninger/{referral.pk}/modtag/", {"contact_person": p.contact_person.pk})
    assert response.status_code == 400 and "intet CPR-nummer" in response.content.decode()
    response = intake.post(f"/henvisninger/{referral.pk}/modtag/",
                           {"contact_person": p.contact_person.pk, "cpr_number": number})
    assert response.status_code == 302
    assert Youth.objects.filter(cpr_hash=cpr.lookup_hash(cpr.normalize_cpr(number))).exists()
