from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from cms.catalogues import (
    CATALOGUE_LANGUAGES,
    StringsDisagreeError,
    catalogue_fill,
    strings_load,
)

IGNORED = [".venv", "data", "node_modules", "bench", "tests", "build", "dist"]


class Command(BaseCommand):
    help = (
        "Extract UI messages into locales/<lang>/LC_MESSAGES/django.po, fill them from "
        "locales/strings/*.json, and fail listing what is still untranslated."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-extract", action="store_true", help="Only fill, do not extract.")

    def handle(self, *args, **options):
        locale_dir = settings.LOCALE_PATHS[0]
        if not options["no_extract"]:
            call_command(
                "makemessages",
                locale=list(CATALOGUE_LANGUAGES),
                ignore_patterns=IGNORED,
                no_location=True,
                no_obsolete=True,
                verbosity=0,
            )
        try:
            strings = strings_load(settings.BASE_DIR / "locales" / "strings")
        except StringsDisagreeError as exc:
            raise CommandError(str(exc)) from exc
        gaps = []
        for code in CATALOGUE_LANGUAGES:
            po_path = locale_dir / code / "LC_MESSAGES" / "django.po"
            report = catalogue_fill(po_path, code, strings)
            self.stdout.write(f"{code}: {len(report.missing)} missing")
            gaps += [f"{code}: {msgid!r}" for msgid in report.missing]
            gaps += [f"{code}: wrong plural forms {msgid!r}" for msgid in report.wrong_plurals]
        if gaps:
            raise CommandError("Untranslated messages:\n" + "\n".join(gaps))
        self.stdout.write(self.style.SUCCESS("All catalogues complete."))
