"""What a model may show in public: declared once per model, read by every public output.

A model with public outputs (pages, exports, API, OData, feeds, sitemap, search) declares
`PUBLIC_FIELDS`, the fields anyone may see, and, where a person consents field by field,
`PUBLIC_WITH_CONSENT = {field: consent flag}`. Public outputs build their records from
`public_values()`, never from the instance's other fields: a field added later stays private
until someone declares it public. tests/security/test_public_fields.py fills every other field
with a marker and walks every public URL looking for it.
"""

from typing import Any, ClassVar

from django.db import models


class PublicFields:
    """Mixin for models with public outputs."""

    PUBLIC_FIELDS: ClassVar[tuple[str, ...]] = ()
    PUBLIC_WITH_CONSENT: ClassVar[dict[str, str]] = {}

    def public_values(self) -> dict[str, Any]:
        """The public fields, with consented ones emptied when consent is not given."""
        values = {name: getattr(self, name) for name in self.PUBLIC_FIELDS}
        for name, flag in self.PUBLIC_WITH_CONSENT.items():
            field = self._meta.get_field(name)
            values[name] = getattr(self, name) if getattr(self, flag) else _empty(field)
        return values


def _empty(field: models.Field) -> Any:
    if isinstance(field, models.JSONField):
        return []
    return "" if not field.null else None


def private_field_names(model: type[models.Model]) -> list[str]:
    """Concrete fields of `model` that no public output may show."""
    public = set(getattr(model, "PUBLIC_FIELDS", ())) | set(
        getattr(model, "PUBLIC_WITH_CONSENT", {})
    )
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.name not in public and not field.primary_key
    ]
