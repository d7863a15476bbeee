"""After the password, the second factor: nothing but the two-factor pages and signing out
until it is given; staff with admin access cannot open the admin without setting one up."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from accounts.services.two_factor import two_factor_enabled, two_factor_required

# Pages a half-signed-in person may open.
OPEN_VIEWS = {
    "two_factor_verify",
    "two_factor_setup",
    "logout",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "set_language",
    "javascript-catalog",
}


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and match.url_name in OPEN_VIEWS:
            return None
        query = urlencode({"next": request.get_full_path()})
        if two_factor_enabled(user):
            return redirect(f"{reverse('two_factor_verify')}?{query}")
        if request.path_info.startswith("/admin/") and two_factor_required(user):
            return redirect(f"{reverse('two_factor_setup')}?{query}")
        return None
