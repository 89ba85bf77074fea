"""Moving municipality end to end: only the consented parts leave, tampering is caught, an import is made once,
between two municipalities of one installation and between two installations with their own keys."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.chain.models import ChainRole
from ungeforlob.notifications.models import YouthNotice
from ungeforlob.plans.models import Activity, Goal, SubGoal
from ungeforlob.progression.models import Assessment, AssessmentVersion
from ungeforlob.progression.services.indicators import indicator_set_current
from ungeforlob.relocation import sealing, services
from ungeforlob.relocation.models import IncomingPackage, Part, Relocation
from ungeforlob.relocation.tests.factories import ALL_PARTS, make_incoming, make_relocation, sealed_for
from ungeforlob.testing import Personas, make_youth, youth_session_client
from ungeforlob.transitions.models import FollowUp, Station, Transition
from ungeforlob.youth.models import Guardian, Youth

TODAY = timezone.localdate


def _fill_record(youth: Youth, actor: Any) -> None:
    """A plan, a level history, an open follow-up and a guardian for `youth`."""
    goal = Goal.objects.create(youth=youth, position=1, text="Tage kørekort", written_by="ung")
    sub = SubGoal.objects.create(goal=goal, text="Bestå teoriprøven", success_criterion="Beviset er i hus")
    Activity.objects.create(subgoal=sub, title="Køreskole om tirsdagen", reason="Teorien", responsible="ung")
    assessment = Assessment.objects.create(youth=youth, created_by=actor)
    AssessmentVersion.objects.create(assessment=assessment, version=1, assessed_on=TODAY(), level="vejledningsparat",
                                     indicator_set=indicator_set_current(municipality=youth.municipality),
                                     rationale="Kommer til samtalerne hver uge", created_by=actor)
    station = Station.objects.create(youth=youth, kind="fgu", institution="FGU Vest", start_date=TODAY())
    transition = Transition.objects.create(youth=youth, to_station=station, created_by=actor)
    FollowUp.objects.create(transition=transition, youth=youth, title="Opkald efter første uge", kind="opkald",
                            responsible_role=ChainRole.CONTACT_PERSON, offset_days=7,
                            planned_date=TODAY() + datetime.timedelta(days=7),
                            due_date=TODAY() + datetime.timedelta(days=7))
    Guardian.objects.create(youth=youth, name="Anne Hansen", relation="mor", phone="+4522334455")


def _send(p: Personas, parts: list[str], **kwargs: Any) -> Relocation:
    return services.relocation_send(
        actor=p.contact_person, youth=p.youth, destination=kwargs.pop("destination", "kommune"), parts=parts,
        consent_given_on=kwargs.pop("consent_given_on", TODAY()), consent_how="Mundtligt på samtale",
        receiving_municipality=kwargs.pop("receiving_municipality", p.other_organisation.municipality), **kwargs)


def _opened(relocation: Relocation, municipality: Any) -> dict[str, Any]:
    return sealing.open_sealed(relocation.sealed, keys=[sealing.tenant_key(municipality)])


# --- Only what the consent covers ---------------------------------------------------------------------------


def test_the_package_contains_only_the_consented_parts(p: Personas) -> None:
    _fill_record(p.youth, p.contact_person)
    relocation = _send(p, [Part.PLAN])
    document = _opened(relocation, p.other_organisation.municipality)
    assert document["plan"]["goals"][0]["text"] == "Tage kørekort"
    assert {"levels", "followups", "contacts"}.isdisjoint(document)
    assert document["consent"]["parts"] == ["plan"]
    text = json.dumps(document, ensure_ascii=False)
    assert "Anne Hansen" not in text and "+4520123456" not in text and "Kommer til samtalerne" not in text


def test_the_package_carries_every_consented_part(p: Personas) -> None:
    _fill_record(p.youth, p.contact_person)
    document = _opened(_send(p, ALL_PARTS), p.other_organisation.municipality)
    assert document["levels"][0]["level"] == "vejledningsparat"
    assert document["followups"][0]["items"][0]["title"] == "Opkald efter første uge"
    assert document["contacts"]["guardians"][0]["name"] == "Anne Hansen"
    assert document["contacts"]["previous_contact_person"]["name"] == "Mette Kjær"
    assert document["schema"] == "ungeforlob.flytning/1"


def test_it_refuses_a_package_without_a_consented_part(p: Personas) -> None:
    with pytest.raises(ValidationError, match="Vælg mindst én del"):
        _send(p, [])
    assert not Relocation.objects.exists()
    assert p.youth.courses.get().end_date is None


def test_it_refuses_a_consent_older_than_the_consent_period(p: Personas) -> None:
    with pytest.raises(ValidationError, match="Samtykket er for gammelt"):
        _send(p, [Part.PLAN], consent_given_on=TODAY() - datetime.timedelta(days=31))
    assert not Relocation.objects.exists()


def test_a_withdrawn_consent_stops_the_download_and_the_import(p: Personas, as_user: Any) -> None:
    relocation = _send(p, [Part.PLAN])
    services.relocation_withdraw_consent(actor=p.contact_person, relocation=relocation)
    response = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/flytning/{relocation.pk}/pakke.json", follow=True)
    assert "Samtykket gælder ikke længere" in response.content.decode()
    incoming = IncomingPackage.objects.get(package_id=relocation.package_id)
    with pytest.raises(ValidationError, match="trukket tilbage"):
        services.package_import(actor=p.stranger, incoming=incoming)
    assert not Youth.objects.filter(municipality=p.stranger.municipality, first_name="Josefine").exists()


def test_an_expired_consent_in_the_package_is_refused_at_import(p: Personas) -> None:
    mover = make_youth(p.stranger, first_name="Freja")
    text, document = sealed_for(mover, sender=p.stranger, to=p.municipality, parts=[Part.PLAN], valid_days=-1)
    incoming = IncomingPackage.objects.create(municipality=p.municipality, package_id=document["package_id"],
                                              source="kommune", sender_municipality="Nabokommune",
                                              sender_installation="Ungeforløb", sealed=text)
    with pytest.raises(ValidationError, match="Samtykket i pakken er udløbet"):
        services.package_import(actor=p.contact_person, incoming=incoming)


# --- Sealing --------------------------------------------------------------------------------------------------


def test_a_changed_file_is_refused_with_a_danish_message(p: Personas) -> None:
    relocation = _send(p, [Part.PLAN])
    envelope = json.loads(relocation.sealed)
    token = envelope["sealed"]
    envelope["sealed"] = token[:40] + ("A" if token[40] != "A" else "B") + token[41:]
    with pytest.raises(ValidationError, match="ændret undervejs"):
        sealing.open_sealed(json.dumps(envelope), keys=[sealing.tenant_key(p.other_organisation.municipality)])


def test_a_document_changed_and_encrypted_again_fails_its_signature(p: Personas) -> None:
    """Someone holding the receiver's key (another sender) changes the content: the signature gives it away."""
    nabo = p.other_organisation.municipality
    relocation = _send(p, [Part.PLAN])
    envelope = json.loads(relocation.sealed)
    inner = json.loads(Fernet(sealing.tenant_key(nabo)).decrypt(envelope["sealed"].encode()))
    inner["document"]["youth"]["last_name"] = "Ændret"
    envelope["sealed"] = Fernet(sealing.tenant_key(nabo)).encrypt(json.dumps(inner).encode()).decode()
    with pytest.raises(ValidationError, match="underskrift passer ikke"):
        sealing.open_sealed(json.dumps(envelope), keys=[sealing.tenant_key(nabo)])


def test_a_package_for_another_municipality_does_not_open(p: Personas) -> None:
    relocation = _send(p, [Part.PLAN])
    with pytest.raises(ValidationError, match="krypteret til en anden modtager"):
        sealing.open_sealed(relocation.sealed, keys=[sealing.tenant_key(p.municipality)])


def test_a_file_that_is_not_a_package_is_refused(p: Personas, as_user: Any) -> None:
    client = as_user(p.contact_person)
    upload = SimpleUploadedFile("x.json", b"{\"hej\": 1}", content_type="application/json")
    response = client.post("/flytninger/modtag-fil/", {"file": upload})
    assert response.status_code == 200
    assert "Filen er ikke en flyttepakke fra Ungeforløb." in response.content.decode()
    assert not IncomingPackage.objects.exists()


def test_a_tampered_package_shows_the_danish_error_on_its_preview(p: Personas, as_user: Any) -> None:
    mover = make_youth(p.stranger, first_name="Freja")
    incoming = make_incoming(mover, sender=p.stranger, to=p.municipality)
    envelope = json.loads(incoming.sealed)
    envelope["sealed"] = envelope["sealed"][:-8] + "AAAAAAAA"
    IncomingPackage.objects.filter(pk=incoming.pk).update(sealed=json.dumps(envelope))
    client = as_user(p.contact_person)
    body = client.get(f"/flytninger/{incoming.pk}/").content.decode()
    assert "ændret undervejs" in body and "Importér den unge" not in body
    response = client.post(f"/flytninger/{incoming.pk}/importer/")
    assert response.status_code == 200
    assert not Youth.objects.filter(first_name="Freja", municipality=p.municipality).exists()


# --- Two municipalities of one installation -----------------------------------------------------------------


def test_a_course_moves_between_two_municipalities_of_one_installation(p: Personas, as_user: Any) -> None:
    _fill_record(p.youth, p.contact_person)
    nabo = p.other_organisation.municipality
    sender = as_user(p.contact_person)
    response = sender.post(f"/unge/{p.youth.pk}/flytning/", {
        "destination": "kommune", "receiving_municipality": str(nabo.pk), "parts": ALL_PARTS,
        "consent_given_on": TODAY().isoformat(), "consent_how": "Mundtligt på samtale"})
    assert response.status_code == 302
    course = p.youth.courses.get()
    assert course.end_reason == "flyttet" and course.end_date == TODAY()
    assert YouthNotice.objects.filter(youth=p.youth, kind="relocation", text__contains="Nabokommune").exists()

    receiver = as_user(p.stranger)
    incoming = IncomingPackage.objects.get(municipality=nabo)
    assert "Testkommune" in receiver.get("/flytninger/").content.decode()
    preview = receiver.get(f"/flytninger/{incoming.pk}/").content.decode()
    assert "Josefine Hansen" in preview and "Importér den unge" in preview
    assert not Youth.objects.filter(municipality=nabo, first_name="Josefine").exists()  # the preview is a dry run

    response = receiver.post(f"/flytninger/{incoming.pk}/importer/")
    moved = Youth.objects.get(municipality=nabo, first_name="Josefine")
    assert response.status_code == 302 and response["Location"] == f"/unge/{moved.pk}/"
    assert moved.cpr_hash == p.youth.cpr_hash and moved.mobile == p.youth.mobile
    assert moved.courses.get().end_date is None
    assert moved.memberships.get(role=ChainRole.CONTACT_PERSON).professional == p.stranger
    assert Goal.objects.get(youth=moved).subgoals.get().activities.get().title == "Køreskole om tirsdagen"
    version = AssessmentVersion.objects.get(assessment__youth=moved)
    assert version.level == "vejledningsparat" and "Testkommune" in version.rationale
    assert FollowUp.objects.get(youth=moved).title == "Opkald efter første uge"
    assert Guardian.objects.get(youth=moved).name == "Anne Hansen"
    # Both sides keep their own trail; the sender keeps the record, the young person is told on both.
    assert AuditEvent.objects.filter(youth_id=p.youth.pk, action=AuditAction.EXPORT, object_type="relocation").exists()
    assert AuditEvent.objects.filter(youth_id=p.youth.pk, action=AuditAction.UPDATE, object_type="relocation",
                                     detail__imported_by_municipality="Nabokommune").exists()
    assert AuditEvent.objects.filter(youth_id=moved.pk, action=AuditAction.CREATE, object_type="incomingpackage",
                                     municipality=nabo).exists()
    assert Youth.objects.filter(pk=p.youth.pk).exists()
    assert YouthNotice.objects.filter(youth=moved, text__contains="Velkommen til Nabokommune").exists()


def test_an_import_twice_changes_nothing(p: Personas, as_user: Any) -> None:
    mover = make_youth(p.stranger, first_name="Freja")
    _fill_record(mover, p.stranger)
    incoming = make_incoming(mover, sender=p.stranger, to=p.municipality, parts=ALL_PARTS)
    client = as_user(p.contact_person)
    client.post(f"/flytninger/{incoming.pk}/importer/")
    counts = (Youth.objects.count(), Goal.objects.count(), FollowUp.objects.count(), AssessmentVersion.objects.count(),
              Guardian.objects.count(), YouthNotice.objects.count())
    second = client.post(f"/flytninger/{incoming.pk}/importer/")
    assert second.status_code == 302
    again = services.package_import(actor=p.contact_person, incoming=incoming)
    assert again.youth_id == IncomingPackage.objects.get(pk=incoming.pk).youth_id
    assert counts == (Youth.objects.count(), Goal.objects.count(), FollowUp.objects.count(),
                      AssessmentVersion.objects.count(), Guardian.objects.count(), YouthNotice.objects.count())


def test_the_dry_run_names_a_young_person_already_registered_here(p: Personas, as_user: Any) -> None:
    incoming = make_incoming(p.youth, sender=p.contact_person, to=p.other_organisation.municipality)
    make_youth(p.stranger, first_name="Josefine")  # a different CPR: no conflict
    body = as_user(p.stranger).get(f"/flytninger/{incoming.pk}/").content.decode()
    assert "Importér den unge" in body
    services.package_import(actor=p.stranger, incoming=incoming)
    other = make_incoming(p.youth, sender=p.contact_person, to=p.other_organisation.municipality)
    body = as_user(p.stranger).get(f"/flytninger/{other.pk}/").content.decode()
    assert "Der findes allerede en ung med dette CPR-nummer" in body and "Importér den unge" not in body


def test_the_colleague_without_the_contact_person_role_cannot_send(p: Personas, as_user: Any) -> None:
    page = as_user(p.colleague).get(f"/unge/{p.youth.pk}/flytning/")
    assert page.status_code == 200 and "Forsegl og send flyttepakken" not in page.content.decode()
    response = as_user(p.colleague).post(f"/unge/{p.youth.pk}/flytning/", {
        "destination": "kommune", "receiving_municipality": str(p.other_organisation.municipality_id),
        "parts": ["plan"], "consent_given_on": TODAY().isoformat(), "consent_how": "Mundtligt"})
    assert response.status_code == 404
    assert not Relocation.objects.exists()


def test_a_leader_sees_incoming_packages_without_names(p: Personas, as_user: Any) -> None:
    mover = make_youth(p.stranger, first_name="Freja", last_name="Flyttesen")
    incoming = make_incoming(mover, sender=p.stranger, to=p.municipality)
    body = as_user(p.leader).get("/flytninger/").content.decode()
    assert "Nabokommune" in body and "Freja" not in body and str(incoming.package_id) not in body
    assert f"/flytninger/{incoming.pk}/" not in body
    assert as_user(p.leader).get(f"/flytninger/{incoming.pk}/").status_code == 403


def test_the_young_person_sees_on_min_side_that_her_course_was_handed_over(p: Personas) -> None:
    _send(p, [Part.PLAN])
    body = youth_session_client(p.youth).get("/min-side/").content.decode()
    assert "Dit forløb er overdraget til Nabokommune" in body


# --- Two installations ----------------------------------------------------------------------------------------

WEST = {"RELOCATION_SECRET": "vest-hemmelighed-" + "v" * 32, "RELOCATION_INSTALLATION": "Ungeforløb Vest"}
EAST = {"RELOCATION_SECRET": "oest-hemmelighed-" + "o" * 32, "RELOCATION_INSTALLATION": "Ungeforløb Øst"}


def _keys_of(installation: dict[str, str]) -> dict[str, str]:
    with override_settings(**installation):
        return {"inbox_key": sealing.inbox_key().decode(), "public_key": sealing.public_key()}


def test_a_course_moves_between_two_installations_with_their_own_keys(p: Personas, as_user: Any) -> None:
    _fill_record(p.youth, p.contact_person)
    west = {**WEST, "RELOCATION_PARTNERS": {"Ungeforløb Øst": _keys_of(EAST)}}
    east = {**EAST, "RELOCATION_PARTNERS": {"Ungeforløb Vest": _keys_of(WEST)}}
    with override_settings(**west):
        sender = as_user(p.contact_person)
        response = sender.post(f"/unge/{p.youth.pk}/flytning/", {
            "destination": "installation", "receiving_installation": "Ungeforløb Øst", "receiver_name": "Østby",
            "parts": [Part.PLAN, Part.FOLLOWUPS], "consent_given_on": TODAY().isoformat(),
            "consent_how": "Skriftligt"})
        assert response.status_code == 302
        relocation = Relocation.objects.get()
        assert not IncomingPackage.objects.exists()  # nothing is left for a tenant here: the file travels
        file = sender.get(f"/unge/{p.youth.pk}/flytning/{relocation.pk}/pakke.json")
        assert file["Content-Disposition"].startswith("attachment")
        text = file.content
    assert b"Josefine" not in text  # encrypted

    with override_settings(**east):
        receiver = as_user(p.stranger)
        response = receiver.post("/flytninger/modtag-fil/", {"file": SimpleUploadedFile("pakke.json", text)})
        incoming = IncomingPackage.objects.get()
        assert response.status_code == 302 and response["Location"] == f"/flytninger/{incoming.pk}/"
        assert incoming.sender_installation == "Ungeforløb Vest" and incoming.parts == ["opfoelgninger", "plan"]
        again = receiver.post("/flytninger/modtag-fil/", {"file": SimpleUploadedFile("pakke.json", text)})
        assert again["Location"] == f"/flytninger/{incoming.pk}/" and IncomingPackage.objects.count() == 1
        receiver.post(f"/flytninger/{incoming.pk}/importer/")
    moved = Youth.objects.get(municipality=p.stranger.municipality)
    assert moved.full_name == "Josefine Hansen" and moved.mobile == ""  # contacts were not consented
    assert Goal.objects.filter(youth=moved).exists() and FollowUp.objects.filter(youth=moved).exists()
    assert not AssessmentVersion.objects.filter(assessment__youth=moved).exists()


def test_a_file_for_another_installation_does_not_open_here(p: Personas, as_user: Any) -> None:
    west = {**WEST, "RELOCATION_PARTNERS": {"Ungeforløb Øst": _keys_of(EAST)}}
    with override_settings(**west):
        relocation = _send(p, [Part.PLAN], destination="installation", receiving_installation="Ungeforløb Øst",
                           receiver_name="Østby", receiving_municipality=None)
    third = {"RELOCATION_SECRET": "tredje-" + "t" * 40, "RELOCATION_INSTALLATION": "Ungeforløb Nord",
             "RELOCATION_PARTNERS": {"Ungeforløb Vest": _keys_of(WEST)}}
    with override_settings(**third):
        response = as_user(p.stranger).post("/flytninger/modtag-fil/",
                                            {"file": SimpleUploadedFile("p.json", relocation.sealed.encode())})
    assert "krypteret til en anden modtager" in response.content.decode()
    assert not IncomingPackage.objects.exists()


def test_a_file_from_an_unknown_installation_is_refused(p: Personas, as_user: Any) -> None:
    west = {**WEST, "RELOCATION_PARTNERS": {"Ungeforløb Øst": _keys_of(EAST)}}
    with override_settings(**west):
        relocation = _send(p, [Part.PLAN], destination="installation", receiving_installation="Ungeforløb Øst",
                           receiver_name="Østby", receiving_municipality=None)
    with override_settings(**EAST, RELOCATION_PARTNERS={}):
        response = as_user(p.stranger).post("/flytninger/modtag-fil/",
                                            {"file": SimpleUploadedFile("p.json", relocation.sealed.encode())})
    assert "er ikke kendt af denne installation" in response.content.decode()


# --- Query counts ------------------------------------------------------------------------------------------


def test_the_inbox_has_a_constant_query_count(p: Personas, as_user: Any, count_queries: Any) -> None:
    client = as_user(p.contact_person)
    make_incoming(make_youth(p.stranger, first_name="En"), sender=p.stranger, to=p.municipality)
    client.get("/flytninger/")
    small = count_queries(lambda: client.get("/flytninger/?vis=alle"))
    for n in range(6):
        make_incoming(make_youth(p.stranger, first_name=f"Ung{n}"), sender=p.stranger, to=p.municipality)
    large = count_queries(lambda: client.get("/flytninger/?vis=alle"))
    assert small == large


def test_the_youth_relocation_page_has_a_constant_query_count(p: Personas, as_user: Any, count_queries: Any) -> None:
    client = as_user(p.contact_person)
    make_relocation(p.youth, sender=p.contact_person, to=p.other_organisation.municipality)
    url = f"/unge/{p.youth.pk}/flytning/"
    client.get(url)
    small = count_queries(lambda: client.get(url))
    for _n in range(6):
        make_relocation(p.youth, sender=p.contact_person, to=p.other_organisation.municipality)
    large = count_queries(lambda: client.get(url))
    assert small == large


def test_the_keys_command_prints_what_a_partner_installation_needs(p: Personas) -> None:
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    with override_settings(**EAST):
        call_command("relocation_keys", stdout=out)
        assert json.loads(out.getvalue()) == {"Ungeforløb Øst": _keys_of(EAST)}


# --- No copy kept longer than needed ----------------------------------------------------------------------------


def test_an_import_keeps_no_copy_of_the_package(p: Personas) -> None:
    incoming = make_incoming(make_youth(p.stranger, first_name="Freja"), sender=p.stranger, to=p.municipality)
    services.package_import(actor=p.contact_person, incoming=incoming)
    assert IncomingPackage.objects.get(pk=incoming.pk).sealed == ""


def test_withdrawing_the_consent_empties_the_sealed_copies(p: Personas) -> None:
    relocation = _send(p, [Part.PLAN])
    services.relocation_withdraw_consent(actor=p.contact_person, relocation=relocation)
    assert Relocation.objects.get(pk=relocation.pk).sealed == ""
    assert IncomingPackage.objects.get(relocation=relocation).sealed == ""


def test_the_worker_empties_packages_whose_consent_ran_out_and_not_before(p: Personas) -> None:
    relocation = _send(p, [Part.PLAN])
    last_day = relocation.consent_valid_until
    assert services.relocation_purge_expired(today=last_day) == 0
    assert Relocation.objects.get(pk=relocation.pk).sealed != ""
    assert services.relocation_purge_expired(today=last_day + datetime.timedelta(days=1)) == 2
    assert Relocation.objects.get(pk=relocation.pk).sealed == ""
    assert IncomingPackage.objects.get(relocation=relocation).sealed == ""
    assert AuditEvent.objects.filter(action=AuditAction.DELETE, object_type="relocation_package").exists()
    assert Relocation.objects.filter(pk=relocation.pk).exists()  # the record of what was sent stays


def test_the_timelines_of_both_municipalities_show_the_move(p: Personas) -> None:
    from ungeforlob.youth.timeline import timeline_page

    relocation = _send(p, [Part.PLAN])
    titles = [e.title for e in timeline_page(p.youth, number=1).entries]
    assert "Forløbet overdraget til Nabokommune" in titles
    incoming = services.package_import(actor=p.stranger,
                                       incoming=IncomingPackage.objects.get(relocation=relocation))
    titles = [e.title for e in timeline_page(incoming.youth, number=1).entries]
    assert "Flyttet hertil fra Testkommune" in titles


# --- Bad input ---------------------------------------------------------------------------------------------


def test_a_signed_package_of_the_wrong_shape_is_refused_and_nothing_is_half_saved(p: Personas) -> None:
    mover = make_youth(p.stranger, first_name="Freja")
    text, document = sealed_for(mover, sender=p.stranger, to=p.municipality, parts=[Part.PLAN])
    document["followups"] = [{"station": {"kind": "fgu", "start_date": "ikke en dato"}, "items": [{}]}]
    text = sealing.seal(document, key=sealing.tenant_key(p.municipality))
    incoming = IncomingPackage.objects.create(municipality=p.municipality, package_id=document["package_id"],
                                              source="kommune", sender_municipality="Nabokommune",
                                              sender_installation="Ungeforløb", sealed=text)
    with pytest.raises(ValidationError, match="Pakken kunne ikke læses"):
        services.package_import(actor=p.contact_person, incoming=incoming)
    assert not Youth.objects.filter(municipality=p.municipality, first_name="Freja").exists()
    assert not Goal.objects.filter(youth__municipality=p.municipality).exists()
    assert IncomingPackage.objects.get(pk=incoming.pk).imported_at is None


def test_a_double_submitted_handover_is_sent_once(p: Personas, as_user: Any) -> None:
    client = as_user(p.contact_person)
    data = {"destination": "kommune", "receiving_municipality": str(p.other_organisation.municipality_id),
            "parts": ["plan"], "consent_given_on": TODAY().isoformat(), "consent_how": "Mundtligt",
            "submission": "a1b2c3d4e5f6"}
    assert client.post(f"/unge/{p.youth.pk}/flytning/", data).status_code == 302
    second = client.post(f"/unge/{p.youth.pk}/flytning/", data)
    assert second.status_code == 200 and "allerede sendt" in second.content.decode()
    assert Relocation.objects.count() == 1


def test_a_bad_municipality_id_gives_a_danish_message(p: Personas, as_user: Any) -> None:
    response = as_user(p.contact_person).post(f"/unge/{p.youth.pk}/flytning/", {
        "destination": "kommune", "receiving_municipality": "99999999999999999999", "parts": ["plan"],
        "consent_given_on": "ikke-en-dato", "consent_how": "x" * 400})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Der er fejl i formularen" in body
    assert not Relocation.objects.exists() and p.youth.courses.get().end_date is None
