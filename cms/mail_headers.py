"""Mail headers that decode to exactly the text given, in any of the six languages.

Two encoders of the standard library lose text on long non-ASCII headers: `email.policy`
moves the space between two words out of the encoded words into the fold, where every
decoder drops it (a long Arabic subject arrives with words glued together), and
`email.header.Header` without the header's name starts the value with an empty first line
(Django's subjects then decode with a leading space). `Header` told the name splits inside
the encoded text and decodes exactly; both the notification sender and Django's
`EmailMessage` use it through here.
"""

from email.header import Header

from django.core import mail


def header_encode(name: str, value: str, *, linesep: str = "\r\n") -> str:
    """The value of header `name`, folded at 78 columns, non-ASCII as RFC 2047 words."""
    if value.isascii() and len(name) + len(value) < 76:
        return value
    return Header(value, "utf-8", header_name=name).encode(linesep=linesep)


class EmailMessage(mail.EmailMessage):
    """Django's message whose Subject decodes to exactly `subject` (no leading space)."""

    def message(self, *args, **kwargs):
        message = super().message(*args, **kwargs)
        if not (self.subject.isascii() and len(self.subject) < 60):
            # Not `message["Subject"] = …`: Django's __setitem__ would encode it again its
            # own way. replace_header stores the Header as is; it is folded when sent.
            message.replace_header("Subject", Header(self.subject, "utf-8", header_name="Subject"))
        return message
