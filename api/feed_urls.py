"""Feeds, mounted under each language prefix: /<lang>/feeds/…"""

from django.urls import path

from api import feeds

app_name = "feeds"

urlpatterns = [
    path("news/rss/", feeds.NewsFeed(), name="news-rss"),
    path("news/atom/", feeds.NewsAtomFeed(), name="news-atom"),
]
