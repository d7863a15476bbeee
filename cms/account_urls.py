from django.contrib.auth import views as auth_views
from django.urls import path

from cms import account_views

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="cms/account/login.html"),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", account_views.account_home, name="account"),
]
