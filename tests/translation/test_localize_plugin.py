"""No action in the admin publishes a copy of a page or snippet in another language.

The walk is what a curious superuser does: open the page explorer, a page's editor, the
listing and editor of every translatable snippet, click every action whose label or
address speaks of translating, syncing or aliasing, and submit whatever form it shows
with every language ticked. Then the plugin's own addresses are tried directly (a
bookmark, an old e-mail link). Afterwards nothing may be live in any language but the
source's, and every queued machine-translation job is run: its output is drafts.
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.locales.components import get_locale_components
from wagtail_localize.models import Translation, TranslationSource

from notifications.models import Notification, NotificationText
from tests.translation.builders import english_page, locale, mt_models, user  # noqa: F401
from translation import services
from translation.models import TranslationJob

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mt_models")]

TRANSLATE_LIKE = re.compile(r"translat|sync|alias|locali[sz]", re.IGNORECASE)


def _actions(html: str) -> set[str]:
    """Addresses of the translate-like links and buttons on an admin screen."""
    soup = BeautifulSoup(html, "html.parser")
    found = set()
    for element in soup.select("a[href], button[formaction], button[data-url]"):
        url = element.get("href") or element.get("formaction") or element.get("data-url") or ""
        label = " ".join([element.get_text(" ", strip=True), element.get("aria-label", "")])
        if "/admin/" in url and (TRANSLATE_LIKE.search(url) or TRANSLATE_LIKE.search(label)):
            found.add(url)
    return found


def _submit_everything(client, url: str) -> None:
    """Open the action and submit its form with every choice selected (every language)."""
    response = client.get(url, follow=True)
    assert response.status_code in (200, 403, 404), url
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    for form in soup.select("main form[method=post], main form[method=POST]"):
        data: dict[str, list[str]] = {}
        for field in form.select("input[name], select[name], textarea[name]"):
            name = field["name"]
            if field.name == "select":
                data.setdefault(name, []).extend(o.get("value", "") for o in field.select("option"))
            elif field.get("type") in ("checkbox", "radio"):
                data.setdefault(name, []).append(field.get("value", "on"))
            else:
                data.setdefault(name, []).append(field.get("value", "") or field.get_text())
        client.post(form.get("action") or response.wsgi_request.path, data, follow=True)


def _live_elsewhere(translation_key, source_locale) -> list[str]:
    pages = Page.objects.filter(translation_key=translation_key, live=True).exclude(
        locale=source_locale
    )
    snippets = [
        obj
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin)
        for obj in model.objects.filter(translation_key=translation_key).exclude(
            locale=source_locale
        )
        if getattr(obj, "live", True)
    ]
    return [f"{p.locale.language_code}: {p.title}" for p in pages] + [
        f"{s.locale.language_code}: {s}" for s in snippets
    ]


def _published_notification_text() -> NotificationText:
    notification = Notification.objects.create(categories=["CBD-FP1"], reference="SCBD/X/1")
    text = NotificationText(
        notification=notification,
        locale=locale("en"),
        title="Protected areas",
        body="<p>Biodiversity of <b>protected areas</b>.</p>",
    )
    text.save()
    text.save_revision().publish()
    return text


def test_no_translate_action_in_the_admin_publishes_anything(client):
    page = english_page(slug="walked")
    text = _published_notification_text()
    client.force_login(user("walker", superuser=True))

    screens = [
        reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
    ]
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin):
            meta = model._meta
            screens.append(reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list"))
    screens.append(reverse("wagtailsnippets_notifications_notificationtext:edit", args=[text.pk]))

    offered = set()
    for screen in screens:
        response = client.get(screen)
        assert response.status_code == 200, screen
        offered |= _actions(response.content.decode())
    # The project's own entry is there (pages); nothing of the plugins'.
    assert reverse("translation_request_page", args=[page.pk]) in offered
    assert not [url for url in offered if "/localize/" in url or "/translation/submit/" in url]
    for url in sorted(offered):
        _submit_everything(client, url)

    # The plugin's addresses still resolve (old links) but lead into our workflow.
    everywhere = [lang.pk for lang in Locale.objects.exclude(language_code="en")]
    for url in [
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["notifications", "notificationtext", text.pk],
        ),
    ]:
        response = client.post(url, {"locales": everywhere, "include_subtree": "on"})
        assert response.status_code == 302 and "/admin/translation/request/" in response["Location"]
        _submit_everything(client, response["Location"])
    assert client.get(f"/en/admin/translation/submit/page/{page.pk}/").status_code == 404
    for source in TranslationSource.objects.all():
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
        assert response.status_code == 302 and "/admin/translation/" in response["Location"]
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))
    assert response.status_code == 302
    assert not Translation.objects.exists()  # the plugin never started a translation

    # Our requests ran as jobs: machine text lands in drafts only.
    assert TranslationJob.objects.exists()
    for job in TranslationJob.objects.all():
        services.job_run(job_id=job.pk)
    assert NotificationText.objects.filter(translation_key=text.translation_key).count() > 1
    assert _live_elsewhere(page.translation_key, page.locale) == []
    assert _live_elsewhere(text.translation_key, text.locale) == []


def test_locales_cannot_be_synchronised_from_another_locale(client):
    # "Sync from English" would create live aliases of every English page under /ar/.
    assert [c["slug"] for c in get_locale_components()] == []
    client.force_login(user("locales", superuser=True))
    edit = client.get(reverse("wagtaillocales:edit", args=[locale("ar").pk])).content.decode()
    assert "sync_from" not in edit
