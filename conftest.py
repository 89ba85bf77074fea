"""Test set-up shared by every app: personas, logged-in clients, query counting, and the browser."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ungeforlob.testing import Personas, client_for, make_personas

# Playwright's sync API runs an event loop in the test thread; the ORM calls in tests are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE_JS = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Argon2 is deliberately slow; tests that are not about hashing use a fast hasher (see test_login)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _reauthentication_outlasts_a_long_crawl(settings: Any) -> None:
    """A login counts as re-authenticated for STAFF_REAUTH_MINUTES (5 in production); the walks over every page
    and export run longer than that on a busy machine, so they would meet the password page half-way. The logins
    app's own tests set the production value back."""
    settings.STAFF_REAUTH_MINUTES = 600


@pytest.fixture(autouse=True)
def _danish_for_each_test() -> Iterator[None]:
    """Every test starts in the installation's language. LocaleMiddleware activates a request's language on
    the thread and never resets it, so a test that browsed in English would leave English behind for code the
    next test calls directly (agenda titles, notices …)."""
    from django.conf import settings as django_settings
    from django.utils import translation

    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def p(db: None) -> Personas:
    """The personas: contact person, colleague, outsider, leader, administrator, youth, other youth."""
    return make_personas()


@pytest.fixture
def as_user() -> Callable[[Any], Any]:
    return client_for


@pytest.fixture
def count_queries() -> Callable[[Callable[[], Any]], int]:
    """Run a callable and return how many SQL queries it made."""

    def run(fn: Callable[[], Any]) -> int:
        with CaptureQueriesContext(connection) as ctx:
            fn()
        return len(ctx.captured_queries)

    return run


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """pytest-django's test database, plus: on PostgreSQL, end stray sessions before it is dropped.

    A connection left open by a worker thread in some test would otherwise make DROP DATABASE fail
    ("being accessed by other users") after every test has passed.
    """
    yield
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest, django_db_setup: None) -> Iterator[Any]:
    """pytest-django's live server, but stopped before the test database is dropped.

    Depending on `django_db_setup` orders the teardown: the server thread closes its database connection
    first, so PostgreSQL can drop the test database ("being accessed by other users" otherwise).
    """
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer(os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


class BrowserSession:
    """A page in Chromium against the live server, with helpers to log in, screenshot and run axe."""

    def __init__(self, browser: Any, base_url: str, width: int, height: int = 900) -> None:
        self.base_url = base_url
        self.context = browser.new_context(viewport={"width": width, "height": height}, locale="da-DK")
        self.page = self.context.new_page()
        self.width = width
        self.console_errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))

    def goto(self, path: str) -> Any:
        return self.page.goto(self.base_url + path)

    def login(self, username: str, password: str) -> None:
        self.goto("/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", password)
        self.page.click("main button[type=submit]")
        self.page.wait_for_load_state()

    def screenshot(self, name: str) -> Path:
        out = ARTIFACTS / "screenshots" / f"{name}-{self.width}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(out), full_page=True)
        return out

    def axe_violations(self) -> list[dict[str, Any]]:
        """Serious and critical axe-core violations on the current page (CSP bypassed for axe only)."""
        html_url = self.page.url
        ctx = self.page.context.browser.new_context(
            bypass_csp=True, viewport={"width": self.width, "height": 900}, locale="da-DK",
            storage_state=self.context.storage_state(),
        )
        try:
            page = ctx.new_page()
            page.goto(html_url)
            page.add_script_tag(path=str(AXE_JS))
            result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        finally:
            ctx.close()
        return [
            {"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
            if v["impact"] in {"serious", "critical"}
        ]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def browse(browser: Any, live_server: Any, transactional_db: None) -> Iterator[Callable[..., BrowserSession]]:
    sessions: list[BrowserSession] = []

    def open_session(width: int = 1280) -> BrowserSession:
        s = BrowserSession(browser, live_server.url, width)
        sessions.append(s)
        return s

    yield open_session
    for s in sessions:
        s.close()
