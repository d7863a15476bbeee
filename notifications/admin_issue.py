"""Issuing in the admin: a summary per language, a confirmation, then the service.

Staff see, for each language: the state of its text (published / reviewed / machine
only / missing), how many focal points read it, the letter as it will be sent, and the
way to translate and review it. A language with recipients but no published text blocks
issuing until staff choose, for that language, to send the English text with a notice.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from cms.admin_access import admin_permission_required
from cms.languages import content_language_codes, list_format
from notifications import selectors, services
from notifications.models import Notification
from notifications.services.letters import letter_html
from translation.selectors import source_for_instance

CHANGE = "notifications.change_notification"


def _refused(request, pk: int):
    messages.error(request, _("You are not allowed to do that."))
    return redirect("notifications_admin:deliveries", pk=pk)


def _translation_links(notification: Notification) -> dict[str, dict[str, str]]:
    """Per language: where to request machine translation and where to review it."""
    source = selectors.notification_source_text(notification)
    if source is None:
        return {}
    request_url = reverse(
        "translation_request_snippet",
        args=[source._meta.app_label, source._meta.model_name, source.pk],
    )
    translated = source_for_instance(source) is not None  # nothing to review before that
    return {
        code: {
            "request": request_url,
            "review": translated
            and reverse("translation_review_object", args=[source.translation_key, code]),
        }
        for code in content_language_codes()
        if code != source.locale.language_code
    }


@admin_permission_required(CHANGE)
def notification_issue(request, pk: int):
    """GET: the summary. POST: the confirmation (what goes to whom), then, confirmed, issue."""
    notification = get_object_or_404(Notification, pk=pk)
    if not request.user.has_perm(CHANGE):
        return _refused(request, pk)
    codes = content_language_codes()
    chosen = [code for code in request.POST.getlist("english_notice") if code in codes]
    summary = selectors.notification_language_summary(
        notification, chosen if request.method == "POST" else None
    )
    blocked = [language for language in summary if language.blocked]
    step = "summary"
    if request.method == "POST":
        if blocked:
            messages.error(
                request,
                _(
                    "No published text for %(languages)s, whose focal points would receive "
                    "it. Publish the translation, or choose to send them the English text "
                    "with a notice."
                )
                % {"languages": list_format([language.name for language in blocked])},
            )
        elif request.POST.get("confirm") == "1":
            try:
                services.notification_issue(
                    notification_id=pk, user=request.user, english_notice=chosen
                )
            except services.NotificationsError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("The notification was issued and is being sent."))
                return redirect("notifications_admin:deliveries", pk=pk)
        else:
            step = "confirm"
    links = _translation_links(notification)
    return TemplateResponse(
        request,
        "notifications/admin/issue.html",
        {
            "notification": notification,
            "rows": [(language, links.get(language.code, {})) for language in summary],
            "recipients": sum(language.recipients for language in summary),
            "step": step,
            "chosen": chosen,
            "can_issue": notification.status == Notification.Status.APPROVED,
        },
    )


@admin_permission_required(CHANGE)
def notification_letter_preview(request, pk: int, language: str):
    """The letter in one language as it stands (its latest draft), else the English one."""
    notification = get_object_or_404(Notification, pk=pk)
    source = selectors.notification_source_text(notification)
    if source is None or language not in content_language_codes():
        return redirect("notifications_admin:issue", pk=pk)
    text = notification.texts.filter(locale__language_code=language).first() or source
    if text.latest_revision_id:
        text = text.get_latest_revision_as_object()
    return HttpResponse(
        letter_html(notification=notification, text=text, language=text.locale.language_code)
    )


@admin_permission_required(CHANGE)
@require_POST
def notification_translation_send(request, pk: int, language: str):
    """One click: the published translation to those of that language who got English."""
    if not request.user.has_perm(CHANGE):
        return _refused(request, pk)
    try:
        ids = services.deliveries_translation_create(
            notification_id=pk, language=language, user=request.user
        )
    except services.NotificationsError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The translation is being sent to %(count)s people who received it in English.")
            % {"count": len(ids)},
        )
    return redirect("notifications_admin:deliveries", pk=pk)
