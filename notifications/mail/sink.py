"""An SMTP server that keeps what it receives (aiosmtpd), for the demo, tests and bench.

Answers can be set per recipient (`451` temporary, `550` permanent) to play a real
server refusing some addresses.
"""

import asyncio
import socket
from collections.abc import Callable

from aiosmtpd.controller import Controller

Store = Callable[[str, str, bytes], None]


class SinkHandler:
    def __init__(self, store: Store, answers: dict[str, str] | None = None) -> None:
        self.store = store
        self.answers = answers if answers is not None else {}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        answer = self.answers.get(address.lower())
        if answer:
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        # The store may use Django's ORM, which refuses to run inside the event loop.
        await asyncio.get_running_loop().run_in_executor(None, self.store_all, envelope)
        return "250 Message accepted for delivery"

    def store_all(self, envelope) -> None:
        for recipient in envelope.rcpt_tos:
            self.store(envelope.mail_from, recipient, envelope.original_content or envelope.content)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def sink_start(
    store: Store, *, host: str = "127.0.0.1", port: int = 0, answers: dict | None = None
) -> Controller:
    """Start a sink in a background thread; `controller.port` is the port it listens on."""
    controller = Controller(
        SinkHandler(store, answers),
        hostname=host,
        port=port or free_port(host),
        data_size_limit=50 * 1024 * 1024,
    )
    controller.start()
    return controller
