from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from cms.models.pages import paginate
from cms.search.selectors import site_search

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    results = paginate(request, site_search(query, get_language() or "en"))
    return render(
        request, "cms/search.html", {"query": query, "site_search_query": query, "results": results}
    )


def open_data(request):
    """Where machines read the CHM: the API, OData, feeds, sitemap and data exports."""
    return render(request, "cms/open_data.html")


@never_cache
def health(request):
    """Liveness for operators and load balancers: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
