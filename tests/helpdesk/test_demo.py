import pytest
from django.core.management import call_command

from helpdesk.models import AwardCall, HelpArticlePage, NationalSite, Ticket

pytestmark = pytest.mark.django_db


def test_demo_command_is_idempotent(demo_site):
    call_command("load_demo_helpdesk")
    counts = (
        Ticket.objects.count(),
        NationalSite.objects.count(),
        AwardCall.objects.count(),
        HelpArticlePage.objects.count(),
    )
    call_command("load_demo_helpdesk")
    assert counts == (
        Ticket.objects.count(),
        NationalSite.objects.count(),
        AwardCall.objects.count(),
        HelpArticlePage.objects.count(),
    )
    assert counts[0] >= 3 and counts[1] >= 8 and counts[2] == 1 and counts[3] >= 2
