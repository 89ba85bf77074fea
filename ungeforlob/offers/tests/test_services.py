"""Writes: the catalogue (administrators), imports, assessments, and linking an activity to an offer."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.offers import services
from ungeforlob.offers.models import ImportStatus, Offer, PracticeAssessment
from ungeforlob.offers.selectors import practice_profile
from ungeforlob.offers.tests.factories import make_activity, make_offer
from ungeforlob.plans.models import ActivityStatus, PlanChange
from ungeforlob.testing import Personas

GOOD_CSV = (
    "code,name,context,sector,age_min,age_max,readiness,needs,capacity\n"
    "mentor,Mentorforløb,Testkommune,civilsamfund,15,25,kontaktparat|vejledningsparat,angst|mentor,12\n"
    "bro,Brobygning,Testkommune,fgu,16,24,valgparat,,20\n"
)


def _import(p: Personas, text: str, name: str = "tilbud.csv"):
    job = services.offer_import_start(actor=p.administrator, file_name=name, data=text.encode())
    return services.offer_import_run(actor=p.administrator, job=job)


def test_it_imports_a_csv(p: Personas) -> None:
    job = _import(p, GOOD_CSV)
    assert (job.status, job.created_count, job.updated_count, job.errors) == (ImportStatus.DONE, 2, 0, [])
    mentor = Offer.objects.get(municipality=p.municipality, code="mentor")
    assert (mentor.age_min, mentor.age_max, mentor.capacity, mentor.sector) == (15, 25, 12, "civilsamfund")
    assert mentor.readiness == "kontaktparat vejledningsparat"
    assert sorted(t.name for t in mentor.need_tags.all()) == ["angst", "mentor"]


def test_reimporting_updates_instead_of_duplicating(p: Personas) -> None:
    _import(p, GOOD_CSV)
    job = _import(p, GOOD_CSV.replace("Mentorforløb", "Mentorforløb for unge").replace(",12\n", ",14\n"))
    assert (job.created_count, job.updated_count) == (0, 2)
    assert Offer.objects.filter(municipality=p.municipality).count() == 2
    mentor = Offer.objects.get(code="mentor")
    assert (mentor.name, mentor.capacity) == ("Mentorforløb for unge", 14)


def test_reimporting_without_codes_matches_on_name_and_owner(p: Personas) -> None:
    text = "name,context,focus\nUnge på vej,Herning Kommune,A\nUnge på vej,Viborg Kommune,B\n"
    _import(p, text)
    job = _import(p, text.replace(",A\n", ",A2\n"))
    assert (job.created_count, job.updated_count) == (0, 2)
    assert Offer.objects.get(context="Herning Kommune").focus == "A2"


def test_columns_missing_from_the_file_are_left_unchanged(p: Personas) -> None:
    _import(p, GOOD_CSV)
    _import(p, "code,name,focus\nmentor,Mentorforløb,Nyt formål\n")
    mentor = Offer.objects.get(code="mentor")
    assert (mentor.focus, mentor.capacity, mentor.need_tags.count()) == ("Nyt formål", 12, 2)


def test_every_bad_row_is_reported_with_its_line_and_the_rest_is_imported(p: Personas) -> None:
    text = (
        "name,age_min,age_max,readiness\n"
        "God række,15,25,valgparat\n"
        ",15,25,\n"
        "Forkert alder,tyve,25,\n"
        "Ukendt niveau,,,superparat\n"
        "Endnu en god,,,\n"
        "God række,16,20,\n"
    )
    job = _import(p, text)
    assert job.created_count == 2
    assert [e["line"] for e in job.errors] == [3, 4, 5, 7]
    reasons = {e["line"]: e["reason"] for e in job.errors}
    assert reasons[3] == "Navn mangler"
    assert "Alder fra skal være et helt tal" in reasons[4]
    assert "Ukendt parathedsniveau »superparat«" in reasons[5]
    assert reasons[7] == "Samme tilbud som linje 2 i filen"
    assert set(Offer.objects.values_list("name", flat=True)) == {"God række", "Endnu en god"}


def test_a_long_file_is_imported_in_chunks_with_progress(p: Personas) -> None:
    rows = "".join(f"Tilbud {i},{i % 10 + 15}\n" for i in range(60))
    job = services.offer_import_start(actor=p.administrator, file_name="lang.csv", data=("name,age_min\n" + rows).encode())
    job = services.offer_import_step(actor=p.administrator, job=job)
    assert (job.status, job.processed, job.total, job.percent) == (ImportStatus.RUNNING, 25, 60, 42)
    job = services.offer_import_run(actor=p.administrator, job=job)
    assert (job.status, job.processed, job.created_count, job.rows) == (ImportStatus.DONE, 60, 60, [])
    # A finished job does nothing more when polled again.
    assert services.offer_import_step(actor=p.administrator, job=job).created_count == 60


def test_the_worker_finishes_an_import_whose_page_was_closed(p: Personas) -> None:
    rows = "".join(f"Tilbud {i},{i % 10 + 15}\n" for i in range(30))
    job = services.offer_import_start(actor=p.administrator, file_name="lang.csv", data=("name,age_min\n" + rows).encode())
    empty = services.offer_import_start(actor=p.administrator, file_name="tom.csv", data=b"name\n")
    assert empty.status == ImportStatus.DONE
    assert services.offer_imports_advance() == 25
    job.refresh_from_db()
    assert (job.status, job.processed) == (ImportStatus.RUNNING, 25)
    assert services.offer_imports_advance() == 5
    job.refresh_from_db()
    assert (job.status, job.created_count, job.rows) == (ImportStatus.DONE, 30, [])
    assert set(Offer.objects.values_list("created_by", flat=True)) == {p.administrator.pk}
    assert AuditEvent.objects.filter(object_type="tilbud_import", object_id=str(job.pk),
                                     action=AuditAction.UPDATE, actor=p.administrator).exists()
    # Nothing left: a second run does nothing.
    assert services.offer_imports_advance() == 0
    assert Offer.objects.count() == 30


def test_unknown_columns_are_named_but_do_not_reject_rows(p: Personas) -> None:
    job = _import(p, "name,farve\nMentor,blå\n")
    assert job.created_count == 1 and job.errors == []
    assert "farve" in job.notices[0]


def test_an_unreadable_file_is_refused_with_a_danish_message_and_nothing_is_queued(p: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        services.offer_import_start(actor=p.administrator, file_name="x.xlsx", data=b"junk")
    assert "Excel" in exc.value.message_dict["file"][0]


def test_only_an_administrator_may_import(p: Personas) -> None:
    with pytest.raises(PermissionDenied):
        services.offer_import_start(actor=p.contact_person, file_name="t.csv", data=GOOD_CSV.encode())


def test_it_creates_and_updates_an_offer_with_an_audit_row(p: Personas) -> None:
    offer = services.offer_create(actor=p.administrator, values={"name": "Mentor", "context": "Testkommune"},
                                  needs=["angst"])
    assert offer.code == "mentor-testkommune"
    services.offer_update(actor=p.administrator, offer=offer, values={"name": "Mentor", "capacity": 3}, needs=[])
    offer.refresh_from_db()
    assert offer.capacity == 3 and offer.need_tags.count() == 0
    events = AuditEvent.objects.filter(object_type="offer", object_id=str(offer.pk))
    assert set(events.values_list("action", flat=True)) == {AuditAction.CREATE, AuditAction.UPDATE}
    assert events.get(action=AuditAction.UPDATE).detail["felter"] == ["capacity"]


def test_a_double_submission_does_not_create_a_second_offer(p: Personas) -> None:
    services.offer_create(actor=p.administrator, values={"name": "Mentor", "context": "Testkommune"}, needs=[])
    with pytest.raises(ValidationError) as exc:
        services.offer_create(actor=p.administrator, values={"name": "mentor ", "context": "Testkommune"}, needs=[])
    assert "findes allerede" in exc.value.message_dict["name"][0]
    assert Offer.objects.count() == 1


def test_an_offer_whose_key_is_taken_gets_its_own_code(p: Personas) -> None:
    make_offer(p.municipality, "Importeret", code="mentor")
    offer = services.offer_create(actor=p.administrator, values={"name": "Mentor"}, needs=[])
    assert offer.code == "mentor-2"


def test_it_refuses_an_age_range_backwards(p: Personas) -> None:
    with pytest.raises(ValidationError):
        services.offer_create(actor=p.administrator, values={"name": "X", "age_min": 20, "age_max": 18}, needs=[])


def test_a_professional_may_not_write_the_catalogue(p: Personas) -> None:
    with pytest.raises(PermissionDenied):
        services.offer_create(actor=p.contact_person, values={"name": "X"}, needs=[])


def test_it_refuses_to_delete_a_used_offer_but_retires_it(p: Personas) -> None:
    offer = make_offer(p.municipality)
    make_activity(p.youth, offer=offer)
    with pytest.raises(ValidationError):
        services.offer_delete(actor=p.administrator, offer=offer)
    services.offer_set_active(actor=p.administrator, offer=offer, active=False)
    assert Offer.objects.get(pk=offer.pk).is_active is False


def test_it_deletes_an_unused_offer(p: Personas) -> None:
    offer = make_offer(p.municipality)
    services.offer_delete(actor=p.administrator, offer=offer)
    assert not Offer.objects.filter(pk=offer.pk).exists()


def test_the_practice_profile_has_all_eleven_elements_in_order(p: Personas) -> None:
    offer = make_offer(p.municipality)
    services.assessment_save(actor=p.administrator, offer=offer, ratings={"virkning": (3, "65 % i job"),
                                                                          "oekonomi": (1, "")})
    profile = practice_profile(offer)
    assert [e.label for e in profile][:3] == ["Teori og viden", "Virkning", "Beskrivelse"]
    assert len(profile) == 11
    assert {e.element: (e.rating, e.evidence) for e in profile}["virkning"] == (3, "65 % i job")
    services.assessment_save(actor=p.administrator, offer=offer, ratings={"virkning": (2, "")})
    assert PracticeAssessment.objects.filter(offer=offer).count() == 2


def test_it_refuses_a_rating_outside_the_scale(p: Personas) -> None:
    offer = make_offer(p.municipality)
    with pytest.raises(ValidationError):
        services.assessment_save(actor=p.administrator, offer=offer, ratings={"virkning": (7, "")})


def test_it_links_an_activity_to_an_offer_through_the_plan_history(p: Personas) -> None:
    offer = make_offer(p.municipality, capacity=5)
    activity = make_activity(p.youth)
    linked, full = services.activity_link_offer(actor=p.contact_person, youth=p.youth, activity_id=activity.pk,
                                                offer=offer)
    assert (linked.offer_id, full, linked.version) == (offer.pk, False, activity.version + 1)
    assert PlanChange.objects.filter(youth=p.youth, object_type="activity", object_id=activity.pk).exists()


def test_it_links_but_warns_when_the_offer_is_full(p: Personas) -> None:
    offer = make_offer(p.municipality, capacity=1, waiting_list=3)
    make_activity(p.other_youth, offer=offer, status=ActivityStatus.IN_PROGRESS)
    activity = make_activity(p.youth)
    linked, full = services.activity_link_offer(actor=p.contact_person, youth=p.youth, activity_id=activity.pk,
                                                offer=offer)
    assert full is True and linked.offer_id == offer.pk


def test_places_taken_by_finished_activities_are_free_again(p: Personas) -> None:
    offer = make_offer(p.municipality, capacity=1)
    make_activity(p.other_youth, offer=offer, status=ActivityStatus.DONE)
    _linked, full = services.activity_link_offer(actor=p.contact_person, youth=p.youth,
                                                 activity_id=make_activity(p.youth).pk, offer=offer)
    assert full is False


def test_it_refuses_to_link_another_youths_activity(p: Personas) -> None:
    offer = make_offer(p.municipality)
    others = make_activity(p.other_youth)
    with pytest.raises(ValidationError):
        services.activity_link_offer(actor=p.contact_person, youth=p.youth, activity_id=others.pk, offer=offer)
    others.refresh_from_db()
    assert others.offer_id is None


def test_it_refuses_a_retired_offer_and_one_of_another_municipality(p: Personas) -> None:
    from ungeforlob.accounts.models import Municipality

    activity = make_activity(p.youth)
    retired = make_offer(p.municipality, "Gammelt", is_active=False)
    foreign = make_offer(Municipality.objects.get(code="nabo"), "Fremmed")
    for offer in (retired, foreign):
        with pytest.raises(ValidationError):
            services.activity_link_offer(actor=p.contact_person, youth=p.youth, activity_id=activity.pk, offer=offer)


def test_only_someone_who_may_edit_the_youth_may_link(p: Personas) -> None:
    activity = make_activity(p.youth)
    with pytest.raises(PermissionDenied):
        services.activity_link_offer(actor=p.outsider, youth=p.youth, activity_id=activity.pk,
                                     offer=make_offer(p.municipality))


def test_it_unlinks(p: Personas) -> None:
    offer = make_offer(p.municipality)
    activity = make_activity(p.youth, offer=offer)
    linked, _full = services.activity_link_offer(actor=p.contact_person, youth=p.youth, activity_id=activity.pk,
                                                 offer=None)
    assert linked.offer_id is None


def test_the_demo_links_plan_activities_to_offers_once(p: Personas) -> None:
    from ungeforlob.offers import demo

    offer = make_offer(p.municipality, "Mentorforløb i Gadeplan", code="mentorforloeb-gadeplan")
    activity = make_activity(p.youth, "Øve busturen med mentor")
    make_activity(p.youth, "Noget helt andet")
    assert demo.link_activities(municipality=p.municipality, staff={}, orgs={}) == 1
    activity.refresh_from_db()
    assert activity.offer_id == offer.pk
    # A re-run links nothing more while the demo has links.
    make_activity(p.youth, "Øve busturen med mentor")
    assert demo.link_activities(municipality=p.municipality, staff={}, orgs={}) == 0
