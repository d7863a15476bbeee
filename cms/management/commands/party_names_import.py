import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.parties_data import PARTIES_BY_REGION
from cms.party_names import DATA_FILE, names_from_taxonomy


class Command(BaseCommand):
    help = (
        "Refresh cms/data/party_names.json from OCHA's Countries & Territories Taxonomy CSV "
        "(the UN short names in six languages; see docs/COUNTRY_NAMES.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_path", type=Path)

    def handle(self, *args, csv_path: Path, **options):
        codes = [code for codes in PARTIES_BY_REGION.values() for code in codes]
        try:
            names = names_from_taxonomy(csv_path, codes)
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(str(error)) from error
        DATA_FILE.write_text(
            json.dumps(names, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        self.stdout.write(self.style.SUCCESS(f"{len(names)} Parties written to {DATA_FILE}."))
