"""The MT benchmark's model really pins decode lengths (bench/mt_bench_model.py).

The benchmark's fairness rests on it: every contestant decodes exactly as many pieces as
the input has, whatever the batch. A random-weight model that drifted would still give
identical outputs on both sides, so this checks the pinning itself.
"""

import random
import sys
from pathlib import Path

import ctranslate2
import numpy as np
import pytest
from sentencepiece import sentencepiece_model_pb2 as sp_pb2

sys.path.append(str(Path(__file__).resolve().parents[2] / "bench"))  # after python-odata

from mt_bench_model import bench_pieces, build_spec, piece_permutation  # noqa: E402

from translation.demo_models.builder import build_sentencepiece_model  # noqa: E402


@pytest.fixture(scope="module")
def bench_model(tmp_path_factory):
    words, chars = bench_pieces()
    proto = sp_pb2.ModelProto()
    proto.ParseFromString(build_sentencepiece_model(words, chars))
    pieces = [piece.piece for piece in proto.pieces]
    spec = build_spec(pieces, seed=8)
    spec.validate()
    spec.optimize(quantization="int8")
    folder = tmp_path_factory.mktemp("bench-model")
    spec.save(str(folder))
    return folder, pieces


def test_every_output_is_the_input_mapped_piece_by_piece(bench_model):
    folder, pieces = bench_model
    target_of, _rows = piece_permutation(pieces, seed=8)
    rng = random.Random(3)
    sentences = [
        [pieces[rng.randrange(4, len(pieces))] for _ in range(length)]
        for length in (1, 3, 17, 60, 160)
    ]
    translator = ctranslate2.Translator(str(folder), compute_type="default")
    results = translator.translate_batch(
        sentences, beam_size=4, length_penalty=0.2, max_decoding_length=256
    )
    index = {piece: i for i, piece in enumerate(pieces)}
    for sentence, result in zip(sentences, results, strict=True):
        expected = [pieces[target_of[index[piece]]] for piece in sentence]
        assert result.hypotheses[0] == expected
    assert any(r.hypotheses[0] != s for r, s in zip(results, sentences, strict=True))


def test_the_mapping_keeps_kinds_of_pieces(bench_model):
    _folder, pieces = bench_model
    target_of, _rows = piece_permutation(pieces, seed=8)
    assert sorted(target_of.tolist()) == list(range(len(pieces)))  # a permutation
    moved = np.flatnonzero(target_of != np.arange(len(pieces)))
    assert len(moved) > len(pieces) // 2
    for i in moved:
        assert len(pieces[i]) > 1 and not pieces[i].startswith("<")
        assert pieces[i].startswith("\u2581") == pieces[target_of[i]].startswith("\u2581")


def test_one_embedding_matrix_is_stored(bench_model):
    folder, _pieces = bench_model
    size_mb = (folder / "model.bin").stat().st_size / 1e6
    assert size_mb < 70  # three 32k x 512 matrices would make it ~96 MB
