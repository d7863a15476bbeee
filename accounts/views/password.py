"""Password reset and change: Django's own views with our templates and a rate limit."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.translation import gettext

from accounts.forms import AccountPasswordResetForm
from cms.client_address import client_address
from cms.ratelimit import rate_limit_hit


class PasswordResetView(auth_views.PasswordResetView):
    form_class = AccountPasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")
    extra_email_context = {"site_url": settings.SITE_URL}

    def form_valid(self, form):
        # Each request mails a stranger's inbox: a bounded number per client address.
        key = f"accounts:reset:{client_address(self.request)}"
        if rate_limit_hit(key, settings.ACCOUNTS_FORM_RATE, 3600) is not None:
            form.add_error(None, gettext("Too many requests. Please try again in an hour."))
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"
