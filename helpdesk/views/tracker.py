"""The national CHM tracker: public dashboard, exports, and the edit form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.csv_export import csv_response
from cms.models import Party, Region
from cms.selectors import party_sort_key
from helpdesk import charts, selectors
from helpdesk.errors import HelpdeskError
from helpdesk.forms import NationalSiteForm
from helpdesk.models import NationalSite
from helpdesk.services.tracker import national_site_update, tracker_can_edit


def _filters(request) -> dict[str, str | None]:
    region = request.GET.get("region") or None
    status = request.GET.get("status") or None
    return {
        "region": region if region in Region.values else None,
        "status": status if status in NationalSite.Status.values else None,
    }


def dashboard(request):
    filters = _filters(request)
    everything = selectors.tracker_rows()
    by_region = selectors.tracker_counts_by_region(everything)
    status_labels = dict(NationalSite.Status.choices)
    bars = charts.region_bars(by_region, dict(Region.choices), status_labels)
    by_name = party_sort_key(get_language() or "en")
    rows = sorted(selectors.tracker_rows(**filters), key=lambda row: by_name(row.party))
    editable = None
    party = selectors.party_for_user(request.user)
    if party is not None and tracker_can_edit(request.user, party):
        editable = party
    return render(
        request,
        "helpdesk/tracker_dashboard.html",
        {
            "rows": rows,
            "by_status": [
                (status_labels[s], s, n)
                for s, n in selectors.tracker_counts_by_status(everything).items()
            ],
            "bars": bars,
            "legend": [(status_labels[s], charts.COLOURS[s]) for s in selectors.STATUS_ORDER],
            "regions": Region.choices,
            "statuses": NationalSite.Status.choices,
            "filters": filters,
            "query": request.GET.urlencode(),
            "editable_party": editable,
            "total": len(everything),
        },
    )


def export_json(request):
    language = get_language()
    rows = selectors.tracker_rows(**_filters(request))
    return JsonResponse(
        {"count": len(rows), "results": [row.as_dict(language) for row in rows]},
        json_dumps_params={"ensure_ascii": False},
    )


CSV_FIELDS = [
    "party",
    "party_name",
    "region",
    "status",
    "url",
    "platform",
    "languages",
    "launch_date",
    "last_verified",
    "site_answers",
    "link_checked_at",
]


def export_csv(request):
    language = get_language()
    rows = []
    for row in selectors.tracker_rows(**_filters(request)):
        record = row.as_dict(language)
        record["languages"] = " ".join(record["languages"])
        rows.append([record[field] for field in CSV_FIELDS])
    return csv_response("national-chm-tracker.csv", CSV_FIELDS, rows)


@login_required
def edit(request, code: str):
    party = get_object_or_404(Party, code=code.upper())
    if not tracker_can_edit(request.user, party):
        raise Http404
    site = NationalSite.objects.filter(party=party).first() or NationalSite(party=party)
    form = NationalSiteForm(request.POST or None, instance=site)
    if request.method == "POST" and form.is_valid():
        try:
            national_site_update(
                party=party,
                user=request.user,
                **{f: form.cleaned_data[f] for f in NationalSiteForm.Meta.fields},
            )
        except HelpdeskError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            form.add_error(None, "; ".join(error.messages))
        else:
            messages.success(request, _("The national CHM record was saved."))
            return redirect("helpdesk:tracker")
    history = selectors.tracker_history(site) if site.pk else []
    return render(
        request, "helpdesk/tracker_edit.html", {"form": form, "party": party, "history": history}
    )
