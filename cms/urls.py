from anymail.webhooks.mailgun import MailgunTrackingWebhookView
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.health, name="health"),
    # The provider's delivery webhook (notifications). Only the provider we are configured
    # for: Anymail's full URL list mounts every provider, and the unconfigured ones answer
    # any request with a 500.
    path(
        "anymail/mailgun/tracking/",
        MailgunTrackingWebhookView.as_view(),
        name="mailgun_tracking_webhook",
    ),
    path("", include("api.urls")),
]

# Each app adds its own language-prefixed routes; the page tree comes last.
urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    path("data/", views.open_data, name="open-data"),
    path("account/", include("accounts.urls")),
    path("account/", include("cms.account_urls")),
    path("notifications/", include("notifications.urls")),
    path("helpdesk/", include("helpdesk.urls")),
    path("reports/", include("reports.urls")),
    path("feeds/", include("api.feed_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
