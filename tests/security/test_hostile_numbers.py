"""Finding 5 of issue 16: public and staff input that answered 500.

`?year=²` (isdigit() then int()), 20-digit ids (integer overflow in the database), staff
`?q=CHM-²` and `?id=²`, and on PostgreSQL a NUL in a path segment (DataError). Each now gets
an ordinary answer. The whole-site version of this is the URL fuzz test.
"""

import pytest

from helpdesk.models import Queue

pytestmark = pytest.mark.django_db

HUGE = "9" * 20
PUBLIC = [
    "/en/notifications/?year=²",
    f"/en/notifications/?year={HUGE}",
    "/en/notifications/?year=-1",
    "/api/v1/parties/F%00",
    "/api/v1/national-sites/F%00",
    "/en/helpdesk/tracker/F%00/edit/",
    "/en/helpdesk/contact/confirm/a%00b/",
    "/odata/Contacts('a%00b')",
    # Found by the URL fuzz test: a 20-digit attachment id (OverflowError on SQLite).
    f"/en/helpdesk/tickets/{HUGE}/attachments/1/",
    f"/en/helpdesk/tickets/1/attachments/{HUGE}/",
]
STAFF = [
    "/admin/helpdesk/tickets/?q=CHM-²",
    f"/admin/helpdesk/tickets/?q=CHM-{HUGE}",
    "/admin/translation/jobs/progress/?id=²",
    f"/admin/translation/jobs/progress/?id={HUGE}&id=-1",
]


def test_public_input_never_answers_500(client):
    for url in PUBLIC:
        assert client.get(url).status_code < 500, url


def test_staff_input_never_answers_500(client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw-1234567")
    client.force_login(admin)
    for url in STAFF + PUBLIC:
        assert client.get(url).status_code < 500, url


def test_a_next_that_is_not_a_path_never_answers_500(client, django_user_model):
    """Found by the URL fuzz test: the two-factor pages passed `?next=1` to redirect(),
    which read it as a view name (NoReverseMatch). Anything but a path on this site now
    leads to the account page."""
    user = django_user_model.objects.create_user("someone", "s@example.org", "pw-1234567")
    client.force_login(user)
    for value in ["1", "%C2%B2", "9" * 20, "-1", "a%0D%0Ab", "%FF%FE", "https://evil.example"]:
        response = client.get(f"/en/account/two-factor/verify/?next={value}")
        assert response.status_code in (200, 302), value
        if response.status_code == 302:
            assert response["Location"].startswith("/"), value


def test_an_admin_object_key_its_model_cannot_have_is_not_found(client, django_user_model):
    """Found by the URL fuzz test: Wagtail's choosers and the snippet revision comparison
    passed `²`, `%FF%FE` or a CR/LF to the database as an integer key (ValueError, a 500).
    AdminObjectKeyMiddleware answers 404 before the view; a valid key still reaches it."""
    admin = django_user_model.objects.create_superuser("root", "root@example.org", None)
    client.force_login(admin)
    choosers = [
        "/admin/documents/chooser/chosen/{}/",
        "/admin/images/chooser/chosen/{}/",
        "/admin/snippets/choose/helpdesk/queue/chosen/{}/",
        "/admin/snippets/notifications/notificationtext/history/{}/revisions/compare/1...1/",
    ]
    for template in choosers:
        for key in ["%C2%B2", "%FF%FE", "a%0D%0Ab", "x" * 300]:
            # 404 (Django's LocaleMiddleware may first try the address under /en/: 302).
            assert client.get(template.format(key)).status_code in (302, 404), (template, key)
    queue, _created = Queue.objects.get_or_create(category="other")
    chosen = client.get(f"/admin/snippets/choose/helpdesk/queue/chosen/{queue.pk}/")
    assert chosen.status_code == 200
