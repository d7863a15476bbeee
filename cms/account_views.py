from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from cms.models import UserProfile
from cms.services import user_profile_get_or_create, user_profile_update


class PreferredLanguageForm(forms.ModelForm):
    class Meta:
        model = UserProfile
        fields = ["preferred_language"]


@login_required
def account_home(request):
    """The signed-in person's page: their Party, role and preferred language."""
    profile = user_profile_get_or_create(request.user)
    form = PreferredLanguageForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        user_profile_update(profile, preferred_language=form.cleaned_data["preferred_language"])
        messages.success(request, _("Your preferred language was saved."))
        return redirect("account")
    return render(request, "cms/account/home.html", {"profile": profile, "form": form})
