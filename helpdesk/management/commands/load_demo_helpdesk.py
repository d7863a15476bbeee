"""Demo data for the helpdesk: idempotent (safe to run again)."""

from django.core.management.base import BaseCommand

from helpdesk.demo import helpdesk_demo_load


class Command(BaseCommand):
    help = (
        "Create demo helpdesk tickets, national CHM tracker rows, help articles and an award call."
    )

    def handle(self, *args, **options):
        summary = helpdesk_demo_load()
        self.stdout.write(self.style.SUCCESS(summary))
