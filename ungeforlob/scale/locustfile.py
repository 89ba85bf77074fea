"""The users of the load test (issue 14), for Locust: run by `python -m ungeforlob.scale.loadtest`, not alone.

`loadtest.py` logs in, creates the sessions and writes a plan (JSON, `LOADTEST_PLAN`): the sessions of the
contact persons and young people, the paths, how many users of each kind and how many tasks a second each.
This file imports no Django (Locust runs under gevent); it only speaks HTTP to 127.0.0.1.

- Staff (a contact person's working day): Mine unge, a young person's overview, the plan, *I dag*, the
  concern list, and now and then a note on the plan (GET the notes page, POST the note, follow the redirect).
- Min side (a young person): the home page, the plan, and now and then a check-in on a sub-goal (GET, POST,
  follow the redirect).

Each POST carries a marker (`LT<run>-note-<n>`, `LT<run>-checkin-<n>`); a 302 is the acknowledgement the user
sees ("Notatet er gemt"), and the marker goes on the acknowledged list. Every request's start, end, name and
status is kept too; both are written to `LOADTEST_OUT` when the run stops, for loadtest.py to compare with the
database and to draw the outage's timeline.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import time
import urllib.parse
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path
from typing import Any

from locust import FastHttpUser, constant_throughput, events, task

PLAN: dict[str, Any] = json.loads(Path(os.environ["LOADTEST_PLAN"]).read_text())
T0 = float(PLAN["t0_wall"])  # the run's zero (wall clock; loadtest.py converts)
LOG: list[tuple[float, float, str, int]] = []
ACKED: dict[str, list[str]] = {"note": [], "checkin": []}
SENT: dict[str, int] = {"note": 0, "checkin": 0}
_numbers = itertools.count(1)
_staff_sessions = itertools.cycle(PLAN["staff"])
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SUBMISSION = re.compile(r'name="submission" value="([^"]*)"')


class _NoCookieJar(DefaultCookiePolicy):
    """The users keep their cookies themselves (the session cookie is Secure, the server speaks plain HTTP)."""

    def set_ok(self, cookie: Any, request: Any) -> bool:
        return False

    def return_ok(self, cookie: Any, request: Any) -> bool:
        return False


class _Base(FastHttpUser):
    abstract = True
    network_timeout = 60.0
    connection_timeout = 10.0

    def on_start(self) -> None:
        self.client.cookiejar.set_policy(_NoCookieJar())

    def call(self, cookies: dict[str, str], method: str, path: str, name: str, form: dict[str, str] | None = None,
             ok: tuple[int, ...] = (200,)) -> tuple[int, str, str]:
        headers = {"Accept-Language": "da", "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
        body = None
        if form is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = self.host + path
            body = urllib.parse.urlencode(form)
        started = time.time() - T0
        with self.client.request(method, path, name=name, data=body, headers=headers, allow_redirects=False,
                                 catch_response=True) as response:
            status = response.status_code or 0
            for value in (response.headers.getlist("set-cookie") if response.headers else []):
                key, _, rest = value.partition("=")
                cookies[key.strip()] = rest.split(";", 1)[0]
            LOG.append((started, time.time() - T0, name, status))
            if status in ok:
                response.success()
            else:
                response.failure(f"status {status}")
            return status, response.text or "", (response.headers or {}).get("location", "")

    def post_form(self, cookies: dict[str, str], path: str, name: str, fields: dict[str, str], kind: str,
                  marker: str, after: str) -> None:
        """GET the form, POST it with the page's tokens, follow the redirect: a 302 is an acknowledged write."""
        status, page, _ = self.call(cookies, "GET", path, name + " (form)")
        token = TOKEN.search(page)
        if status != 200 or token is None:
            return
        form = {"csrfmiddlewaretoken": token.group(1), **fields}
        submission = SUBMISSION.search(page)
        if submission:
            form["submission"] = submission.group(1)
        SENT[kind] += 1
        status, _, location = self.call(cookies, "POST", path, name + " POST", form, ok=(302,))
        if status == 302:
            ACKED[kind].append(marker)
            self.call(cookies, "GET", location or path, after)


class Staff(_Base):
    fixed_count = int(PLAN["staff_users"])
    wait_time = constant_throughput(float(PLAN["staff_tasks_per_second"]))

    def on_start(self) -> None:
        super().on_start()
        session = next(_staff_sessions)
        self.cookies = dict(session["cookies"])
        self.youth = list(session["youth"])

    def _youth_path(self, key: str) -> str:
        return PLAN["paths"][key].replace("{youth}", str(random.choice(self.youth)))  # noqa: S311

    @task(3)
    def caseload(self) -> None:
        self.call(self.cookies, "GET", PLAN["paths"]["caseload"], "Mine unge")

    @task(3)
    def youth_page(self) -> None:
        self.call(self.cookies, "GET", self._youth_path("youth"), "Den unges overblik")

    @task(2)
    def plan(self) -> None:
        self.call(self.cookies, "GET", self._youth_path("plan"), "Plan")

    @task(3)
    def today(self) -> None:
        self.call(self.cookies, "GET", PLAN["paths"]["today"], "I dag")

    @task(1)
    def concerns(self) -> None:
        self.call(self.cookies, "GET", PLAN["paths"]["concerns"], "Bekymringer")

    @task(1)
    def note(self) -> None:
        marker = f"LT{PLAN['run']}-note-{next(_numbers)}"
        self.post_form(self.cookies, self._youth_path("notes"), "Notat", {"text": f"Belastningstest {marker}"},
                       "note", marker, "Notater (efter gem)")


class Youth(_Base):
    fixed_count = int(PLAN["youth_users"])
    wait_time = constant_throughput(float(PLAN["youth_tasks_per_second"]))

    def on_start(self) -> None:
        super().on_start()
        self.sessions = [dict(s, cookies=dict(s["cookies"])) for s in PLAN["youth"]]

    def _session(self) -> dict[str, Any]:
        return random.choice(self.sessions)  # noqa: S311

    @task(3)
    def home(self) -> None:
        self.call(self._session()["cookies"], "GET", PLAN["paths"]["portal_home"], "Min side")

    @task(2)
    def plan(self) -> None:
        self.call(self._session()["cookies"], "GET", PLAN["paths"]["portal_plan"], "Min side: plan")

    @task(1)
    def checkin(self) -> None:
        session = self._session()
        marker = f"LT{PLAN['run']}-checkin-{next(_numbers)}"
        path = PLAN["paths"]["portal_checkin"].replace("{subgoal}", str(random.choice(session["subgoals"])))  # noqa: S311
        self.post_form(session["cookies"], path, "Tjek ind", {"outcome": "gjort", "line": marker, "closeness": "3"},
                       "checkin", marker, "Min side: plan (efter tjek ind)")


@events.test_stop.add_listener
@events.quitting.add_listener
def _write_out(**kwargs: Any) -> None:
    Path(os.environ["LOADTEST_OUT"]).write_text(json.dumps({"log": LOG, "acked": ACKED, "sent": SENT}))
