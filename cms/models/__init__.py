from .accounts import UserProfile
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

__all__ = [
    "ContentPage",
    "DocumentIndexPage",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "OfficialDocumentFile",
    "OfficialDocumentPage",
    "Party",
    "Region",
    "UserProfile",
]
