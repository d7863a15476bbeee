"""A transformer-base-shaped Argos package with random weights and pinned decode lengths.

Shapes are those of a real Argos model (6+6 layers, d=512, 8 heads, FFN 2048, 32k shared
vocabulary, int8), so CTranslate2 does the same amount of work per token. Like the models
argos-train makes (OpenNMT-py with ``share_embeddings`` and ``share_decoder_embeddings``,
as in the transformer-base recipe), one 32k x 512 matrix serves as source embeddings,
target embeddings and output projection; CTranslate2 stores and loads it once.

Every weight is random except one path, laid over the noise with large magnitude: each
piece's embedding carries a code for its id; the last decoder layer's cross-attention
reads position dimensions only, so decoder step t attends to source position t and copies
that piece's code through a fixed permutation; the projection (the same embeddings) then
picks the piece with the permuted code. The output therefore has exactly as many pieces as
the input (the source end marker maps to the target end marker): "decode lengths pinned",
deterministic, identical whoever runs it.
"""

from __future__ import annotations

import json
import math
import random
import tempfile
from pathlib import Path

import numpy as np
from ctranslate2.specs import TransformerSpec

from translation.demo_models.builder import (
    build_sentencepiece_model,
    package_metadata,
    spec_linear_set,
    spec_norm_set,
)
from translation.demo_models.lexicon import LANGUAGE_ORDER, ROWS
from translation.demo_models.sbd_onnx import write_sentence_splitter
from translation.engine.packages import archive_package

VOCAB_SIZE = 32_000
DIM, HEADS, FFN, LAYERS = 512, 8, 2048, 6
_FREQUENCIES = 16  # 64 position dims: one attention head's worth
# Positions a decoder can reach: 256 decoding steps (the engine's and Argos's limit) plus
# the start token; the engine never sends more than 160 pieces per sentence.
_MAX_POSITIONS = 320
_POSITION_SCALE = 12.0  # position magnitude per dimension, against random noise
_CODE_SCALE = 12.0  # piece-code magnitude in the shared embeddings
_COPY_GAIN = 40.0  # the copied code outweighs the decoder input's own code
_OUTPUT_GAIN = 4.0  # final layer norm on the code dims: wide logit margins for beam search
_SPACE = "\u2581"
NOISE = 0.005  # std of the random weights (realistic values do not change the cost)


def bench_pieces(seed: int = 7) -> tuple[list[str], list[str]]:
    """Word pieces (word-initial first, then the rest) and single characters.

    Lexicon words of the six languages come first in each group, then random subwords.
    Grouping keeps whole rows of the vocabulary (see :func:`piece_permutation`) of one kind.
    """
    rng = random.Random(seed)
    words: list[str] = []
    for row in ROWS:
        for phrase in row:
            for word in phrase.split():
                words += [_SPACE + word, _SPACE + word.capitalize(), word]
    chars = sorted({c for w in words for c in w} | set("0123456789.,;:!?()'\"⟦⟧-/%&"))
    alphabet = "abcdefghijklmnopqrstuvwxyzéèàçабвгдежзийклмнопрстуфхцчшщыьэюя"
    budget = VOCAB_SIZE - 4 - len(chars) - 1
    seen = set(words)
    pieces = list(dict.fromkeys(words))
    while len(pieces) < budget:
        piece = "".join(rng.choice(alphabet) for _ in range(rng.randint(2, 6)))
        piece = (_SPACE + piece) if rng.random() < 0.5 else piece
        if piece not in seen:
            seen.add(piece)
            pieces.append(piece)
    pieces = pieces[:budget]
    initial = [p for p in pieces if p.startswith(_SPACE)]
    return initial + [p for p in pieces if not p.startswith(_SPACE)], chars


def _positions() -> np.ndarray:
    frequencies = np.exp(-np.linspace(0.0, math.log(2000.0), _FREQUENCIES))
    angles = np.arange(_MAX_POSITIONS)[:, None] * frequencies[None, :]
    cos, sin = np.cos(angles), np.sin(angles)
    return np.concatenate([cos, sin, -cos, -sin], axis=1).astype(np.float32)


def _piece_kind(piece: str) -> str:
    if len(piece) <= 1 or piece.startswith("<"):
        return "fixed"  # specials, the space piece and single characters map to themselves
    return "initial" if piece.startswith(_SPACE) else "inner"


def piece_permutation(pieces: list[str], seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Which piece each piece translates to, and the permutation of vocabulary rows behind it.

    Piece ``i`` sits in row ``i // base``, column ``i % base`` (``base`` = ceil(sqrt(V))).
    Whole rows are permuted, so the mapping is linear on the two-hot (column, row) codes and
    a single attention output matrix can apply it. A row of word-initial (▁…) pieces goes
    to another such row, as in real outputs, so sentences decode with the spaces a real
    model would give them; rows holding specials, characters or both kinds stay put.
    """
    vocab = len(pieces)
    base = math.ceil(math.sqrt(vocab))
    rows = math.ceil(vocab / base)
    kinds = [
        {_piece_kind(p) for p in pieces[r * base : (r + 1) * base]}
        | ({"fixed"} if (r + 1) * base > vocab else set())
        for r in range(rows)
    ]
    rng = np.random.default_rng(seed)
    row_target = np.arange(rows)
    for kind in ("initial", "inner"):
        same = np.array([r for r in range(rows) if kinds[r] == {kind}])
        if len(same):
            row_target[same] = rng.permutation(same)
    ids = np.arange(vocab)
    return row_target[ids // base] * base + ids % base, row_target


def build_spec(pieces: list[str], seed: int) -> TransformerSpec:
    rng = np.random.default_rng(seed)
    vocab = len(pieces)
    base = math.ceil(math.sqrt(vocab))
    tok_dims = 2 * base
    pos = slice(0, 4 * _FREQUENCIES)
    tok = slice(4 * _FREQUENCIES, 4 * _FREQUENCIES + tok_dims)
    assert tok.stop <= DIM

    # Two-hot code per piece: its column and its row, centred.
    codes = np.full((vocab, tok_dims), -1.0 / base, dtype=np.float32)
    ids = np.arange(vocab)
    codes[ids, ids % base] += 1.0
    codes[ids, base + ids // base] += 1.0
    _, row_target = piece_permutation(pieces, seed)
    # The code permutation: columns stay, rows move (code of i -> code of target_of[i]).
    code_map = np.zeros((tok_dims, tok_dims), dtype=np.float32)
    code_map[np.arange(base), np.arange(base)] = 1.0
    code_map[base + row_target, base + np.arange(len(row_target))] = 1.0

    def noise(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape, dtype=np.float32) * NOISE).astype(np.float32)

    spec = TransformerSpec.from_config((LAYERS, LAYERS), HEADS)
    spec.config.add_source_eos = True
    encoder, decoder = spec.encoder, spec.decoder
    encoder.scale_embeddings = False
    decoder.scale_embeddings = False
    positions = np.zeros((_MAX_POSITIONS, DIM), dtype=np.float32)
    positions[:, pos] = _positions() * _POSITION_SCALE
    # One matrix for source embeddings, target embeddings and projection (saved once).
    embeddings = noise(vocab, DIM)
    embeddings[:, tok] += codes * _CODE_SCALE
    encoder.embeddings[0].weight = embeddings
    encoder.position_encodings.encodings = positions
    decoder.embeddings.weight = embeddings
    decoder.position_encodings.encodings = positions
    for layer in encoder.layer:
        _random_layer(layer, noise, cross=False)
    for layer in decoder.layer:
        _random_layer(layer, noise, cross=True)
    _norm(encoder.layer_norm)
    _norm(decoder.layer_norm)
    decoder.layer_norm.gamma[tok] = _OUTPUT_GAIN

    # The pinned path: all heads of the last layer's cross-attention match positions and
    # carry the source piece's code, permuted, into the code dimensions.
    cross = decoder.layer[-1].attention
    head = DIM // HEADS
    query = noise(DIM, DIM)
    key_value = noise(2 * DIM, DIM)
    for h in range(HEADS):
        rows = slice(h * head, (h + 1) * head)
        query[rows, pos] += np.eye(head) * 80.0
        key_value[rows, pos] += np.eye(head)
    key_value[DIM : DIM + tok_dims, tok] += np.eye(tok_dims)
    output = noise(DIM, DIM)
    output[tok, :tok_dims] += code_map * _COPY_GAIN
    spec_linear_set(cross.linear[0], query)
    spec_linear_set(cross.linear[1], key_value)
    spec_linear_set(cross.linear[2], output)
    decoder.projection.weight = embeddings
    decoder.projection.bias = np.zeros(vocab, dtype=np.float32)
    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(pieces)
    return spec


def _norm(norm) -> None:  # noqa: ANN001 (ctranslate2 spec)
    spec_norm_set(norm, np.ones(DIM, dtype=np.float32))


def _random_layer(layer, noise, *, cross: bool) -> None:  # noqa: ANN001
    _norm(layer.self_attention.layer_norm)
    spec_linear_set(layer.self_attention.linear[0], noise(3 * DIM, DIM))
    spec_linear_set(layer.self_attention.linear[1], noise(DIM, DIM))
    if cross:
        _norm(layer.attention.layer_norm)
        spec_linear_set(layer.attention.linear[0], noise(DIM, DIM))
        spec_linear_set(layer.attention.linear[1], noise(2 * DIM, DIM))
        spec_linear_set(layer.attention.linear[2], noise(DIM, DIM))
    _norm(layer.ffn.layer_norm)
    spec_linear_set(layer.ffn.linear_0, noise(FFN, DIM))
    spec_linear_set(layer.ffn.linear_1, noise(DIM, FFN))


def build_bench_package(out_dir: Path, source: str, target: str, seed: int) -> Path:
    """Write ``bench-<source>_<target>.argosmodel`` (int8) into ``out_dir``."""
    pieces_words, chars = bench_pieces()
    sp_model = build_sentencepiece_model(pieces_words, chars)
    from sentencepiece import sentencepiece_model_pb2 as sp_pb2

    proto = sp_pb2.ModelProto()
    proto.ParseFromString(sp_model)
    pieces = [p.piece for p in proto.pieces]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / f"bench_{source}_{target}"
        (folder / "model").mkdir(parents=True)
        (folder / "sentencepiece.model").write_bytes(sp_model)
        spec = build_spec(pieces, seed)
        spec.validate()
        spec.optimize(quantization="int8")
        spec.save(str(folder / "model"))
        write_sentence_splitter(folder / "minisbd" / f"{source}.onnx", source)
        metadata = package_metadata(
            source,
            target,
            version="1.0",
            description="benchmark model: random weights, transformer-base shapes",
        )
        (folder / "metadata.json").write_text(json.dumps(metadata))
        out_dir.mkdir(parents=True, exist_ok=True)
        return archive_package(folder, out_dir / f"bench-{source}_{target}")


__all__ = ["LANGUAGE_ORDER", "build_bench_package"]
