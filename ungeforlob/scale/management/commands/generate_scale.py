"""`manage.py generate_scale --youth 2000` (one municipality) or `--youth 80000 --municipalities 98` (Denmark).

Idempotent: the same seed and size again does nothing; another size replaces the earlier dataset; `--reset`
removes it. Never run it against a production database: it writes tens of millions of synthetic rows.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ungeforlob.scale import generate


class Command(BaseCommand):
    help = "Build (or remove) the synthetic national-scale dataset used by `make bench-scale`."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--youth", type=int, default=2000, help="young people in all (default 2000)")
        parser.add_argument("--municipalities", type=int, default=1, help="municipalities (default 1)")
        parser.add_argument("--largest", type=int, default=generate.LARGEST_DEFAULT,
                            help="young people in the largest municipality at most (default 10000)")
        parser.add_argument("--seed", type=int, default=14, help="random seed (default 14)")
        parser.add_argument("--reset", action="store_true", help="remove the dataset and build nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        def log(text: str) -> None:
            self.stdout.write(text)

        if options["reset"]:
            generate.reset(log=log)
            return
        youth, municipalities = options["youth"], options["municipalities"]
        if youth < 1 or municipalities < 1 or municipalities > youth:
            raise CommandError("--youth must be at least 1 and at least --municipalities (at least 1).")
        try:
            dataset, built = generate.build(youth=youth, municipalities=municipalities, seed=options["seed"],
                                            largest=options["largest"], log=log)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        if built:
            # The history goes back years: give its audit rows their monthly partitions (PostgreSQL), as the
            # worker does in production, so the benchmark reads the log as it would be there.
            from ungeforlob.audit.services import audit_partitions_ensure

            audit_partitions_ensure(months_ahead=3)
        rows = sum(dataset.counts.values())
        audit = dataset.counts.get("audit_auditevent", 0)
        verb = "built" if built else "already there"
        self.stdout.write(f"{verb}: {dataset} — {rows - audit:,} domain rows, {audit:,} audit rows"
                          + (f" in {dataset.seconds:.0f} s" if dataset.seconds else ""))
