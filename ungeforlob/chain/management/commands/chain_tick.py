"""Periodic chain work: escalate concerns not acknowledged in time, end memberships whose consent expired.

Run it from cron or a systemd timer (e.g. every 15 minutes on working days), or enqueue the task
`ungeforlob.chain.tasks.chain_tick` for the worker. Page loads escalate too, so nothing waits for it.
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
