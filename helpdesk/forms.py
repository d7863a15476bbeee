from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cms.single_line import SingleLineField
from helpdesk.models import AwardEntry, Category, NationalSite, Ticket
from helpdesk.selectors.award import award_jury_candidates


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; type and size are checked by the service."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class TicketForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    subject = SingleLineField(label=_("Subject"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 8}))
    files = MultipleFileField(label=_("Attachments"))


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Your message"), widget=forms.Textarea(attrs={"rows": 5}))
    files = MultipleFileField(label=_("Attachments"))


class ContactForm(forms.Form):
    name = SingleLineField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Your e-mail address"))
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    subject = SingleLineField(label=_("Subject"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 8}))
    # The spam trap: hidden from people by CSS and aria-hidden, filled in by bots.
    website = forms.CharField(required=False, label=_("Leave this field empty"))


LANGUAGE_CHOICES = [(code, name) for code, name in settings.LANGUAGES]


def languages_offered_field() -> forms.MultipleChoiceField:
    """The UN languages a national CHM site offers, as checkboxes."""
    return forms.MultipleChoiceField(
        label=_("Languages offered"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class NationalSiteForm(forms.ModelForm):
    languages = languages_offered_field()

    class Meta:
        model = NationalSite
        fields = ["status", "url", "platform", "languages", "launch_date", "last_verified", "notes"]
        widgets = {
            "launch_date": forms.DateInput(attrs={"type": "date"}),
            "last_verified": forms.DateInput(attrs={"type": "date"}),
        }


class AwardEntryForm(forms.ModelForm):
    languages = languages_offered_field()

    class Meta:
        model = AwardEntry
        fields = ["category", "site_url", "description", "audience", "languages"]


class StaffReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    internal = forms.BooleanField(
        label=_("Internal note (never shown to the Party)"), required=False
    )
    canned = forms.ModelChoiceField(label=_("Canned reply"), queryset=None, required=False)
    status = forms.ChoiceField(
        label=_("Then set status"), choices=[("", "—"), *Ticket.Status.choices], required=False
    )
    files = MultipleFileField(label=_("Attachments"))

    def __init__(self, *args, **kwargs):
        from helpdesk.models import CannedReply

        super().__init__(*args, **kwargs)
        self.fields["canned"].queryset = CannedReply.objects.all()


class TicketPropertiesForm(forms.ModelForm):
    class Meta:
        model = Ticket
        fields = ["category", "priority", "assignee"]

    def __init__(self, *args, **kwargs):
        from django.contrib.auth import get_user_model
        from django.db.models import Q

        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = (
            get_user_model()
            .objects.filter(
                Q(is_superuser=True)
                | Q(groups__permissions__codename="work_ticket")
                | Q(user_permissions__codename="work_ticket")
            )
            .distinct()
            .order_by("username")
        )


class AwardCallForm(WagtailAdminModelForm):
    """The call's edit form: the jury is chosen among eligible people only (staff and
    invited experts, never Party users); anyone no longer eligible drops off on save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        jury = self.fields["jury"]
        jury.queryset = award_jury_candidates()
        jury.label_from_instance = _juror_label


def _juror_label(user) -> str:
    name = user.get_full_name() or user.get_username()
    return f"{name} <{user.email}>" if user.email else name
