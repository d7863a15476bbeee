from django.urls import path

from accounts.views import access_requests, invitations, password, two_factor

urlpatterns = [
    path("password/reset/", password.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        password.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        password.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        password.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("password/", password.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/changed/",
        password.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("two-factor/", two_factor.two_factor_manage, name="two_factor_manage"),
    path("two-factor/setup/", two_factor.two_factor_setup, name="two_factor_setup"),
    path("two-factor/verify/", two_factor.two_factor_verify, name="two_factor_verify"),
    path("two-factor/codes/", two_factor.two_factor_codes, name="two_factor_codes"),
    path("two-factor/off/", two_factor.two_factor_disable, name="two_factor_disable"),
    path("invitations/", invitations.invitations, name="invitations"),
    path(
        "invitations/<int:invitation_id>/revoke/",
        invitations.invitation_revoke_view,
        name="invitation_revoke",
    ),
    path("invitation/<str:token>/", invitations.invitation_accept_view, name="invitation_accept"),
    path("request-access/", access_requests.access_request, name="access_request"),
    path("request-access/sent/", access_requests.access_request_sent, name="access_request_sent"),
    path("access-requests/", access_requests.access_requests, name="access_requests"),
    path(
        "access-requests/<int:request_id>/verify/",
        access_requests.access_request_decide,
        {"decision": "verify"},
        name="access_request_verify",
    ),
    path(
        "access-requests/<int:request_id>/reject/",
        access_requests.access_request_decide,
        {"decision": "reject"},
        name="access_request_reject",
    ),
]
