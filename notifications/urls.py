from django.urls import path, re_path

from notifications.views import feeds, portal, public

app_name = "notifications"

NUMBER = r"(?P<number>\d{4}-\d{3,4})"

urlpatterns = [
    path("", public.notification_list, name="list"),
    path("feed/rss/", feeds.NotificationsRssFeed(), name="feed-rss"),
    path("feed/atom/", feeds.NotificationsAtomFeed(), name="feed-atom"),
    path("focal-points/", public.focal_point_directory, name="directory"),
    path("portal/", portal.portal_home, name="portal"),
    path("portal/focal-points/new/", portal.focal_point_create, name="portal-create"),
    path("portal/focal-points/<int:pk>/", portal.focal_point_edit, name="portal-edit"),
    path("portal/focal-points/<int:pk>/retire/", portal.focal_point_retire, name="portal-retire"),
    re_path(rf"^{NUMBER}/$", public.notification_detail, name="detail"),
    re_path(rf"^{NUMBER}/respond/$", portal.response_create, name="respond"),
    re_path(
        rf"^{NUMBER}/(?P<filename>ntf-[\w.-]+\.pdf)$", public.notification_letter, name="letter"
    ),
    re_path(
        rf"^{NUMBER}/responses/(?P<pk>[0-9]{{1,9}})/$", public.response_file, name="response-file"
    ),
    re_path(
        rf"^{NUMBER}/attachments/(?P<pk>[0-9]{{1,9}})/$", public.attachment_file, name="attachment"
    ),
]
