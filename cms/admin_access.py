"""Permission checks for the project's own screens inside the Wagtail admin.

Wagtail wraps every admin URL (ours included, through `register_admin_urls`) in
`require_admin_access`: signed-out visitors go to Wagtail's sign-in, people without admin
access are sent away. Inside, a screen checks its own permission with
`admin_permission_required`, which answers a 403 page. Django's `staff_member_required` must
not be used: it redirects to the Django admin's sign-in, which is not mounted (a 500).
"""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


def admin_forbidden(request: HttpRequest) -> HttpResponse:
    """The admin's 403 page: the screen exists, this person may not use it."""
    return TemplateResponse(request, "cms/admin/403.html", status=403)


def admin_permission_required(*permissions: str) -> Callable:
    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.has_perms(permissions):
                return admin_forbidden(request)
            return view(request, *args, **kwargs)

        return checked

    return decorator
