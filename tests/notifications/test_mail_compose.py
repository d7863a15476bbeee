"""Notification mail in six languages, read back with the standard library's `email` parser.

Real messages go through the real sending path to an aiosmtpd server on loopback; each
one is parsed as a focal point's mail client would, and compared with the database.
"""

import datetime
import email
import email.policy

import pytest
from django.utils import translation

from notifications import services
from notifications.services.mail_sink import sink_message_store
from tests.notifications.conftest import TITLES, make_focal_point, make_notification

pytestmark = pytest.mark.django_db

# Long enough that every encoded Subject must fold over several lines; an apostrophe that
# HTML escaping would turn into &#x27;; the demo's Arabic title, which lost its spaces.
LONG_TITLES = {
    **TITLES,
    "fr": "Nomination des correspondants nationaux pour le centre d'échange et l'établissement "
    "des rapports nationaux",
    "ar": "تسمية أو تأكيد جهات الاتصال الوطنية المعنية بالتقارير الوطنية والمستخدمين "
    "الوطنيين المأذون لهم في نظام الإبلاغ الإلكتروني للاتفاقية",
    "zh-hans": "为在线报告系统和信息交换所机制提名或核实国家联络点及国家授权用户，"
    "并请各缔约方于二〇一四年十月三十一日前正式致函秘书处",
}
PEOPLE = [
    ("en", "CA", "Ms", "Jane", "O'Neill"),
    ("fr", "FR", "M.", "Jean-Pierre", "Lefèvre"),
    ("es", "MX", "Sra.", "María José", "Núñez"),
    ("ru", "RU", "г-н", "Иван", "Петров"),
    ("ar", "EG", "د.", "منى", "حسن"),
    ("zh-hans", "CN", "先生", "伟", "王"),
]


@pytest.fixture
def sent(smtp_server, media_root):
    people = {
        lang: make_focal_point(code, language=lang, title=title, first_name=first, last_name=last)
        for lang, code, title, first, last in PEOPLE
    }
    notification = make_notification(
        languages=("en", "fr", "es", "ru", "ar", "zh-hans"), titles=LONG_TITLES
    )
    notification = services.notification_issue(
        notification_id=notification.pk, issue_date=datetime.date(2014, 8, 26), dispatch=False
    )
    services.deliveries_send(delivery_ids=services.deliveries_create(notification=notification))
    raw = dict(smtp_server.raw)
    return notification, people, raw


def test_every_header_decodes_to_exactly_the_text_in_the_database(sent):
    notification, people, raw = sent
    assert len(raw) == 6
    for lang, focal_point in people.items():
        data = raw[focal_point.primary_email]
        message = email.message_from_bytes(data, policy=email.policy.default)
        title = notification.texts.get(locale__language_code=lang).title
        with translation.override(lang):
            expected = translation.gettext("CBD Notification %(number)s: %(title)s") % {
                "number": notification.number,
                "title": title,
            }
        assert message["Subject"] == expected, lang
        assert message["To"].addresses[0].display_name == focal_point.full_name
        assert message["To"].addresses[0].addr_spec == focal_point.primary_email
        head = data.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
        assert max(len(line) for line in head) <= 78
        subject_lines = [line for line in head if line.startswith(b"Subject:")]
        assert len(subject_lines) == 1
        if lang in ("ar", "zh-hans"):  # folded: continuation lines follow the first
            following = head[head.index(subject_lines[0]) + 1]
            assert following.startswith(b" ")
        # The sink the demo reads shows the same subject.
        stored = sink_message_store("chm@example.org", focal_point.primary_email, data)
        assert stored.subject == expected


def test_subject_and_plain_text_hold_no_html_and_use_the_letters_labels(sent):
    notification, people, raw = sent
    for lang, focal_point in people.items():
        message = email.message_from_bytes(
            raw[focal_point.primary_email], policy=email.policy.default
        )
        plain = message.get_body(("plain",)).get_content()
        for text in (message["Subject"], plain):
            assert "&#" not in text and "&amp;" not in text and "&quot;" not in text
            assert text == text.strip() or text.endswith("\n")
        assert LONG_TITLES[lang] in plain
        with translation.override(lang):
            label = translation.pgettext("letter", "Reference")
        assert f"{label}: SCBD/SAM/NR/LC/83832" in plain, lang
    french = email.message_from_bytes(raw[people["fr"].primary_email], policy=email.policy.default)
    assert "centre d'échange" in french["Subject"]
    assert "centre d'échange" in french.get_body(("plain",)).get_content()
    russian = email.message_from_bytes(raw[people["ru"].primary_email], policy=email.policy.default)
    assert "Номер:" not in russian.get_body(("plain",)).get_content()
