from django.conf import settings
from django.core.management.base import BaseCommand

from cms.services import site_record_sync


class Command(BaseCommand):
    help = "Set the default Wagtail Site's hostname and port from SITE_URL."

    def handle(self, *args, **options):
        changed = site_record_sync()
        state = "updated to" if changed else "already matches"
        self.stdout.write(self.style.SUCCESS(f"Wagtail Site {state} {settings.SITE_URL}."))
