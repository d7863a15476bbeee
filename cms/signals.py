"""Signal wiring of the cms app."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms.page_cache import page_cache_clear


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(page_cache_clear, dispatch_uid=f"page-cache-{signal}")
    post_delete.connect(_page_deleted, dispatch_uid="page-cache-delete")
    for signal in (page_published, page_unpublished, page_slug_changed):
        signal.connect(_page_search_update, dispatch_uid=f"page-search-{signal}")
    post_page_move.connect(_page_moved, dispatch_uid="page-search-move")
    # Every cached page shows the menu: a menu edit retires them all. A view restriction
    # added or lifted changes who may see a page (and whether menus link to it); a site's
    # address changes every link.
    for sender in ("cms.NavigationMenu", "wagtailcore.PageViewRestriction", "wagtailcore.Site"):
        for signal in (post_save, post_delete):
            signal.connect(
                page_cache_clear, sender=sender, dispatch_uid=f"page-cache-{sender}-{signal}"
            )


def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        page_cache_clear()
        _page_search_update(instance=instance)


def _page_search_update(instance, **kwargs):
    """A page published, unpublished or deleted: its language versions are indexed again."""
    from cms.search.indexing import search_group_update_on_commit
    from cms.search.pages import page_group

    search_group_update_on_commit(page_group(instance))


def _page_moved(sender, instance, **kwargs):
    """A move changes the addresses of the page and everything under it."""
    from cms.search.indexing import search_group_update_on_commit
    from cms.search.pages import page_group

    for page in instance.get_descendants(inclusive=True):
        search_group_update_on_commit(page_group(page))
