import datetime
import re

import pytest
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.core import agenda
from ungeforlob.core.agenda import AgendaItem
from ungeforlob.core.forms import ALREADY_SUBMITTED
from ungeforlob.testing import Personas, make_youth
from ungeforlob.transitions import services
from ungeforlob.transitions.models import (
    FollowUp,
    FollowUpStatus,
    Procedure,
    Station,
    StationKind,
    Transition,
)
from ungeforlob.transitions.tests.factories import VEJLE, procedures, transition


def _today() -> datetime.date:
    return timezone.localdate()


def _due(t: Transition, title: str, day: datetime.date) -> FollowUp:
    FollowUp.objects.filter(transition=t, title=title).update(due_date=day)
    return FollowUp.objects.get(transition=t, title=title)


def fake_concern_source(user, *, today):  # noqa: ANN001, ANN201 - an agenda source for the test
    return [AgendaItem(due=today, kind="bekymring", title="Bekymring fra skolen", youth_name="Anden Ung",
                       url="/bekymringer/1/", actions={"acknowledge": "/bekymringer/1/kvitter/"})]


# Landing page and I dag ------------------------------------------------------------------------------------

def test_professionals_land_on_i_dag(p: Personas, as_user) -> None:
    response = as_user(p.contact_person).get("/")
    assert response.status_code == 302 and response.url == "/i-dag/"


def test_i_dag_lists_todays_and_overdue_followups_but_not_later_ones(p: Personas, as_user) -> None:
    t = transition(p, days=20)
    _due(t, "Formøde før start", _today())
    _due(t, "Velkomst på første dag", _today() - datetime.timedelta(days=3))
    response = as_user(p.contact_person).get("/i-dag/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Formøde før start" in html and "Velkomst på første dag" in html
    assert "Forsinket" in html and f'<a href="/unge/{p.youth.pk}/">Josefine Hansen</a>' in html
    assert "Fællesmøde med KUI" not in html  # weeks away
    assert "SMS dagen før" not in html  # queued in the outbox: nothing for a person to do
    titles = [i.title for i in response.context["items"]]
    assert titles.index("Velkomst på første dag") < titles.index("Formøde før start")  # overdue first
    assert AuditEvent.objects.filter(action=AuditAction.LIST, youth_id=p.youth.pk, purpose="I dag").exists()


def test_each_follow_up_on_i_dag_has_its_own_three_forms_with_its_title_escaped(p: Personas, as_user) -> None:
    """Items are drawn once per shape and stamped (`agenda_item`, `core.stamp`): each item keeps its own addresses
    and field ids, and a title or name is escaped, even one that looks like a stand-in."""
    t = transition(p, days=20)
    first = _due(t, "Formøde før start", _today())
    second = _due(t, "Velkomst på første dag", _today() - datetime.timedelta(days=3))
    FollowUp.objects.filter(pk=first.pk).update(title='<b>"Formøde"</b> __stamp_action_done__ __stamp_counter__')
    response = as_user(p.contact_person).get("/i-dag/")
    html = response.content.decode()
    order = [i.title for i in response.context["items"]]
    assert order.index("Velkomst på første dag") == 0
    base = f"/unge/{p.youth.pk}/opfoelgninger"
    for pk in (first.pk, second.pk):
        for action in ("udfoert", "flyt", "spring-over"):
            assert html.count(f'action="{base}/{pk}/{action}/"') == 1
    followups = [n for n, i in enumerate(response.context["items"], start=1) if i.kind == "opfoelgning"]
    assert len(followups) >= 2
    for field in ("note", "due", "reason"):
        assert re.findall(rf'id="{field}-(\d+)"', html) == [str(n) for n in followups]
    assert "<b>" not in html
    assert html.count("&lt;b&gt;&quot;Formøde&quot;&lt;/b&gt; __stamp_action_done__ __stamp_counter__") == 4  # title, 3 forms
    assert "__stamp_youth_name__" not in html and "__stamp_action_move__" not in html
    assert html.count('name="csrfmiddlewaretoken"') >= 6 and f'min="{_today():%Y-%m-%d}"' in html


def test_i_dag_shows_an_sms_the_outbox_could_not_send(p: Personas, as_user) -> None:
    from ungeforlob.messaging.models import MessageStatus, OutboundMessage

    t = transition(p, days=20)
    sms = _due(t, "SMS dagen før", _today())
    OutboundMessage.objects.filter(pk=sms.message_id).update(status=MessageStatus.CANCELLED)
    html = as_user(p.contact_person).get("/i-dag/").content.decode()
    assert "SMS dagen før" in html and "tag kontakt på anden måde" in html


def test_i_dag_gathers_the_other_agenda_sources_in_the_same_list(p: Personas, as_user, monkeypatch) -> None:
    sources = agenda.agenda_sources()
    monkeypatch.setattr(agenda, "agenda_sources",
                        lambda: [*sources, "ungeforlob.transitions.tests.test_views.fake_concern_source"])
    t = transition(p, days=20)
    _due(t, "Formøde før start", _today())
    html = as_user(p.contact_person).get("/i-dag/").content.decode()
    assert "Bekymring fra skolen" in html and "Formøde før start" in html
    assert 'href="/bekymringer/1/kvitter/"' in html and "Kvittér" in html


def test_i_dag_is_empty_for_someone_outside_the_circle(p: Personas, as_user) -> None:
    t = transition(p, days=20)
    _due(t, "Formøde før start", _today())
    html = as_user(p.outsider).get("/i-dag/").content.decode()
    assert "Josefine" not in html and "Der er ingen opfølgninger" in html


def test_a_colleague_sees_only_the_steps_of_their_own_role(p: Personas, as_user) -> None:
    t = transition(p, days=20)
    _due(t, "Formøde før start", _today())
    html = as_user(p.colleague).get("/i-dag/").content.decode()
    assert "Formøde før start" not in html
    FollowUp.objects.filter(transition=t, title="Formøde før start").update(responsible_role="jobkonsulent")
    assert "Formøde før start" in as_user(p.colleague).get("/i-dag/").content.decode()
    assert "Formøde før start" in as_user(p.contact_person).get("/i-dag/").content.decode()


def test_i_dag_has_a_constant_query_count(p: Personas, as_user, count_queries) -> None:
    client = as_user(p.contact_person)
    t = transition(p, days=20)
    FollowUp.objects.filter(transition=t).update(due_date=_today())
    client.get("/i-dag/")  # warm up session and caches
    small = count_queries(lambda: client.get("/i-dag/"))
    for i in range(8):
        youth = make_youth(p.contact_person, first_name=f"Ung{i}", mobile="")
        more = transition(p, youth=youth, days=20 + i)
        FollowUp.objects.filter(transition=more).update(due_date=_today() - datetime.timedelta(days=i))
    assert FollowUp.objects.filter(due_date__lte=_today()).count() >= 60
    large = count_queries(lambda: client.get("/i-dag/"))
    assert small == large


# Acting on a follow-up ---------------------------------------------------------------------------------------

def test_marking_done_from_i_dag_saves_the_note_and_returns_there(p: Personas, as_user) -> None:
    f = _due(transition(p, days=20), "Formøde før start", _today())
    response = as_user(p.contact_person).post(f"/unge/{p.youth.pk}/opfoelgninger/{f.pk}/udfoert/",
                                              {"note": "Plan for dag 1 er lagt", "next": "/i-dag/"})
    assert response.status_code == 302 and response.url == "/i-dag/"
    f.refresh_from_db()
    assert f.status == FollowUpStatus.DONE and f.note == "Plan for dag 1 er lagt"


def test_marking_done_refuses_a_next_to_another_site(p: Personas, as_user) -> None:
    f = _due(transition(p, days=20), "Formøde før start", _today())
    response = as_user(p.contact_person).post(f"/unge/{p.youth.pk}/opfoelgninger/{f.pk}/udfoert/",
                                              {"note": "Klaret", "next": "https://ond.example/i-dag/"})
    assert response.status_code == 302 and not response.url.startswith("https://ond.example")


def test_moving_from_i_dag_takes_it_off_today(p: Personas, as_user) -> None:
    f = _due(transition(p, days=20), "Formøde før start", _today())
    tomorrow = _today() + datetime.timedelta(days=1)
    client = as_user(p.contact_person)
    client.post(f"/unge/{p.youth.pk}/opfoelgninger/{f.pk}/flyt/", {"due_date": tomorrow.isoformat(),
                                                                   "next": "/i-dag/"})
    f.refresh_from_db()
    assert f.due_date == tomorrow and f.status == FollowUpStatus.OPEN
    response = client.get("/i-dag/")
    assert "Formøde før start" not in [i.title for i in response.context["items"]]
    assert f in response.context["upcoming"]


def test_skipping_without_a_reason_shows_a_danish_error_and_changes_nothing(p: Personas, as_user) -> None:
    f = _due(transition(p, days=20), "Formøde før start", _today())
    response = as_user(p.contact_person).post(f"/unge/{p.youth.pk}/opfoelgninger/{f.pk}/spring-over/",
                                              {"reason": "", "next": "/i-dag/"})
    assert response.status_code == 200 and "Der er fejl i formularen" in response.content.decode()
    f.refresh_from_db()
    assert f.status == FollowUpStatus.OPEN


@pytest.mark.parametrize("data", [{"note": "x" * 501}, {"due_date": "31-02-2026"}, {"due_date": "2099-01-01"}])
def test_bad_input_gives_a_message_not_a_500(p: Personas, as_user, data: dict) -> None:
    f = _due(transition(p, days=20), "Formøde før start", _today())
    action = "udfoert" if "note" in data else "flyt"
    response = as_user(p.contact_person).post(f"/unge/{p.youth.pk}/opfoelgninger/{f.pk}/{action}/", data)
    assert response.status_code == 200 and "form-error-message" in response.content.decode()
    f.refresh_from_db()
    assert f.status == FollowUpStatus.OPEN and f.due_date == _today()


def test_a_followup_of_another_youth_is_not_found(p: Personas, as_user) -> None:
    other = make_youth(p.contact_person, first_name="Anden")
    f = transition(p, youth=other, days=20).followups.first()
    client = as_user(p.contact_person)
    assert client.post(f"/unge/{p.youth.pk}/opfoelgninger/{f.pk}/udfoert/", {}).status_code == 404
    assert client.post(f"/unge/{p.youth.pk}/opfoelgninger/999999/udfoert/", {}).status_code == 404
    assert client.get("/unge/abc/opfoelgninger/1/udfoert/").status_code == 404


def test_a_next_to_another_site_is_ignored(p: Personas, as_user) -> None:
    f = _due(transition(p, days=20), "Formøde før start", _today())
    response = as_user(p.contact_person).post(f"/unge/{p.youth.pk}/opfoelgninger/{f.pk}/udfoert/",
                                              {"next": "https://evil.example/"})
    assert response.url.startswith(f"/unge/{p.youth.pk}/overgange/")


# The youth's Overgange tab ---------------------------------------------------------------------------------

def test_the_tab_shows_the_path_and_the_schedule(p: Personas, as_user) -> None:
    services.station_create(actor=p.contact_person, youth=p.youth, kind=StationKind.TENTH_GRADE,
                            start_date=_today() - datetime.timedelta(days=300), institution="10. klasse-centret")
    transition(p, days=20)
    html = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/overgange/").content.decode()
    assert "10. klasse-centret" in html and "EUD grundforløb 1, Syddansk Erhvervsskole" in html
    assert "Fællesmøde med KUI, skolen og den unge (8 uger)" in html and "SMS planlagt" in html
    assert 'aria-current="page"' in html and ">Overgange<" in html


def test_the_tab_has_a_constant_query_count(p: Personas, as_user, count_queries) -> None:
    client = as_user(p.contact_person)
    transition(p, days=20)
    url = f"/unge/{p.youth.pk}/overgange/"
    client.get(url)
    small = count_queries(lambda: client.get(url))
    for i in range(4):
        t = transition(p, days=-30 - i * 40, kind=StationKind.JOB, procedure="Eftervend og efterværn")
        services.followup_complete(actor=p.contact_person, followup=t.followups.first(), note="ok")
    large = count_queries(lambda: client.get(url))
    assert small == large


def test_creating_a_transition_through_the_form_makes_its_schedule_once(p: Personas, as_user) -> None:
    proc = procedures(p)[VEJLE]
    client = as_user(p.contact_person)
    form = client.get(f"/unge/{p.youth.pk}/overgange/ny/")
    assert form.context["form"].initial["procedure"] == str(proc.pk)
    data = {"kind": "eud_gf1", "institution": "Syddansk Erhvervsskole", "procedure": str(proc.pk),
            "date": (_today() + datetime.timedelta(days=14)).isoformat(),
            "submission": form.context["form"]["submission"].value()}
    first = client.post(f"/unge/{p.youth.pk}/overgange/ny/", data)
    second = client.post(f"/unge/{p.youth.pk}/overgange/ny/", data)  # the double click
    assert first.status_code == 302
    assert second.status_code == 200 and str(ALREADY_SUBMITTED) in second.content.decode()
    assert Transition.objects.count() == 1 and FollowUp.objects.count() == 9


def test_the_form_refuses_a_missing_date_in_danish(p: Personas, as_user) -> None:
    response = as_user(p.contact_person).post(f"/unge/{p.youth.pk}/overgange/ny/", {"kind": "fgu"})
    assert response.status_code == 200 and "Der er fejl i formularen" in response.content.decode()
    assert not Transition.objects.exists()


def test_moving_and_cancelling_through_the_pages(p: Personas, as_user) -> None:
    t = transition(p, days=20)
    client = as_user(p.contact_person)
    new = _today() + datetime.timedelta(days=27)
    assert client.get(f"/unge/{p.youth.pk}/overgange/{t.pk}/flyt/").status_code == 200
    client.post(f"/unge/{p.youth.pk}/overgange/{t.pk}/flyt/", {"date": new.isoformat()})
    assert t.followups.get(title="Velkomst på første dag").due_date == new
    confirm = client.get(f"/unge/{p.youth.pk}/overgange/{t.pk}/aflys/")
    assert "9 opfølgninger" in confirm.content.decode()
    client.post(f"/unge/{p.youth.pk}/overgange/{t.pk}/aflys/", {"reason": "Valgte et andet sted"})
    t.refresh_from_db()
    assert t.is_cancelled
    assert client.post(f"/unge/{p.youth.pk}/overgange/{t.pk}/flyt/", {"date": new.isoformat()}).status_code == 404


def test_stations_can_be_added_ended_and_deleted(p: Personas, as_user) -> None:
    client = as_user(p.contact_person)
    client.post(f"/unge/{p.youth.pk}/stationer/ny/", {"kind": "9_klasse", "start_date": "2022-08-10"})
    station = Station.objects.get()
    client.post(f"/unge/{p.youth.pk}/stationer/{station.pk}/afslut/",
                {"end_date": "2023-06-20", "end_reason": "gennemfoert"})
    station.refresh_from_db()
    assert station.end_reason == "gennemfoert"
    assert client.get(f"/unge/{p.youth.pk}/stationer/{station.pk}/slet/").status_code == 200
    client.post(f"/unge/{p.youth.pk}/stationer/{station.pk}/slet/")
    assert not Station.objects.exists()


def test_a_station_of_a_transition_cannot_be_deleted(p: Personas, as_user) -> None:
    t = transition(p, days=20)
    response = as_user(p.contact_person).post(f"/unge/{p.youth.pk}/stationer/{t.to_station.pk}/slet/")
    assert response.status_code == 400 and "Aflys overgangen" in response.content.decode()
    assert Station.objects.filter(pk=t.to_station.pk).exists()


def test_the_overview_card_shows_the_current_station_and_next_followups(p: Personas, as_user) -> None:
    transition(p, days=-3)
    html = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/").content.decode()
    assert "EUD grundforløb 1, Syddansk Erhvervsskole" in html
    assert "Næste opfølgninger" in html


def test_mine_unge_shows_each_youths_next_followup_for_a_person(p: Personas, as_user) -> None:
    t = transition(p, days=20)
    for title in ("Gruppevist besøg på uddannelsesstedet", "Formøde før start", "Køreplan for dag 1"):
        services.followup_complete(actor=p.contact_person, followup=t.followups.get(title=title))
    response = as_user(p.contact_person).get("/unge/?sort=opfoelgning")
    youth = next(y for y in response.context["page"].object_list if y.pk == p.youth.pk)
    # The SMS the day before is queued in the outbox; the next step for a person is the welcome visit.
    assert youth.next_followup == t.followups.get(title="Velkomst på første dag").due_date


# Administrators ------------------------------------------------------------------------------------------------

def test_an_administrator_configures_a_procedure(p: Personas, as_user) -> None:
    client = as_user(p.administrator)
    assert "Opret standardprocedurerne" in client.get("/administration/procedurer/").content.decode()
    client.post("/administration/procedurer/standard/")
    assert Procedure.objects.filter(municipality=p.municipality).count() == 3
    response = client.post("/administration/procedurer/ny/", {"name": "Ung i job", "is_active": "on"})
    proc = Procedure.objects.get(name="Ung i job")
    assert response.url == f"/administration/procedurer/{proc.pk}/"
    client.post(f"/administration/procedurer/{proc.pk}/trin/ny/", {
        "title": "Godt nyt-SMS", "kind": "sms", "offset_days": "-1", "at_time": "18:00",
        "responsible_role": "kontaktperson", "sms_template": "Held og lykke i morgen, {fornavn}!"})
    step = proc.steps.get()
    assert step.sms_template == "Held og lykke i morgen, {fornavn}!"
    bad = client.post(f"/administration/procedurer/{proc.pk}/trin/{step.pk}/", {
        "title": "Godt nyt-SMS", "kind": "sms", "offset_days": "-1", "at_time": "18:00",
        "responsible_role": "kontaktperson", "sms_template": "Hej {navn}"})
    assert "Ukendt flettefelt" in bad.content.decode()
    client.post(f"/administration/procedurer/{proc.pk}/trin/{step.pk}/slet/")
    client.post(f"/administration/procedurer/{proc.pk}/slet/")
    assert not Procedure.objects.filter(pk=proc.pk).exists()
    listing = client.get("/administration/procedurer/?q=uddannelsesstart&sort=-trin").context["page"]
    assert [proc.name for proc in listing] == [
        "Den gode uddannelsesstart", "Den gode uddannelsesstart – med opfølgningsmøde efter en måned"]


def test_an_administrator_cannot_reach_another_municipalitys_procedure(p: Personas, as_user) -> None:
    from ungeforlob.accounts.models import Municipality

    other = Procedure.objects.create(municipality=Municipality.objects.get(code="nabo"), name="Nabo")
    assert as_user(p.administrator).get(f"/administration/procedurer/{other.pk}/").status_code == 404


# Leaders ----------------------------------------------------------------------------------------------------

def test_the_leader_page_shows_figures_per_procedure_and_no_names(p: Personas, as_user) -> None:
    for i in range(6):
        youth = make_youth(p.contact_person, first_name=f"Elev{i}", mobile="")
        t = transition(p, youth=youth, date=_today() - datetime.timedelta(days=200 + i))
        if i == 0:
            services.station_end(actor=p.contact_person, station=t.to_station,
                                 end_date=t.date + datetime.timedelta(days=20), end_reason="afbrudt")
    response = as_user(p.leader).get("/ledelse/overgange/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Den gode uddannelsesstart" in html and "83 %" in html  # 5 of 6 still there after 3 months
    assert "Elev" not in html and "Josefine" not in html


def test_the_leader_page_shows_the_last_year_of_followups_and_the_whole_history_on_request(
        p: Personas, as_user) -> None:
    t = transition(p, date=_today() - datetime.timedelta(days=100))
    formoede = t.followups.get(title="Formøde før start")
    old = _today() - datetime.timedelta(days=500)
    FollowUp.objects.filter(pk=formoede.pk).update(planned_date=old, due_date=old)
    client = as_user(p.leader)

    def steps(query: str) -> set[str]:
        response = client.get(f"/ledelse/overgange/{query}")
        assert response.status_code == 200
        return {row.step for row in response.context["compliance"]}

    last_year = steps("")
    assert "Formøde før start" not in last_year and "Velkomst på første dag" in last_year
    assert steps("?periode=12") == last_year
    assert "Formøde før start" in steps("?periode=0")
    assert steps("?periode=abc") == last_year  # a hand-edited period falls back to the last year, no error
    assert 'value="0"' in client.get("/ledelse/overgange/?periode=0").content.decode()


def test_a_teacher_may_act_on_their_own_followup_but_not_on_others(p: Personas, as_user) -> None:
    from ungeforlob.testing import add_member, make_user

    teacher = make_user("laereren", p.municipality, p.organisation, profession="Lærer")
    add_member(p.youth, teacher, role="laerer")
    t = transition(p, procedure="Den gode uddannelsesstart – med opfølgningsmøde efter en måned", days=-31)
    meeting = t.followups.get(title="Opfølgningsmøde efter en måned")
    FollowUp.objects.filter(pk=meeting.pk).update(responsible_role="laerer")
    client = as_user(teacher)
    assert [i.title for i in client.get("/i-dag/").context["items"] if i.kind == "opfoelgning"] == [meeting.title]
    welcome = t.followups.get(title="Velkomst på første dag")
    assert client.post(f"/unge/{p.youth.pk}/opfoelgninger/{welcome.pk}/udfoert/", {}).status_code == 404
    response = client.post(f"/unge/{p.youth.pk}/opfoelgninger/{meeting.pk}/udfoert/", {"note": "Godt møde"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == FollowUpStatus.DONE and meeting.done_by == teacher


# Issue 13: once-only create forms, the language switch, one definition of the contact person ---------------

def _submitted_twice(client, url: str, data: dict) -> tuple:  # noqa: ANN001 - a test client
    form = client.get(url).context["form"]
    token = form["submission"].value() if "submission" in form.fields else "same-token"
    return client.post(url, {**data, "submission": token}), client.post(url, {**data, "submission": token})


def test_a_new_station_posted_twice_is_added_once(p: Personas, as_user) -> None:
    first, second = _submitted_twice(as_user(p.contact_person), f"/unge/{p.youth.pk}/stationer/ny/",
                                     {"kind": "9_klasse", "start_date": "2022-08-10"})
    assert first.status_code == 302
    assert second.status_code == 200 and str(ALREADY_SUBMITTED) in second.content.decode()
    assert Station.objects.filter(youth=p.youth).count() == 1


def test_a_new_procedure_and_a_new_step_posted_twice_are_added_once(p: Personas, as_user) -> None:
    client = as_user(p.administrator)
    _submitted_twice(client, "/administration/procedurer/ny/", {"name": "Sommerferien", "is_active": "on"})
    procedure = Procedure.objects.get(name="Sommerferien")
    _submitted_twice(client, f"/administration/procedurer/{procedure.pk}/trin/ny/", {
        "title": "Opkald", "kind": "opkald", "offset_days": "7", "at_time": "09:00",
        "responsible_role": "kontaktperson"})
    assert Procedure.objects.filter(name="Sommerferien").count() == 1
    assert procedure.steps.count() == 1


@pytest.mark.parametrize("path", ["udfoert", "flyt", "spring-over"])
def test_the_language_switch_works_from_every_followup_page(p: Personas, as_user, path: str) -> None:
    """The footer's language form must post to the language switch (not to "done", "move" or "skip")."""
    import re
    from urllib.parse import urljoin

    t = transition(p, days=3)
    followup = t.followups.order_by("due_date").first()
    client = as_user(p.contact_person)
    page_url = f"/unge/{p.youth.pk}/opfoelgninger/{followup.pk}/{path}/"
    html = client.get(page_url).content.decode()
    form = re.search(r'<form action="([^"]*)"[^>]*>(?:(?!</form>).)*name="language"', html, re.S)
    assert form is not None
    switched = client.post(urljoin(page_url, form.group(1)), {"language": "en", "next": page_url})
    assert switched.status_code == 302
    assert client.get(switched["Location"]).status_code == 200
    assert switched.cookies["django_language"].value == "en"


def test_the_sms_signs_with_the_contact_person_whose_membership_ends_later(p: Personas) -> None:
    """A contact person with a planned end date is still the contact person until then."""
    p.youth.memberships.filter(professional=p.contact_person).update(
        end_date=_today() + datetime.timedelta(days=60))
    t = services.transition_create(actor=p.colleague, youth=p.youth, kind=StationKind.EUD_GF1, institution="SDE",
                                   date=_today() + datetime.timedelta(days=10), procedure=procedures(p)[VEJLE])
    sms = t.followups.get(title="SMS dagen før")
    assert sms.sms_body.endswith("/Mette")


def test_every_kind_an_agenda_source_names_has_its_own_label_in_both_languages() -> None:
    """Each app's items on I dag name their kind; the badge beside the title writes it in words, never the code."""
    import pathlib
    import re as regex

    from django.utils import translation

    from ungeforlob.transitions.templatetags.transitions import _KIND_LABELS, agenda_kind

    root = pathlib.Path(__file__).resolve().parents[2]
    named = {kind for path in root.glob("*/agenda.py")
             for kind in regex.findall(r'kind="([^"]+)"', path.read_text(encoding="utf-8"))}
    assert "fravaer" in named and "opfoelgning" not in named  # follow-ups are made in transitions.selectors
    assert named <= set(_KIND_LABELS), named - set(_KIND_LABELS)
    with translation.override("da"):
        assert (agenda_kind("fravaer"), agenda_kind("tjek_ind")) == ("Fravær", "Tjek-ind")
    with translation.override("en"):
        assert (agenda_kind("fravaer"), agenda_kind("tjek_ind")) == ("Absence", "Check-in")
