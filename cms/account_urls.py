from django.contrib.auth import views as auth_views
from django.urls import path

from cms import account_views
from cms.sign_in_form import SignInForm

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="cms/account/login.html", authentication_form=SignInForm
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", account_views.account_home, name="account"),
]
