"""The kill drill's seeding subprocess: migrate a throw-away SQLite installation and emit `count` events to one
subscription at `url` (`python -m ungeforlob.webhooks.tests.drill --count N --url URL --secret S`)."""

from __future__ import annotations

import argparse
import datetime
from types import SimpleNamespace


def _seed(count: int, url: str, secret: str) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from ungeforlob.accounts.models import Municipality, Organisation, Sector
    from ungeforlob.integrations.models import ApiClient
    from ungeforlob.webhooks import signing
    from ungeforlob.webhooks.models import Subscription
    from ungeforlob.webhooks.services import event_emit

    call_command("migrate", verbosity=0, interactive=False)
    municipality, _ = Municipality.objects.get_or_create(code="drill", defaults={"name": "Drill"})
    org, _ = Organisation.objects.get_or_create(municipality=municipality, name="Drill FGU",
                                                defaults={"sector": Sector.UU_KUI})
    client, _ = ApiClient.objects.get_or_create(
        municipality=municipality, name="Drill", defaults={
            "organisation": org, "scopes": ["webhooks"], "token_prefix": "drill", "token_hash": "0" * 64,
            "expires_at": timezone.now() + datetime.timedelta(days=1)})
    Subscription.objects.get_or_create(
        client=client, target_url=url, defaults={
            "municipality": municipality, "events": ["referral.received"],
            "secret_encrypted": signing.secret_encrypt(secret), "secret_hint": secret[-4:]})
    referral = SimpleNamespace(organisation_name=org.name)
    for i in range(count):
        with transaction.atomic():
            event_emit(event_type="referral.received", municipality_id=municipality.pk, referral=referral,
                       data={"referral_id": i})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--secret", required=True)
    args = parser.parse_args(argv)
    _seed(args.count, args.url, args.secret)


if __name__ == "__main__":
    main()
