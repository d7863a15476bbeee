import datetime

import pytest

from notifications import services
from notifications.models import Response, Subject
from tests.notifications.conftest import TITLES, make_focal_point, make_notification

pytestmark = pytest.mark.django_db


def issued(day=datetime.date(2014, 8, 26), **kwargs):
    notification = make_notification(**kwargs)
    return services.notification_issue(
        notification_id=notification.pk, issue_date=day, dispatch=False
    )


def test_listing_newest_first_in_the_visitor_language(client):
    older = issued(day=datetime.date(2013, 5, 1), languages=("en", "fr"))
    newer = issued(languages=("en", "fr"))
    draft = make_notification(titles={**TITLES, "en": "Secret draft"})
    body = client.get("/fr/notifications/").content.decode()
    assert body.index(newer.number) < body.index(older.number)
    assert TITLES["fr"] in body and "Secret draft" not in body
    assert draft.number is None


def test_listing_filters_by_year_subject_and_text(client):
    subject = Subject.objects.create(
        code="biosafety", titles={"en": "Biosafety", "ru": "Биобезопасность"}
    )
    tagged = issued(day=datetime.date(2012, 1, 3))
    tagged.subjects.add(subject)
    other = issued(
        day=datetime.date(2011, 1, 3), titles={**TITLES, "en": "Invitation to a workshop"}
    )
    by_year = client.get("/en/notifications/?year=2012").content.decode()
    assert tagged.number in by_year and other.number not in by_year
    by_subject = client.get("/ru/notifications/?subject=biosafety").content.decode()
    assert tagged.number in by_subject and other.number not in by_subject
    assert "Биобезопасность" in by_subject
    by_text = client.get("/en/notifications/?q=workshop").content.decode()
    assert other.number in by_text and tagged.number not in by_text


def test_detail_shows_number_recipients_and_letters_per_language(client, media_root):
    notification = issued(
        languages=("en", "ar", "zh-hans"), action_required_by=datetime.date(2014, 10, 31)
    )
    response = client.get(f"/ar/notifications/{notification.number}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'dir="rtl"' in body and TITLES["ar"] in body
    assert "31 أكتوبر 2014" in body  # Babel date in Arabic
    for language in ("en", "ar", "zh-hans"):
        assert f"ntf-{notification.number}-{notification.slug}-{language}.pdf" in body
    pdf = client.get(
        f"/ar/notifications/{notification.number}/ntf-{notification.number}-{notification.slug}-zh-hans.pdf"
    )
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_detail_falls_back_to_english_and_says_so(client):
    notification = issued(languages=("en",), unpublished=("es",))
    body = client.get(f"/es/notifications/{notification.number}/").content.decode()
    assert TITLES["en"] in body and TITLES["es"] not in body
    assert "se muestra en inglés" in body


def test_unissued_and_unknown_numbers_are_404(client):
    make_notification()
    assert client.get("/en/notifications/2099-001/").status_code == 404


def test_withdrawn_notification_stays_public_marked_withdrawn(client):
    notification = issued()
    services.notification_withdraw(notification_id=notification.pk, reason="Replaced by 2014-108")
    body = client.get(f"/fr/notifications/{notification.number}/").content.decode()
    assert "Cette notification a été retirée." in body and "Replaced by 2014-108" in body


def test_responses_are_grouped(client):
    from cms.models import Party

    notification = issued()
    Response.objects.create(
        notification=notification,
        party=Party.objects.get(code="FR"),
        text="Our answer",
        language="en",
    )
    Response.objects.create(
        notification=notification,
        respondent_type="observer",
        organisation="IUCN",
        text="Comments",
        language="en",
    )
    body = client.get(f"/en/notifications/{notification.number}/").content.decode()
    assert (
        body.index("Parties") < body.index("France") < body.index("Observers") < body.index("IUCN")
    )


def test_feeds_per_language(client):
    notification = issued(languages=("en", "ru"))
    rss = client.get("/ru/notifications/feed/rss/")
    atom = client.get("/en/notifications/feed/atom/")
    assert rss.status_code == 200 and TITLES["ru"] in rss.content.decode()
    assert "<language>ru</language>" in rss.content.decode()
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert f"/en/notifications/{notification.number}/" in atom.content.decode()


def test_directory_shows_only_active_and_only_what_was_agreed(client):
    make_focal_point(
        "KE", email_address="public@example.org", publish_email=True, organisation="KWS"
    )
    make_focal_point("KE", email_address="private@example.org", organisation="NEMA")
    make_focal_point("KE", status="nominated", organisation="Pending Org")
    body = client.get("/en/notifications/focal-points/?party=KE").content.decode()
    assert "KWS" in body and "NEMA" in body and "Pending Org" not in body
    assert "public@example.org" in body and "private@example.org" not in body


def test_feed_items_carry_the_issue_date_and_keep_paragraphs_apart(client):
    import xml.etree.ElementTree as ET  # noqa: S405 (our own feed)

    issued(day=datetime.date(2014, 8, 26), languages=("en",))
    rss = ET.fromstring(client.get("/en/notifications/feed/rss/").content)  # noqa: S314
    item = rss.find("channel/item")
    assert item.findtext("pubDate") == "Tue, 26 Aug 2014 00:00:00 +0000"
    description = item.findtext("description")
    assert f"{TITLES['en']}.\n\nBody paragraph (en)." in description
    assert ".Body" not in description


def test_subjects_are_joined_the_way_each_language_joins_lists(client):
    notification = issued(languages=("en", "ar", "zh-hans"))
    for code, titles in [
        ("forests", ("Forests", "الغابات", "森林")),
        ("water", ("Water", "المياه", "水")),
    ]:
        subject = Subject.objects.create(
            code=code, titles=dict(zip(("en", "ar", "zh-hans"), titles, strict=True))
        )
        notification.subjects.add(subject)
    assert (
        "Forests and Water"
        in client.get(f"/en/notifications/{notification.number}/").content.decode()
    )
    assert (
        "الغابات والمياه"
        in client.get(f"/ar/notifications/{notification.number}/").content.decode()
    )
    assert (
        "森林和水" in client.get(f"/zh-hans/notifications/{notification.number}/").content.decode()
    )
