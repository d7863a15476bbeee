"""Manage the offline machine-translation models (Argos packages) under MT_MODELS_DIR."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from translation.demo_models.builder import DEMO_LABEL, DEMO_PAIRS, build_demo_packages
from translation.engine import package_index, packages
from translation.engine.argos_settings import packages_dir
from translation.engine.errors import TranslationEngineError
from translation.engine.languages import SUPPORTED_LANGUAGES, argos_code


def parse_pair(text: str) -> tuple[str, str]:
    for separator in ("→", "->", "-", "_", ":"):
        if separator in text:
            source, _, target = text.partition(separator)
            try:
                return argos_code(source), argos_code(target)
            except TranslationEngineError as exc:
                raise CommandError(str(exc)) from exc
    raise CommandError(f"{text!r} is not a language pair: write it like en-fr.")


class Command(BaseCommand):
    help = "List, install, remove and build machine-translation models (Argos packages)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="List installed language pairs.")
        install = sub.add_parser("install", help="Install a .argosmodel file or a folder of them.")
        install.add_argument("path")
        remove = sub.add_parser("remove", help="Remove the model of a pair, e.g. en-fr.")
        remove.add_argument("pair")
        demo = sub.add_parser(
            "build-demo", help=f"Build and install the {DEMO_LABEL}s (en↔ar/es/fr/ru/zh)."
        )
        demo.add_argument("--pairs", help="Comma-separated pairs, e.g. en-fr,fr-en.")
        demo.add_argument("--no-install", action="store_true", help="Only write the files.")
        index = sub.add_parser(
            "install-index",
            help="Download and install models from the Argos index (needs --allow-network).",
        )
        index.add_argument("--allow-network", action="store_true")
        index.add_argument("--pairs", help="Comma-separated pairs (default: all six languages).")
        index.add_argument("--index-url", help="Another index (HTTPS), e.g. a mirror.")
        index.add_argument(
            "--max-mb", type=int, default=2048, help="Largest package accepted (MB, 2048)."
        )

    @property
    def models_dir(self) -> Path:
        return Path(settings.MT_MODELS_DIR)

    def handle(self, *args: object, **options: object) -> None:
        action = str(options["action"]).replace("-", "_")
        try:
            getattr(self, f"_{action}")(options)
        except TranslationEngineError as exc:
            raise CommandError(str(exc)) from exc

    def _list(self, options: dict) -> None:
        installed = packages.list_packages(packages_dir(self.models_dir))
        if not installed:
            self.stdout.write(
                f"No models in {packages_dir(self.models_dir)}. Install one with "
                "`manage.py mt_models install <file>` or `manage.py mt_models build-demo`."
            )
            return
        for package in installed:
            label = f"  [{DEMO_LABEL}]" if package.demonstration else ""
            self.stdout.write(
                f"{package.pair:<7} {package.version:<8} {package.name}{label}  ({package.path.name})"
            )
        pairs = {(p.source, p.target) for p in installed}
        pivots = [
            f"{s}-{t}"
            for s in SUPPORTED_LANGUAGES
            for t in SUPPORTED_LANGUAGES
            if s != t and (s, t) not in pairs and (s, "en") in pairs and ("en", t) in pairs
        ]
        if pivots:
            self.stdout.write(f"Through English: {', '.join(pivots)}")

    def _install(self, options: dict) -> None:
        for package in packages.install(packages_dir(self.models_dir), Path(options["path"])):
            label = f" [{DEMO_LABEL}]" if package.demonstration else ""
            self.stdout.write(f"Installed {package.pair} {package.version}{label}")

    def _remove(self, options: dict) -> None:
        source, target = parse_pair(str(options["pair"]))
        removed = packages.remove(packages_dir(self.models_dir), source, target)
        if not removed:
            raise CommandError(f"No model installed for {source}-{target}.")
        for package in removed:
            self.stdout.write(f"Removed {package.pair} {package.version}")

    def _build_demo(self, options: dict) -> None:
        pairs = (
            [parse_pair(p) for p in str(options["pairs"]).split(",")]
            if options.get("pairs")
            else list(DEMO_PAIRS)
        )
        out_dir = self.models_dir / "demo-archives"
        self.stdout.write(f"Building {len(pairs)} {DEMO_LABEL}s in {out_dir}")
        archives = build_demo_packages(out_dir, pairs, progress=self.stdout.write)
        if options.get("no_install"):
            return
        for archive in archives:
            for package in packages.install(packages_dir(self.models_dir), archive):
                self.stdout.write(f"Installed {package.pair} {package.version} [{DEMO_LABEL}]")

    def _install_index(self, options: dict) -> None:
        if not options.get("allow_network"):
            raise CommandError(
                "install-index downloads models from the Argos index on the internet; "
                "run it again with --allow-network on a machine that has access, or copy "
                ".argosmodel files here and use `manage.py mt_models install <file>`."
            )
        wanted = (
            {parse_pair(p) for p in str(options["pairs"]).split(",")}
            if options.get("pairs")
            else {(s, t) for s in SUPPORTED_LANGUAGES for t in SUPPORTED_LANGUAGES if s != t}
        )
        # Our own downloader: argostranslate (and with it torch) is not needed to install.
        installed = package_index.install_from_index(
            packages_dir(self.models_dir),
            pairs=wanted,
            url=options.get("index_url") or package_index.ARGOS_INDEX_URL,
            limit=int(options.get("max_mb") or 2048) * 1024**2,
            progress=self.stdout.write,
        )
        if not installed:
            raise CommandError("The index lists none of the requested pairs.")
        for package in installed:
            self.stdout.write(f"Installed {package.pair} {package.version}")
