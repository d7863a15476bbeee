"""The admin's notification chooser (the notification field of a text) with a search box.

Wagtail offers search in a snippet chooser only for models in its search index; a
notification's words live in its texts, so the chooser searches through
`selectors.notifications_staff_search` (number, reference, any text's title or body) and
lists the newest first, so a Secretariat with thousands of notifications finds one by typing
"2014-107" or a word of its title instead of paging through all of them.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet

from notifications import selectors


class NotificationChooserFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Number, reference or title")}),
        required=False,
        max_length=200,
    )

    def filter(self, objects):
        words = self.cleaned_data.get("q", "")
        if words and words.strip():
            found = selectors.notifications_staff_search(words).values("pk")
            objects = objects.filter(pk__in=found)
            self.is_searching = True
            self.search_query = words
        return objects


class _NewestFirst:
    filter_form_class = NotificationChooserFilterForm
    ordering = ["-year", "-sequence", "-pk"]


class NotificationChooseView(_NewestFirst, ChooseView):
    pass


class NotificationChooseResultsView(_NewestFirst, ChooseResultsView):
    pass


class NotificationChooserViewSet(SnippetChooserViewSet):
    choose_view_class = NotificationChooseView
    choose_results_view_class = NotificationChooseResultsView
