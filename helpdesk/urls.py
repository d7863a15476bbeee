from django.urls import path

from helpdesk.views import award, contact, knowledge, portal, tracker

app_name = "helpdesk"

urlpatterns = [
    path("", portal.ticket_list, name="ticket_list"),
    path("new/", portal.ticket_new, name="ticket_new"),
    path("tickets/<int:pk>/", portal.ticket_detail, name="ticket_detail"),
    path("tickets/<int:pk>.json", portal.ticket_json, name="ticket_json"),
    path(
        "tickets/<int:pk>/attachments/<int:attachment_pk>/",
        portal.attachment_download,
        name="attachment",
    ),
    path("suggest/", knowledge.suggest, name="suggest"),
    path("contact/", contact.contact, name="contact"),
    path("contact/sent/", contact.contact_sent, name="contact_sent"),
    path("contact/confirm/<str:token>/", contact.contact_confirm, name="contact_confirm"),
    path("tracker/", tracker.dashboard, name="tracker"),
    path("tracker.json", tracker.export_json, name="tracker_json"),
    path("tracker.csv", tracker.export_csv, name="tracker_csv"),
    path("tracker/<str:code>/edit/", tracker.edit, name="tracker_edit"),
    path("award/", award.award_index, name="award_index"),
    path("award/<int:pk>/enter/", award.award_enter, name="award_enter"),
    path("award/<int:pk>/results/", award.award_results, name="award_results"),
]
