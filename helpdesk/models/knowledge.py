"""The knowledge base: help articles are ordinary Wagtail pages, so they are translated
through the same workflow as the rest of the site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import ContentStreamBlock


class HelpIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["helpdesk.HelpArticlePage"]
    max_count_per_parent = 1
    # The help section belongs in the site menu; editors may still take it out.
    show_in_menus_default = True

    class Meta:
        verbose_name = _("help index")


class HelpArticlePage(Page):
    intro = models.TextField(_("summary"), blank=True)
    keywords = models.CharField(
        _("keywords"), max_length=255, blank=True, help_text=_("Words requesters may type")
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("keywords"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("keywords"),
        index.SearchField("body"),
    ]
    parent_page_types = ["helpdesk.HelpIndexPage"]
    subpage_types: list[str] = []
    # Keywords are what requesters type, product names mostly ("Bioland", "DNS"): a
    # machine translation of them finds nothing, so every translation keeps the source's.
    override_translatable_fields = [SynchronizedField("keywords")]

    class Meta:
        verbose_name = _("help article")
