"""Translate text with the installed models: ``mt_translate --from en --to fr "text"``."""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from translation.engine.argos_settings import packages_dir
from translation.engine.errors import TranslationEngineError
from translation.engine.glossary import seed_glossary
from translation.engine.translator import Engine


class Command(BaseCommand):
    help = "Translate text (arguments, or standard input one paragraph per line)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--from", dest="source", required=True, help="Source language.")
        parser.add_argument(
            "--to", dest="targets", required=True, help="Target language(s), comma-separated."
        )
        parser.add_argument("text", nargs="*", help="Text to translate (default: stdin).")
        parser.add_argument("--no-glossary", action="store_true", help="Skip the CHM glossary.")

    def handle(self, *args: object, **options: object) -> None:
        texts = list(options["text"]) or sys.stdin.read().splitlines()  # type: ignore[arg-type]
        targets = [t.strip() for t in str(options["targets"]).split(",") if t.strip()]
        glossary = None if options["no_glossary"] else seed_glossary()
        engine = Engine(packages_dir(Path(settings.MT_MODELS_DIR)), glossary=glossary)
        try:
            results = engine.translate_many(texts, str(options["source"]), targets)
        except TranslationEngineError as exc:
            raise CommandError(str(exc)) from exc
        for target, result in results.items():
            if len(results) > 1:
                self.stdout.write(f"[{target}]")
            for segment in result.segments:
                self.stdout.write(segment.text)
            self.stderr.write(f"{result.source}→{target} with {', '.join(result.models) or '—'}")
            flagged = sorted(
                {f for s in result.segments for f in s.flags} - {"demonstration_model"}
            )
            if flagged:
                self.stderr.write(f"flags: {', '.join(flagged)}")
