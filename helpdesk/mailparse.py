"""Reading inbound e-mail (pure functions): the ticket tag, whether a message is automatic
(out-of-office, bounce, list), and the new text of a reply without quotes or signature."""

import html
import re
from email.message import EmailMessage
from email.utils import parseaddr

TAG = re.compile(r"\[CHM-(\d+)\]", re.IGNORECASE)
AUTOMATIC_SENDERS = ("mailer-daemon", "postmaster", "noreply", "no-reply", "bounce")
# Lines after which everything is the quoted earlier message, in the six languages and the
# common clients (Outlook, Gmail, Apple Mail, Thunderbird).
QUOTE_HEADERS = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^-{2,}\s*(original message|message d'origine|mensaje original|исходное сообщение|原始邮件)\s*-{2,}",
        r"^_{10,}$",
        r"^(on|le|el|am) .{4,200}(wrote|a écrit|escribió|schrieb)\s*:?\s*$",
        r"^.{4,200}(wrote|a écrit|escribió)\s*:\s*$",
        r"^.{0,200}(пишет|написал|написала)\s*:\s*$",
        r"^.{0,200}写道\s*[:：]\s*$",
        r"^.{0,200}كتب\s*[:：]?\s*$",
        r"^(from|de|от|发件人|من)\s*[:：].+",
    )
]
SIGNATURE_MARKERS = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^-- ?$",
        r"^(sent from my|envoyé de mon|enviado desde mi|отправлено с|发自我的)",
    )
]


def ticket_number(subject: str) -> int | None:
    match = TAG.search(subject or "")
    return int(match.group(1)) if match else None


def is_automatic(message: EmailMessage) -> bool:
    """Auto-replies, bounces and list traffic: they must never create tickets or replies."""
    auto_submitted = (message.get("Auto-Submitted") or "no").strip().lower()
    if auto_submitted != "no":
        return True
    if (message.get("Precedence") or "").strip().lower() in {"bulk", "junk", "list", "auto_reply"}:
        return True
    if any(
        message.get(header)
        for header in ("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress", "List-Id")
    ):
        return True
    if (message.get("Return-Path") or "").strip() == "<>":
        return True
    if message.get_content_type() == "multipart/report":
        return True
    sender = parseaddr(message.get("From") or "")[1].lower()
    local = sender.split("@", 1)[0]
    return not sender or any(local.startswith(name) for name in AUTOMATIC_SENDERS)


def _html_to_text(markup: str) -> str:
    markup = re.sub(r"(?is)<(script|style).*?</\1>", "", markup)
    markup = re.sub(r"(?is)<blockquote.*?</blockquote>", "", markup)
    markup = re.sub(r"(?i)<br\s*/?>|</p>|</div>", "\n", markup)
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def message_text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = part.get_content()
    return _html_to_text(content) if part.get_content_type() == "text/html" else content


def reply_strip(text: str) -> str:
    """The new part of a reply: up to the first quote header, quoted line or signature."""
    kept: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if stripped.startswith(">"):
            break
        if any(pattern.match(stripped) for pattern in QUOTE_HEADERS + SIGNATURE_MARKERS):
            break
        kept.append(line.rstrip())
    return "\n".join(kept).strip()
