"""Loaded models: CTranslate2 + SentencePiece straight from Argos package files.

``argostranslate.translate`` is never imported here: it pulls in spaCy, Stanza and torch
(~830 MB resident, ~2 s per process) for nothing the engine needs. The decoding settings
copy Argos 1.11 so outputs match it, with two deliberate differences: CTranslate2's
``default`` compute type instead of ``auto`` (``auto`` gives garbage on some real int8
models), and ``_`` is not turned into a space when decoding (Argos does, which breaks
``{first_name}``).

Models are cached per process and reloaded when the package on disk changes (another
version, or the same version reinstalled), so a new model takes effect without a restart.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from translation.engine.errors import MissingModelError, UnknownPairError
from translation.engine.packages import InstalledPackage, list_packages

_SPACE = "\u2581"


@dataclass(frozen=True)
class DecodingSettings:
    """Argos 1.11's settings, except ``compute_type`` and a larger token batch."""

    beam_size: int = 4
    length_penalty: float = 0.2
    max_decoding_length: int = 256
    # Argos batches 32 tokens, so any sentence of 17+ pieces runs alone; one big
    # token-sized batch per call is what makes the engine fast on CPU.
    max_batch_tokens: int = 1024
    # Longer sentences are translated in word-aligned pieces of at most this many tokens.
    max_input_pieces: int = 160
    compute_type: str = "default"
    device: str = "cpu"
    # Batches are split and decoded in parallel, one core each: ~20 % faster on 2 cores
    # than one batch spread over both (Argos's 1×all), measured in bench/mt_throughput.py.
    inter_threads: int = field(default_factory=lambda: min(os.cpu_count() or 1, 4))
    intra_threads: int = 1


@dataclass(frozen=True)
class SentenceTranslation:
    text: str
    truncated: bool


def balanced_batch_tokens(total_tokens: int, max_batch_tokens: int, workers: int) -> int:
    """Batch size (in tokens) that gives every decoding thread an equal share.

    CTranslate2 decodes one batch per thread (inter_threads). A call that fits in one batch
    (a re-translation of a few edited segments) would leave the other cores idle, and three
    batches on two threads leave one idle for the last third: split the work into a
    multiple of `workers` batches of equal size, none above `max_batch_tokens`.
    """
    if total_tokens <= 0 or workers <= 1:
        return max_batch_tokens
    rounds = -(-total_tokens // (workers * max_batch_tokens))  # ceiling division
    batches = workers * rounds
    return max(1, -(-total_tokens // batches))


class LoadedModel:
    """One pair's CTranslate2 translator and SentencePiece tokenizer."""

    def __init__(self, package: InstalledPackage, settings: DecodingSettings) -> None:
        self.package = package
        self.fingerprint = package.fingerprint()
        self.settings = settings
        # Imported here, not at module level: web processes import the engine for its
        # languages and errors but never load a model, and CTranslate2 alone costs ~25 MB.
        import ctranslate2
        import sentencepiece

        share_one_malloc_arena()  # before the translator starts its decoding threads
        try:
            self.tokenizer = sentencepiece.SentencePieceProcessor(
                model_file=str(package.sentencepiece_path)
            )
            self.translator = ctranslate2.Translator(
                str(package.model_path),
                device=settings.device,
                compute_type=settings.compute_type,
                inter_threads=settings.inter_threads,
                intra_threads=settings.intra_threads,
            )
        except (OSError, RuntimeError, ValueError) as exc:
            raise MissingModelError(
                package.source, package.target, str(package.path), str(exc)
            ) from exc

    def translate(self, sentences: Sequence[str]) -> dict[str, SentenceTranslation]:
        """Translate distinct sentences in token-sized batches; returns sentence → result."""
        unique = [s for s in dict.fromkeys(sentences) if s.strip()]
        if not unique:
            return {}
        tokenized = [self.tokenizer.encode(s, out_type=str) for s in unique]
        # Over-long sentences are cut at word boundaries so nothing is silently truncated
        # by max_decoding_length (Argos cuts them off); each piece keeps its order.
        chunked = [_chunks(tokens, self.settings.max_input_pieces) for tokens in tokenized]
        flat = [chunk for chunks in chunked for chunk in chunks]
        prefix = self.package.target_prefix
        results = self.translator.translate_batch(
            flat,
            target_prefix=[[prefix]] * len(flat) if prefix else None,
            replace_unknowns=True,
            max_batch_size=balanced_batch_tokens(
                sum(len(chunk) for chunk in flat),
                self.settings.max_batch_tokens,
                self.settings.inter_threads,
            ),
            batch_type="tokens",
            beam_size=self.settings.beam_size,
            num_hypotheses=1,
            length_penalty=self.settings.length_penalty,
            max_decoding_length=self.settings.max_decoding_length,
        )
        hypotheses = iter(result.hypotheses[0] for result in results)
        out = {}
        for sentence, chunks in zip(unique, chunked, strict=True):
            parts = [next(hypotheses) for _ in chunks]
            truncated = any(len(p) >= self.settings.max_decoding_length for p in parts)
            if prefix:
                parts = [p[1:] if p[:1] == [prefix] else p for p in parts]
            tokens = [token for part in parts for token in part]
            out[sentence] = SentenceTranslation(self.decode(tokens), truncated)
        release_free_memory()
        return out

    def decode(self, tokens: list[str]) -> str:
        text = self.tokenizer.decode_pieces(tokens).replace(_SPACE, " ")
        prefix = self.package.target_prefix
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        return text[1:] if text.startswith(" ") else text


def _chunks(tokens: list[str], limit: int) -> list[list[str]]:
    """Split a token list into pieces of at most ``limit``, before a word-initial piece."""
    chunks: list[list[str]] = []
    start = 0
    while len(tokens) - start > limit:
        cut = start + limit
        for index in range(start + limit, start + limit // 2, -1):
            if tokens[index].startswith(_SPACE):
                cut = index
                break
        chunks.append(tokens[start:cut])
        start = cut
    chunks.append(tokens[start:])
    return chunks


def _load_libc() -> ctypes.CDLL | None:
    path = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(path) if path else None
    except OSError:
        return None


_LIBC = _load_libc()
_M_ARENA_MAX = -8  # glibc's mallopt parameter number


def share_one_malloc_arena() -> None:
    """Make threads started from now on allocate from glibc's main arena.

    glibc gives each new thread an arena of its own, and ``malloc_trim`` returns the free
    pages inside every arena but shrinks only the main arena's top chunk. Each CTranslate2
    decoding thread therefore kept up to tens of MB after a batch: on the benchmark model a
    worker's resident size after a call varied between 126 and 170 MB from one call to the
    next; with one arena it is 126-129 MB after every call. Decoding threads allocate a few
    large buffers per step, so sharing one arena's lock costs no measurable time
    (bench/mt_throughput.py). Called when a model loads, before its decoding threads
    exist, so only processes that translate are affected.
    """
    mallopt = getattr(_LIBC, "mallopt", None)
    if mallopt is not None:
        mallopt(_M_ARENA_MAX, 1)


def release_free_memory() -> None:
    """Give decoding buffers back to the OS (glibc keeps freed memory otherwise).

    A batch of a few hundred sentences needs ~100-300 MB of scratch memory with a
    transformer-base model; without this a worker's resident size stays at its peak.
    """
    malloc_trim = getattr(_LIBC, "malloc_trim", None)
    if malloc_trim is not None:
        malloc_trim(0)


class ModelCache:
    """Per-process cache of loaded models for one packages folder."""

    def __init__(self, packages_dir: Path, settings: DecodingSettings) -> None:
        self.packages_dir = Path(packages_dir)
        self.settings = settings
        self._models: dict[tuple[str, str], LoadedModel] = {}
        self._lock = threading.Lock()

    def installed(self) -> dict[tuple[str, str], InstalledPackage]:
        packages: dict[tuple[str, str], InstalledPackage] = {}
        for package in list_packages(self.packages_dir):
            packages[(package.source, package.target)] = package  # highest version last
        return packages

    def get(
        self,
        source: str,
        target: str,
        installed: dict[tuple[str, str], InstalledPackage] | None = None,
    ) -> LoadedModel:
        package = (installed if installed is not None else self.installed()).get((source, target))
        if package is None:
            with self._lock:
                self._models.pop((source, target), None)
            raise UnknownPairError(source, target)
        with self._lock:
            cached = self._models.get((source, target))
            if cached is not None and cached.fingerprint == package.fingerprint():
                return cached
            model = LoadedModel(package, self.settings)
            self._models[(source, target)] = model
            return model

    def loaded_pairs(self) -> list[tuple[str, str]]:
        with self._lock:
            return sorted(self._models)
