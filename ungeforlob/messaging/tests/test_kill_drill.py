"""The outbox against real processes: a worker killed in the middle of a batch loses nothing and sends nothing
twice, and `manage.py worker` (what `make run` starts) sends the outbox and stops cleanly on SIGTERM.

A throw-away installation (SQLite file) and the fake provider on 127.0.0.1 are shared by the tests here, since
migrating the installation is the slow part.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from ungeforlob.messaging.drill import REPO, GatewayControl, Sandbox, finish, run_kill_drill, wait_for
from ungeforlob.messaging.fake_gateway import FakeGateway


@pytest.fixture(scope="module")
def drill(tmp_path_factory: Any) -> Iterator[tuple[FakeGateway, Sandbox]]:
    with FakeGateway(token="drill-token") as gw:
        yield gw, Sandbox(tmp_path_factory.mktemp("sms-drill"), gateway_url=gw.url, token="drill-token")


def test_a_worker_killed_mid_batch_loses_no_message_and_sends_none_twice(drill: tuple[FakeGateway, Sandbox]) -> None:
    gw, sandbox = drill
    result = run_kill_drill(sandbox, GatewayControl(gw.base), count=400)

    assert result["killed_returncode"] == -signal.SIGKILL
    assert result["in_flight_when_killed"] > 0, "the worker was not killed in the middle of a batch"
    assert result["restart_returncode"] == 0, result["restart_stderr"]
    assert result["statuses"] == {"sent": 400}, "a message was lost or left behind"
    assert result["delivered"] == 400
    assert result["max_deliveries_per_key"] == 1, "a message reached the phone twice"
    # The killed worker's in-flight messages were sent again with the same key and deduplicated.
    assert result["duplicate_requests_deduplicated"] > 0
    keys = [d.key for d in gw.delivered if d.key.startswith("kill:")]
    assert len(keys) == len(set(keys)) == 400


def test_manage_py_worker_sends_the_outbox_and_stops_on_sigterm(drill: tuple[FakeGateway, Sandbox]) -> None:
    gw, sandbox = drill
    sandbox.seed(50, prefix="worker")
    proc = subprocess.Popen([sys.executable, "manage.py", "worker"], cwd=REPO, env=sandbox.env,  # noqa: S603
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert wait_for(lambda: sandbox.counts("worker") == {"sent": 50}, timeout=120), sandbox.counts("worker")
    finally:
        proc.send_signal(signal.SIGTERM)
        err = finish(proc, timeout=60)
    assert proc.returncode == 0, err
    assert len([d for d in gw.delivered if d.key.startswith("worker:")]) == 50
