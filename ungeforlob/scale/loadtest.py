"""The load test (issue 14): a realistic mix of staff and Min side traffic, optionally with PostgreSQL restarted
in the middle. `make load-test` runs it on a private cluster; alone: `python -m ungeforlob.scale.loadtest` after
`manage.py generate_scale` (DATABASE_URL pointing at that cluster).

1. Starts the project in real WSGI servers on 127.0.0.1 (as the page benchmark does: gunicorn 2 × 4 threads
   when installed, else wsgiref), with persistent database connections (`--conn-max-age`, default 60 s) and
   health checks, DEBUG off.
2. Logs `scale-kp` in over HTTP and creates sessions for more of the dataset's contact persons and young people
   directly (the other generated users have no password; a Min side login needs an SMS code) — as bench.py does.
3. Runs Locust headless (`locustfile.py`) for `--seconds` with a fixed number of users offering `--rps`
   requests a second in all (2× the estimated national peak by default; docs/benchmarks.md says how it was
   estimated), while `faults.py` probes /healthz and, with `--fault restart` or `--fault stop:15`, takes the
   database away at `--fault-at` seconds.
4. Counts: every POST acknowledged with a 302 carries a marker; afterwards every marker must be in the database
   (notes and check-ins), else a write was lost. Prints RPS, p50/p95 per page, the errors, the outage's
   timeline, and appends it all to docs/benchmarks.md (`--record`). Exit status 1 on a lost write, an error
   outside the outage, anything but 503 during it, or no recovery within 30 s.

Loopback only; the run, the users, the fault and every wait are bounded.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ungeforlob.scale.bench_settings")


def _early_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=90, help="how long the users run (default 90)")
    parser.add_argument("--rps", type=float, default=100.0,
                        help="requests a second offered in all (default 100: 2× the estimated national peak)")
    parser.add_argument("--staff-users", type=int, default=40)
    parser.add_argument("--youth-users", type=int, default=4)
    parser.add_argument("--youth-share", type=float, default=0.066, help="share of requests from Min side")
    parser.add_argument("--fault", default="none", help="none, restart (pg_ctl restart -m fast) or stop:SECONDS")
    parser.add_argument("--fault-at", type=float, default=40.0, help="seconds into the run")
    parser.add_argument("--pg-data", default="", help="the private cluster's data directory (for --fault)")
    parser.add_argument("--pg-ctl", default="", help="how to run pg_ctl, e.g. 'runuser -u postgres -- /usr/lib/"
                        "postgresql/15/bin/pg_ctl'")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--conn-max-age", type=int, default=60)
    parser.add_argument("--health-checks", default="true", help="DATABASE_CONN_HEALTH_CHECKS for the server")
    parser.add_argument("--record", default="", help="append the result to this Markdown file")
    parser.add_argument("--command", default="", help="the command to write down with the result")
    return parser.parse_args()


ARGS = _early_args() if __name__ == "__main__" else None
if ARGS is not None:  # the servers (started from here) and this process read the same settings
    os.environ["DATABASE_CONN_MAX_AGE"] = str(ARGS.conn_max_age)
    os.environ["DATABASE_CONN_HEALTH_CHECKS"] = ARGS.health_checks

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

from ungeforlob.scale import bench  # noqa: E402  (sets Django up)
from ungeforlob.scale.faults import DatabaseFault, HealthProbe, WorkerBeat, timeline  # noqa: E402

STAFF_REQUESTS_PER_TASK = (3 + 3 + 2 + 3 + 1 + 3) / 13  # the weights in locustfile.Staff; a note is 3 requests
YOUTH_REQUESTS_PER_TASK = (3 + 2 + 3) / 6  # locustfile.Youth; a check-in is 3 requests
RECOVERY_LIMIT_SECONDS = 30


def staff_session(user: Any) -> dict[str, str]:
    """The session `django.contrib.auth.login` leaves behind (these generated users have no password)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return {settings.SESSION_COOKIE_NAME: store.session_key}


def build_plan(port: int, args: argparse.Namespace, run: str, t0_wall: float) -> dict[str, Any]:
    from django.urls import reverse

    from ungeforlob import policy
    from ungeforlob.accounts.models import User
    from ungeforlob.plans.models import SubGoal
    from ungeforlob.scale.generate import DEMO_PASSWORD, KNOWN_CONTACT_PERSON

    known = User.objects.get(username=KNOWN_CONTACT_PERSON)
    others = list(User.objects.filter(municipality_id=known.municipality_id, username__contains="-kp-")
                  .exclude(pk=known.pk).order_by("pk")[: max(0, args.staff_users - 1)])
    staff, pool = [], []
    for user in [known, *others]:
        youth = list(policy.contact_person_youth(user).order_by("pk").values_list("pk", flat=True)[:25])
        if not youth:
            continue
        cookies = bench.login(port, KNOWN_CONTACT_PERSON, DEMO_PASSWORD) if user.pk == known.pk else staff_session(user)
        staff.append({"username": user.username, "cookies": cookies, "youth": youth})
        pool += youth[:3]
    subgoals: dict[int, list[int]] = {}
    for youth_id, subgoal_id in SubGoal.objects.filter(goal__youth_id__in=pool).values_list("goal__youth_id", "pk"):
        subgoals.setdefault(youth_id, []).append(subgoal_id)
    youth = [{"youth": pk, "cookies": bench.youth_session(pk), "subgoals": subgoals[pk]}
             for pk in sorted(subgoals)[:40]]
    if not staff or not youth:
        raise SystemExit("the dataset has no contact person with young people (or no sub-goals): run generate_scale")
    staff_rps = args.rps * (1 - args.youth_share)
    youth_rps = args.rps * args.youth_share
    fake = 987654321
    return {
        "run": run, "t0_wall": t0_wall, "staff": staff, "youth": youth,
        "staff_users": args.staff_users, "youth_users": args.youth_users,
        "staff_tasks_per_second": staff_rps / STAFF_REQUESTS_PER_TASK / args.staff_users,
        "youth_tasks_per_second": youth_rps / YOUTH_REQUESTS_PER_TASK / args.youth_users,
        "paths": {
            "caseload": reverse("youth:caseload"),
            "today": reverse("transitions:today"),
            "concerns": reverse("chain:concern_list"),
            "youth": reverse("youth:detail", args=[fake]).replace(str(fake), "{youth}"),
            "plan": reverse("plans:plan", args=[fake]).replace(str(fake), "{youth}"),
            "notes": reverse("plans:notes", args=[fake]).replace(str(fake), "{youth}"),
            "portal_home": reverse("portal:home"),
            "portal_plan": reverse("portal:plan"),
            "portal_checkin": reverse("portal:checkin", args=["delmaal", fake]).replace(str(fake), "{subgoal}"),
        },
    }


def saved_markers(run: str) -> dict[str, Counter[str]]:
    """The markers of this run found in the database: notes and the young people's check-ins."""
    from ungeforlob.plans.models import Evaluation, JournalNote

    connection.close()  # the connection from before the fault may be gone
    pattern = re.compile(rf"LT{run}-(?:note|checkin)-\d+")
    notes = Counter(m for text in JournalNote.objects.filter(text__contains=f"LT{run}-note-")
                    .values_list("text", flat=True) for m in pattern.findall(text))
    checkins = Counter(m for text in Evaluation.objects.filter(by_youth=True, went_well__contains=f"LT{run}-checkin-")
                       .values_list("went_well", flat=True) for m in pattern.findall(text))
    return {"note": notes, "checkin": checkins}


def summarise(log: list[tuple[float, float, str, int]], seconds: float) -> list[str]:
    by_name: dict[str, list[tuple[float, int]]] = {}
    for start, end, name, status in log:
        by_name.setdefault(name, []).append(((end - start) * 1000, status))
    lines = ["| Request | n | RPS | p50 ms | p95 ms | errors |", "|---|---:|---:|---:|---:|---:|"]
    for name in sorted(by_name, key=lambda n: -len(by_name[n])):
        rows = by_name[name]
        ms = [m for m, _ in rows]
        bad = Counter(s for _, s in rows if s not in (200, 302))
        lines.append(f"| {name} | {len(rows)} | {len(rows) / seconds:.1f} | {bench.quantile(ms, 0.5):.0f} | "
                     f"{bench.quantile(ms, 0.95):.0f} | {sum(bad.values())}"
                     f"{' (' + ', '.join(f'{k}×{v}' for k, v in sorted(bad.items())) + ')' if bad else ''} |")
    ms_all = [(end - start) * 1000 for start, end, _, _ in log]
    bad_all = Counter(s for *_, s in log if s not in (200, 302))
    lines.append(f"| **all** | {len(log)} | **{len(log) / seconds:.1f}** | **{bench.quantile(ms_all, 0.5):.0f}** | "
                 f"**{bench.quantile(ms_all, 0.95):.0f}** | **{sum(bad_all.values())}** |")
    return lines


def main() -> None:  # noqa: C901, PLR0912, PLR0915 - one script, read top to bottom
    args = ARGS
    assert args is not None
    from ungeforlob.scale.generate import current

    dataset = current()
    if dataset is None or dataset.status != "ready":
        raise SystemExit("no scale dataset: run `manage.py generate_scale` first")
    if args.fault != "none" and not (args.pg_data and args.pg_ctl):
        raise SystemExit("--fault needs --pg-data and --pg-ctl (the private cluster only)")
    db = settings.DATABASES["default"]
    if args.fault != "none" and db.get("HOST") not in ("127.0.0.1", "localhost", ""):
        raise SystemExit("faults only on a database on this machine")
    run = f"{int(time.time()) % 100000:05d}"
    about_machine = bench.machine()
    started_at = time.strftime("%Y-%m-%d %H:%M")
    beat = WorkerBeat()
    beat.start()
    port = bench._free_port()
    servers = bench.start_servers(port, args.workers, args.threads)
    workdir = Path(tempfile.mkdtemp(prefix="ungeforlob-load-"))
    fault = probe = None
    try:
        bench.wait_for(port)
        t0_wall = time.time() + 3  # zero: when the users start (Locust's start-up takes about a second)
        plan = build_plan(port, args, run, t0_wall)
        connection.close()
        (workdir / "plan.json").write_text(json.dumps(plan))
        users = args.staff_users + args.youth_users
        locust = [sys.executable, "-m", "locust", "-f", str(Path(__file__).with_name("locustfile.py")), "--headless",
                  "-u", str(users), "-r", str(users), "--run-time", f"{args.seconds}s", "--stop-timeout", "10",
                  "--host", f"http://{bench.HOST}:{port}", "--only-summary", "--loglevel", "WARNING",
                  "--csv", str(workdir / "locust")]
        env = {**os.environ, "LOADTEST_PLAN": str(workdir / "plan.json"), "LOADTEST_OUT": str(workdir / "out.json")}
        time.sleep(max(0.0, t0_wall - 1.5 - time.time()))
        t0 = time.monotonic() + (t0_wall - time.time())
        probe = HealthProbe(port=port, t0=t0)
        probe.start()
        if args.fault != "none":
            fault = DatabaseFault(spec=args.fault, at=args.fault_at, t0=t0, pg_ctl=shlex.split(args.pg_ctl),
                                  data_dir=Path(args.pg_data), log_file=Path(args.pg_data).parent / "server.log")
            fault.start()
        print(f"load test: {users} users offering {args.rps:.0f} requests/s for {args.seconds} s, fault "
              f"{args.fault}{f' at {args.fault_at:.0f} s' if fault else ''} …", file=sys.stderr)
        done = subprocess.run(locust, env=env, capture_output=True, text=True,  # noqa: S603 - our interpreter
                              timeout=args.seconds + 120, check=False)
        if fault is not None:
            fault.join(timeout=120)
        probe.stop.set()
        probe.join(timeout=15)
        out = json.loads((workdir / "out.json").read_text())
    finally:
        (workdir / "plan.json").unlink(missing_ok=True)  # it holds live session keys
        beat.stop.set()
        if fault is not None:
            fault.cancelled.set()
        bench.stop_servers(servers)
    log = [tuple(x) for x in out["log"]]
    measured = [x for x in log if 0 <= x[0] <= args.seconds]
    saved = saved_markers(run)
    failures = []
    write_lines = []
    for kind, label in (("note", "plan notes (staff)"), ("checkin", "check-ins (Min side)")):
        acked = Counter(out["acked"][kind])
        lost = sorted(set(acked) - set(saved[kind]))
        unacked_saved = sorted(set(saved[kind]) - set(acked))
        doubles = sorted(m for m, n in saved[kind].items() if n > 1)
        write_lines.append(f"- {label}: {out['sent'][kind]} sent, {sum(acked.values())} acknowledged (302), "
                           f"{sum(saved[kind].values())} in the database; acknowledged but missing: **{len(lost)}**; "
                           f"saved without an acknowledgement: {len(unacked_saved)}; saved twice: {len(doubles)}")
        if lost or doubles:
            failures.append(f"{kind}: {len(lost)} acknowledged writes lost, {len(doubles)} saved twice")
    record = fault.record if fault is not None else None
    tl = timeline(record, probe.answers if probe else [], measured) if record is not None else {}
    errors = [x for x in measured if x[3] not in (200, 302)]
    if record is None or record.down_at is None:
        outside = errors
    else:
        outside = [x for x in errors if x[1] < record.down_at]
        after_limit = record.up_at + RECOVERY_LIMIT_SECONDS if record.up_at is not None else float("inf")
        outside += [x for x in errors if x[1] > after_limit]
        not_503 = [x for x in errors if x not in outside and x[3] != 503]
        if not_503:
            failures.append(f"{len(not_503)} answers other than 503 during the outage: "
                            f"{sorted(Counter(x[3] for x in not_503).items())}")
    if outside:
        failures.append(f"{len(outside)} errors outside the outage: {sorted(Counter(x[3] for x in outside).items())}")

    def at(key: str) -> str:
        value = tl.get(key)
        return "–" if value is None else f"{value:.1f} s"

    conn = settings.DATABASES["default"]
    lines = [
        f"### Load test: {args.rps:.0f} requests/s offered, fault `{args.fault}` — {started_at}",
        "",
        f"- Command: `{args.command or ' '.join(sys.argv)}`",
        f"- Machine: {about_machine}",
        f"- Dataset: {dataset.youth:,} young people in {dataset.municipalities} municipalit"
        f"{'y' if dataset.municipalities == 1 else 'ies'} (seed {dataset.seed})",
        f"- Server: {'gunicorn gthread' if bench._has_module('gunicorn') else 'wsgiref'}, {args.workers} processes × "
        f"{args.threads} threads, DEBUG off, CONN_MAX_AGE={conn.get('CONN_MAX_AGE')}, "
        f"CONN_HEALTH_CHECKS={conn.get('CONN_HEALTH_CHECKS')}",
        f"- Users (Locust, headless): {args.staff_users} staff ({len(plan['staff'])} contact persons' sessions, "
        f"`scale-kp` logged in over HTTP) + {args.youth_users} Min side ({len(plan['youth'])} young people's "
        f"sessions); {args.seconds} s; offered {args.rps:.0f} requests/s, {args.youth_share:.1%} of them Min side",
        f"- Achieved: **{len(measured) / args.seconds:.1f} requests/s**, {len(measured)} requests, "
        f"{len(errors)} not 200/302",
        "",
        *summarise(measured, args.seconds),
        "",
        "Writes (every acknowledged POST carries a marker; the database is searched for each afterwards):",
        "",
        *write_lines,
    ]
    if record is not None and record.down_at is not None:
        recovered = (f"{tl['last_error'] - record.up_at:.1f} s" if tl.get("last_error") is not None
                     and record.up_at is not None and tl["last_error"] > record.up_at else "at once (0 errors after)")
        lines += [
            "",
            "Outage timeline (seconds from the start of the run):",
            "",
            f"- database down (`pg_ctl {'restart' if record.kind == 'restart' else 'stop'} -m fast` issued): "
            f"{at('down_at')}; back (pg_ctl returned): {at('up_at')}",
            f"- first error seen by a user: {at('first_error')}; first 503 from /healthz: {at('first_probe_503')}",
            f"- first 200 to a user after the database was back: {at('first_user_200_after')}; "
            f"first 200 from /healthz after: {at('first_probe_200_after')}",
            f"- last error: {at('last_error')} — recovered {recovered} after the database was back "
            f"(limit {RECOVERY_LIMIT_SECONDS} s)",
            f"- during the outage: {tl.get('errors_503', 0)} answers 503 (the Danish page), "
            f"{tl.get('errors_other', 0)} other errors",
        ]
    if record is not None and record.up_at is None:
        failures.append("the fault did not complete: " + record.output.strip()[-500:])
    lines += ["", f"Result: {'**passed**' if not failures else '**failed**: ' + '; '.join(failures)}", ""]
    text = "\n".join(lines)
    print(text)
    if done.returncode not in (0, 1):  # Locust exits 1 when any request failed; that is judged above
        print(done.stdout[-3000:], done.stderr[-3000:], file=sys.stderr)
    (workdir / "report.md").write_text(text)
    if args.record:
        path = Path(args.record)
        existing = path.read_text() if path.exists() else "# Benchmarks\n"
        path.write_text(existing.rstrip("\n") + "\n\n" + text)
        print(f"appended to {path}", file=sys.stderr)
    print(f"details (every request, Locust's CSV): {workdir}", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
