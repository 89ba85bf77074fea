"""The retention pages, both ways: the administrator edits and runs, the leader reads counts only, professionals
and another municipality's administrator see nothing of this municipality's."""

from __future__ import annotations

import datetime

from ungeforlob.accounts.models import Role
from ungeforlob.plans.models import JournalNote
from ungeforlob.retention import services
from ungeforlob.retention.models import RetentionRule, RetentionRun
from ungeforlob.retention.tests.factories import ended_course
from ungeforlob.testing import Personas, client_for, make_user

ENDED = datetime.date(2015, 1, 1)


def test_the_leader_reads_the_counts_but_sees_no_young_person_and_no_run_button(p: Personas, as_user) -> None:
    youth = ended_course(p, ended=ENDED)
    page = as_user(p.leader).get("/opbevaring/proevekoersel/").content.decode()
    assert "Forløbet som helhed" in page and "Kør reglerne nu" not in page
    assert youth.first_name not in page and youth.last_name not in page and f"/unge/{youth.pk}/" not in page
    assert as_user(p.leader).get("/opbevaring/koersel/").status_code == 403
    rules = as_user(p.leader).get("/opbevaring/").content.decode()
    assert "/opbevaring/regel/" not in rules and 'action="/opbevaring/automatisk/"' not in rules


def test_the_administrator_sees_counts_not_names_then_confirms_the_run(p: Personas, as_user) -> None:
    youth = ended_course(p, ended=ENDED)
    admin = as_user(p.administrator)
    page = admin.get("/opbevaring/koersel/").content.decode()
    assert "Ja, anonymiser og slet nu" in page and youth.first_name not in page
    assert not RetentionRun.objects.exists()  # the confirmation page changes nothing
    response = admin.post("/opbevaring/koersel/", {})
    assert response.status_code == 302 and response["Location"] == "/opbevaring/historik/"
    assert not JournalNote.objects.filter(youth=youth).exists()
    history = admin.get("/opbevaring/historik/").content.decode()
    assert "Journalnotater: 1 ung, 1 række" in history and "Anders Testesen" in history
    assert youth.first_name not in history


def test_a_run_confirmed_twice_runs_once(p: Personas, as_user) -> None:
    ended_course(p, ended=ENDED)
    admin = as_user(p.administrator)
    page = admin.get("/opbevaring/koersel/").content.decode()
    token = page.split('name="submission" value="')[1].split('"')[0]
    assert admin.post("/opbevaring/koersel/", {"submission": token}).status_code == 302
    again = admin.post("/opbevaring/koersel/", {"submission": token})
    assert again.status_code == 200 and "allerede sendt" in again.content.decode()
    assert RetentionRun.objects.count() == 1


def test_another_municipalitys_administrator_sees_only_their_own(p: Personas) -> None:
    ended_course(p, ended=ENDED)
    services.retention_run(municipality=p.municipality, actor=p.administrator)
    services.retention_rule_save(actor=p.administrator, municipality=p.municipality, kind="sms", keep_for=7,
                                 unit="dage", disposal="slet", legal_basis="Vores egen regel", version=0)
    other = make_user("nabo-admin", p.stranger.municipality, p.other_organisation, role=Role.ADMINISTRATOR)
    client = client_for(other)
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=other, name="t", confirmed=True)
    client = client_for(other)
    assert "Reglerne er ikke kørt endnu" in client.get("/opbevaring/historik/").content.decode()
    assert "Vores egen regel" not in client.get("/opbevaring/").content.decode()
    dry = client.get("/opbevaring/proevekoersel/").content.decode()
    assert "Intet er forfaldent i dag" in dry
    client.post("/opbevaring/regel/sms/", {"keep_for": "3", "unit": "aar", "disposal": "slet",
                                           "legal_basis": "Nabo", "version": "0"})
    assert RetentionRule.objects.get(municipality=p.municipality, kind="sms").keep_for == 7
    assert RetentionRule.objects.get(municipality=p.stranger.municipality, kind="sms").keep_for == 3


def test_a_professional_is_refused_every_page(p: Personas, as_user) -> None:
    for url in ["/opbevaring/", "/opbevaring/proevekoersel/", "/opbevaring/historik/", "/opbevaring/koersel/",
                "/opbevaring/regel/sms/"]:
        assert as_user(p.contact_person).get(url).status_code == 403


def test_a_stale_rule_edit_is_refused_and_shows_the_form_again_on_the_new_version(p: Personas, as_user) -> None:
    admin = as_user(p.administrator)
    data = {"keep_for": "2", "unit": "aar", "disposal": "slet", "legal_basis": "Min hjemmel", "version": "0"}
    services.retention_rule_save(actor=p.leader, municipality=p.municipality, kind="sms", keep_for=9,
                                 unit="maaneder", disposal="slet", legal_basis="Den andens", version=0)
    response = admin.post("/opbevaring/regel/sms/", data)
    page = response.content.decode()
    assert response.status_code == 200 and "En anden har ændret reglen" in page
    assert 'name="version" value="1"' in page and "Min hjemmel" in page
    assert RetentionRule.objects.get(kind="sms").keep_for == 9
    assert admin.post("/opbevaring/regel/sms/", {**data, "version": "1"}).status_code == 302
    assert RetentionRule.objects.get(kind="sms").keep_for == 2


def test_bad_input_gets_a_danish_message_and_saves_nothing(p: Personas, as_user) -> None:
    admin = as_user(p.administrator)
    for bad in [{"keep_for": "-1"}, {"keep_for": "abc"}, {"unit": "uger"}, {"disposal": "brænd"},
                {"legal_basis": "x" * 501}, {"version": "x"}, {"disposal": "arkiv", "archive_note": ""}]:
        data = {"keep_for": "2", "unit": "aar", "disposal": "slet", "legal_basis": "Hjemmel", "version": "0", **bad}
        response = admin.post("/opbevaring/regel/journal_notes/", data)
        assert response.status_code == 200, bad
    assert not RetentionRule.objects.exists()
    assert admin.get("/opbevaring/regel/findes-ikke/").status_code == 404
    assert admin.get("/opbevaring/arkiv/sms/").status_code == 404  # the SMS rule does not say archive


def test_the_pages_query_count_does_not_grow_with_the_data(p: Personas, as_user, count_queries) -> None:
    admin = as_user(p.administrator)
    ended_course(p, ended=ENDED)
    services.retention_run(municipality=p.municipality, actor=p.administrator)
    ended_course(p, ended=ENDED, first_name="Anna")
    urls = ["/opbevaring/", "/opbevaring/proevekoersel/", "/opbevaring/historik/", "/opbevaring/koersel/"]
    small = {url: count_queries(lambda url=url: admin.get(url)) for url in urls}
    for name in ["Bo", "Cecilie", "Dan", "Eva"]:
        ended_course(p, ended=ENDED, first_name=name)
        services.retention_run(municipality=p.municipality, actor=p.administrator)
    ended_course(p, ended=ENDED, first_name="Frida")
    large = {url: count_queries(lambda url=url: admin.get(url)) for url in urls}
    assert large == small
