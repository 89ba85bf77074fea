"""While the database cannot be reached every request gets 503 with a Danish page (ungeforlob.core.outage).

Fast, on SQLite: the outage is simulated where a real one surfaces — a view or a middleware raising Django's
OperationalError/InterfaceError. The real PostgreSQL restart under load is `make load-test` (docs/benchmarks.md).
"""

from __future__ import annotations

from unittest import mock

import pytest
from django.contrib.auth.decorators import login_not_required
from django.contrib.sessions.backends.base import UpdateError
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import include, path

from ungeforlob.core.outage import RETRY_AFTER_SECONDS


@login_not_required
def _database_gone(request: HttpRequest) -> HttpResponse:
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


@login_not_required
def _connection_closed(request: HttpRequest) -> HttpResponse:
    raise InterfaceError("connection already closed")


@login_not_required
def _remembers(request: HttpRequest) -> HttpResponse:
    request.session["seen"] = 1  # saved by SessionMiddleware after the view has answered
    return HttpResponse("ok")


@login_not_required
def _bad_input(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Ugyldig dato", status=400)


@login_not_required
def _a_bug(request: HttpRequest) -> HttpResponse:
    raise ValueError("a programming error")


urlpatterns = [
    path("test-outage/operational/", _database_gone),
    path("test-outage/interface/", _connection_closed),
    path("test-outage/bug/", _a_bug),
    path("test-outage/session/", _remembers),
    path("test-outage/bad-input/", _bad_input),
    path("", include("config.urls")),
]

pytestmark = pytest.mark.urls(__name__)


def test_a_database_error_in_a_view_is_answered_503_with_the_danish_page_and_retry_after() -> None:
    response = Client().get("/test-outage/operational/")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response.headers["Cache-Control"]
    assert response.headers["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "Ungeforløb er midlertidigt utilgængelig" in page
    assert 'href="/test-outage/operational/"' in page  # "Prøv igen" on the same page


def test_the_outage_page_shows_no_trace_of_the_error() -> None:
    page = Client().get("/test-outage/operational/").content.decode()
    assert "Connection refused" not in page and "OperationalError" not in page and "Traceback" not in page
    assert "<script" not in page


def test_a_closed_connection_is_an_outage_too() -> None:
    response = Client().get("/test-outage/interface/")
    assert response.status_code == 503
    assert "midlertidigt utilgængelig" in response.content.decode()


def test_a_form_sent_during_the_outage_is_told_it_may_not_be_saved() -> None:
    response = Client().post("/test-outage/operational/", {"text": "x"})
    assert response.status_code == 503
    assert "måske ikke gemt" in response.content.decode()


def test_a_client_asking_for_json_gets_json() -> None:
    response = Client().get("/test-outage/operational/", headers={"Accept": "application/json"})
    assert response.status_code == 503
    assert response.headers["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response.json()["status"] == "unavailable"
    assert "midlertidigt utilgængelig" in response.json()["detail"]


def test_the_page_follows_the_chosen_language() -> None:
    response = Client().get("/test-outage/operational/", headers={"Accept-Language": "en"})
    assert response.status_code == 503
    assert '<html lang="en">' in response.content.decode()


def test_other_errors_are_untouched() -> None:
    with pytest.raises(ValueError, match="a programming error"):
        Client().get("/test-outage/bug/")
    response = Client(raise_request_exception=False).get("/test-outage/bug/")
    assert response.status_code == 500
    assert "Retry-After" not in response.headers
    assert "midlertidigt utilgængelig" not in response.content.decode()


@pytest.mark.django_db
def test_a_database_error_while_loading_the_session_is_answered_503() -> None:
    """Before any view runs: the login check reads the user, i.e. the session row (then the 500 page's
    context processors read the user again and fail too)."""
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "s" * 32
    gone = OperationalError("server closed the connection unexpectedly")
    with mock.patch("django.contrib.sessions.backends.db.SessionStore.load", side_effect=gone):
        response = client.get("/unge/")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "Ungeforløb er midlertidigt utilgængelig" in response.content.decode()


@pytest.mark.django_db
def test_an_outage_in_a_middleware_is_logged_as_one_line_without_a_stack_trace(caplog) -> None:
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "s" * 32
    gone = OperationalError("server closed the connection unexpectedly")
    with caplog.at_level("WARNING"), \
            mock.patch("django.contrib.sessions.backends.db.SessionStore.load", side_effect=gone):
        assert client.get("/unge/").status_code == 503
    assert [r.name for r in caplog.records] == ["ungeforlob.outage"]
    assert "GET /unge/ answered 503 (OperationalError: server closed" in caplog.records[0].getMessage()
    assert caplog.records[0].exc_info is None


def test_a_bug_still_reaches_the_log_with_its_stack_trace(caplog) -> None:
    with caplog.at_level("ERROR"):
        Client(raise_request_exception=False).get("/test-outage/bug/")
    assert any(r.name == "django.request" and r.exc_info for r in caplog.records)


@pytest.mark.django_db
def test_healthz_answers_503_while_the_database_is_down() -> None:
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("down")):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_a_session_that_cannot_be_saved_because_the_database_went_away_is_answered_503() -> None:
    """Django turns the failed session save into 400 "session interrupted"; the database is the cause."""

    def database_gone(*args: object, **kwargs: object) -> None:
        connection.errors_occurred = True  # what Django's error wrapper does on an OperationalError
        raise UpdateError

    client = Client(raise_request_exception=False)
    try:
        with mock.patch("django.contrib.sessions.backends.db.SessionStore.save", side_effect=database_gone), \
                mock.patch.object(connection, "is_usable", return_value=False):
            response = client.get("/test-outage/session/")
    finally:
        connection.errors_occurred = False
    assert response.status_code == 503
    assert "midlertidigt utilgængelig" in response.content.decode()


def test_a_bad_request_is_still_400() -> None:
    response = Client().get("/test-outage/bad-input/")
    assert response.status_code == 400
    assert response.content == b"Ugyldig dato"
