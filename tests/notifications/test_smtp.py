from notifications.mail.smtp import PreQuoted, SmtpSession


def test_prequoted_message_arrives_byte_for_byte_with_leading_dots(smtp_server):
    raw = b"Subject: dots\r\nTo: a@example.org\r\n\r\n.one dot\r\n..two dots\r\n.\r\nend"
    with SmtpSession() as session:
        answer = session.send(
            sender="s@example.org", recipient="a@example.org", data=PreQuoted.of(raw)
        )
        plain = session.send(sender="s@example.org", recipient="b@example.org", data=raw)
    assert answer.accepted and plain.accepted
    received = dict(smtp_server.raw)
    # The server un-stuffs: what it stores is exactly what we meant, either way we sent it.
    assert received["a@example.org"] == raw + b"\r\n"
    assert received["b@example.org"] == received["a@example.org"]
