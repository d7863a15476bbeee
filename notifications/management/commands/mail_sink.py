import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from notifications.mail.sink import sink_start
from notifications.services.mail_sink import sink_message_store


class Command(BaseCommand):
    help = (
        "Run a local SMTP server (the demo's mail relay) that keeps every message it receives; "
        "staff read them in the admin under Notifications → received messages."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default=settings.EMAIL_HOST)
        parser.add_argument("--port", type=int, default=settings.EMAIL_PORT)

    def handle(self, *args, host, port, **options):
        def store(mail_from: str, recipient: str, data: bytes) -> None:
            close_old_connections()
            sink_message_store(mail_from, recipient, data)

        controller = sink_start(store, host=host, port=port)
        self.stdout.write(f"Mail sink listening on {host}:{port} (Ctrl-C stops it).")
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            stop.wait()
        except KeyboardInterrupt:
            pass
        finally:
            controller.stop()
