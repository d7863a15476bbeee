"""Every state change of a national report lands in Wagtail's audit log with its actor."""

import pytest

from reports import services
from tests.audit_log import logged, registered
from tests.reports.builders import pdf
from tests.reports.test_services import draft

pytestmark = pytest.mark.django_db


def test_each_report_action_is_logged_with_who_did_it(france_user, secretariat):
    report = draft(france_user)
    services.report_update(user=france_user, report=report, cycle=7)
    item = services.report_file_add(user=france_user, report=report, language="fr", upload=pdf())
    services.report_file_remove(user=france_user, item=item)
    services.report_file_add(user=france_user, report=report, language="fr", upload=pdf())
    report = services.report_submit(user=france_user, report=report)
    report = services.report_return(user=secretariat, report=report, reason="Missing annex")
    report = services.report_submit(user=france_user, report=report)
    report = services.report_publish(user=secretariat, report=report)
    services.report_withdraw(user=secretariat, report=report, reason="Wrong file")
    entries = logged(report)
    assert [(action, user) for action, user, _data in entries] == [
        ("wagtail.create", france_user.username),
        ("wagtail.edit", france_user.username),
        ("reports.file_add", france_user.username),
        ("reports.file_remove", france_user.username),
        ("reports.file_add", france_user.username),
        ("reports.submit", france_user.username),
        ("reports.return", secretariat.username),
        ("reports.submit", france_user.username),
        ("reports.publish", secretariat.username),
        ("reports.withdraw", secretariat.username),
    ]
    assert entries[1][2] == {"fields": ["cycle"]}
    assert entries[6][2] == {"reason": "Missing annex"}
    assert {action for action, _user, _data in entries} >= registered("reports.")
