"""Killing the worker in the middle of a batch loses nothing and sends nothing twice.

Real processes: a throw-away installation (SQLite file), `manage.py sms_worker` killed with SIGKILL while the
provider holds its answers to messages it has already accepted, then a fresh worker started.
"""

from __future__ import annotations

from pathlib import Path

from ungeforlob.messaging.drill import GatewayControl, Sandbox, run_kill_drill
from ungeforlob.messaging.fake_gateway import FakeGateway


def test_a_worker_killed_mid_batch_loses_no_message_and_sends_none_twice(tmp_path: Path) -> None:
    with FakeGateway(token="drill-token") as gw:
        sandbox = Sandbox(tmp_path, gateway_url=gw.url, token="drill-token")
        result = run_kill_drill(sandbox, GatewayControl(gw.base), count=400)

    assert result["killed_returncode"] == -9
    assert result["in_flight_when_killed"] > 0, "the worker was not killed in the middle of a batch"
    assert result["restart_returncode"] == 0, result["restart_stderr"]
    assert result["statuses"] == {"sent": 400}, "a message was lost or left behind"
    assert result["delivered"] == 400
    assert result["max_deliveries_per_key"] == 1, "a message reached the phone twice"
    # The killed worker's in-flight messages were sent again with the same key and deduplicated.
    assert result["duplicate_requests_deduplicated"] > 0
    keys = [d.key for d in gw.delivered]
    assert len(keys) == len(set(keys)) == 400
