"""The staff login's defences: one login for the admin too, one lockout per name and per real client address,
no open redirect after the second factor, and failure rows that do not pile up."""

from datetime import timedelta

import pytest
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.accounts.models import LoginFailure
from ungeforlob.accounts.services import login_failures_prune
from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.core.request_context import client_ip
from ungeforlob.testing import PASSWORD, Personas, client_for


def _login(client: Client, username: str, password: str, **extra):
    return client.post("/login/", {"username": username, "password": password}, **extra)


def _token(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def _make_system_administrator(p: Personas) -> None:
    p.administrator.is_staff = True
    p.administrator.is_superuser = True
    p.administrator.save()


# The Django admin has no login of its own ------------------------------------------------------------------

def test_the_admin_login_sends_to_the_staff_login_and_back_to_the_admin(p: Personas) -> None:
    response = Client().get("/systemadmin/login/?next=/systemadmin/accounts/user/")
    assert response.status_code == 302
    assert response.url == "/login/?next=/systemadmin/accounts/user/"
    assert Client().get("/systemadmin/", follow=True).redirect_chain[-1][0] == "/login/?next=/systemadmin/"


def test_the_admin_login_refuses_a_next_to_another_site(p: Personas) -> None:
    response = Client().get("/systemadmin/login/?next=https://evil.example/")
    assert response.url == "/login/?next=/systemadmin/"


def test_the_admin_login_is_no_password_oracle_around_the_lockout(p: Personas) -> None:
    _make_system_administrator(p)
    client = Client()
    wrong = [client.post("/systemadmin/login/", {"username": "admin", "password": f"forkert{i}"}) for i in range(12)]
    right = client.post("/systemadmin/login/", {"username": "admin", "password": PASSWORD})
    assert {(r.status_code, r.url) for r in [*wrong, right]} == {(302, "/login/?next=/systemadmin/")}
    assert "_auth_user_id" not in client.session


def test_wrong_passwords_on_the_way_to_the_admin_lock_the_account_and_are_audited(p: Personas) -> None:
    _make_system_administrator(p)
    client = Client()
    for i in range(5):
        client.post("/login/?next=/systemadmin/", {"username": "admin", "password": f"forkert{i}"})
    assert LoginFailure.objects.filter(username="admin").count() == 5
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED, detail__username="admin").count() == 5
    locked = client.post("/login/?next=/systemadmin/", {"username": "admin", "password": PASSWORD})
    assert "For mange forkerte forsøg" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_admin_is_reached_through_the_staff_login_and_the_second_factor(p: Personas) -> None:
    _make_system_administrator(p)
    device = TOTPDevice.objects.get(user=p.administrator)
    client = Client()
    response = client.post("/login/", {"username": "admin", "password": PASSWORD, "next": "/systemadmin/"})
    assert response.status_code == 302 and response.url == "/to-faktor/?next=%2Fsystemadmin%2F"
    response = client.post(response.url, {"token": _token(device)})
    assert response.status_code == 302 and response.url == "/systemadmin/"
    page = client.get("/systemadmin/")
    assert page.status_code == 200 and "Organisationer" in page.content.decode()


def test_a_logged_in_user_without_admin_rights_is_refused_the_admin_without_a_loop(p: Personas) -> None:
    response = client_for(p.contact_person).get("/systemadmin/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) == 1


def test_a_system_administrator_already_in_is_sent_from_the_admin_login_to_the_admin(p: Personas) -> None:
    _make_system_administrator(p)
    response = client_for(p.administrator).get("/systemadmin/login/")
    assert response.status_code == 302 and response.url == "/systemadmin/"


# One name, however it is typed ------------------------------------------------------------------------------

@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_the_lockout_counts_a_username_with_spaces_and_capitals_as_one_name(p: Personas) -> None:
    client = Client()
    for typed in [" kontaktperson", "KONTAKTPERSON  ", "Kontaktperson"]:
        _login(client, typed, "forkert")
    assert set(LoginFailure.objects.values_list("username", flat=True)) == {"kontaktperson"}
    locked = _login(client, "kontaktperson", PASSWORD)
    assert "For mange forkerte forsøg" in locked.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_a_successful_login_clears_failures_typed_with_spaces(p: Personas) -> None:
    client = Client()
    for _ in range(2):
        _login(client, " kontaktperson ", "forkert")
    assert _login(client, "kontaktperson", PASSWORD).status_code == 302
    assert not LoginFailure.objects.exists()


# No open redirect after the second factor -------------------------------------------------------------------

@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "http://evil.example/unge/",
                                    "https:///evil.example", "javascript:alert(1)"])
def test_the_second_factor_refuses_a_next_to_another_site(p: Personas, target: str) -> None:
    device = TOTPDevice.objects.get(user=p.administrator)
    client = Client()
    _login(client, "admin", PASSWORD)
    response = client.post("/to-faktor/", {"token": _token(device)}, QUERY_STRING=f"next={target}")
    assert response.status_code == 302 and response.url == "/"


def test_the_second_factor_follows_a_next_on_this_site(p: Personas) -> None:
    device = TOTPDevice.objects.get(user=p.administrator)
    client = Client()
    _login(client, "admin", PASSWORD)
    response = client.post("/to-faktor/?next=/administration/organisationer/", {"token": _token(device)})
    assert response.status_code == 302 and response.url == "/administration/organisationer/"


def test_a_wrong_code_keeps_the_user_on_the_second_factor_page(p: Personas) -> None:
    device = TOTPDevice.objects.get(user=p.administrator)
    client = Client()
    _login(client, "admin", PASSWORD)
    wrong = "000000" if _token(device) != "000000" else "111111"
    response = client.post("/to-faktor/?next=https://evil.example/", {"token": wrong})
    assert response.status_code == 200 and "Koden passer ikke." in response.content.decode()


# The real client address behind the municipality's proxy ----------------------------------------------------

def _request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_without_trusted_proxies_the_client_is_remote_addr_whatever_the_header_says() -> None:
    assert client_ip(_request("10.0.0.1", "203.0.113.9")) == "10.0.0.1"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_client_is_the_address_the_proxy_saw_not_what_the_client_wrote() -> None:
    assert client_ip(_request("10.0.0.1", "203.0.113.9")) == "203.0.113.9"
    assert client_ip(_request("10.0.0.1", "6.6.6.6, 203.0.113.9")) == "203.0.113.9"
    assert client_ip(_request("10.0.0.1", "2001:db8::1")) == "2001:db8::1"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_client_is_the_address_the_outer_proxy_saw() -> None:
    assert client_ip(_request("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1")) == "203.0.113.9"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_a_missing_short_or_forged_header_falls_back_to_remote_addr() -> None:
    assert client_ip(_request("10.0.0.2")) == "10.0.0.2"
    assert client_ip(_request("10.0.0.2", "203.0.113.9")) == "10.0.0.2"
    assert client_ip(_request("10.0.0.2", "ikke-en-adresse, 10.0.0.1")) == "10.0.0.2"


@override_settings(TRUSTED_PROXY_COUNT=1, LOGIN_FAILURE_LIMIT=2)
def test_behind_the_proxy_failures_from_one_client_do_not_lock_out_the_others(p: Personas) -> None:
    attacker = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.66")
    for i in range(8):  # the address limit is four times the name limit, over many names
        _login(attacker, f"gaet{i}", "forkert")
    assert set(LoginFailure.objects.values_list("ip_address", flat=True)) == {"203.0.113.66"}
    failed = AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED)
    assert set(failed.values_list("ip_address", flat=True)) == {"203.0.113.66"}
    assert "For mange forkerte forsøg" in _login(attacker, "kollega", PASSWORD).content.decode()
    colleague = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert _login(colleague, "kollega", PASSWORD).status_code == 302
    login = AuditEvent.objects.get(action=AuditAction.LOGIN, actor=p.colleague)
    assert login.ip_address == "198.51.100.7"


# Failure rows do not pile up --------------------------------------------------------------------------------

def _failure(age: timedelta) -> LoginFailure:
    row = LoginFailure.objects.create(username="x", ip_address="203.0.113.1")
    LoginFailure.objects.filter(pk=row.pk).update(created_at=timezone.now() - age)
    return row


def test_pruning_deletes_failures_older_than_a_day_and_keeps_the_rest(db: None) -> None:
    _failure(timedelta(hours=25))
    recent = _failure(timedelta(hours=23))
    assert login_failures_prune() == 1
    assert list(LoginFailure.objects.values_list("pk", flat=True)) == [recent.pk]


@override_settings(LOGIN_FAILURE_WINDOW_SECONDS=15 * 60)
def test_pruning_never_lifts_a_running_lockout(db: None) -> None:
    inside = _failure(timedelta(minutes=10))
    _failure(timedelta(minutes=20))
    assert login_failures_prune(older_than=timedelta(0)) == 1
    assert list(LoginFailure.objects.values_list("pk", flat=True)) == [inside.pk]


def test_pruning_takes_keyword_arguments_only(db: None) -> None:
    with pytest.raises(TypeError):
        login_failures_prune(timedelta(hours=1))  # type: ignore[misc]


# The front door ---------------------------------------------------------------------------------------------

def test_the_staff_login_shows_young_people_the_way_to_min_side(db: None) -> None:
    page = Client().get("/login/").content.decode()
    assert "Er du ung?" in page
    assert 'href="/min-side/login/"' in page and "Log ind på Min side" in page
