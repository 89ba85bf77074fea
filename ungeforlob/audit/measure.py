"""How fast "Hvem har kigget" reads one young person's rows from a large audit log (issue 14: ≤ 20 ms at 10 million).

    DATABASE_URL=postgres://… python -m ungeforlob.audit.measure [--youth ID …] [--runs 30] [--plain-copy]

Runs the page's reads exactly as the view does — `Paginator(portal.selectors.who_has_looked(youth), 50)`, the
count and the first page — `--runs` times for each young person (default: the one with the most rows and one
with a typical number), and prints p50/p95 in milliseconds of database time as the application sees it
(round trips included), the partitions touched, and EXPLAIN (ANALYZE, BUFFERS) of both queries.

`--plain-copy` also copies the log into one unpartitioned table with the indexes the log had before migration
0004/0005 (youth_id; youth_id, created_at; created_at) and runs the same SQL against it, for a before/after
under the same load. The copy is dropped afterwards. Reads only; nothing in the log changes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import types
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ungeforlob.scale.bench_settings")

PLAIN = "audit_plain_copy"


def _queries(youth_id: int) -> list[tuple[str, Any]]:
    from django.core.paginator import Paginator
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ungeforlob.portal.selectors import who_has_looked

    with CaptureQueriesContext(connection) as ctx:
        page = Paginator(who_has_looked(types.SimpleNamespace(pk=youth_id)), 50).get_page(1)
        list(page.object_list)
    return [(q["sql"], None) for q in ctx.captured_queries]


def _time(sqls: list[str], runs: int) -> tuple[float, float]:
    from django.db import connection

    timings = []
    with connection.cursor() as cursor:
        for _ in range(runs):
            started = time.perf_counter()
            for sql in sqls:
                cursor.execute(sql)
                cursor.fetchall()
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


def _explain(sql: str) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--youth", type=int, action="append", default=[])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--plain-copy", action="store_true")
    parser.add_argument("--explain", action="store_true", help="print the plans")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM audit_auditevent")
        total = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM pg_inherits WHERE inhparent = 'audit_auditevent'::regclass")
        parts = cursor.fetchone()[0]
        if not args.youth:
            cursor.execute("SELECT youth_id, count(*) FROM audit_auditevent WHERE youth_id IS NOT NULL "
                           "GROUP BY youth_id ORDER BY 2 DESC")
            counts = cursor.fetchall()
            args.youth = [counts[0][0], counts[len(counts) // 2][0]]
    print(f"audit rows: {total:,}; partitions: {parts}; runs per young person: {args.runs}")
    if args.plain_copy:
        with connection.cursor() as cursor:
            started = time.perf_counter()
            cursor.execute(f"DROP TABLE IF EXISTS {PLAIN}")
            cursor.execute(f"CREATE TABLE {PLAIN} AS SELECT * FROM audit_auditevent")  # noqa: S608
            cursor.execute(f"ALTER TABLE {PLAIN} ADD PRIMARY KEY (id)")
            cursor.execute(f"CREATE INDEX ON {PLAIN} (youth_id)")
            cursor.execute(f"CREATE INDEX ON {PLAIN} (youth_id, created_at)")
            cursor.execute(f"CREATE INDEX ON {PLAIN} (created_at)")
            cursor.execute(f"ANALYZE {PLAIN}")
            print(f"plain copy with the old indexes built in {time.perf_counter() - started:.0f} s")
    try:
        for youth_id in args.youth:
            sqls = [sql for sql, _ in _queries(youth_id)]
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*), count(DISTINCT tableoid) FROM audit_auditevent WHERE youth_id = %s",
                               [youth_id])
                rows, touched = cursor.fetchone()
            p50, p95 = _time(sqls, args.runs)
            print(f"young person {youth_id} ({rows:,} rows in {touched} partitions), {len(sqls)} queries: "
                  f"partitioned p50 {p50:.1f} ms, p95 {p95:.1f} ms")
            if args.plain_copy:
                plain = [sql.replace('"audit_auditevent"', f'"{PLAIN}"') for sql in sqls]
                q50, q95 = _time(plain, args.runs)
                print(f"    one plain table (before): p50 {q50:.1f} ms, p95 {q95:.1f} ms")
            if args.explain:
                for sql in sqls:
                    print(_explain(sql))
                    print()
    finally:
        if args.plain_copy:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS {PLAIN}")


if __name__ == "__main__":
    main()
