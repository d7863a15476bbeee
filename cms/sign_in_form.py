"""The public sign-in form: Django's, with the user name's length enforced by the server."""

from __future__ import annotations

from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator


class SignInForm(AuthenticationForm):
    """Django sets the user-name field's `max_length` after the field is built, so only the
    browser's `maxlength` held it: a longer name went on to authentication, and
    django-axes' record of the failed attempt (a 255-character column) failed with a 500 on
    PostgreSQL. Here the name is refused with the field's error before anyone looks it up."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))
