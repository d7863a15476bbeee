"""API tokens in the Wagtail admin: created for one Party, key shown once, revocable."""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from api.models import ApiToken
from api.services import token_create, token_rename, token_revoke
from cms.party_fields import PartyChoiceField


class TokenCreateForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["party", "name"]
        field_classes = {"party": PartyChoiceField}


class TokenEditForm(forms.ModelForm):
    revoke = forms.BooleanField(
        label=_("Revoke this token"),
        required=False,
        help_text=_("The national site using it loses access at once. This cannot be undone."),
    )

    class Meta:
        model = ApiToken
        fields = ["name"]


class TokenCreateView(generic.CreateView):
    def save_instance(self):
        token, self.key = token_create(
            party=self.form.cleaned_data["party"],
            name=self.form.cleaned_data["name"],
            created_by=self.request.user,
        )
        return token

    def save_action(self):
        # The key exists only in this response: never in a message, a log or the database.
        response = render(
            self.request,
            "api/admin/token_created.html",
            {"token": self.object, "key": self.key, "index_url": self.get_success_url()},
        )
        response["Cache-Control"] = "no-store"
        return response


class TokenEditView(generic.EditView):
    def save_instance(self):
        token = token_rename(token=self.object, name=self.form.cleaned_data["name"])
        if self.form.cleaned_data.get("revoke"):
            token = token_revoke(token=token, revoked_by=self.request.user)
        return token


class ApiTokenViewSet(ModelViewSet):
    model = ApiToken
    icon = "key"
    menu_label = _("API tokens")
    add_to_settings_menu = True
    add_view_class = TokenCreateView
    edit_view_class = TokenEditView
    list_display = ["name", "party", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["party__region", "revoked_at"]
    search_fields = ["name", "prefix"]
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return TokenEditForm if for_update else TokenCreateForm


api_token_viewset = ApiTokenViewSet("api_tokens")


@hooks.register("register_admin_viewset")
def register_api_token_viewset():
    return api_token_viewset
