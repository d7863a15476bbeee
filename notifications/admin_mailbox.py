"""The demo mail sink in the admin, read-only: what a developer gets from Mailpit."""

import re

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from wagtail.snippets.views.snippets import InspectView

from cms.admin_access import admin_permission_required
from notifications.mail.reader import attachment_get, message_read
from notifications.models import SinkMessage

NUMBER = re.compile(r"(\d{4}-\d{3,4})")


class SinkMessageInspectView(InspectView):
    template_name = "notifications/admin/mail_message.html"

    def get_page_subtitle(self):
        # The notification number keeps its order inside an Arabic subject (isolated LTR).
        return NUMBER.sub("\u2066\\1\u2069", self.object.subject)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["message"] = message_read(bytes(self.object.raw))
        return context


@admin_permission_required("notifications.view_sinkmessage")
def sink_attachment(request, pk: int, index: int) -> HttpResponse:
    """One attachment, always as a download (never rendered in the admin's origin)."""
    message = get_object_or_404(SinkMessage, pk=pk)
    found = attachment_get(bytes(message.raw), index)
    if found is None:
        raise Http404
    attachment, data = found
    response = HttpResponse(data, content_type=attachment.content_type)
    response["Content-Disposition"] = content_disposition_header(True, attachment.filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response
