from .accounts import UserProfile
from .navigation import NavigationMenu
from .pages import (
    ContentPage,
    DocumentIndexPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    OfficialDocumentFile,
    OfficialDocumentPage,
)
from .parties import Party, Region
from .search import SearchDocument, SearchTerm

__all__ = [
    "ContentPage",
    "DocumentIndexPage",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "NewsIndexPage",
    "NavigationMenu",
    "NewsPage",
    "OfficialDocumentFile",
    "OfficialDocumentPage",
    "Party",
    "Region",
    "SearchDocument",
    "SearchTerm",
    "UserProfile",
]
