"""Explicit engine errors. Each message names the pair and what an operator can do."""

from __future__ import annotations

INSTALL_HINT = "manage.py mt_models install <file.argosmodel or folder>"
DEMO_HINT = "manage.py mt_models build-demo"


class TranslationEngineError(Exception):
    """Base class: anything the engine refuses to do, with a message fit for an operator."""


class UnknownLanguageError(TranslationEngineError):
    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(
            f"Unknown language {code!r}: the engine translates between ar, en, es, fr, ru "
            f"and zh (zh-hans)."
        )


class UnknownPairError(TranslationEngineError):
    """No model for the pair and no route through English either."""

    def __init__(self, source: str, target: str, missing: list[str] | None = None) -> None:
        self.source, self.target = source, target
        self.missing = missing or [f"{source}-{target}"]
        needed = " and ".join(self.missing)
        super().__init__(
            f"No translation model for {source}→{target}: install {needed} "
            f"(direct, or both legs through English) with `{INSTALL_HINT}`, "
            f"or `{DEMO_HINT}` for the demonstration models."
        )


class MissingModelError(TranslationEngineError):
    """A package is listed but its files are missing or unreadable."""

    def __init__(self, source: str, target: str, path: str, reason: str) -> None:
        self.source, self.target, self.path = source, target, path
        super().__init__(
            f"The {source}→{target} model at {path} cannot be loaded ({reason}): "
            f"reinstall it with `{INSTALL_HINT}`."
        )


class EmptyInputError(TranslationEngineError):
    def __init__(self, source: str, target: str) -> None:
        self.source, self.target = source, target
        super().__init__(
            f"Nothing to translate for {source}→{target}: pass at least one segment "
            f"(blank segments are allowed inside a list, not an empty list)."
        )


class OversizeInputError(TranslationEngineError):
    def __init__(self, source: str, target: str, index: int, size: int, limit: int) -> None:
        self.source, self.target, self.index = source, target, index
        super().__init__(
            f"Segment {index} for {source}→{target} has {size} characters, more than the "
            f"limit of {limit}: split it into paragraphs before translating."
        )


class PackageError(TranslationEngineError):
    """An .argosmodel file or folder that is not a valid translation package."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        super().__init__(
            f"{path} is not a valid Argos translation package ({reason}); "
            f"install a .argosmodel file with `{INSTALL_HINT}`."
        )
