"""Creating a young person whose CPR number is already registered: no oracle, a request to the contact person."""

from __future__ import annotations

import datetime

from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.notifications.models import StaffNotification
from ungeforlob.testing import Personas, cpr_for_age, make_user
from ungeforlob.youth.access_requests import REQUESTS_PER_DAY
from ungeforlob.youth.models import AccessRequest, AccessRequestStatus, Guardian, Youth


def _create(client, cpr: str, **overrides):
    data = {"first_name": "Ali", "last_name": "Karimi", "cpr": cpr, "language": "da",
            "reason": "Jeg er hendes nye mentor", **overrides}
    return client.post("/unge/ny/", data, follow=True)


def test_an_outsider_asking_about_a_registered_cpr_number_gets_no_name_and_sends_a_request(p: Personas, as_user):
    response = _create(as_user(p.outsider), p.youth.cpr_reveal())
    page = response.content.decode()
    assert "Den unge findes allerede. Vi har bedt den unges kontaktperson" in page
    assert "Josefine" not in page and "Hansen" not in page
    assert "Der findes allerede en ung med dette CPR-nummer" not in page
    asked = AccessRequest.objects.get()
    assert (asked.youth, asked.asker, asked.reason, asked.status) == (
        p.youth, p.outsider, "Jeg er hendes nye mentor", AccessRequestStatus.OPEN)
    event = AuditEvent.objects.get(action=AuditAction.SEARCH, youth_id=p.youth.pk)
    assert (event.actor_id, event.purpose, event.object_type) == (p.outsider.pk, "Jeg er hendes nye mentor",
                                                                  "accessrequest")
    note = StaffNotification.objects.get(recipient=p.contact_person, kind="adgang_anmodning")
    assert note.url == f"/unge/{p.youth.pk}/adgang/{asked.pk}/" and "Josefine" not in note.text
    assert Youth.objects.count() == 2


def test_asking_again_while_a_request_is_open_sends_nothing_new(p: Personas, as_user):
    client = as_user(p.outsider)
    _create(client, p.youth.cpr_reveal())
    _create(client, p.youth.cpr_reveal(), reason="Igen")
    assert AccessRequest.objects.count() == 1
    assert StaffNotification.objects.filter(kind="adgang_anmodning").count() == 1


def test_the_sixth_request_in_a_day_is_refused_for_known_and_unknown_numbers_alike(p: Personas, as_user):
    contact = p.contact_person
    known = [Youth.objects.get(pk=p.youth.pk)]
    for i in range(REQUESTS_PER_DAY):
        from ungeforlob.testing import make_youth
        known.append(make_youth(contact, first_name=f"Ung{i}", mobile=f"+45707070{i:02d}"))
    client = as_user(p.outsider)
    for youth in known[:REQUESTS_PER_DAY]:
        _create(client, youth.cpr_reveal())
    assert AccessRequest.objects.filter(asker=p.outsider).count() == REQUESTS_PER_DAY
    for cpr in (known[REQUESTS_PER_DAY].cpr_reveal(), cpr_for_age(20)):
        page = _create(client, cpr).content.decode()
        assert "kan du ikke oprette eller bede om adgang til flere unge" in page
    assert AccessRequest.objects.filter(asker=p.outsider).count() == REQUESTS_PER_DAY
    assert not Youth.objects.filter(first_name="Ali").exists()


def test_requests_older_than_a_day_do_not_count(p: Personas, as_user):
    AccessRequest.objects.bulk_create([AccessRequest(youth=p.other_youth, asker=p.outsider,
                                                     status=AccessRequestStatus.DECLINED)
                                       for _ in range(REQUESTS_PER_DAY)])
    AccessRequest.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))
    _create(as_user(p.outsider), p.youth.cpr_reveal())
    assert AccessRequest.objects.filter(youth=p.youth).exists()


def test_someone_in_the_circle_is_sent_to_the_young_person_they_already_see(p: Personas, as_user):
    response = _create(as_user(p.colleague), p.youth.cpr_reveal())
    assert response.redirect_chain[-1][0] == f"/unge/{p.youth.pk}/"
    assert "Den unge er allerede i Ungeindsatsen, og du er med i den unges kæde." in response.content.decode()
    assert not AccessRequest.objects.exists()


def test_a_leader_and_an_administrator_register_no_young_people(p: Personas, as_user):
    for who in (p.leader, p.administrator):
        client = as_user(who)
        assert client.get("/unge/ny/").status_code == 404
        assert client.post("/unge/ny/", {"first_name": "A", "last_name": "B", "cpr": p.youth.cpr_reveal(),
                                         "language": "da"}).status_code == 404
    assert not AccessRequest.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.SEARCH).exists()


def _decide(client, p: Personas, asked: AccessRequest, data: dict):
    return client.post(f"/unge/{p.youth.pk}/adgang/{asked.pk}/", data)


def test_the_contact_person_accepting_adds_the_asker_to_the_circle_with_the_role_chosen(p: Personas, as_user):
    _create(as_user(p.outsider), p.youth.cpr_reveal())
    asked = AccessRequest.objects.get()
    client = as_user(p.contact_person)
    page = client.get(f"/unge/{p.youth.pk}/adgang/{asked.pk}/").content.decode()
    assert "Sara Holm" in page and "Jeg er hendes nye mentor" in page
    response = _decide(client, p, asked, {"decision": "ja", "role": ChainRole.MENTOR, "legal_basis": "kui"})
    assert response.status_code == 302
    assert Membership.objects.active().filter(youth=p.youth, professional=p.outsider, role=ChainRole.MENTOR).exists()
    asked.refresh_from_db()
    assert (asked.status, asked.decided_by) == (AccessRequestStatus.ACCEPTED, p.contact_person)
    assert StaffNotification.objects.filter(recipient=p.outsider, kind="kaede_ny").exists()
    assert as_user(p.outsider).get(f"/unge/{p.youth.pk}/").status_code == 200


def test_accepting_without_a_role_or_without_grounds_adds_nobody(p: Personas, as_user):
    _create(as_user(p.outsider), p.youth.cpr_reveal())
    asked = AccessRequest.objects.get()
    client = as_user(p.contact_person)
    assert "Vælg den rolle" in _decide(client, p, asked, {"decision": "ja"}).content.decode()
    page = _decide(client, p, asked, {"decision": "ja", "role": ChainRole.MENTOR}).content.decode()
    assert "anden sektor" in page
    assert not Membership.objects.filter(professional=p.outsider).exists()
    asked.refresh_from_db()
    assert asked.status == AccessRequestStatus.OPEN


def test_declining_tells_the_asker_without_the_name(p: Personas, as_user):
    _create(as_user(p.outsider), p.youth.cpr_reveal())
    asked = AccessRequest.objects.get()
    assert _decide(as_user(p.contact_person), p, asked, {"decision": "nej"}).status_code == 302
    asked.refresh_from_db()
    assert asked.status == AccessRequestStatus.DECLINED
    told = StaffNotification.objects.get(recipient=p.outsider, kind="adgang_svar")
    assert "afvist" in told.text and "Josefine" not in told.text and told.url == ""
    assert not Membership.objects.filter(professional=p.outsider).exists()


def test_only_the_contact_person_answers_a_request(p: Personas, as_user):
    _create(as_user(p.outsider), p.youth.cpr_reveal())
    asked = AccessRequest.objects.get()
    for who in (p.colleague, p.reader, p.outsider, p.leader):
        client = as_user(who)
        assert client.get(f"/unge/{p.youth.pk}/adgang/{asked.pk}/").status_code == 404
        assert _decide(client, p, asked, {"decision": "nej"}).status_code == 404
    assert AccessRequest.objects.get().status == AccessRequestStatus.OPEN


def test_the_youth_form_sent_twice_with_its_token_creates_one_young_person(p: Personas, as_user):
    client = as_user(p.contact_person)
    data = {"first_name": "Ali", "last_name": "Karimi", "cpr": cpr_for_age(18), "language": "da",
            "submission": "tokenet1"}
    assert client.post("/unge/ny/", data).status_code == 302
    again = client.post("/unge/ny/", data)
    assert "Formularen er allerede sendt" in again.content.decode()
    assert Youth.objects.filter(first_name="Ali").count() == 1


def test_the_guardian_form_sent_twice_with_its_token_adds_one_guardian(p: Personas, as_user):
    client = as_user(p.contact_person)
    data = {"name": "Karin Hansen", "relation": "mor", "submission": "tokenet2"}
    assert client.post(f"/unge/{p.youth.pk}/kontakter/ny/", data).status_code == 302
    again = client.post(f"/unge/{p.youth.pk}/kontakter/ny/", data)
    assert "Formularen er allerede sendt" in again.content.decode()
    assert Guardian.objects.filter(youth=p.youth, name="Karin Hansen").count() == 1


def test_a_guardian_of_another_young_person_is_not_found(p: Personas, as_user):
    other = p.other_youth.guardians.create(name="Bo Olsen", relation="far")
    response = as_user(p.contact_person).post(f"/unge/{p.youth.pk}/kontakter/{other.pk}/slet/")
    assert response.status_code == 404
    assert Guardian.objects.filter(pk=other.pk).exists()


def test_a_team_contact_person_is_told_of_a_request(p: Personas, as_user):
    from ungeforlob.accounts.models import Team

    membership = Membership.objects.get(youth=p.youth, role=ChainRole.CONTACT_PERSON)
    membership.end_date = timezone.localdate()
    membership.save()
    team = Team.objects.create(municipality=p.municipality, organisation=p.organisation, name="Team Øst")
    member = make_user("teammedlem", p.municipality, p.organisation, profession="Kontaktperson+")
    team.members.add(member)
    Membership.objects.create(youth=p.youth, team=team, role=ChainRole.CONTACT_PERSON,
                              start_date=timezone.localdate())
    _create(as_user(p.outsider), p.youth.cpr_reveal())
    assert StaffNotification.objects.filter(recipient=member, kind="adgang_anmodning").exists()
