"""The knowledge base: help articles are ordinary Wagtail pages, so they are translated
through the same workflow as the rest of the site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import ContentStreamBlock


class HelpIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["helpdesk.HelpArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("help index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = (
            HelpArticlePage.objects.child_of(self).live().public().order_by("title")
        )
        return context


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

    class Meta:
        verbose_name = _("help article")
