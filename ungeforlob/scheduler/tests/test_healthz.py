"""/healthz reports the database and the worker on their own, and answers 503 when either is not well."""

from __future__ import annotations

import datetime
from unittest import mock

from django.db import connection
from django.test import Client
from django.utils import timezone

from ungeforlob.scheduler.services import worker_beat


def _beat(age: datetime.timedelta) -> None:
    now = timezone.now()
    worker_beat(name="worker-1", started_at=now - datetime.timedelta(hours=1), now=now - age)


def test_it_is_ok_when_the_worker_beat_just_now(db) -> None:
    _beat(datetime.timedelta(seconds=5))
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "worker": "ok"}


def test_it_answers_503_when_the_worker_has_been_silent_for_more_than_two_minutes(db) -> None:
    _beat(datetime.timedelta(minutes=2, seconds=5))
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "worker": "silent"}


def test_it_answers_503_when_no_worker_has_ever_run(db) -> None:
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "worker": "never"}


def test_one_live_worker_is_enough_when_another_has_gone(db) -> None:
    _beat(datetime.timedelta(hours=3))
    worker_beat(name="worker-2", started_at=timezone.now())
    assert Client().get("/healthz").json()["worker"] == "ok"


def test_it_answers_503_when_the_database_fails(db) -> None:
    _beat(datetime.timedelta(seconds=5))
    # The edge we cannot break for real inside a test: the database connection itself.
    with mock.patch.object(connection, "cursor", side_effect=Exception("down")):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable", "worker": "unknown"}


def test_it_is_not_cached(db) -> None:
    assert "no-store" in Client().get("/healthz").headers["Cache-Control"]
