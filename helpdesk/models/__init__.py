from .award import AwardCall, AwardCriterion, AwardEntry, AwardScore
from .knowledge import HelpArticlePage, HelpIndexPage
from .tickets import (
    TRANSITIONS,
    Attachment,
    CannedReply,
    Category,
    ContactRequest,
    FollowUp,
    Queue,
    Ticket,
    TicketEvent,
    TicketMail,
    private_storage,
)
from .tracker import TRACKED_FIELDS, NationalSite, NationalSiteVersion

__all__ = [
    "TRACKED_FIELDS",
    "TRANSITIONS",
    "Attachment",
    "AwardCall",
    "AwardCriterion",
    "AwardEntry",
    "AwardScore",
    "CannedReply",
    "Category",
    "ContactRequest",
    "FollowUp",
    "HelpArticlePage",
    "HelpIndexPage",
    "NationalSite",
    "NationalSiteVersion",
    "Queue",
    "Ticket",
    "TicketEvent",
    "TicketMail",
    "private_storage",
]
