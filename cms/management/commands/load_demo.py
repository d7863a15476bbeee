from django.core.management.base import BaseCommand

from cms.demo.loader import demo_site_load


class Command(BaseCommand):
    help = "Load the demo CHM site in the six UN languages (does nothing if it exists)."

    def handle(self, *args, **options):
        created = demo_site_load(progress=lambda step: self.stdout.write(f"  … {step}"))
        if created:
            self.stdout.write(self.style.SUCCESS("Demo content loaded in six languages."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
