from django.core.management.base import BaseCommand

from cms.search.indexing import search_rebuild


class Command(BaseCommand):
    help = "Index every public page and notification again for site search."

    def handle(self, *args, **options):
        count = search_rebuild()
        self.stdout.write(self.style.SUCCESS(f"Site search: {count} documents indexed."))
