from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("files/<int:pk>/", views.report_file, name="file"),
    path("mine/", views.party_reports, name="party-list"),
    path("mine/new/", views.party_report_create, name="party-create"),
    path("mine/<int:pk>/", views.party_report_edit, name="party-edit"),
    path("mine/<int:pk>/files/", views.party_file_add, name="party-file-add"),
    path("mine/<int:pk>/submit/", views.party_report_submit, name="party-submit"),
    path("mine/files/<int:pk>/remove/", views.party_file_remove, name="party-file-remove"),
]
