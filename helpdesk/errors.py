class HelpdeskError(Exception):
    """A refusal with a message for the user (translated when shown); nothing was changed."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)
