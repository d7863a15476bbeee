"""Public pages: the notifications listing and detail, PDF letters, the directory."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import get_language

from cms.file_serving import uploaded_file_response
from cms.models import Party
from cms.numbers import whole_number
from cms.selectors import parties_sorted
from notifications import selectors, services
from notifications.models import (
    Category,
    Notification,
    NotificationAttachment,
    ResponseFile,
    Subject,
)
from notifications.services.letters import letter_filename

PAGE_SIZE = 20


def notification_list(request):
    language = get_language()
    year = request.GET.get("year", "").strip()
    subject = request.GET.get("subject", "").strip()
    query = request.GET.get("q", "").strip()[:200]
    notifications = selectors.notifications_search(
        year=whole_number(year), subject=subject, text=query
    ).prefetch_related("subjects")
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = selectors.notifications_with_text(page.object_list, language)
    years = (
        Notification.objects.filter(year__isnull=False)
        .filter(status__in=[Notification.Status.ISSUED, Notification.Status.WITHDRAWN])
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "notifications/list.html",
        {
            "page_obj": page,
            "years": years,
            "subjects": Subject.objects.all(),
            "year": year,
            "subject": subject,
            "query": query,
            "querystring": params.urlencode(),
        },
    )


def notification_detail(request, number: str):
    notification = selectors.notification_public_get(number)
    if notification is None:
        raise Http404
    language = get_language()
    [notification] = selectors.notifications_with_text([notification], language)
    letters = [
        {"language": code, "filename": letter_filename(notification, code)}
        for code in notification.languages
    ]
    profile = getattr(request.user, "profile", None) if request.user.is_authenticated else None
    return render(
        request,
        "notifications/detail.html",
        {
            "notification": notification,
            "text": notification.text,
            "translation_follows": language in notification.english_notice_languages,
            "letters": letters,
            "responses": selectors.responses_grouped(notification),
            "may_respond": bool(
                profile
                and profile.is_authorized_for_party
                and notification.status == Notification.Status.ISSUED
            ),
        },
    )


def notification_letter(request, number: str, filename: str):
    notification = selectors.notification_public_get(number)
    if notification is None:
        raise Http404
    texts = selectors.notification_live_texts(notification)
    for code, text in texts.items():
        if letter_filename(notification, code) == filename:
            letter = services.letter_ensure(notification=notification, text=text)
            return FileResponse(
                letter.file.open("rb"), content_type="application/pdf", filename=filename
            )
    raise Http404


def response_file(request, number: str, pk: int):
    """A file attached to a published response, as a download (cms.file_serving)."""
    notification = selectors.notification_public_get(number)
    item = ResponseFile.objects.filter(pk=pk, response__notification=notification).first()
    if notification is None or item is None:
        raise Http404
    return uploaded_file_response(item.file)


def attachment_file(request, number: str, pk: int):
    notification = selectors.notification_public_get(number)
    item = NotificationAttachment.objects.filter(pk=pk, notification=notification).first()
    if notification is None or item is None:
        raise Http404
    return uploaded_file_response(item.file)


def focal_point_directory(request):
    party_code = request.GET.get("party", "").strip()[:2]
    category = request.GET.get("category", "").strip()
    if category not in Category.values:
        category = ""
    focal_points = selectors.focal_points_public(party_code=party_code, category=category)
    return render(
        request,
        "notifications/directory.html",
        {
            "focal_points": focal_points,
            "parties": parties_sorted(
                get_language() or "en",
                Party.objects.filter(focal_points__status="active").distinct(),
            ),
            "categories": Category.choices,
            "party_code": party_code.upper(),
            "category": category,
        },
    )
