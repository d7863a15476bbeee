"""What a token is, and its own Party's submissions."""

from datetime import datetime

from ninja import Router, Schema

from api.auth import TokenAuth
from api.errors import ApiError
from api.v1.schemas import ErrorOut, Language

router = Router(tags=["token"], auth=TokenAuth())


class TokenOut(Schema):
    name: str
    prefix: str
    party: str
    party_name: str
    created_at: datetime


class OwnResponseOut(Schema):
    id: int
    notification: str
    language: Language
    text: str
    submitted_at: datetime


ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 429: ErrorOut}


@router.get("/me", response={200: TokenOut, **ERRORS}, summary="The token's own identity")
def token_me(request):
    token = request.auth
    return {
        "name": token.name,
        "prefix": token.prefix,
        "party": token.party.code,
        "party_name": token.party.name,
        "created_at": token.created_at,
    }


@router.get(
    "/parties/{code}/responses",
    response={200: list[OwnResponseOut], **ERRORS},
    summary="Responses the token's own Party submitted",
)
def party_responses(request, code: str):
    """Only the token's own Party: another Party's code answers 403."""
    from notifications.models import Response

    if code.strip().upper() != request.auth.party.code:
        raise ApiError(403, "forbidden_party")
    responses = (
        Response.objects.filter(party=request.auth.party)
        .select_related("notification")
        .order_by("-submitted_at", "-pk")
    )
    return [
        {
            "id": response.pk,
            "notification": response.notification.number or "",
            "language": response.language,
            "text": response.text,
            "submitted_at": response.submitted_at,
        }
        for response in responses
    ]
