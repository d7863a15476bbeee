class AccountsError(Exception):
    """Bad input or a refused action; the message is translated and safe to show."""
