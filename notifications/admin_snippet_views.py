"""The notification snippet's own admin views, where they differ from Wagtail's."""

from django.shortcuts import redirect
from wagtail.admin import messages
from wagtail.snippets.views import snippets

from notifications import services


class NotificationIndexView(snippets.IndexView):
    def get_delete_url(self, instance):
        # An issued or withdrawn notification is never offered for deletion.
        return super().get_delete_url(instance) if instance.is_deletable else None


class NotificationDeleteView(snippets.DeleteView):
    """Deleting goes through `services.notification_delete`, which refuses issued ones."""

    def dispatch(self, request, *args, **kwargs):
        if not self.object.is_deletable:
            messages.error(request, services.deletion_refused_message(self.object))
            return redirect("notifications_admin:deliveries", pk=self.object.pk)
        return super().dispatch(request, *args, **kwargs)

    def delete_action(self):
        services.notification_delete(notification_id=self.object.pk, user=self.request.user)
