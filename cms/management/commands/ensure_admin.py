from django.conf import settings
from django.core.management.base import BaseCommand

from cms.services import admin_ensure, admin_password_path


class Command(BaseCommand):
    help = "Create the demo administrator with a random password kept in the data folder."

    def handle(self, *args, **options):
        username, password, created = admin_ensure()
        verb = "Created" if created else "Reusing"
        self.stdout.write(f"{verb} administrator '{username}'.")
        self.stdout.write(f"  Site:     {settings.SITE_URL}/")
        self.stdout.write(f"  Admin:    {settings.SITE_URL}/admin/")
        self.stdout.write(f"  Login:    {username}")
        self.stdout.write(f"  Password: {password}  (kept in {admin_password_path()})")
