"""Run the chain's periodic jobs once, by hand: escalate concerns not acknowledged in time, end memberships
whose consent expired.

The worker (`manage.py worker`) runs the same jobs on its schedule (`ungeforlob.scheduler.jobs`); this command
is for an operator who wants it done now.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from ungeforlob.chain.tasks import run_tick


class Command(BaseCommand):
    help = "Eskalér bekymringer der ikke er kvitteret i tide, og afslut medlemskaber med udløbet samtykke."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        result = run_tick()
        self.stdout.write(f"Eskalerede bekymringer: {result['escalated']}; "
                          f"medlemskaber afsluttet (samtykke udløbet): {result['expired']}")
