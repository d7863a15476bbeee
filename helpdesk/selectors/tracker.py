"""Reads of the national CHM tracker, shared by the dashboard, the exports and the
central API (issue 7). Every Party appears: a Party without a row has status "none"."""

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import get_language

from cms.models import Party, Region
from helpdesk.models import NationalSite, NationalSiteVersion

STATUS_ORDER = [choice for choice, _label in NationalSite.Status.choices]


@dataclass(frozen=True)
class TrackerRow:
    party: Party
    site: NationalSite | None

    @property
    def status(self) -> str:
        return self.site.status if self.site else NationalSite.Status.NONE

    @property
    def status_label(self) -> str:
        return str(NationalSite.Status(self.status).label)

    def as_dict(self, language: str | None = None) -> dict:
        """The public record (JSON/CSV exports and the API): NationalSite.PUBLIC_FIELDS only."""
        language = language or get_language() or "en"
        site = self.site.public_values() if self.site else {}
        launch_date, last_verified = site.get("launch_date"), site.get("last_verified")
        checked_at = site.get("link_checked_at")
        return {
            "party": self.party.code,
            "party_name": self.party.name_in(language),
            "region": self.party.region,
            "status": self.status,
            "url": site.get("url", ""),
            "platform": site.get("platform", ""),
            "languages": list(site.get("languages", [])),
            "launch_date": launch_date.isoformat() if launch_date else None,
            "last_verified": last_verified.isoformat() if last_verified else None,
            "site_answers": site.get("link_ok"),
            "link_checked_at": checked_at.isoformat() if checked_at else None,
        }


def tracker_rows(*, region: str | None = None, status: str | None = None) -> list[TrackerRow]:
    """Every Party with its tracker row, filtered by region and/or status, by ISO code."""
    parties = Party.objects.all().select_related("national_site").order_by("code")
    if region:
        parties = parties.filter(region=region)
    rows = [
        TrackerRow(party=party, site=getattr(party, "national_site", None)) for party in parties
    ]
    if status:
        rows = [row for row in rows if row.status == status]
    return rows


def tracker_row_for_party(party: Party) -> TrackerRow:
    return TrackerRow(party=party, site=NationalSite.objects.filter(party=party).first())


def tracker_counts_by_status(rows: list[TrackerRow] | None = None) -> dict[str, int]:
    rows = tracker_rows() if rows is None else rows
    counts = Counter(row.status for row in rows)
    return {status: counts.get(status, 0) for status in STATUS_ORDER}


def tracker_counts_by_region(rows: list[TrackerRow] | None = None) -> dict[str, dict[str, int]]:
    """{region: {status: count}} for every region and status (zeros included)."""
    rows = tracker_rows() if rows is None else rows
    table = {region: dict.fromkeys(STATUS_ORDER, 0) for region, _label in Region.choices}
    for row in rows:
        table[row.party.region][row.status] += 1
    return table


def tracker_history(site: NationalSite):
    return NationalSiteVersion.objects.filter(site=site).select_related("changed_by")
