"""Parties to the Convention, with their names in the six languages."""

from typing import Literal

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from api.auth import OptionalTokenAuth
from api.errors import ApiError
from api.language import language_negotiate
from api.v1.schemas import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    Language,
    ListPageOut,
    paginate,
    responses,
)
from cms.models import Party, Region

router = Router(tags=["parties"], auth=OptionalTokenAuth())


class PartyOut(Schema):
    code: str
    name: str
    names: dict[str, str]
    region: Literal[tuple(Region.values)]
    region_name: str


class PartyListOut(ListPageOut):
    results: list[PartyOut]


def party_data(party: Party, language: str) -> dict:
    return {
        "code": party.code,
        "name": party.name_in(language),
        "names": party.names,
        "region": party.region,
        "region_name": _(Region(party.region).label) if party.region in Region.values else "",
    }


@router.get("/parties", response=responses(PartyListOut), summary="List Parties")
def parties_list(
    request,
    lang: Language | None = None,
    region: Literal[tuple(Region.values)] | None = None,
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
):
    """The 196 Parties (195 States and the European Union) by ISO code; `region` is a UN
    regional group code (africa, asia-pacific, eastern-europe, grulac, weog, reio)."""
    language = language_negotiate(request, lang)
    parties = Party.objects.order_by("code")
    if region:
        if region not in Region.values:
            raise ApiError(400, "invalid_parameter", details={"region": Region.values})
        parties = parties.filter(region=region)
    result = paginate(request, parties, page=page, page_size=page_size, language=language)
    result["results"] = [party_data(party, language) for party in result["results"]]
    return result


@router.get("/parties/{code}", response=responses(PartyOut), summary="One Party")
def party_detail(request, code: str, lang: Language | None = None):
    language = language_negotiate(request, lang)
    party = Party.objects.filter(code=code.strip().upper()[:2]).first() if len(code) <= 3 else None
    if party is None:
        raise ApiError(404, "not_found")
    return party_data(party, language)
