"""Wagtail's user admin with each person's Party and role: on the create and edit forms, as
a column, and as filters. Changes go through `user_party_role_set` (audit log)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

from accounts.services.roles import user_party_role_set
from cms.models import Party, UserProfile


def _with_party_fields(base):
    """Wagtail's user form plus the person's Party and role (shown in `extra_fields`)."""

    class Form(base):
        party = forms.ModelChoiceField(
            label=_("Party"), queryset=Party.objects.all(), required=False
        )
        party_role = forms.ChoiceField(
            label=_("Role for the Party"), choices=UserProfile.PartyRole.choices, required=False
        )

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            profile = getattr(self.instance, "profile", None) if self.instance.pk else None
            if profile is not None:
                self.initial.setdefault("party", profile.party_id)
                self.initial.setdefault("party_role", profile.party_role)

        def clean(self):
            data = super().clean()
            if data.get("party_role") and not data.get("party"):
                self.add_error("party", _("A role for a Party needs the Party."))
            return data

    Form.__name__ = base.__name__
    return Form


class PartyRoleSaveMixin:
    def save_instance(self):
        instance = super().save_instance()
        user_party_role_set(
            user=instance,
            party=self.form.cleaned_data.get("party"),
            role=self.form.cleaned_data.get("party_role") or "",
            by=self.request.user,
        )
        return instance


class CreateView(PartyRoleSaveMixin, users.CreateView):
    pass


class EditView(PartyRoleSaveMixin, users.EditView):
    pass


class UserFilterSet(users.UserFilterSet):
    party = django_filters.ModelChoiceFilter(
        field_name="profile__party", label=_("Party"), queryset=Party.objects.all()
    )
    party_role = django_filters.ChoiceFilter(
        field_name="profile__party_role",
        label=_("Role for the Party"),
        choices=[choice for choice in UserProfile.PartyRole.choices if choice[0]],
    )

    class Meta(users.UserFilterSet.Meta):
        pass


class IndexView(users.IndexView):
    @property
    def columns(self):
        return [
            *super().columns,
            Column("party", label=_("Party"), accessor=lambda user: _party_of(user)),
            Column("party_role", label=_("Role for the Party"), accessor=_role_of),
        ]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("profile__party")


def _party_of(user) -> str:
    profile = getattr(user, "profile", None)
    return profile.party.name if profile is not None and profile.party else ""


def _role_of(user) -> str:
    profile = getattr(user, "profile", None)
    return profile.get_party_role_display() if profile is not None else ""


class UserViewSet(users.UserViewSet):
    filterset_class = UserFilterSet
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView

    def get_form_class(self, for_update=False):
        return _with_party_fields(UserEditForm if for_update else UserCreationForm)
