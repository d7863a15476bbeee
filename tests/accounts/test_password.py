"""Password reset by e-mail (in the page's language) and change on the account page."""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.accounts.conftest import PASSWORD, body, make_user

pytestmark = pytest.mark.django_db

NEW = "نخيل-وصحراء-2026-Oasis"


def reset_link(mailbox) -> str:
    return re.search(r"/ar/account/password/reset/\S+/\S+/", body(mailbox.messages()[-1])).group(0)


def test_password_reset_in_arabic(client, mailbox, django_capture_on_commit_callbacks):
    make_user("nau-eg", party="EG", language="ar", email="nau@example.eg")
    page = client.get("/ar/account/login/").content.decode()
    assert "هل نسيت كلمة المرور؟" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ar/account/password/reset/", {"email": "NAU@example.eg"})
    assert response["Location"] == "/ar/account/password/reset/sent/"
    [mail] = mailbox.messages()
    # Django folds a long non-ASCII subject right after "Subject:"; parsers keep a space.
    assert mail["Subject"].strip() == "إعادة تعيين كلمة مرور آلية تبادل المعلومات"
    assert "افتح هذا الرابط لاختيار كلمة مرور جديدة" in body(mail) and "nau-eg" in body(mail)

    link = reset_link(mailbox)
    form = client.get(link, follow=True)
    assert "اختر كلمة مرور جديدة" in form.content.decode()
    done = client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    assert done["Location"] == "/ar/account/password/reset/done/"
    assert get_user_model().objects.get(username="nau-eg").check_password(NEW)
    # The link works once.
    client.logout()
    assert "هذا الرابط لم يعد صالحًا" in client.get(link, follow=True).content.decode()


def test_a_demo_user_without_a_password_gets_in_by_reset(
    client, mailbox, django_capture_on_commit_callbacks
):
    user = get_user_model().objects.create_user("demo-xx", email="chm-xx@example.org")
    user.set_unusable_password()
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ar/account/password/reset/", {"email": "chm-xx@example.org"})
    assert mailbox.recipients() == ["chm-xx@example.org"]


def test_a_mail_server_that_is_down_does_not_hold_the_reset_page(
    client, settings, django_capture_on_commit_callbacks
):
    """The reset mail leaves from a worker once the request is over (finding 2's rule)."""
    make_user("nau-pe", party="PE", language="es", email="nau@example.pe")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens: refused
    with django_capture_on_commit_callbacks() as queued:
        response = client.post("/es/account/password/reset/", {"email": "nau@example.pe"})
    assert response["Location"] == "/es/account/password/reset/sent/"
    assert len(queued) == 1  # the mail, queued for the worker


def test_unknown_addresses_get_the_same_answer_and_no_mail(client, mailbox):
    response = client.post("/ar/account/password/reset/", {"email": "nobody@example.org"})
    assert response["Location"] == "/ar/account/password/reset/sent/"
    assert mailbox.messages() == []


def test_password_change_on_the_account_page(client, nau_fr):
    client.force_login(nau_fr)
    assert "/fr/account/password/" in client.get("/fr/account/").content.decode()
    wrong = client.post(
        "/fr/account/password/",
        {"old_password": "nope", "new_password1": NEW, "new_password2": NEW},
    )
    assert wrong.status_code == 200
    assert get_user_model().objects.get(pk=nau_fr.pk).check_password(PASSWORD)
    changed = client.post(
        "/fr/account/password/",
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert changed["Location"] == "/fr/account/password/changed/"
    assert get_user_model().objects.get(pk=nau_fr.pk).check_password(NEW)
