"""Page types of the CHM site. Every page exists once per locale (Wagtail i18n)."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import ContentStreamBlock

PAGE_SIZE = 10


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class BodyMixin(models.Model):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    class Meta:
        abstract = True


class HomePage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    subpage_types = [
        "cms.ContentPage",
        "cms.NewsIndexPage",
        "cms.EventIndexPage",
        "cms.DocumentIndexPage",
        "helpdesk.HelpIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsPage.objects.live().public().filter(locale=self.locale).order_by("-date")[:3]
        )
        context["upcoming_events"] = (
            EventPage.objects.live().public().filter(locale=self.locale).order_by("start_date")[:3]
        )
        return context


class ContentPage(BodyMixin, Page):
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("content page")


class IndexPage(Page):
    """A listing of its live children, newest first, paginated."""

    intro = models.TextField(_("introduction"), blank=True)
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    child_ordering = "-first_published_at"

    class Meta:
        abstract = True

    def listed_children(self):
        return self.get_children().live().public().specific().order_by(self.child_ordering)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = paginate(request, self.listed_children())
        return context


class NewsIndexPage(IndexPage):
    subpage_types = ["cms.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def listed_children(self):
        return NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")


class NewsPage(BodyMixin, Page):
    date = models.DateField(_("date"))
    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news item")


class EventIndexPage(IndexPage):
    subpage_types = ["cms.EventPage"]

    class Meta:
        verbose_name = _("event index")

    def listed_children(self):
        return EventPage.objects.child_of(self).live().public().order_by("-start_date", "-pk")


class EventPage(BodyMixin, Page):
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=255, blank=True)
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("location")],
            heading=_("When and where"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("location"),
    ]
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")


class DocumentIndexPage(IndexPage):
    subpage_types = ["cms.OfficialDocumentPage"]

    class Meta:
        verbose_name = _("document index")

    def listed_children(self):
        return (
            OfficialDocumentPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-document_date", "-pk")
        )


class OfficialDocumentPage(BodyMixin, Page):
    """An official document such as UNEP/CBD/COP/12/11, with one file per language."""

    symbol = models.CharField(
        _("UN symbol"), max_length=100, help_text=_("For example UNEP/CBD/COP/12/11")
    )
    meeting = models.CharField(
        _("meeting"), max_length=50, blank=True, help_text=_("Meeting code, for example COP-12")
    )
    document_date = models.DateField(_("document date"))
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("symbol"), FieldPanel("meeting"), FieldPanel("document_date")],
            heading=_("Document"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("files", label=_("Files per language")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("symbol", boost=3),
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("meeting"),
    ]
    parent_page_types = ["cms.DocumentIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("official document")


class OfficialDocumentFile(Orderable):
    page = ParentalKey(OfficialDocumentPage, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.PROTECT, related_name="+"
    )
    panels = [FieldPanel("language"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="one_file_per_language")
        ]
