from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import PasswordResetForm
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.mail import account_mail_queue
from accounts.models import PARTY_ROLES
from cms.models import Party
from cms.selectors import parties_sorted


class PartyChoiceField(forms.ModelChoiceField):
    """Parties by their name in the page's language, in that language's alphabetical order."""

    def label_from_instance(self, obj: Party) -> str:
        return obj.name

    def sort_by_name(self) -> None:
        allowed = set(self.queryset.values_list("pk", flat=True))
        parties = [party for party in parties_sorted(get_language()) if party.pk in allowed]
        blank = [("", self.empty_label)] if len(parties) > 1 else []
        self.choices = blank + [(party.pk, party.name) for party in parties]


class AccountPasswordResetForm(PasswordResetForm):
    """Django's reset form, also for accounts that never had a password (demo Party users,
    accounts opened for API tokens): proving the mailbox is what opens them."""

    def get_users(self, email):
        return get_user_model()._default_manager.filter(email__iexact=email, is_active=True)

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        """Rendered here, sent by a worker: no mail inside the request (Django's own form
        sends it in the request and a mail server that is down holds the page)."""
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        account_mail_queue(subject=subject, body=body, to=to_email)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    party = PartyChoiceField(label=_("Party"), queryset=Party.objects.none())
    role = forms.ChoiceField(label=_("Role for the Party"), choices=PARTY_ROLES)
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=settings.LANGUAGES)

    def __init__(self, *args, parties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = parties
        self.fields["party"].sort_by_name()


class InvitationAcceptForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            probe = get_user_model()(
                username=self.email,
                email=self.email,
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class AccessRequestForm(forms.Form):
    party = PartyChoiceField(label=_("Party"), queryset=Party.objects.all())
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"))
    position = forms.CharField(label=_("Position and institution"), max_length=300)
    role = forms.ChoiceField(label=_("Role for the Party"), choices=PARTY_ROLES)
    message = forms.CharField(
        label=_("Message"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    # Left empty by people; bots fill it.
    website = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].sort_by_name()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
