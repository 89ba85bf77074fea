"""The flows end to end with the fakes: "Hent fra CPR" when registering a young person, and Min plan and meeting
invitations to Digital Post (the young person's, and under 18 the custodians'), audited with their purpose."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.notifications.models import YouthNotice
from ungeforlob.serviceplatform import services
from ungeforlob.serviceplatform.fake import fake_register_seed
from ungeforlob.serviceplatform.models import FakeMessage, FakePerson, Letter, LetterKind, RecipientRole
from ungeforlob.serviceplatform.tests.conftest import KNOWN_CPR, UNKNOWN_CPR
from ungeforlob.serviceplatform.tests.factories import world
from ungeforlob.testing import Personas, add_member, client_for, make_youth, youth_session_client
from ungeforlob.youth import cpr

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _fake(fake_adapter: None) -> None:
    """Every test here runs against the local fakes (the register holds the test persons)."""


def _minor(p: Personas) -> Any:
    youth = make_youth(p.contact_person, first_name="Ida", last_name="Juul", age=16)
    add_member(youth, p.reader, "laerer")
    fake_register_seed(youths=type(youth).objects.filter(pk=youth.pk))
    return youth


# --- Hent fra CPR --------------------------------------------------------------------------------------------


def test_hent_fra_cpr_fills_in_the_name_and_shows_the_address(p: Personas) -> None:
    response = client_for(p.contact_person).post("/unge/ny/hent-fra-cpr/", {"cpr": "010310-4234", "mobile": "x"},
                                                 **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_first_name"' in html and 'value="Sofie"' in html and 'hx-swap-oob="true"' in html
    assert 'value="Testmark"' in html
    assert "Kirkevej 4, 6800 Varde" in html


def test_hent_fra_cpr_is_audited_with_its_purpose_and_holds_no_number(p: Personas) -> None:
    client_for(p.contact_person).post("/unge/ny/hent-fra-cpr/", {"cpr": KNOWN_CPR}, **HTMX)
    event = AuditEvent.objects.get(object_type="cpr_lookup")
    assert event.action == AuditAction.READ and event.actor_id == p.contact_person.pk
    assert event.purpose == services.PURPOSE_CREATE
    assert KNOWN_CPR not in str(event.detail) and event.detail["found"] is True


def test_looking_up_a_registered_young_person_shows_on_their_hvem_har_kigget(p: Personas) -> None:
    fake_register_seed(youths=type(p.youth).objects.filter(pk=p.youth.pk))
    client_for(p.outsider).post("/unge/ny/hent-fra-cpr/", {"cpr": p.youth.cpr_reveal()}, **HTMX)
    assert AuditEvent.objects.filter(object_type="cpr_lookup", youth_id=p.youth.pk, actor=p.outsider).exists()


def test_an_unknown_number_is_ikke_fundet_and_the_lookup_is_still_logged(p: Personas) -> None:
    response = client_for(p.contact_person).post("/unge/ny/hent-fra-cpr/", {"cpr": UNKNOWN_CPR}, **HTMX)
    assert response.status_code == 200 and "ikke fundet i CPR" in response.content.decode()
    assert 'hx-swap-oob' not in response.content.decode()
    assert AuditEvent.objects.get(object_type="cpr_lookup").detail["found"] is False


@pytest.mark.parametrize("bad", ["", "12", "999999-9999", "x" * 500])
def test_a_malformed_number_gets_a_danish_message_not_an_error_page(p: Personas, bad: str) -> None:
    response = client_for(p.contact_person).post("/unge/ny/hent-fra-cpr/", {"cpr": bad}, **HTMX)
    assert response.status_code == 200 and "CPR-nummeret" in response.content.decode()


def test_without_htmx_the_whole_form_comes_back_filled_in_and_still_registers(p: Personas) -> None:
    response = client_for(p.contact_person).post("/unge/ny/hent-fra-cpr/", {"cpr": "010310-4234",
                                                                              "email": "sofie@example.dk"})
    html = response.content.decode()
    assert response.status_code == 200 and 'action="/unge/ny/"' in html
    assert 'value="Sofie"' in html and 'value="sofie@example.dk"' in html and "Kirkevej 4" in html


def test_the_create_page_offers_hent_fra_cpr(p: Personas) -> None:
    html = client_for(p.contact_person).get("/unge/ny/").content.decode()
    assert "Hent fra CPR" in html and 'hx-post="/unge/ny/hent-fra-cpr/"' in html


@pytest.mark.parametrize("who", ["leader", "administrator"])
def test_leaders_and_administrators_cannot_look_anyone_up(p: Personas, who: str) -> None:
    response = client_for(getattr(p, who)).post("/unge/ny/hent-fra-cpr/", {"cpr": KNOWN_CPR}, **HTMX)
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(object_type="cpr_lookup").exists()


# --- Min plan to Digital Post -----------------------------------------------------------------------------------


def test_the_plan_page_offers_sending_to_digital_post_to_those_who_may_edit(p: Personas) -> None:
    assert "/digital-post/plan/" in client_for(p.contact_person).get(f"/unge/{p.youth.pk}/plan/del/").content.decode()
    assert "/digital-post/plan/" not in client_for(p.reader).get(f"/unge/{p.youth.pk}/plan/del/").content.decode()


def test_sending_the_plan_puts_the_pdf_in_the_young_persons_digital_post(p: Personas) -> None:
    response = client_for(p.contact_person).post(f"/unge/{p.youth.pk}/digital-post/plan/", {"submission": "a1"})
    assert response.status_code == 302 and response["Location"] == f"/unge/{p.youth.pk}/plan/del/"
    (letter,) = Letter.objects.filter(youth=p.youth)
    assert (letter.kind, letter.recipient_role, letter.adapter) == (LetterKind.PLAN, RecipientRole.YOUTH, "fake")
    message = FakeMessage.objects.get(message_uuid=letter.message_id)
    assert cpr.decrypt(message.recipient_cpr_encrypted) == p.youth.cpr_reveal().replace("-", "")
    attachment = message.attachments.get()
    assert attachment.filename == "min-plan.pdf" and bytes(attachment.content).startswith(b"%PDF")
    assert "<memo:recipientID>" in message.memo_xml or "recipientID" in message.memo_xml


def test_sending_the_plan_is_audited_with_its_purpose_and_told_to_the_young_person(p: Personas) -> None:
    client_for(p.contact_person).post(f"/unge/{p.youth.pk}/digital-post/plan/", {"submission": "a1"})
    event = AuditEvent.objects.get(object_type="digital_post", action=AuditAction.EXPORT)
    assert (event.action, event.youth_id, event.purpose) == (AuditAction.EXPORT, p.youth.pk,
                                                             "Min plan sendt til Digital Post")
    notice = YouthNotice.objects.get(youth=p.youth, kind="digital_post")
    assert "Digital Post" in notice.text
    assert "Digital Post" in youth_session_client(p.youth).get("/min-side/").content.decode()
    timeline = client_for(p.contact_person).get(f"/unge/{p.youth.pk}/tidslinje/").content.decode()
    assert "Brev sendt til den unges Digital Post" in timeline


def test_under_18_the_plan_also_goes_to_each_holder_of_custody(p: Personas) -> None:
    ida = _minor(p)
    client_for(p.contact_person).post(f"/unge/{ida.pk}/digital-post/plan/", {"submission": "a1"})
    letters = Letter.objects.filter(youth=ida)
    assert sorted(letters.values_list("recipient_role", flat=True)) == ["foraelder", "foraelder", "ung"]
    assert FakeMessage.objects.count() == 3
    assert AuditEvent.objects.filter(object_type="cpr_lookup", youth_id=ida.pk,
                                     purpose=services.PURPOSE_CUSTODY).count() == 1
    assert "og til dine forældres" in YouthNotice.objects.get(youth=ida, kind="digital_post").text


def test_under_18_without_an_answer_from_the_register_nothing_is_sent(p: Personas,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from ungeforlob.serviceplatform.adapters import PersonNotFound
    from ungeforlob.serviceplatform.fake import FakeCprRegister

    def not_found(self: Any, number: str) -> Any:
        raise PersonNotFound

    ida = _minor(p)
    monkeypatch.setattr(FakeCprRegister, "lookup", not_found)
    response = client_for(p.contact_person).post(f"/unge/{ida.pk}/digital-post/plan/", {"submission": "a1"})
    assert response.status_code == 200 and "forældremyndigheden kunne ikke hentes" in response.content.decode()
    assert not Letter.objects.exists() and not FakeMessage.objects.exists()


def test_a_double_submission_sends_once(p: Personas) -> None:
    client = client_for(p.contact_person)
    client.post(f"/unge/{p.youth.pk}/digital-post/plan/", {"submission": "same"})
    response = client.post(f"/unge/{p.youth.pk}/digital-post/plan/", {"submission": "same"})
    assert response.status_code == 200 and "allerede sendt" in response.content.decode()
    assert Letter.objects.count() == 1 and FakeMessage.objects.count() == 1


def test_a_failing_service_sends_nothing_and_says_so_in_danish(p: Personas, monkeypatch: pytest.MonkeyPatch) -> None:
    from ungeforlob.serviceplatform.adapters import ServiceUnavailable
    from ungeforlob.serviceplatform.fake import FakeDigitalPost

    def fail(self: Any, memo: Any) -> str:
        raise ServiceUnavailable

    monkeypatch.setattr(FakeDigitalPost, "send", fail)
    response = client_for(p.contact_person).post(f"/unge/{p.youth.pk}/digital-post/plan/", {"submission": "a1"})
    assert response.status_code == 200 and "Serviceplatformen svarede ikke" in response.content.decode()
    assert not Letter.objects.exists() and not YouthNotice.objects.filter(kind="digital_post").exists()


@pytest.mark.parametrize("who", ["reader", "outsider", "leader"])
def test_only_those_who_may_edit_the_young_person_send(p: Personas, who: str) -> None:
    response = client_for(getattr(p, who)).post(f"/unge/{p.youth.pk}/digital-post/plan/", {"submission": "a1"})
    assert response.status_code == 404
    assert not Letter.objects.exists() and not FakeMessage.objects.exists()


def test_the_send_service_itself_refuses_a_reader(p: Personas) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.plan_send(actor=p.reader, youth=p.youth)


# --- Meeting invitations ------------------------------------------------------------------------------------------


def test_a_plan_meeting_invitation_goes_to_digital_post_as_an_ics(p: Personas) -> None:
    w = world(p)
    assert f"/digital-post/planmoede/{w.plan_meeting.pk}/" in client_for(p.contact_person).get(
        f"/unge/{p.youth.pk}/moeder/").content.decode()
    response = client_for(p.contact_person).post(
        f"/unge/{p.youth.pk}/digital-post/planmoede/{w.plan_meeting.pk}/", {"submission": "m1"})
    assert response.status_code == 302
    letter = Letter.objects.get(youth=p.youth, kind=LetterKind.MEETING)
    attachment = FakeMessage.objects.get(message_uuid=letter.message_id).attachments.get()
    assert (attachment.filename, attachment.mime_type) == ("planmoede.ics", "text/calendar")
    assert b"BEGIN:VCALENDAR" in bytes(attachment.content)
    assert AuditEvent.objects.filter(object_type="digital_post", purpose="Mødeinvitation sendt til Digital Post").exists()


def test_a_follow_up_invitation_goes_to_digital_post(p: Personas) -> None:
    w = world(p)
    client_for(p.contact_person).post(f"/unge/{p.youth.pk}/digital-post/opfoelgning/{w.followup.pk}/",
                                      {"submission": "f1"})
    letter = Letter.objects.get(youth=p.youth, kind=LetterKind.MEETING)
    assert letter.title.startswith("Invitation til opfølgning")
    assert FakeMessage.objects.get(message_uuid=letter.message_id).attachments.get().filename == "opfoelgning.ics"


def test_another_young_persons_meeting_is_not_found(p: Personas) -> None:
    from ungeforlob.plans.models import PlanMeeting

    theirs = PlanMeeting.objects.create(youth=p.other_youth, held_on=timezone.localdate(), created_by=None)
    response = client_for(p.contact_person).post(f"/unge/{p.youth.pk}/digital-post/planmoede/{theirs.pk}/",
                                                 {"submission": "x"})
    assert response.status_code == 404 and not Letter.objects.exists()


# --- The fake mailbox (development) ---------------------------------------------------------------------------------


def test_the_fake_mailbox_shows_the_letters_and_their_attachments(p: Personas, settings: Any) -> None:
    settings.DEBUG = True
    w = world(p)
    html = client_for(p.contact_person).get("/udvikling/digital-post/").content.decode()
    assert "Min plan for Josefine" in html and f"/udvikling/digital-post/bilag/{w.attachment.pk}/" in html
    assert p.youth.cpr_reveal() not in html and w.message.recipient_cpr_masked in html
    response = client_for(p.contact_person).get(f"/udvikling/digital-post/bilag/{w.attachment.pk}/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response) == b"%PDF-1.7 x"


def test_the_fake_mailbox_shows_an_outsider_no_one_elses_letters(p: Personas, settings: Any) -> None:
    settings.DEBUG = True
    w = world(p)
    assert "Min plan for Josefine" not in client_for(p.outsider).get("/udvikling/digital-post/").content.decode()
    assert client_for(p.outsider).get(f"/udvikling/digital-post/bilag/{w.attachment.pk}/").status_code == 404


def test_outside_development_only_the_administrator_opens_the_fake_mailbox(p: Personas, settings: Any) -> None:
    settings.DEBUG = False
    world(p)
    assert client_for(p.contact_person).get("/udvikling/digital-post/").status_code == 404
    assert "Min plan for Josefine" in client_for(p.administrator).get("/udvikling/digital-post/").content.decode()
    settings.SERVICEPLATFORM_ADAPTER = "serviceplatformen"
    assert client_for(p.administrator).get("/udvikling/digital-post/").status_code == 404


def test_the_sms_gateway_page_links_to_the_fake_mailbox(p: Personas, settings: Any) -> None:
    settings.DEBUG = True
    assert "/udvikling/digital-post/" in client_for(p.contact_person).get("/udvikling/sms/").content.decode()


def test_the_fake_mailbox_and_the_send_page_cost_the_same_queries_for_more_letters(
        p: Personas, settings: Any, count_queries: Any) -> None:
    settings.DEBUG = True
    client = client_for(p.contact_person)
    world(p)
    mailbox_one = count_queries(lambda: client.get("/udvikling/digital-post/"))
    send_one = count_queries(lambda: client.get(f"/unge/{p.youth.pk}/digital-post/plan/"))
    for _n in range(6):
        services.plan_send(actor=p.contact_person, youth=p.youth)
    assert FakeMessage.objects.count() == 7
    assert count_queries(lambda: client.get("/udvikling/digital-post/")) == mailbox_one
    assert count_queries(lambda: client.get(f"/unge/{p.youth.pk}/digital-post/plan/")) == send_one


# --- Registries -------------------------------------------------------------------------------------------------------


def test_the_letters_are_in_hent_mine_data(p: Personas) -> None:
    from ungeforlob.serviceplatform.export import letters_section

    services.plan_send(actor=p.contact_person, youth=p.youth)
    title, rows = letters_section(p.youth)
    assert title == "Breve i Digital Post" and rows[0]["brev"].startswith("Min plan")


def test_the_fake_register_knows_a_young_person_registered_after_the_seeding(p: Personas) -> None:
    from ungeforlob.serviceplatform.adapters import cpr_register

    ida = make_youth(p.contact_person, first_name="Ida", last_name="Juul", age=16)
    person = cpr_register().lookup(ida.cpr_reveal())
    assert (person.first_name, len(person.custodians)) == ("Ida", 2)


def test_the_demo_register_knows_the_young_people_and_the_minors_custodians(p: Personas) -> None:
    ida = _minor(p)
    fake_register_seed()
    assert FakePerson.objects.get(cpr_hash=p.youth.cpr_hash).custodians.count() == 0
    assert FakePerson.objects.get(cpr_hash=ida.cpr_hash).custodians.count() == 2
    before = FakePerson.objects.count()
    fake_register_seed()
    assert FakePerson.objects.count() == before  # idempotent
