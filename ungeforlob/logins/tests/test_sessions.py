"""Staff sessions: timeouts (time-travel), revocation, log out everywhere, login history."""

from __future__ import annotations

from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.test import Client, override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.accounts.services import professional_save, professional_set_active
from ungeforlob.logins import sessions
from ungeforlob.logins.devices import describe
from ungeforlob.logins.models import LoginEvent, UserSession
from ungeforlob.testing import PASSWORD, Personas, client_for


@pytest.fixture(autouse=True)
def _production_reauthentication_time(settings) -> None:
    """These tests are about the re-authentication clock: its production value (the suite's conftest stretches it
    for long page walks)."""
    settings.STAFF_REAUTH_MINUTES = 5


FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"


def _logged_in(username: str = "kontaktperson", agent: str = FIREFOX) -> Client:
    client = Client(HTTP_USER_AGENT=agent)
    response = client.post("/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


class Clock:
    """`sessions._now` moved by hand: the test's time machine."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def forward(self, *, minutes: float = 0, hours: float = 0) -> None:
        self.now += minutes * 60 + hours * 3600


def _is_logged_out(client: Client) -> bool:
    response = client.get("/unge/")
    return response.status_code == 302 and response.url.startswith("/login/")


@override_settings(STAFF_SESSION_IDLE_MINUTES=30)
def test_a_staff_session_ends_after_the_idle_timeout(p: Personas) -> None:
    clock = Clock()
    with mock.patch.object(sessions, "_now", clock):
        client = _logged_in()
        clock.forward(minutes=29)
        assert client.get("/unge/").status_code == 200
        clock.forward(minutes=31)
        assert _is_logged_out(client)
    assert not UserSession.objects.filter(user=p.contact_person).exists()


@override_settings(STAFF_SESSION_IDLE_MINUTES=30, STAFF_SESSION_ABSOLUTE_HOURS=8)
def test_activity_keeps_a_session_alive_but_not_past_the_absolute_timeout(p: Personas) -> None:
    clock = Clock()
    with mock.patch.object(sessions, "_now", clock):
        client = _logged_in()
        for _ in range(16):  # a request every 29 minutes: 7 h 44 min of work, never idle
            clock.forward(minutes=29)
            assert client.get("/unge/").status_code == 200
        clock.forward(minutes=14)  # 7 h 58 min: still within
        assert client.get("/unge/").status_code == 200
        clock.forward(minutes=6)  # 8 h 04 min after the login
        response = client.get("/unge/", follow=True)
    assert "sessionen var udløbet" in response.content.decode()
    assert response.request["PATH_INFO"] == "/login/"


def test_the_session_clock_costs_no_query_and_no_save_on_a_busy_page(p: Personas, count_queries) -> None:
    clock = Clock()
    with mock.patch.object(sessions, "_now", clock):
        client = _logged_in()
        client.get("/unge/")
        first = count_queries(lambda: client.get("/unge/"))
        clock.forward(minutes=0.5)
        again = count_queries(lambda: client.get("/unge/"))
    assert first == again


def test_a_deactivated_user_loses_every_session_at_once(p: Personas) -> None:
    laptop, phone = _logged_in(), _logged_in(agent="Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari/604.1")
    keys = list(UserSession.objects.filter(user=p.contact_person).values_list("session_key", flat=True))
    assert len(keys) == 2
    professional_set_active(actor=p.administrator, professional=p.contact_person, active=False)
    assert not Session.objects.filter(session_key__in=keys).exists()
    assert _is_logged_out(laptop)
    assert _is_logged_out(phone)


def test_a_user_removed_from_their_organisation_loses_every_session(p: Personas) -> None:
    client = _logged_in("kollega")
    p.colleague.organisation = None
    professional_save(actor=p.administrator, professional=p.colleague)
    assert _is_logged_out(client)


def test_saving_a_user_without_moving_them_keeps_their_sessions(p: Personas) -> None:
    client = _logged_in("kollega")
    p.colleague.phone = "+4520000000"
    professional_save(actor=p.administrator, professional=p.colleague)
    assert client.get("/unge/").status_code == 200


def test_logout_everywhere_ends_every_session_of_the_user_and_only_theirs(p: Personas) -> None:
    first, second = _logged_in(), _logged_in()
    colleague = _logged_in("kollega")
    assert first.get("/mine-logins/log-ud-overalt/").status_code == 200
    response = first.post("/mine-logins/log-ud-overalt/")
    assert response.status_code == 302
    assert _is_logged_out(first)
    assert _is_logged_out(second)
    assert colleague.get("/unge/").status_code == 200


def test_the_administrator_logs_a_member_of_staff_out_everywhere(p: Personas) -> None:
    victim = _logged_in()
    admin = client_for(p.administrator)
    page = admin.get(f"/administration/medarbejdere/{p.contact_person.pk}/log-ud-overalt/")
    assert page.status_code == 200
    assert "Firefox på Windows" in page.content.decode()
    response = admin.post(f"/administration/medarbejdere/{p.contact_person.pk}/log-ud-overalt/")
    assert response.status_code == 302
    assert _is_logged_out(victim)
    assert admin.get("/administration/medarbejdere/").status_code == 200


def test_the_administrator_cannot_log_out_staff_of_another_municipality(p: Personas) -> None:
    admin = client_for(p.administrator)
    assert admin.post(f"/administration/medarbejdere/{p.stranger.pk}/log-ud-overalt/").status_code == 404


def test_staff_see_their_recent_logins_with_device_address_and_failures(p: Personas) -> None:
    Client(HTTP_USER_AGENT=FIREFOX).post("/login/", {"username": "kontaktperson", "password": "forkert"})
    client = _logged_in()
    page = client.get("/mine-logins/").content.decode()
    assert "Firefox på Windows" in page
    assert "Mislykket" in page
    assert "Logget ind" in page
    assert "127.0.0.1" in page
    assert LoginEvent.objects.filter(user=p.contact_person, success=False).count() == 1


def test_the_login_history_shows_only_the_users_own_logins(p: Personas) -> None:
    _logged_in("kollega", agent="Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Safari/605.1.15")
    page = _logged_in().get("/mine-logins/").content.decode()
    assert "Safari på macOS" not in page


def test_the_login_history_page_has_a_constant_query_count(p: Personas, count_queries) -> None:
    client = _logged_in()
    small = count_queries(lambda: client.get("/mine-logins/"))
    for _ in range(30):
        _logged_in()
    large = count_queries(lambda: client.get("/mine-logins/"))
    assert small == large


def test_devices_are_named_from_the_user_agent() -> None:
    assert describe(FIREFOX) == "Firefox på Windows"
    assert describe("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36") == \
        "Chrome på Android"
    assert describe("") == "Ukendt enhed"


# --- re-authentication --------------------------------------------------------------------------------


def _reveal(client: Client, youth_pk: int) -> object:
    return client.post(f"/unge/{youth_pk}/cpr/", {"purpose": "Ansøgning om uddannelseshjælp"},
                       HTTP_REFERER=f"http://testserver/unge/{youth_pk}/")


@override_settings(STAFF_REAUTH_MINUTES=5)
def test_revealing_a_cpr_number_asks_for_the_password_again_after_a_few_minutes(p: Personas) -> None:
    clock = Clock()
    with mock.patch.object(sessions, "_now", clock):
        client = _logged_in()
        assert _reveal(client, p.youth.pk).status_code == 200  # the login itself was minutes ago
        clock.forward(minutes=6)
        refused = _reveal(client, p.youth.pk)
        assert refused.status_code == 302
        assert refused.url == f"/bekraeft/?next=%2Funge%2F{p.youth.pk}%2F"
        wrong = client.post("/bekraeft/", {"password": "forkert", "next": f"/unge/{p.youth.pk}/"})
        assert "Adgangskoden er forkert." in wrong.content.decode()
        confirmed = client.post("/bekraeft/", {"password": PASSWORD, "next": f"/unge/{p.youth.pk}/"})
        assert confirmed.status_code == 302 and confirmed.url == f"/unge/{p.youth.pk}/"
        shown = _reveal(client, p.youth.pk)
    assert shown.status_code == 200
    assert 'data-testid="cpr-full"' in shown.content.decode()


def test_an_htmx_reveal_is_sent_to_the_confirmation_page(p: Personas) -> None:
    clock = Clock()
    with mock.patch.object(sessions, "_now", clock):
        client = _logged_in()
        clock.forward(minutes=20)
        response = client.post(f"/unge/{p.youth.pk}/cpr/", {"purpose": "x"}, HTTP_HX_REQUEST="true",
                               HTTP_REFERER=f"http://testserver/unge/{p.youth.pk}/")
    assert response["HX-Redirect"].startswith("/bekraeft/")


def test_a_user_with_two_factor_types_the_code_too(p: Personas) -> None:
    device = TOTPDevice.objects.create(user=p.contact_person, name="t", confirmed=True)
    clock = Clock()
    with mock.patch.object(sessions, "_now", clock):
        client = client_for(p.contact_person)
        clock.forward(minutes=10)
        without = client.post("/bekraeft/", {"password": PASSWORD, "next": "/unge/"})
        assert "Skriv koden fra din authenticator-app." in without.content.decode()
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        ok = client.post("/bekraeft/", {"password": PASSWORD, "token": f"{totp.token():06d}", "next": "/unge/"})
    assert ok.status_code == 302


def test_a_confirmation_page_never_sends_the_user_off_site(p: Personas) -> None:
    client = client_for(p.contact_person)
    response = client.post("/bekraeft/", {"password": PASSWORD, "next": "https://evil.example/"})
    assert response.status_code == 302 and response.url == "/"


def test_exports_ask_for_the_password_again(p: Personas) -> None:
    clock = Clock()
    with mock.patch.object(sessions, "_now", clock):
        client = client_for(p.contact_person)
        leader = client_for(p.leader)
        clock.forward(minutes=10)
        assert client.get(f"/unge/{p.youth.pk}/plan/pdf/").url.startswith("/bekraeft/")
        assert client.get(f"/unge/{p.youth.pk}/plan/del/").status_code == 200  # the page opens …
        assert client.post(f"/unge/{p.youth.pk}/plan/del/", {}).url.startswith("/bekraeft/")  # … sending needs it
        assert leader.get("/ledelse/eksport/x.csv").url.startswith("/bekraeft/")


def test_login_history_older_than_its_keeping_time_is_pruned(p: Personas) -> None:
    import datetime

    from django.utils import timezone

    from ungeforlob.logins.services import login_history_prune

    _logged_in()
    old = LoginEvent.objects.create(user=p.contact_person, username="kontaktperson", success=True)
    LoginEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=91))
    assert login_history_prune() == 1
    assert LoginEvent.objects.filter(user=p.contact_person).count() == 1
