"""The notification and focal point snippets' own admin views, where they differ from
Wagtail's: every write goes through the app's services."""

from django.shortcuts import redirect
from wagtail.admin import messages
from wagtail.admin.views import generic
from wagtail.snippets.views import snippets

from notifications import services
from notifications.services.focal_points import EDITABLE_FIELDS


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


def _focal_point_data(form) -> dict:
    return {
        field: form.cleaned_data[field] for field in EDITABLE_FIELDS if field in form.cleaned_data
    }


class FocalPointServiceFormMixin:
    """Saves through `services.focal_point_*` instead of Wagtail's create/edit action, so the
    admin gets the portal's rules (own Party only, http(s) websites) and the audit log its
    before and after. A refusal shows on the form and changes nothing."""

    def service_save(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        self.form = form
        try:
            self.object = self.service_save(form)
        except services.NotificationsError as error:
            form.add_error(None, error.message)
            self.produced_error_message = error.message
            return self.form_invalid(form)
        response = self.save_action()
        hook_response = self.run_after_hook()
        return hook_response if hook_response is not None else response


class FocalPointCreateView(FocalPointServiceFormMixin, snippets.CreateView):
    def service_save(self, form):
        return services.focal_point_nominate(
            user=self.request.user,
            party_id=form.cleaned_data["party"].pk,
            data=_focal_point_data(form),
        )


class FocalPointEditView(FocalPointServiceFormMixin, snippets.EditView):
    def service_save(self, form):
        return services.focal_point_update(
            user=self.request.user,
            focal_point_id=self.object.pk,
            party_id=form.cleaned_data["party"].pk,
            data=_focal_point_data(form),
        )


class FocalPointCopyView(generic.CopyViewMixin, FocalPointCreateView):
    pass
