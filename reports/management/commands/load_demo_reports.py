"""Demo national reports and NBSAPs: idempotent (safe to run again)."""

from django.core.management.base import BaseCommand

from reports.demo import reports_demo_load


class Command(BaseCommand):
    help = "Create demo national reports and NBSAPs for a few Parties, in several languages."

    def handle(self, *args, **options):
        self.stdout.write(self.style.SUCCESS(reports_demo_load()))
