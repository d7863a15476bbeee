"""Builder of real, tiny, deterministic Argos packages: the demonstration models.

Real Argos models cannot be downloaded on our machines, so tests and the demo site use
dictionary models built here in a fraction of a second per pair. They are genuine
CTranslate2 Transformer models run through the same beam search as any Argos model; their
weights are set by hand so that output position *t* is the dictionary translation of
source piece *t* (recipe in docs/TRANSLATION_ENGINE.md):

* embeddings split the model dimension into a *token* part (a code of the target piece)
  and a *position* part (sinusoid pairs);
* self-attention and feed-forward outputs are zero, so the residual stream only carries
  what the embeddings and the cross-attention put there;
* cross-attention queries and keys read only position dimensions, so decoder step *t*
  attends to source position *t*; values carry the token code;
* the output projection scores each target piece by its code, and the source end marker
  maps to the target end marker, so the output has exactly one piece per source piece.

Pieces missing from the dictionary map to themselves and pieces unknown to the
SentencePiece model come back through ``replace_unknowns``: anything the dictionary does not
know (names, placeholders, numbers) is copied through unchanged.
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
from ctranslate2.specs import TransformerSpec
from sentencepiece import sentencepiece_model_pb2 as sp_pb2

from translation.demo_models.lexicon import LANGUAGE_ORDER, ROWS
from translation.engine.languages import LANGUAGE_NAMES
from translation.engine.packages import archive_package

DEMO_PACKAGE_VERSION = "1.0"
DEMO_LABEL = "demonstration model"
DEMO_PAIRS: tuple[tuple[str, str], ...] = tuple(
    pair for lang in ("ar", "es", "fr", "ru", "zh") for pair in (("en", lang), (lang, "en"))
)

_Piece = sp_pb2.ModelProto.SentencePiece
_SPACE = "\u2581"  # SentencePiece's visible space
_DELETE = "<del>"  # control piece: decodes to nothing (for words a language leaves out)
_WORD_SCORE = -1.0
_CHAR_SCORE = -10.0
_MAX_POSITIONS = 1024
_POSITION_FREQUENCIES = 16
# Characters every demo vocabulary knows, so that ordinary text and the protection
# sentinels go through as known pieces rather than unknowns.
_BASE_CHARS = (
    "".join(chr(c) for c in range(33, 127))
    + "àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊÎÔÙÛŒáíóúñüÁÍÓÚÑ¿¡«»“”‘’–—…•°€"
    + "⟦⟧。，、？！：；（）《》「」؟،؛۔"
)
_CASELESS = {"zh", "ar"}
# Punctuation that a word-by-word model should still localise.
_PUNCTUATION = {
    "zh": {".": "。", ",": "，", "?": "？", "!": "！", ":": "：", ";": "；"},
    "ar": {",": "،", "?": "؟", ";": "؛"},
}


def lexicon_for(source: str, target: str) -> dict[str, str]:
    """Source phrase → target phrase for one pair ("" means: leave the word out)."""
    src_col, tgt_col = LANGUAGE_ORDER.index(source), LANGUAGE_ORDER.index(target)
    lexicon: dict[str, str] = {}
    for row in ROWS:
        phrase = row[src_col]
        # The first row wins when two English words share a translation ("de").
        if phrase and phrase not in lexicon:
            lexicon[phrase] = row[tgt_col]
    return lexicon


def _piece(phrase: str, *, spaced: bool) -> str:
    return (_SPACE if spaced else "") + phrase.replace(" ", _SPACE)


def _capitalize(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def _title(phrase: str) -> str:
    small = {"of", "the", "on", "and", "for", "in", "to", "a", "an"}
    words = phrase.split(" ")
    return " ".join(w if i and w in small else _capitalize(w) for i, w in enumerate(words))


def _piece_mapping(source: str, target: str) -> dict[str, str]:
    """Source piece → target piece, including capitalised and unspaced variants."""
    mapping: dict[str, str] = {}
    spaced_target = target != "zh"  # Chinese is written without spaces between words
    for src_phrase, tgt_phrase in lexicon_for(source, target).items():
        variants = [(src_phrase, tgt_phrase)]
        if source not in _CASELESS and src_phrase[:1].islower():
            cased_target = tgt_phrase if target in _CASELESS else _capitalize(tgt_phrase)
            variants.append((_capitalize(src_phrase), cased_target))
            if " " in src_phrase:  # "Conference of the Parties"
                variants.append((_title(src_phrase), cased_target))
        for src, tgt in variants:
            for spaced in (True, False):
                # Unspaced variants let "(biodiversity)" translate; short ones would
                # also fire inside unknown words ("a" in "Nagoya"), so they are left out.
                if not spaced and len(src) < 4 and source != "zh":
                    continue
                spaced_out = spaced_target and (spaced or source == "zh")
                out = _piece(tgt, spaced=spaced_out) if tgt else _DELETE
                mapping.setdefault(_piece(src, spaced=spaced), out)
    for src_mark, tgt_mark in _PUNCTUATION.get(target, {}).items():
        mapping.setdefault(src_mark, tgt_mark)
    for tgt_mark, src_mark in _PUNCTUATION.get(source, {}).items():
        mapping.setdefault(src_mark, tgt_mark)
    return mapping


def build_sentencepiece_model(word_pieces: Iterable[str], chars: Iterable[str]) -> bytes:
    """A unigram SentencePiece model whose pieces are whole words, then single characters.

    Written as a protobuf by hand so that every dictionary phrase (even one with spaces,
    "التنوع البيولوجي") is exactly one piece, which training cannot promise.
    """
    model = sp_pb2.ModelProto()
    trainer = model.trainer_spec
    trainer.model_type = sp_pb2.TrainerSpec.UNIGRAM
    trainer.unk_id, trainer.bos_id, trainer.eos_id, trainer.pad_id = 0, 1, 2, -1
    trainer.unk_piece, trainer.bos_piece, trainer.eos_piece = "<unk>", "<s>", "</s>"
    normalizer = model.normalizer_spec
    normalizer.name = "identity"
    normalizer.add_dummy_prefix = True
    normalizer.remove_extra_whitespaces = True
    normalizer.escape_whitespaces = True

    def add(piece: str, score: float, kind: int = _Piece.NORMAL) -> None:
        entry = model.pieces.add()
        entry.piece, entry.score, entry.type = piece, score, kind

    add("<unk>", 0.0, _Piece.UNKNOWN)
    add("<s>", 0.0, _Piece.CONTROL)
    add("</s>", 0.0, _Piece.CONTROL)
    add(_DELETE, 0.0, _Piece.CONTROL)
    seen = {"<unk>", "<s>", "</s>", _DELETE}
    for piece in word_pieces:
        if piece not in seen:
            seen.add(piece)
            add(piece, _WORD_SCORE)
    for char in [_SPACE, *chars]:
        if char not in seen and not char.isspace():
            seen.add(char)
            add(char, _CHAR_SCORE)
    trainer.vocab_size = len(model.pieces)
    return model.SerializeToString()


def _position_codes(dim_frequencies: int, length: int) -> np.ndarray:
    """Zero-mean, constant-norm position vectors: [cos, sin, -cos, -sin] per frequency."""
    frequencies = np.exp(-np.linspace(0.0, math.log(2000.0), dim_frequencies))
    angles = np.arange(length)[:, None] * frequencies[None, :]
    cos, sin = np.cos(angles), np.sin(angles)
    return np.concatenate([cos, sin, -cos, -sin], axis=1).astype(np.float32)


def _token_codes(vocab_size: int) -> tuple[np.ndarray, int]:
    """Zero-mean two-digit one-hot codes: distinct ids share at most one digit."""
    base = max(2, math.ceil(math.sqrt(vocab_size)))
    codes = np.full((vocab_size, 2 * base), -1.0 / base, dtype=np.float32)
    ids = np.arange(vocab_size)
    codes[ids, ids % base] += 1.0
    codes[ids, base + ids // base] += 1.0
    return codes, base


def build_dictionary_spec(pieces: list[str], mapping: dict[str, str]) -> TransformerSpec:
    """A one-layer Transformer whose output piece *t* is ``mapping[source piece t]``."""
    vocab = len(pieces)
    index = {piece: i for i, piece in enumerate(pieces)}
    codes, base = _token_codes(vocab)
    tok_dims = codes.shape[1]
    positions = _position_codes(_POSITION_FREQUENCIES, _MAX_POSITIONS)
    pos_dims = positions.shape[1]
    dim = tok_dims + pos_dims
    tok, pos = slice(0, tok_dims), slice(tok_dims, dim)

    # Sharp attention: the score gap between position t and its nearest rival, after the
    # layer norms, becomes >= 40 nats, so attention is one-hot to float precision.
    deltas = np.arange(1, _MAX_POSITIONS)
    gap = float(np.min(positions[0] @ positions[0] - positions[deltas] @ positions[0]))
    sigma_dec = math.sqrt(2 * _POSITION_FREQUENCIES / dim)  # std of a pure position vector
    sigma_enc = math.sqrt((2 * _POSITION_FREQUENCIES + 2 * (1 - 1 / base)) / dim)
    query_scale = 40.0 * math.sqrt(dim) * sigma_dec * sigma_enc / gap

    target_of = np.array(
        [index.get(mapping.get(piece, piece), i) for i, piece in enumerate(pieces)]
    )
    src_emb = np.zeros((vocab, dim), dtype=np.float32)
    src_emb[:, tok] = codes[target_of]
    pos_table = np.zeros((_MAX_POSITIONS, dim), dtype=np.float32)
    pos_table[:, pos] = positions

    spec = TransformerSpec.from_config((1, 1), 1)
    spec.config.add_source_eos = True
    encoder, decoder = spec.encoder, spec.decoder
    encoder.scale_embeddings = False
    decoder.scale_embeddings = False
    encoder.embeddings[0].weight = src_emb
    encoder.position_encodings.encodings = pos_table
    decoder.embeddings.weight = np.zeros((vocab, dim), dtype=np.float32)
    decoder.position_encodings.encodings = pos_table
    _silence_layer(encoder.layer[0], dim)
    _silence_layer(decoder.layer[0], dim)
    spec_norm_set(encoder.layer_norm, np.ones(dim, dtype=np.float32))

    cross = decoder.layer[0].attention
    spec_norm_set(cross.layer_norm, np.ones(dim, dtype=np.float32))
    query = np.zeros((dim, dim), dtype=np.float32)
    query[pos, pos] = np.eye(pos_dims) * query_scale
    key_value = np.zeros((2 * dim, dim), dtype=np.float32)
    key_value[pos, pos] = np.eye(pos_dims)
    key_value[dim : dim + tok_dims, tok] = np.eye(tok_dims)
    output = np.zeros((dim, dim), dtype=np.float32)
    output[tok, tok] = np.eye(tok_dims)
    spec_linear_set(cross.linear[0], query)
    spec_linear_set(cross.linear[1], key_value)
    spec_linear_set(cross.linear[2], output)

    final_gamma = np.zeros(dim, dtype=np.float32)
    final_gamma[tok] = 1.0
    spec_norm_set(decoder.layer_norm, final_gamma)
    projection = np.zeros((vocab, dim), dtype=np.float32)
    # Own code scores ~2, a rival at most ~1 (one shared digit): 40 nats of margin after
    # the final norm, so beam search never prefers another piece.
    projection[:, tok] = codes * 40.0 * math.sqrt(dim / tok_dims)
    spec_linear_set(decoder.projection, projection)

    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(pieces)
    return spec


def spec_linear_set(linear, weight: np.ndarray) -> None:  # noqa: ANN001 (ctranslate2 spec)
    linear.weight = weight
    linear.bias = np.zeros(weight.shape[0], dtype=np.float32)


def spec_norm_set(norm, gamma: np.ndarray) -> None:  # noqa: ANN001 (ctranslate2 spec)
    norm.gamma = gamma
    norm.beta = np.zeros_like(gamma)


def _silence_layer(layer, dim: int) -> None:  # noqa: ANN001 (ctranslate2 spec)
    """Self-attention and feed-forward of this layer add exactly zero to the residual."""
    ones = np.ones(dim, dtype=np.float32)
    spec_norm_set(layer.self_attention.layer_norm, ones)
    spec_linear_set(layer.self_attention.linear[0], np.zeros((3 * dim, dim), dtype=np.float32))
    spec_linear_set(layer.self_attention.linear[1], np.zeros((dim, dim), dtype=np.float32))
    spec_norm_set(layer.ffn.layer_norm, ones)
    spec_linear_set(layer.ffn.linear_0, np.zeros((4, dim), dtype=np.float32))
    spec_linear_set(layer.ffn.linear_1, np.zeros((dim, 4), dtype=np.float32))


def package_metadata(source: str, target: str, *, version: str, description: str) -> dict:
    """An Argos package's metadata.json for the pair `source` → `target`."""
    return {
        "package_version": version,
        "argos_version": "1.0",
        "from_code": source,
        "from_name": LANGUAGE_NAMES[source],
        "to_code": target,
        "to_name": LANGUAGE_NAMES[target],
        "type": "translate",
        "links": [],
        "description": description,
    }


def demo_metadata(source: str, target: str, version: str = DEMO_PACKAGE_VERSION) -> dict:
    description = f"CHM {DEMO_LABEL}: word-by-word dictionary, not a real translation"
    return {
        **package_metadata(source, target, version=version, description=description),
        "code": f"demo-{source}_{target}",
        "demonstration": True,
    }


def build_demo_package_dir(
    folder: Path,
    source: str,
    target: str,
    *,
    version: str = DEMO_PACKAGE_VERSION,
    extra_mapping: dict[str, str] | None = None,
) -> Path:
    """Write an unpacked demonstration package for one pair into ``folder``."""
    mapping = _piece_mapping(source, target)
    mapping.update(extra_mapping or {})
    phrase_chars = {c for pair in mapping.items() for piece in pair for c in piece}
    chars = sorted(set(_BASE_CHARS) | phrase_chars)
    word_pieces = sorted({p for pair in mapping.items() for p in pair if len(p) > 1})
    sp_model = build_sentencepiece_model(word_pieces, chars)
    pieces = [p.piece for p in _load_proto(sp_model).pieces]

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sentencepiece.model").write_bytes(sp_model)
    spec = build_dictionary_spec(pieces, mapping)
    spec.validate()
    spec.optimize(quantization="int8")
    (folder / "model").mkdir(exist_ok=True)
    spec.save(str(folder / "model"))
    # onnx (the `demo` extra) is needed for this file only.
    from translation.demo_models.sbd_onnx import write_sentence_splitter

    write_sentence_splitter(folder / "minisbd" / f"{source}.onnx", source)
    metadata = demo_metadata(source, target, version)
    (folder / "metadata.json").write_text(json.dumps(metadata, ensure_ascii=False, indent=2))
    (folder / "README.md").write_text(
        f"# {LANGUAGE_NAMES[source]} → {LANGUAGE_NAMES[target]} ({DEMO_LABEL})\n\n"
        "Word-by-word dictionary model built by translation/demo_models/builder.py.\n"
        "It shows the translation machinery; it does not translate.\n"
    )
    return folder


def _load_proto(data: bytes) -> sp_pb2.ModelProto:
    model = sp_pb2.ModelProto()
    model.ParseFromString(data)
    return model


def build_demo_package(
    out_dir: Path,
    source: str,
    target: str,
    *,
    version: str = DEMO_PACKAGE_VERSION,
    extra_mapping: dict[str, str] | None = None,
) -> Path:
    """Build ``translate-<source>_<target>-demo-<version>.argosmodel`` in ``out_dir``.

    ``extra_mapping`` (SentencePiece piece → piece) overrides dictionary entries, e.g. to
    make a visibly different second version of a model.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = build_demo_package_dir(
            Path(tmp) / f"demo_{source}_{target}",
            source,
            target,
            version=version,
            extra_mapping=extra_mapping,
        )
        archive = archive_package(folder, out_dir / f"translate-{source}_{target}-demo")
        shutil.rmtree(folder)
    final = out_dir / f"translate-{source}_{target}-demo-{version}.argosmodel"
    archive.replace(final)
    return final


def build_demo_packages(
    out_dir: Path,
    pairs: Iterable[tuple[str, str]] = DEMO_PAIRS,
    *,
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Build demonstration packages for ``pairs`` (default: en↔ar/es/fr/ru/zh)."""
    built = []
    for source, target in pairs:
        path = build_demo_package(out_dir, source, target)
        built.append(path)
        if progress:
            progress(f"built {source}→{target} ({DEMO_LABEL}): {path.name}")
    return built
