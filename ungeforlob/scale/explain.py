"""Where the time goes: each benchmarked page once, its slowest queries with `EXPLAIN (ANALYZE, BUFFERS)`.

`python -m ungeforlob.scale.explain [--top 3] [--page "I dag"]` against a database holding the scale dataset
(e.g. the cluster `make bench-scale SCALE_KEEP=1` leaves running, with its DATABASE_URL). Requests are made
in-process with Django's test client (no server, nothing on the network); only SELECT statements are explained.
"""

from __future__ import annotations

import argparse
import os
import textwrap

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ungeforlob.scale.bench_settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def clients(own_id: int) -> dict[str, Client]:
    from ungeforlob.accounts.models import User
    from ungeforlob.scale.bench import youth_session

    out = {}
    for who, username in (("kp", "scale-kp"), ("leader", "scale-leder")):
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(User.objects.get(username=username))
        out[who] = client
    youth = Client(HTTP_HOST="127.0.0.1")
    for name, value in youth_session(own_id).items():
        youth.cookies[name] = value
    out["youth"] = youth
    out["anon"] = Client(HTTP_HOST="127.0.0.1")
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=3)
    parser.add_argument("--page", action="append", default=[], help="only these pages (by name)")
    parser.add_argument("--plan-lines", type=int, default=30)
    args = parser.parse_args()

    from ungeforlob.scale.bench import pages_for_dataset

    pages, _youth_id, own_id = pages_for_dataset()
    by_who = clients(own_id)
    for page in pages:
        if args.page and page.name not in args.page:
            continue
        client = by_who[page.who]
        client.get(page.path)  # warm
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(page.path)
        queries = ctx.captured_queries
        total = sum(float(q["time"]) for q in queries) * 1000
        print(f"\n## {page.name} `{page.path}` — status {response.status_code}, {len(queries)} queries, "
              f"{total:.1f} ms in SQL")
        ranked = sorted(queries, key=lambda q: float(q["time"]), reverse=True)
        shown = 0
        for q in ranked:
            sql = q["sql"]
            if not sql.lstrip().upper().startswith("SELECT") or shown >= args.top:
                continue
            shown += 1
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = [row[0] for row in cursor.fetchall()]
            print(f"\n### {float(q['time']) * 1000:.1f} ms\n")
            print("```sql\n" + textwrap.shorten(sql, 1600, placeholder=" …") + "\n```\n")
            keep = plan if len(plan) <= args.plan_lines else [*plan[: args.plan_lines - 3], "…", *plan[-2:]]
            print("```\n" + "\n".join(keep) + "\n```")


if __name__ == "__main__":
    main()
