class NotificationsError(Exception):
    """A refused action; the message is translated and safe to show to the user."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message
