"""National CHM statuses (the helpdesk's tracker) and their update by the Party's token."""

from datetime import date, datetime
from typing import Literal

from ninja import Query, Router, Schema
from pydantic import ConfigDict, Field

from api.adapters import national_site_update_for_token
from api.auth import OptionalTokenAuth, TokenAuth
from api.errors import ApiError
from api.language import language_negotiate
from api.v1.core import set_last_modified
from api.v1.schemas import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    TEXT_PATTERN,
    IsoDate,
    Language,
    ListPageOut,
    paginate,
    responses,
    write_responses,
)
from cms.models import Party, Region
from helpdesk.models import NationalSite
from helpdesk.selectors import tracker_row_for_party, tracker_rows

router = Router(tags=["national CHM sites"], auth=OptionalTokenAuth())

RegionCode = Literal[tuple(Region.values)]
SiteStatus = Literal[tuple(NationalSite.Status.values)]
# "" when the Party has not said which platform it uses.
Platform = Literal[("", *NationalSite.Platform.values)]


class NationalSiteOut(Schema):
    party: str
    party_name: str
    region: RegionCode
    status: SiteStatus
    url: str
    platform: Platform
    languages: list[Language]
    launch_date: date | None
    last_verified: date | None
    site_answers: bool | None
    link_checked_at: datetime | None
    updated: datetime | None


class NationalSiteListOut(ListPageOut):
    results: list[NationalSiteOut]


class NationalSiteIn(Schema):
    """Fields a Party may change; leave one out to keep it as it is. Any other field, and
    any value outside the documented codes (case included), is refused with 422."""

    model_config = ConfigDict(extra="forbid")

    status: SiteStatus | None = None
    url: str | None = Field(None, max_length=200, pattern=TEXT_PATTERN)
    platform: Platform | None = None
    languages: list[Language] | None = Field(None, max_length=6)
    launch_date: IsoDate | None = None


def site_data(row, language: str) -> dict:
    data = row.as_dict(language)
    data["updated"] = row.site.updated_at if row.site else None
    return data


def _party(code: str) -> Party:
    party = Party.objects.filter(code=code.strip().upper()).first() if len(code) <= 3 else None
    if party is None:
        raise ApiError(404, "not_found")
    return party


@router.get(
    "/national-sites", response=responses(NationalSiteListOut), summary="National CHM statuses"
)
def national_sites_list(
    request,
    lang: Language | None = None,
    region: RegionCode | None = None,
    status: SiteStatus | None = None,
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
):
    """Every Party with its national CHM status (`none` when nothing is recorded)."""
    language = language_negotiate(request, lang)
    rows = tracker_rows(region=region or None, status=status or None)
    moments = [row.site.updated_at for row in rows if row.site]
    set_last_modified(request.api_response, max(moments) if moments else None)
    result = paginate(request, rows, page=page, page_size=page_size, language=language)
    result["results"] = [site_data(row, language) for row in result["results"]]
    return result


@router.get(
    "/national-sites/{code}", response=responses(NationalSiteOut), summary="One Party's status"
)
def national_site_detail(request, code: str, lang: Language | None = None):
    language = language_negotiate(request, lang)
    row = tracker_row_for_party(_party(code))
    set_last_modified(request.api_response, row.site.updated_at if row.site else None)
    return site_data(row, language)


@router.patch(
    "/national-sites/{code}",
    auth=TokenAuth(),
    response=write_responses(NationalSiteOut),
    summary="Update the token's own Party's national CHM record",
)
def national_site_patch(request, code: str, payload: NationalSiteIn):
    """Only the token's own Party; another Party's code answers 403 and changes nothing."""
    language = language_negotiate(request, None)
    party = _party(code)
    values = payload.dict(exclude_unset=True)
    national_site_update_for_token(token=request.auth, party=party, values=values)
    return site_data(tracker_row_for_party(party), language)
