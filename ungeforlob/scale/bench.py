"""The page benchmark at scale (issue 14): `python -m ungeforlob.scale.bench` after `generate_scale`.

`make bench-scale` runs it on a private PostgreSQL cluster. What it does:

1. Starts the project in real WSGI servers on 127.0.0.1 (gunicorn `-w 2 --threads 4` when gunicorn is installed,
   otherwise two wsgiref processes × 4 threads sharing one port; see `benchserver.py`), with production-like
   settings (`bench_settings.py`: DEBUG off).
2. Logs in over HTTP as the known contact person (`scale-kp`) and leader (`scale-leder`) with the demo password,
   and opens a Min side session for one of the contact person's young people.
3. Warms the server up (`--warm-up`): every page requested a dozen times per server thread, all threads at once,
   so that each thread's database connection has prepared and planned each page's statements, as in a server that
   has been serving for a while. A server just started plans every statement of a page anew on each connection
   for its first ten or so uses, which costs a youth page about a third more (docs/benchmarks.md).
4. For 1 and then 16 concurrent users, requests every page in a shuffled, interleaved order together with the
   trivial view (`/healthz`: no login, two queries, the floor every request pays) and two staff baselines (a
   trivial logged-in staff view, `/bench/tom/` from bench_urls.py, and `/om/`, the lightest page with the layout
   and menu), a bounded number of times,
   and reads the server time and query count each response carries (`X-Bench-Ms`, `X-Bench-Queries`).
5. Prints a table — queries, server time p50/p95 in ms, the ratio to the trivial view measured in the same
   run, and at 16 users how much that ratio degrades — and appends it to docs/benchmarks.md with the machine,
   the command and the date (`--record`).

Requests go to loopback only; counts and the total time are bounded (`--max-seconds`).
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import os
import platform
import random
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ungeforlob.scale.bench_settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

HOST = "127.0.0.1"
TRIVIAL = "trivial (/healthz)"
# The lightest staff page (the layout and nothing else, after the login, session and menu every staff page pays):
# a second baseline, so that a page's own cost can be read apart from the cost of being a logged-in staff page.
STAFF_FLOOR = "Om Ungeforløb (staff floor)"
# A logged-in staff request that does nothing (bench_urls.py): the session, user and two-factor every staff page
# pays, without the layout.
TRIVIAL_STAFF = "Tom side (trivial staff view)"


@dataclass
class Page:
    name: str
    path: str
    who: str  # "kp", "leader", "youth", "anon"


@dataclass
class Sample:
    status: int
    server_ms: float
    client_ms: float
    queries: int


@dataclass
class Result:
    samples: dict[int, dict[str, list[Sample]]] = field(default_factory=dict)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def request(port: int, path: str, cookies: dict[str, str], method: str = "GET", body: str = "",
            headers: dict[str, str] | None = None, timeout: float = 120) -> tuple[int, dict[str, str], str, float]:
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    all_headers = {"Host": "127.0.0.1", "Accept-Language": "da", **(headers or {})}
    if cookies:
        all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    started = time.perf_counter()
    conn.request(method, path, body=body or None, headers=all_headers)
    response = conn.getresponse()
    data = response.read().decode("utf-8", "replace")
    elapsed = (time.perf_counter() - started) * 1000
    got = {k.lower(): v for k, v in response.getheaders()}
    for key, value in response.getheaders():
        if key.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            cookies[name.strip()] = rest.split(";", 1)[0]
    conn.close()
    return response.status, got, data, elapsed


def login(port: int, username: str, password: str) -> dict[str, str]:
    cookies: dict[str, str] = {}
    status, _, page, _ = request(port, "/login/", cookies)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if status != 200 or token is None:
        raise SystemExit(f"login page answered {status}")
    form = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), "username": username, "password": password})
    status, headers, _, _ = request(port, "/login/", cookies, "POST", form, {
        "Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1:{port}/login/"})
    if status != 302:
        raise SystemExit(f"logging in as {username} failed ({status})")
    return cookies


def youth_session(youth_id: int) -> dict[str, str]:
    """The session a Min side login by SMS code leaves behind (the code itself cannot be read here)."""
    from ungeforlob.portal.auth import SEEN_KEY, SESSION_KEY, idle_seconds

    store = SessionStore()
    store[SESSION_KEY] = youth_id
    store[SEEN_KEY] = timezone.now().timestamp()
    store.set_expiry(idle_seconds())
    store.save()
    return {settings.SESSION_COOKIE_NAME: store.session_key}


def pages_for_dataset() -> tuple[list[Page], int, int]:
    from django.urls import NoReverseMatch, reverse

    from ungeforlob import policy
    from ungeforlob.accounts.models import User
    from ungeforlob.audit.models import AuditEvent

    kp = User.objects.get(username="scale-kp")
    mine = list(policy.contact_person_youth(kp).order_by("pk").values_list("pk", "last_name"))
    if not mine:
        raise SystemExit("the scale dataset has no young people for scale-kp: run generate_scale first")
    # The young people are chosen by the audit rows the dataset gave them (those written before it was finished):
    # every read of a page writes a row in the young person's log, so counting all rows would choose whoever the
    # last benchmark or profiling runs read most, and her log would be our traffic, not the dataset's.
    from ungeforlob.scale.generate import current

    built = current()
    until = (built.created_at + datetime.timedelta(seconds=(built.seconds or 0) + 60)) if built else timezone.now()
    counts = {pk: AuditEvent.objects.filter(youth_id=pk, created_at__lt=until).count() for pk, _ in mine}
    # The staff pages show the one with the most.
    youth_id = max(counts, key=lambda pk: (counts[pk], -pk))
    name = dict(mine)[youth_id]
    # Min side is opened by the one with the most after her: the staff pages above write hundreds of rows a run
    # in the first one's log, which "Hvem har kigget" reads.
    others = {pk: n for pk, n in counts.items() if pk != youth_id} or counts
    own_id = max(others, key=lambda pk: (others[pk], -pk))
    pages = [
        Page(TRIVIAL_STAFF, reverse("bench_trivial_staff"), "kp"),
        Page(STAFF_FLOOR, reverse("core:about"), "kp"),
        Page("Mine unge", reverse("youth:caseload"), "kp"),
        Page("Søgning i Mine unge", reverse("youth:caseload") + "?q=" + urllib.parse.quote(name[:4]), "kp"),
        Page("Den unges overblik", reverse("youth:detail", args=[youth_id]), "kp"),
        Page("Plan", reverse("plans:plan", args=[youth_id]), "kp"),
        Page("Tidslinje", reverse("youth:timeline", args=[youth_id]), "kp"),
        Page("I dag", reverse("transitions:today"), "kp"),
        Page("Ledelse", reverse("insights:dashboard"), "leader"),
    ]
    for label, name_ in (("Kapacitet", "chain:capacity"), ("Ledelse: overgange", "transitions:leader")):
        try:
            pages.append(Page(label, reverse(name_), "leader"))
        except NoReverseMatch:
            pass
    pages += [
        Page("Min side", reverse("portal:home"), "youth"),
        Page("Hvem har kigget", reverse("portal:access_log"), "youth"),
    ]
    return pages, youth_id, own_id


def keep_worker_beating(stop: threading.Event) -> None:
    """`/healthz` answers 200 only while a worker has beaten within two minutes: beat as the benchmark."""
    from ungeforlob.scheduler.models import WorkerBeat

    while not stop.is_set():
        now = timezone.now()
        WorkerBeat.objects.update_or_create(name="scale-bench", defaults={"beat_at": now, "started_at": now})
        connection.close()
        stop.wait(30)


def start_servers(port: int, workers: int, threads: int) -> list[subprocess.Popen[bytes]]:
    env = {**os.environ, "BENCH_THREADS": str(threads)}
    if shutil.which("gunicorn") or _has_module("gunicorn"):
        cmd = [sys.executable, "-m", "gunicorn", "ungeforlob.scale.benchserver:application", "-b",
               f"{HOST}:{port}", "-w", str(workers), "--threads", str(threads), "-k", "gthread", "--log-level",
               "warning"]
        return [subprocess.Popen(cmd, env=env)]  # noqa: S603 - our own interpreter and module
    return [subprocess.Popen([sys.executable, "-m", "ungeforlob.scale.benchserver", "--port", str(port)],  # noqa: S603
                             env=env) for _ in range(workers)]


def stop_servers(servers: list[subprocess.Popen[bytes]]) -> None:
    """Ask every server process to stop, then wait for each (10 s) before killing it."""
    for server in servers:
        server.terminate()
    for server in servers:
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def wait_for(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            request(port, "/healthz", {}, timeout=5)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("the benchmark server did not start")


def measure(port: int, pages: list[Page], sessions: dict[str, dict[str, str]], users: int, per_page: int,
            deadline: float, seed: int) -> dict[str, list[Sample]]:
    plan = [(p.name, p.path, p.who) for p in pages for _ in range(per_page)]
    plan += [(TRIVIAL, "/healthz", "anon")] * (per_page * 2)  # the baseline twice as often: tighter quantiles
    random.Random(seed).shuffle(plan)  # noqa: S311 - a reproducible order, not a secret
    samples: dict[str, list[Sample]] = {name: [] for name in [TRIVIAL, *(p.name for p in pages)]}
    lock = threading.Lock()
    position = iter(range(len(plan)))

    def worker() -> None:
        while time.monotonic() < deadline:
            with lock:
                i = next(position, None)
            if i is None:
                return
            name, path, who = plan[i]
            cookies = dict(sessions.get(who, {}))
            try:
                status, headers, _, client_ms = request(port, path, cookies)
            except OSError:
                status, headers, client_ms = 0, {}, 0.0
            sample = Sample(status, float(headers.get("x-bench-ms", "nan")), client_ms,
                            int(headers.get("x-bench-queries", "-1")))
            with lock:
                samples[name].append(sample)

    threads = [threading.Thread(target=worker) for _ in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return samples


def quantile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def machine() -> str:
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()" if connection.vendor == "postgresql" else "SELECT sqlite_version()")
        db = cursor.fetchone()[0].split(" on ")[0]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{platform.platform()}, nproc {os.cpu_count()}, memory {mem}, Python {platform.python_version()}, "
            f"{db}, load average at start {load}")


def report(result: Result, pages: list[Page], levels: list[int]) -> list[str]:
    lines = []
    head = "| Page | Queries |"
    rule = "|---|---:|"
    for users in levels:
        head += f" {users} user{'s' if users > 1 else ''}: p50 / p95 ms | ratio p50 / p95 |"
        rule += "---:|---:|"
    if len(levels) > 1:
        head += f" p95 ratio {levels[-1]} ÷ {levels[0]} |"
        rule += "---:|"
    head += f" {levels[0]} user{'s' if levels[0] > 1 else ''}: p50 ÷ staff floor |"
    rule += "---:|"
    lines += [head, rule]
    staff = {p.name for p in pages if p.who in ("kp", "leader")}
    names = [TRIVIAL, *(p.name for p in pages)]
    paths = {p.name: p.path for p in pages} | {TRIVIAL: "/healthz"}
    for name in names:
        row_queries = sorted({s.queries for users in levels for s in result.samples[users][name]
                              if s.status})
        row = f"| {name} `{paths[name]}` | {'/'.join(str(q) for q in row_queries) or '–'} |"
        ratios = []
        for users in levels:
            own = [s.server_ms for s in result.samples[users][name] if s.status]
            base = [s.server_ms for s in result.samples[users][TRIVIAL] if s.status]
            p50, p95 = quantile(own, 0.5), quantile(own, 0.95)
            r50, r95 = p50 / quantile(base, 0.5), p95 / quantile(base, 0.95)
            ratios.append(r95)
            bad = [s.status for s in result.samples[users][name] if s.status not in (200,)]
            flag = f" ({len(bad)}× status {sorted(set(bad))})" if bad else ""
            row += f" {p50:.1f} / {p95:.1f} (n={len(own)}){flag} | {r50:.1f}× / {r95:.1f}× |"
        if len(levels) > 1:
            row += f" {ratios[-1] / ratios[0]:.2f} |"
        floor = [s.server_ms for s in result.samples[levels[0]].get(STAFF_FLOOR, []) if s.status]
        own = [s.server_ms for s in result.samples[levels[0]][name] if s.status]
        row += f" {quantile(own, 0.5) / quantile(floor, 0.5):.1f}× |" if name in staff and floor and own else " – |"
        lines.append(row)
    lines.append("")
    for users in levels:
        all_client = [s.client_ms for name in names for s in result.samples[users][name] if s.status]
        lines.append(f"- {users} user(s): {sum(len(v) for v in result.samples[users].values())} requests; "
                     f"response time seen by the clients (queueing included) p50 {quantile(all_client, 0.5):.0f} ms, "
                     f"p95 {quantile(all_client, 0.95):.0f} ms")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", default="1,16", help="concurrency levels (default 1,16)")
    parser.add_argument("--per-page", type=int, default=0,
                        help="requests per page at each level (default: 20 at 1 user, 48 at more)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--warm-up", type=int, default=12,
                        help="requests per page and server thread before measuring, all threads at once (default "
                             "12: every connection has prepared and planned each page's statements; 0: measure "
                             "a server just started)")
    parser.add_argument("--max-seconds", type=float, default=900, help="stop measuring after this long")
    parser.add_argument("--record", default="", help="append the result to this Markdown file")
    parser.add_argument("--command", default="", help="the command to write down with the result")
    args = parser.parse_args()
    levels = [int(x) for x in args.users.split(",") if x.strip()]

    from ungeforlob.scale.generate import DEMO_PASSWORD, KNOWN_CONTACT_PERSON, KNOWN_LEADER, current

    dataset = current()
    if dataset is None or dataset.status != "ready":
        raise SystemExit("no scale dataset: run `manage.py generate_scale` first")
    pages, youth_id, own_id = pages_for_dataset()
    started_at = timezone.localtime()
    about_machine = machine()
    conn_max_age = settings.DATABASES["default"].get("CONN_MAX_AGE")
    stop = threading.Event()
    beat = threading.Thread(target=keep_worker_beating, args=(stop,), daemon=True)
    beat.start()
    port = _free_port()
    servers = start_servers(port, args.workers, args.threads)
    try:
        wait_for(port)
        sessions = {
            "anon": {},
            "kp": login(port, KNOWN_CONTACT_PERSON, DEMO_PASSWORD),
            "leader": login(port, KNOWN_LEADER, DEMO_PASSWORD),
            "youth": youth_session(own_id),
        }
        connection.close()
        for p in pages:  # every page answers (fail early on a broken one)
            status, _, _, _ = request(port, p.path, dict(sessions[p.who]))
            if status != 200:
                print(f"warning: {p.name} {p.path} answered {status}", file=sys.stderr)
        deadline = time.monotonic() + args.max_seconds
        if args.warm_up:
            # Each server thread's database connection asks every page's questions often enough to have them
            # prepared and planned once (psycopg prepares a statement at its 6th use on a connection, PostgreSQL
            # keeps a generic plan after 5 more): the steady state of a server at work, not its first minute.
            threads = args.workers * args.threads
            print(f"warming up: {args.warm_up * threads} requests per page at {threads} users …", file=sys.stderr)
            measure(port, pages, sessions, threads, args.warm_up * threads, deadline, seed=0)
        result = Result()
        for users in levels:
            per_page = args.per_page or (20 if users == 1 else 48)
            print(f"measuring {users} user(s), {per_page} requests per page …", file=sys.stderr)
            t0 = time.monotonic()
            result.samples[users] = measure(port, pages, sessions, users, per_page, deadline, seed=users)
            print(f"  done in {time.monotonic() - t0:.0f} s", file=sys.stderr)
    finally:
        stop.set()
        stop_servers(servers)
    server_kind = ("gunicorn gthread" if _has_module("gunicorn") else "wsgiref (threaded, SO_REUSEPORT)")
    counts = dataset.counts
    audit = counts.get("audit_auditevent", 0)
    lines = [
        f"### {dataset.youth:,} young people in {dataset.municipalities} municipalit"
        f"{'y' if dataset.municipalities == 1 else 'ies'} — {started_at:%Y-%m-%d %H:%M}",
        "",
        f"- Command: `{args.command or ' '.join(sys.argv)}`",
        f"- Machine: {about_machine}",
        f"- Dataset: seed {dataset.seed}, largest municipality {dataset.largest:,} young people, "
        f"{sum(counts.values()) - audit:,} domain rows + {audit:,} audit rows (built in {dataset.seconds or 0:.0f} s)",
        f"- Server: {server_kind}, {args.workers} processes × {args.threads} threads, DEBUG off, "
        f"CONN_MAX_AGE={conn_max_age}, "
        + (f"warmed up with {args.warm_up} requests per page and thread" if args.warm_up
           else "not warmed up (a server just started)")
        + f"; the youth pages show young person #{youth_id} (of `scale-kp`, the one "
        f"with the most audit rows); Min side is #{own_id}'s (the most after her: the staff pages' reads write "
        "hundreds of rows a run in the first one's log)",
        "- Server time: from a worker thread taking the request until its body is produced and the request "
        "finished (connection close included), read from the response; ratio = the page's p50 (p95) ÷ the "
        "trivial view's p50 (p95) at the same concurrency, both measured interleaved in the same run; the last "
        "column divides a staff page's p50 by that of the lightest staff page (`/om/`: login, session, menu "
        "and layout), measured in the same run too; `/bench/tom/` is a logged-in staff request that does nothing "
        "(session, user, two-factor; no template).",
        "",
        *report(result, pages, levels),
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.record:
        path = Path(args.record)
        existing = path.read_text() if path.exists() else "# Benchmarks\n"
        if "## Pages at scale" not in existing:
            existing = existing.rstrip("\n") + "\n\n## Pages at scale (issue 14)\n\n" + PAGES_INTRO
        path.write_text(existing.rstrip("\n") + "\n\n" + text)
        print(f"appended to {path}", file=sys.stderr)


PAGES_INTRO = """Command: `make bench-scale` (`SCALE_YOUTH=2000` young people by default; `SCALE_MUNICIPALITIES=98` and
`SCALE_YOUTH=80000` for Denmark). It starts a private PostgreSQL cluster (its own directory and port, so it never
touches `make test-postgres`), builds the dataset with `manage.py generate_scale`, runs
`python -m ungeforlob.scale.bench` and stops the cluster (`SCALE_KEEP=1` keeps it running for `EXPLAIN ANALYZE`).
What the dataset holds and how it is shaped: `ungeforlob/scale/generate/`. How the pages are measured:
`ungeforlob/scale/bench.py` and `benchserver.py`. No WSGI server is pinned in the project yet, so the benchmark
serves the project with the standard library's wsgiref (threaded; two processes sharing the port, at most four
requests at a time in each, like gunicorn's 2 workers × 4 threads); when gunicorn is installed it is used instead.
"""


if __name__ == "__main__":
    main()
