"""Print what another installation needs to exchange handover packages with this one.

The receiving installation gives its inbox key and public key to the sender out of band (not by e-mail in clear
text); the sender lists them in its RELOCATION_PARTNERS under this installation's name, and this installation
lists the sender's public key the same way.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand

from ungeforlob.relocation import sealing


class Command(BaseCommand):
    help = "Print this installation's name, inbox key and public key for RELOCATION_PARTNERS elsewhere."

    def handle(self, *args: Any, **options: Any) -> None:
        entry = {sealing.installation_name(): {"inbox_key": sealing.inbox_key().decode(),
                                               "public_key": sealing.public_key()}}
        self.stdout.write(json.dumps(entry, ensure_ascii=False, indent=2))
