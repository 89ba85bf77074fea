"""The two-factor check costs no device query per request for staff without a device, and still notices one."""

from __future__ import annotations

from unittest import mock

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.accounts import middleware
from ungeforlob.testing import PASSWORD, Personas


def _device_queries(client: Client, path: str = "/unge/") -> int:
    with CaptureQueriesContext(connection) as ctx:
        client.get(path)
    return sum("otp_totp_totpdevice" in q["sql"] for q in ctx.captured_queries)


def test_a_professional_without_a_device_is_not_asked_for_one_on_every_request(p: Personas) -> None:
    client = Client()
    client.post("/login/", {"username": "kontaktperson", "password": PASSWORD})
    assert _device_queries(client) == 0  # the login looked, and remembered the answer in the session
    assert _device_queries(client) == 0


def test_a_test_client_logged_in_by_force_asks_no_more_on_its_first_request_than_later(p: Personas,
                                                                                       as_user) -> None:
    client = as_user(p.contact_person)
    assert _device_queries(client) == 0


def test_a_device_confirmed_in_another_session_is_asked_for_after_the_recheck_time(p: Personas) -> None:
    client = Client()
    client.post("/login/", {"username": "kontaktperson", "password": PASSWORD})
    assert client.get("/unge/").status_code == 200
    TOTPDevice.objects.create(user=p.contact_person, name="telefon", confirmed=True)
    assert client.get("/unge/").status_code == 200  # within the recheck time: not yet noticed
    later = middleware.time.time() + middleware.NO_DEVICE_RECHECK_SECONDS + 1
    with mock.patch.object(middleware.time, "time", return_value=later):
        response = client.get("/unge/")
    assert response.status_code == 302 and response.url == "/to-faktor/"


def test_an_administrator_without_a_device_is_still_sent_to_set_one_up_on_every_page(p: Personas) -> None:
    TOTPDevice.objects.filter(user=p.administrator).delete()
    client = Client()
    client.post("/login/", {"username": "admin", "password": PASSWORD})
    for _ in range(3):
        response = client.get("/administration/medarbejdere/")
        assert response.status_code == 302 and response.url == "/to-faktor/opsaet/"


def test_the_views_get_the_user_itself_not_the_lazy_wrappers_and_two_factor_still_answers(p: Personas,
                                                                                         as_user) -> None:
    """After the checks, `request.user` is the user behind Django's and django-otp's lazy wrappers: a page reads
    it hundreds of times."""
    from django.contrib.auth.models import AnonymousUser
    from django.utils.functional import LazyObject

    from ungeforlob.accounts.models import User

    response = as_user(p.contact_person).get("/unge/")
    user = response.wsgi_request.user
    assert response.status_code == 200
    assert type(user) is User and not isinstance(user, LazyObject)
    assert user.pk == p.contact_person.pk and user.is_verified() is False
    anonymous = Client().get("/login/").wsgi_request.user
    assert isinstance(anonymous, AnonymousUser) and not isinstance(anonymous, LazyObject)
