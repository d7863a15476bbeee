"""A transformer-base-shaped Argos package with random weights and pinned decode lengths.

Shapes are those of a real Argos model (6+6 layers, d=512, 8 heads, FFN 2048, 32k shared
vocabulary, int8), so CTranslate2 does the same amount of work per token. Every weight is
random except one path, laid over the noise with large magnitude: the last decoder
layer's cross-attention reads position dimensions only, so decoder step t attends to source
position t and emits a fixed random piece for the source piece there. The output therefore
has exactly as many pieces as the input (the source end marker maps to the target end
marker): "decode lengths pinned", deterministic, identical whoever runs it.
"""

from __future__ import annotations

import json
import math
import random
import tempfile
from pathlib import Path

import numpy as np
from ctranslate2.specs import TransformerSpec

from translation.engine.demo_lexicon import LANGUAGE_ORDER, ROWS
from translation.engine.demo_models import build_sentencepiece_model
from translation.engine.languages import LANGUAGE_NAMES
from translation.engine.packages import archive_package
from translation.engine.sbd_onnx import write_sentence_splitter

VOCAB_SIZE = 32_000
DIM, HEADS, FFN, LAYERS = 512, 8, 2048, 6
_FREQUENCIES = 16  # 64 position dims: one attention head's worth
_MAX_POSITIONS = 1024
_SCALE = 12.0  # structure magnitude per dimension, against random noise of ~0.3
_SPACE = "\u2581"
NOISE = 0.005  # std of the random weights (realistic values do not change the cost)


def bench_pieces(seed: int = 7) -> tuple[list[str], list[str]]:
    """Word pieces (lexicon words of the six languages, then random subwords) and characters."""
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
    return pieces[:budget], chars


def _positions() -> np.ndarray:
    frequencies = np.exp(-np.linspace(0.0, math.log(2000.0), _FREQUENCIES))
    angles = np.arange(_MAX_POSITIONS)[:, None] * frequencies[None, :]
    cos, sin = np.cos(angles), np.sin(angles)
    return np.concatenate([cos, sin, -cos, -sin], axis=1).astype(np.float32)


def build_spec(pieces: list[str], seed: int) -> TransformerSpec:
    rng = np.random.default_rng(seed)
    vocab = len(pieces)
    base = math.ceil(math.sqrt(vocab))
    tok_dims = 2 * base
    pos = slice(0, 4 * _FREQUENCIES)
    tok = slice(4 * _FREQUENCIES, 4 * _FREQUENCIES + tok_dims)
    assert tok.stop <= DIM

    codes = np.full((vocab, tok_dims), -1.0 / base, dtype=np.float32)
    ids = np.arange(vocab)
    codes[ids, ids % base] += 1.0
    codes[ids, base + ids // base] += 1.0
    # Output piece for each input piece: a fixed random permutation of the word pieces;
    # specials and single characters (digits, sentinels, punctuation) map to themselves.
    target_of = ids.copy()
    # A word-initial piece (▁…) maps to a word-initial piece, as in real outputs, so
    # sentences decode with the spaces a real model would give them.
    for initial in (True, False):
        words = np.array(
            [
                i
                for i, p in enumerate(pieces)
                if i > 3 and len(p) > 1 and p.startswith(_SPACE) == initial
            ]
        )
        target_of[words] = rng.permutation(words)

    def noise(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape, dtype=np.float32) * NOISE).astype(np.float32)

    spec = TransformerSpec.from_config((LAYERS, LAYERS), HEADS)
    spec.config.add_source_eos = True
    encoder, decoder = spec.encoder, spec.decoder
    encoder.scale_embeddings = False
    decoder.scale_embeddings = False
    positions = np.zeros((_MAX_POSITIONS, DIM), dtype=np.float32)
    positions[:, pos] = _positions() * _SCALE
    src = noise(vocab, DIM)
    src[:, tok] = codes[target_of] * _SCALE * 4
    encoder.embeddings[0].weight = src
    encoder.position_encodings.encodings = positions
    decoder.embeddings.weight = noise(vocab, DIM)
    decoder.position_encodings.encodings = positions
    for layer in encoder.layer:
        _random_layer(layer, noise, cross=False)
    for layer in decoder.layer:
        _random_layer(layer, noise, cross=True)
    _norm(encoder.layer_norm)
    _norm(decoder.layer_norm)

    # The pinned path: all heads of the last layer's cross-attention match positions.
    cross = decoder.layer[-1].attention
    head = DIM // HEADS
    query = noise(DIM, DIM)
    key_value = noise(2 * DIM, DIM)
    for h in range(HEADS):
        rows = slice(h * head, (h + 1) * head)
        query[rows, pos] += np.eye(head) * 80.0
        key_value[rows, pos] += np.eye(head)
    for start in range(0, tok_dims, head):
        width = min(head, tok_dims - start)
        key_value[
            DIM + start : DIM + start + width, tok.start + start : tok.start + start + width
        ] += np.eye(width)
    output = noise(DIM, DIM)
    output[tok, :tok_dims] += np.eye(tok_dims) * 4.0
    _linear(cross.linear[0], query)
    _linear(cross.linear[1], key_value)
    _linear(cross.linear[2], output)
    projection = noise(vocab, DIM)
    projection[:, tok] += codes * 20.0
    _linear(decoder.projection, projection)
    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(pieces)
    return spec


def _linear(linear, weight: np.ndarray) -> None:  # noqa: ANN001 (ctranslate2 spec)
    linear.weight = weight
    linear.bias = np.zeros(weight.shape[0], dtype=np.float32)


def _norm(norm) -> None:  # noqa: ANN001 (ctranslate2 spec)
    norm.gamma = np.ones(DIM, dtype=np.float32)
    norm.beta = np.zeros(DIM, dtype=np.float32)


def _random_layer(layer, noise, *, cross: bool) -> None:  # noqa: ANN001
    _norm(layer.self_attention.layer_norm)
    _linear(layer.self_attention.linear[0], noise(3 * DIM, DIM))
    _linear(layer.self_attention.linear[1], noise(DIM, DIM))
    if cross:
        _norm(layer.attention.layer_norm)
        _linear(layer.attention.linear[0], noise(DIM, DIM))
        _linear(layer.attention.linear[1], noise(2 * DIM, DIM))
        _linear(layer.attention.linear[2], noise(DIM, DIM))
    _norm(layer.ffn.layer_norm)
    _linear(layer.ffn.linear_0, noise(FFN, DIM))
    _linear(layer.ffn.linear_1, noise(DIM, FFN))


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
        metadata = {
            "package_version": "1.0",
            "argos_version": "1.0",
            "from_code": source,
            "from_name": LANGUAGE_NAMES[source],
            "to_code": target,
            "to_name": LANGUAGE_NAMES[target],
            "type": "translate",
            "links": [],
            "description": "benchmark model: random weights, transformer-base shapes",
        }
        (folder / "metadata.json").write_text(json.dumps(metadata))
        out_dir.mkdir(parents=True, exist_ok=True)
        return archive_package(folder, out_dir / f"bench-{source}_{target}")


__all__ = ["LANGUAGE_ORDER", "build_bench_package"]
