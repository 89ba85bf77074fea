from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from ungeforlob.demo.loader import DEMO_PASSWORD, STAFF, load_demo


class Command(BaseCommand):
    help = "Load Demo Kommune (idempotent: safe to run again)."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        # The demo's own notifications (e.g. "you joined a circle") are never e-mailed: the addresses are made up.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            result = load_demo()
        self.stdout.write(self.style.SUCCESS(
            f"Demo Kommune klar ({result['created_youth']} nye unge oprettet)."
        ))
        self.stdout.write(f"Demo-logins (adgangskode for alle: {DEMO_PASSWORD}):")
        for username, first, last, org, profession, _role in STAFF[:5]:
            self.stdout.write(f"  {username:<14} {first} {last}, {profession}, {org}")
        self.stdout.write("  (admin skal sætte to-faktor-login op med en authenticator-app ved første login)")
