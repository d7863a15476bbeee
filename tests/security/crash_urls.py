"""The site's URLs plus one view that crashes, to see the 500 page as a visitor does."""

from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def crash(request):
    raise RuntimeError("secret internal detail")


urlpatterns = [path("crash/", crash), *site_urlpatterns]
