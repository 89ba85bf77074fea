"""The scheduler's turn: due jobs run once per interval, failures are recorded without personal data and do not
stop the others, and the loop beats and survives errors."""

from __future__ import annotations

import datetime
import threading
from typing import Any

import pytest
from django.db import OperationalError
from django.utils import timezone

from ungeforlob.chain.models import Concern
from ungeforlob.scheduler import runner
from ungeforlob.scheduler.jobs import JOBS, Job
from ungeforlob.scheduler.models import JobState, WorkerBeat
from ungeforlob.scheduler.runner import run_due_jobs, scheduler_loop
from ungeforlob.testing import Personas

CALLS: list[dict[str, Any]] = []


def record_call(**kwargs: Any) -> int:
    CALLS.append(kwargs)
    return 1


def fail_with_personal_data() -> None:
    raise ValueError("Mette Hansen 010203-1234")


COUNTING = Job("counting", f"{__name__}.record_call", every=60, kwargs={"n": 1})
FAILING = Job("failing", f"{__name__}.fail_with_personal_data", every=60)


@pytest.fixture(autouse=True)
def _no_calls() -> None:
    CALLS.clear()


def _while_the_loop_writes(read: Any) -> Any:
    """Read from the test thread while the loop's thread writes. SQLite's shared in-memory test database locks
    a table for the writer's transaction ("database table is locked"); a real reader would wait, so wait."""
    for _ in range(100):
        try:
            return read()
        except OperationalError as exc:
            if "locked" not in str(exc):
                raise
            threading.Event().wait(0.02)
    return read()


def test_a_due_job_runs_once_per_interval(db) -> None:
    now = timezone.now()
    assert run_due_jobs(now=now, jobs=[COUNTING]) == {"counting": True}
    assert run_due_jobs(now=now + datetime.timedelta(seconds=59), jobs=[COUNTING]) == {}
    assert run_due_jobs(now=now + datetime.timedelta(seconds=60), jobs=[COUNTING]) == {"counting": True}
    assert CALLS == [{"n": 1}, {"n": 1}]
    state = JobState.objects.get(name="counting")
    assert state.last_run_at == now + datetime.timedelta(seconds=60)
    assert state.last_success_at is not None and not state.last_error


def test_a_second_worker_does_not_run_a_job_the_first_has_just_run(db) -> None:
    now = timezone.now()
    run_due_jobs(now=now, jobs=[COUNTING])
    assert run_due_jobs(now=now, jobs=[COUNTING]) == {}  # the other worker, same moment: the claim is taken
    assert len(CALLS) == 1


def test_a_failing_job_is_recorded_without_its_message_and_the_others_still_run(db, caplog) -> None:
    assert run_due_jobs(jobs=[FAILING, COUNTING]) == {"failing": False, "counting": True}
    state = JobState.objects.get(name="failing")
    assert state.last_error_at is not None and state.last_success_at is None
    assert state.last_error.startswith("ValueError i test_runner.py:")
    assert "Mette" not in state.last_error and "010203" not in state.last_error
    assert "Periodic job failing failed" in caplog.text


def test_every_registered_job_runs_without_error_on_an_installation(p: Personas) -> None:
    assert run_due_jobs() == {job.name: True for job in JOBS}


def test_the_worker_escalates_an_overdue_concern_on_its_turn(p: Personas) -> None:
    from ungeforlob.chain import services

    concern = services.concern_raise(actor=p.colleague, youth=p.youth, category="trivsel", severity="middel",
                                     description="Mødte ikke op i tre uger.")
    Concern.objects.filter(pk=concern.pk).update(ack_due=timezone.localdate() - datetime.timedelta(days=1))
    assert run_due_jobs()["concerns_escalate"] is True
    concern.refresh_from_db()
    assert concern.escalated_to == p.leader


@pytest.mark.django_db(transaction=True)  # the loop runs in its own thread, on its own connection
def test_the_loop_beats_on_every_turn_and_stops_when_asked() -> None:
    stopping = threading.Event()
    thread = threading.Thread(target=scheduler_loop, kwargs={"stopping": stopping, "name": "test-worker",
                                                             "tick": 0.05, "jobs": [COUNTING]})
    thread.start()
    try:
        deadline = timezone.now() + datetime.timedelta(seconds=10)
        beat = WorkerBeat.objects.filter(name="test-worker")
        while not (_while_the_loop_writes(beat.exists) and CALLS) and timezone.now() < deadline:
            stopping.wait(0.05)
        first = _while_the_loop_writes(lambda: beat.get().beat_at)
        stopping.wait(0.3)
        assert _while_the_loop_writes(lambda: beat.get().beat_at) > first
    finally:
        stopping.set()
        thread.join(timeout=10)
    assert not thread.is_alive()
    assert len(CALLS) == 1  # every 60 s: once in this short run


@pytest.mark.django_db(transaction=True)
def test_the_loop_survives_a_failed_turn_and_beats_again(monkeypatch, caplog) -> None:
    real_beat = runner.worker_beat
    turns: list[int] = []

    def flaky_beat(**kwargs: Any) -> None:
        turns.append(1)
        if len(turns) == 1:
            raise RuntimeError("database away")
        real_beat(**kwargs)

    monkeypatch.setattr(runner, "worker_beat", flaky_beat)
    stopping = threading.Event()
    thread = threading.Thread(target=scheduler_loop, kwargs={"stopping": stopping, "name": "flaky",
                                                             "tick": 0.05, "jobs": []})
    thread.start()
    try:
        deadline = timezone.now() + datetime.timedelta(seconds=10)
        while not _while_the_loop_writes(WorkerBeat.objects.filter(name="flaky").exists) and timezone.now() < deadline:
            stopping.wait(0.05)
    finally:
        stopping.set()
        thread.join(timeout=10)
    assert WorkerBeat.objects.filter(name="flaky").exists()
    assert "The scheduler's turn failed" in caplog.text
