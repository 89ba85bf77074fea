from django.core.management.base import BaseCommand

from ungeforlob.inspiration import loader


class Command(BaseCommand):
    help = "Indlæs biblioteket med lovende praksis fra appens datafil (kan køres igen uden at lave dubletter)."

    def handle(self, *args, **options) -> None:
        created, updated = loader.load()
        self.stdout.write(f"Lovende praksis: {created} oprettet, {updated} opdateret.")
