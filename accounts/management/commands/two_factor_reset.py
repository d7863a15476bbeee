"""Recovery of last resort: someone lost both their authenticator and recovery codes."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.services.two_factor import two_factor_reset


class Command(BaseCommand):
    help = "Remove a person's second factors; they set up a new one at their next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        two_factor_reset(user=user, by=None)
        self.stdout.write(f"Two-factor sign-in removed for {username}.")
