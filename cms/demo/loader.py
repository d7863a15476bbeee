"""Builds the demo CHM site: one page tree per UN language, written by people."""

import re
from collections.abc import Callable
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from cms.demo import content
from cms.models import (
    ContentPage,
    DocumentIndexPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    OfficialDocumentPage,
)
from cms.services import site_record_sync
from cms.site_url import site_url_host_port

SEED_FILE = Path(__file__).with_name("unep-cbd-cop-12-11-zh.txt")
# Section headings of the Chinese edition: "一. 导言和背景", "A. 中央信息交换所机制".
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+|[A-Z])\.\s")
BODY_START = "一. 导言和背景"

Progress = Callable[[str], None]


def seed_document_blocks(path: Path = SEED_FILE) -> list[tuple[str, object]]:
    """The Chinese edition of UNEP/CBD/COP/12/11 as StreamField blocks."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    start = lines.index(BODY_START)
    blocks: list[tuple[str, object]] = []
    for line in lines[start:]:
        if not line or line.startswith("*"):
            continue
        if HEADING.match(line):
            blocks.append(("heading", line))
        else:
            blocks.append(("paragraph", RichText(f"<p>{_escape(line)}</p>")))
    return blocks


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def locales_ensure() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in content.LANGUAGES}


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _home_ensure() -> HomePage:
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title=content.HOME["title"]["en"], slug="chm", intro=content.HOME["intro"]["en"]
        )
        root.add_child(instance=home)
        _publish(home)
        if site is None:
            hostname, port = site_url_host_port()
            site = Site(hostname=hostname, port=port, is_default_site=True, site_name="CHM")
        old_root = site.root_page if site.pk else None
        site.root_page = home
        site.site_name = "Clearing-House Mechanism"
        site.save()
        if old_root is not None and not isinstance(old_root.specific, HomePage):
            old_root.delete()  # Wagtail's "Welcome" placeholder.
    return home


def _translate(source: Page, locale: Locale, fields: dict) -> Page:
    """The page in `locale`, created as a copy of `source` if needed, with people's text."""
    page = source.get_translation_or_none(locale)
    if page is None:
        page = source.copy_for_translation(locale)
    page = page.specific
    for name, value in fields.items():
        setattr(page, name, value)
    return _publish(page)


def _texts(entry: dict, language: str, **names: str) -> dict:
    return {field: entry[key][language] for field, key in names.items()}


@transaction.atomic
def demo_site_load(progress: Progress = lambda message: None) -> bool:
    """Create the demo site in the six languages. Returns False when it already exists."""
    site_record_sync()  # Wagtail's first Site is localhost:80; links must use SITE_URL
    if ContentPage.objects.filter(slug="about", locale__language_code="en").exists():
        return False
    locales = locales_ensure()
    home = _home_ensure()
    progress("home page")
    about = home.add_child(instance=ContentPage(slug="about", title="-", show_in_menus=True))
    news_index = home.add_child(instance=NewsIndexPage(slug="news", title="-", show_in_menus=True))
    news_items = [
        news_index.add_child(
            instance=NewsPage(slug=item["slug"]["en"], title="-", date=item["date"])
        )
        for item in content.NEWS
    ]
    events_index = home.add_child(
        instance=EventIndexPage(slug="events", title="-", show_in_menus=True)
    )
    events = [
        events_index.add_child(
            instance=EventPage(
                slug=item["slug"]["en"], title="-", start_date=item["start"], end_date=item["end"]
            )
        )
        for item in content.EVENTS
    ]
    documents_index = home.add_child(
        instance=DocumentIndexPage(slug="documents", title="-", show_in_menus=True)
    )
    cop_doc = documents_index.add_child(
        instance=OfficialDocumentPage(
            slug=content.COP_12_11["slug"]["en"],
            title="-",
            symbol=content.COP_12_11["symbol"],
            meeting=content.COP_12_11["meeting"],
            document_date=content.COP_12_11["date"],
        )
    )
    chinese_body = seed_document_blocks()

    for language in content.LANGUAGES:
        locale = locales[language]
        progress(f"pages in {language}")
        about_text = content.ABOUT
        _translate(
            home,
            locale,
            {
                "title": content.HOME["title"][language],
                "intro": content.HOME["intro"][language],
            },
        )
        _translate(
            about,
            locale,
            {
                **_texts(about_text, language, title="title", slug="slug", intro="intro"),
                "body": [
                    ("heading", about_text["heading"][language]),
                    ("paragraph", RichText(about_text["paragraph"][language])),
                    (
                        "quote",
                        {
                            "text": about_text["quote"][language],
                            "attribution": about_text["attribution"][language],
                        },
                    ),
                ],
            },
        )
        _translate(
            news_index, locale, _texts(content.NEWS_INDEX, language, title="title", slug="slug")
        )
        for page, item in zip(news_items, content.NEWS, strict=True):
            _translate(
                page, locale, _texts(item, language, title="title", slug="slug", intro="intro")
            )
        _translate(
            events_index, locale, _texts(content.EVENTS_INDEX, language, title="title", slug="slug")
        )
        for page, item in zip(events, content.EVENTS, strict=True):
            _translate(
                page,
                locale,
                _texts(item, language, title="title", slug="slug", location="location"),
            )
        _translate(
            documents_index,
            locale,
            _texts(content.DOCUMENTS_INDEX, language, title="title", slug="slug"),
        )
        document_fields = _texts(
            content.COP_12_11, language, title="title", slug="slug", intro="intro"
        )
        if language == "zh-hans":
            document_fields["body"] = chinese_body
        _translate(cop_doc, locale, document_fields)
    return True
