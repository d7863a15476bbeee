"""Re-enqueue translation jobs whose worker stopped (the schedule runs this every 5 min)."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from translation.services import jobs_reconcile


class Command(BaseCommand):
    help = "Re-enqueue translation jobs whose heartbeat went stale."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale-after", type=int, default=None, help="Seconds (default MT_JOB_STALE_SECONDS)."
        )

    def handle(self, *args, **options):
        seconds = options["stale_after"]
        stale = jobs_reconcile(stale_after=timedelta(seconds=seconds) if seconds else None)
        self.stdout.write(f"re-enqueued: {', '.join(map(str, stale)) or 'none'}")
