from django.core.management.base import BaseCommand

from notifications.demo import demo_notifications_load


class Command(BaseCommand):
    help = (
        "Load demo focal points and notification 2014-107 in six languages, and queue its "
        "e-mails (sent by the worker to the mail sink). Does nothing if it exists."
    )

    def handle(self, *args, **options):
        if demo_notifications_load():
            self.stdout.write(
                self.style.SUCCESS("Notification 2014-107 issued to demo focal points.")
            )
        else:
            self.stdout.write("Demo notifications already present; nothing changed.")
