"""Access requests (nominations): anyone asks to act for a Party; the Party's national
authorized users or the Secretariat verify; verifying sends the person an invitation."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from accounts.errors import AccountsError
from accounts.mail import account_mail_send_on_commit
from accounts.models import PARTY_ROLES, AccessRequest
from accounts.selectors import party_authorized_users
from accounts.services.invitations import _account_exists, invitation_can_create, invitation_create
from cms.models import Party

DECIDABLE = (AccessRequest.Status.SUBMITTED,)


def access_request_submit(
    *, party: Party, name: str, email: str, position: str, role: str, message: str, language: str
) -> AccessRequest:
    """Record the request and tell the Party's authorized users and the Secretariat."""
    if role not in dict(PARTY_ROLES):
        raise AccountsError(_("Choose a role."))
    if not name.strip() or not position.strip():
        raise AccountsError(_("Please give your name, position and institution."))
    with transaction.atomic():
        request = AccessRequest.objects.create(
            party=party,
            name=name.strip()[:200],
            email=email.strip(),
            position=position.strip()[:300],
            role=role,
            message=message.strip()[:4000],
            language=language,
        )
        log(request, "chm.access_request.submit", data={"party": party.code, "role": role})
        reviewers = [
            (user.email, user.profile.preferred_language) for user in party_authorized_users(party)
        ]
        reviewers.append((settings.ACCOUNTS_SECRETARIAT_EMAIL, "en"))
        for address, reviewer_language in reviewers:
            if not address:
                continue
            with translation.override(reviewer_language):
                link = settings.SITE_URL + reverse("access_requests")
            account_mail_send_on_commit(
                to=address,
                language=reviewer_language,
                subject=_("A request for access to the CHM for your Party"),
                template="accounts/email/access_request_review.txt",
                context={
                    "request": request,
                    "party": party.name_in(reviewer_language),
                    "link": link,
                },
            )
    return request


def access_request_verify(*, request_id: int, by) -> AccessRequest:
    """Verified: the person is invited (in their language) to set a password."""
    with transaction.atomic():
        request = _decidable(request_id, by)
        if _account_exists(request.email):
            raise AccountsError(_("Someone with this e-mail address already has an account."))
        invitation, _link = invitation_create(
            email=request.email,
            name=request.name,
            language=request.language,
            party=request.party,
            role=request.role,
            by=by,
        )
        _decide(request, AccessRequest.Status.VERIFIED, by)
        request.invitation = invitation
        request.save(update_fields=["invitation"])
    return request


def access_request_reject(*, request_id: int, by) -> AccessRequest:
    """Rejected: the person is told so, in their language."""
    with transaction.atomic():
        request = _decidable(request_id, by)
        _decide(request, AccessRequest.Status.REJECTED, by)
        account_mail_send_on_commit(
            to=request.email,
            language=request.language,
            subject=_("Your request for access to the CHM"),
            template="accounts/email/access_request_rejected.txt",
            context={"request": request, "party": request.party.name_in(request.language)},
        )
    return request


def _decidable(request_id: int, by) -> AccessRequest:
    request = AccessRequest.objects.select_for_update().filter(pk=request_id).first()
    if request is None or not invitation_can_create(by, request.party):
        raise AccountsError(_("This request does not exist."))
    if request.status not in DECIDABLE:
        raise AccountsError(_("This request has already been decided."))
    return request


def _decide(request: AccessRequest, status: str, by) -> None:
    before = request.status
    request.status = status
    request.decided_at = timezone.now()
    request.decided_by = by
    request.save(update_fields=["status", "decided_at", "decided_by"])
    log(
        request,
        f"chm.access_request.{status}",
        user=by,
        data={"before": {"status": before}, "after": {"status": status}},
    )
