from django.contrib.auth.hashers import identify_hasher
from django.test import Client, override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.testing import PASSWORD, Personas


def _login(client: Client, username: str, password: str):
    return client.post("/login/", {"username": username, "password": password})


def _token(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def test_passwords_are_hashed_with_argon2(p: Personas) -> None:
    from django.conf import settings as django_settings
    from django.test import override_settings as override

    from config import settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    with override(PASSWORD_HASHERS=project_settings.PASSWORD_HASHERS):
        assert django_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
        p.contact_person.set_password("en-helt-ny-adgangskode")
        assert identify_hasher(p.contact_person.password).algorithm == "argon2"


def test_it_logs_in_and_lands_on_the_caseload(p: Personas) -> None:
    client = Client()
    response = _login(client, "kontaktperson", PASSWORD)
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, actor=p.contact_person).exists()
    assert client.get(response.url, follow=True).status_code == 200


def test_a_wrong_password_gets_a_danish_message(p: Personas) -> None:
    response = _login(Client(), "kontaktperson", "forkert")
    assert response.status_code == 200
    assert "Brugernavn eller adgangskode er forkert." in response.content.decode()


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_it_locks_a_username_after_repeated_failures_even_with_the_right_password(p: Personas) -> None:
    client = Client()
    for _ in range(3):
        _login(client, "kontaktperson", "forkert")
    response = _login(client, "kontaktperson", PASSWORD)
    assert response.status_code == 200
    assert "For mange forkerte forsøg" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_a_successful_login_clears_earlier_failures(p: Personas) -> None:
    client = Client()
    for _ in range(2):
        _login(client, "kontaktperson", "forkert")
    assert _login(client, "kontaktperson", PASSWORD).status_code == 302
    client.logout()
    for _ in range(2):
        _login(client, "kontaktperson", "forkert")
    assert _login(client, "kontaktperson", PASSWORD).status_code == 302


def test_an_administrator_without_a_device_must_set_up_two_factor_first(p: Personas) -> None:
    TOTPDevice.objects.filter(user=p.administrator).delete()
    client = Client()
    _login(client, "admin", PASSWORD)
    response = client.get("/administration/medarbejdere/")
    assert response.status_code == 302 and response.url == "/to-faktor/opsaet/"
    page = client.get("/to-faktor/opsaet/")
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=p.administrator, confirmed=False)
    bad = client.post("/to-faktor/opsaet/", {"token": "000000" if _token(device) != "000000" else "111111"})
    assert "Koden passer ikke" in bad.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows down guessing after a failure; a human would wait a second
    good = client.post("/to-faktor/opsaet/", {"token": _token(device)})
    assert good.status_code == 302
    assert client.get("/administration/medarbejdere/").status_code == 200


def test_a_user_with_a_device_must_enter_a_code_after_the_password(p: Personas) -> None:
    device = TOTPDevice.objects.get(user=p.administrator)
    client = Client()
    _login(client, "admin", PASSWORD)
    assert client.get("/administration/organisationer/").url == "/to-faktor/"
    assert "Koden har 6 cifre." in client.post("/to-faktor/", {"token": "12"}).content.decode()
    assert client.post("/to-faktor/", {"token": _token(device)}).status_code == 302
    assert client.get("/administration/organisationer/").status_code == 200


def test_logout_ends_the_session(p: Personas) -> None:
    client = Client()
    _login(client, "kontaktperson", PASSWORD)
    client.post("/logout/")
    assert client.get("/unge/").status_code == 302
