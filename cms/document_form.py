"""Wagtail's document upload form, with the project's upload check (cms.uploads)."""

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from cms.uploads import UploadRefused, upload_check


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            try:
                upload_check(
                    file,
                    allowed=frozenset(settings.WAGTAILDOCS_EXTENSIONS),
                    max_bytes=settings.MAX_UPLOAD_MB * 1024 * 1024,
                )
            except UploadRefused as refusal:
                raise forms.ValidationError(refusal.message) from None
        return file
