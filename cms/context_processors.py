from django.conf import settings
from django.utils.translation import get_language

from cms.languages import language_direction


def language(request):
    code = get_language() or "en"
    return {
        "language_code": code,
        "language_direction": language_direction(code),
        # hreflang and canonical links use the one public base address, not the request's host.
        "site_url": settings.SITE_URL,
    }
