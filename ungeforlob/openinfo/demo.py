"""Demo Kommune's public page: published, with made-up shared numbers, the procedures and offers the other demo
loaders made, and the offers feed open. Idempotent: an existing page is left as it is."""

from __future__ import annotations

from typing import Any

from ungeforlob.accounts.models import Municipality, User
from ungeforlob.openinfo.defaults import DEFAULT_TEXTS
from ungeforlob.openinfo.models import PublicPage
from ungeforlob.openinfo.services import public_page_save

CONTACTS = {
    "contact_youth": "Ring eller skriv til Ungeindsatsen på 70 20 30 40. Vi har åbent mandag til fredag kl. 9-15.\n"
                     "Du kan også komme forbi på Ungdomshuset, Skolegade 4.",
    "contact_parent": "Forældre kan ringe til os på 70 20 30 41 hver dag kl. 9-12.\n"
                      "Eller skriv til foraeldre@demo-kommune.dk.",
    "contact_professional": "Er du bekymret for en ung? Ring til vores vagt på 70 20 30 42.\n"
                            "Eller skriv til ungeindsats@demo-kommune.dk.",
}


def load(*, municipality: Municipality, staff: dict[str, User], orgs: dict[str, Any]) -> None:
    if PublicPage.objects.filter(municipality=municipality).exists():
        return
    texts = {k: str(v) for k, v in DEFAULT_TEXTS.items()}
    texts.update(CONTACTS)
    public_page_save(actor=staff["leder"], version=0, published=True, show_procedures=True, show_offers=True,
                     hsds_public=True, **texts)
