"""Writes of the national CHM tracker: edits (each one kept in the history) and the link
checker."""

import datetime
import json
import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from cms.models import Party, UserProfile
from helpdesk.errors import HelpdeskError
from helpdesk.models import TRACKED_FIELDS, NationalSite, NationalSiteVersion
from helpdesk.selectors import party_for_user, user_is_staff

logger = logging.getLogger(__name__)


def tracker_can_edit(user, party: Party) -> bool:
    """Staff, and the Party's own national authorized users."""
    if user_is_staff(user):
        return True
    own = party_for_user(user)
    return (
        own is not None
        and own.pk == party.pk
        and user.profile.party_role == UserProfile.PartyRole.AUTHORIZED
    )


def _snapshot(site: NationalSite) -> dict:
    return json.loads(
        json.dumps({field: getattr(site, field) for field in TRACKED_FIELDS}, cls=DjangoJSONEncoder)
    )


def national_site_update(*, party: Party, user, **values) -> NationalSite:
    """Change a Party's tracker row; a version is recorded when anything changed."""
    if not tracker_can_edit(user, party):
        raise HelpdeskError(_("You cannot change this Party's national CHM record."))
    unknown = set(values) - set(TRACKED_FIELDS)
    if unknown:
        raise ValueError(f"unknown tracker fields: {sorted(unknown)}")
    languages = values.get("languages")
    allowed = {code for code, _name in settings.LANGUAGES}
    if languages is not None and not set(languages) <= allowed:
        # Refused, never dropped: a wrongly-cased "FR" must not wipe the list.
        raise ValidationError({"languages": [_("Unknown language code.")]})
    with transaction.atomic():
        site, _created = NationalSite.objects.select_for_update().get_or_create(party=party)
        before = _snapshot(site)
        for field, value in values.items():
            setattr(
                site,
                field,
                value
                if value is not None
                else ("" if field in ("url", "platform", "notes") else value),
            )
        site.updated_by = user
        # A ValidationError names each refused field (the API answers 422 with them).
        site.full_clean(
            exclude=["party", "updated_by", "link_checked_at", "link_ok", "link_status"]
        )
        after = _snapshot(site)
        if before == after and not _created:
            return site
        site.save()
        NationalSiteVersion.objects.create(site=site, data=after, changed_by=user)
        changed = [field for field in after if before.get(field) != after[field]]
        log(
            instance=site,
            action="helpdesk.national_site.update",
            user=user,
            data={
                "before": {field: before[field] for field in changed},
                "after": {field: after[field] for field in changed},
            },
        )
    return site


class _NoRedirectToOtherSchemes(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not newurl.lower().startswith(("http://", "https://")):
            return None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def national_site_check_link(site: NationalSite) -> bool:
    """Fetch the site's address; record whether it answers (2xx/3xx after redirects)."""
    if not site.url.lower().startswith(("http://", "https://")):
        raise ValueError("only http(s) addresses are checked")
    opener = urllib.request.build_opener(_NoRedirectToOtherSchemes)
    request = urllib.request.Request(  # noqa: S310 (http/https only, checked above)
        site.url, method="GET", headers={"User-Agent": "CHM link checker"}
    )  # noqa: S310
    ok, status = False, ""
    try:
        with opener.open(  # noqa: S310 (http/https only, checked above and on redirect)
            request, timeout=settings.HELPDESK_LINK_CHECK_TIMEOUT
        ) as response:
            ok, status = response.status < 400, str(response.status)
    except urllib.error.HTTPError as error:
        status = str(error.code)
    except (urllib.error.URLError, OSError, ValueError) as error:
        status = str(getattr(error, "reason", error))[:100]
    NationalSite.objects.filter(pk=site.pk).update(
        link_checked_at=timezone.now(), link_ok=ok, link_status=status[:100]
    )
    return ok


def national_sites_check_links(*, older_than: datetime.timedelta | None = None) -> int:
    """Check every site with an http(s) address; returns how many were checked."""
    sites = NationalSite.objects.exclude(url="")
    if older_than is not None:
        cutoff = timezone.now() - older_than
        sites = sites.filter(link_checked_at__isnull=True) | sites.filter(
            link_checked_at__lt=cutoff
        )
    count = 0
    for site in sites:
        if not site.url.lower().startswith(("http://", "https://")):
            continue
        national_site_check_link(site)
        count += 1
    return count
