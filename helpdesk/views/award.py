"""The national CHM award on the public site: the call, the questionnaire, the results."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from helpdesk import selectors
from helpdesk.errors import HelpdeskError
from helpdesk.forms import AwardEntryForm
from helpdesk.models import AwardCall, AwardEntry
from helpdesk.services.award import award_entry_submit


def award_index(request):
    language = get_language()
    calls = [(call, call.title_in(language)) for call in AwardCall.objects.all()]
    return render(request, "helpdesk/award_index.html", {"calls": calls})


@login_required
def award_enter(request, pk: int):
    call = get_object_or_404(AwardCall, pk=pk)
    party = selectors.party_for_user(request.user)
    if party is None:
        return render(request, "helpdesk/not_party_user.html", status=403)
    entry = AwardEntry.objects.filter(call=call, party=party).first()
    form = AwardEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        try:
            award_entry_submit(
                call=call,
                user=request.user,
                language=get_language(),
                **{f: form.cleaned_data[f] for f in AwardEntryForm.Meta.fields},
            )
        except HelpdeskError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Your entry was saved. You can change it until the deadline.")
            )
            return redirect("helpdesk:award_enter", pk=call.pk)
    return render(
        request,
        "helpdesk/award_enter.html",
        {"call": call, "form": form, "party": party, "title": call.title_in(get_language())},
    )


def award_results(request, pk: int):
    call = get_object_or_404(AwardCall, pk=pk)
    if call.status != AwardCall.Status.PUBLISHED:
        raise Http404
    language = get_language()
    winners = (
        call.entries.exclude(level="")
        .select_related("party")
        .order_by("category", "-average_score", "party__code")
    )
    return render(
        request,
        "helpdesk/award_results.html",
        {
            "call": call,
            "title": call.title_in(language),
            "winners": [(e, e.party.name_in(language)) for e in winners],
        },
    )
