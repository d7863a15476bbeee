"""A hand-written ONNX sentence splitter in MiniSBD's format, shipped inside demo packages.

Without ``minisbd/<lang>.onnx`` in a package, ``argostranslate`` downloads a splitter on its
first translation. The engine itself never runs this file (it uses
:mod:`translation.engine.segmenter`); it exists so that ``argostranslate`` runs offline on
the demonstration packages, for the equality tests and the benchmark.

Rule, per character: a terminator (``.!?…``) followed by whitespace or the end of the
paragraph ends a sentence; Chinese ``。！？`` and Arabic ``؟۔`` end one wherever they are.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

_SPACED_TERMINATORS = ".!?…"
_ALWAYS_TERMINATORS = "。！？؟۔"
# MiniSBD's reserved units come first, with these ids.
_RESERVED = ["<PAD>", "<UNK>", "<EMPTY>", "<ROOT>"]
# Labels: 0 inside a token, 1 end of token, 2 end of sentence (3, 4: multi-word tokens).
_LOGITS = np.array([[-9, 9, -9, -9, -9], [-9, -9, 9, -9, -9]], dtype=np.float32)


def _vocabulary() -> list[str]:
    return [*_RESERVED, " ", *_SPACED_TERMINATORS, *_ALWAYS_TERMINATORS]


def build_sentence_splitter(lang: str) -> onnx.ModelProto:
    units = _vocabulary()
    spaced = np.array([u in _SPACED_TERMINATORS for u in units], dtype=np.float32)
    always = np.array([u in _ALWAYS_TERMINATORS for u in units], dtype=np.float32)
    # Padding counts as whitespace: the last real character is followed by <PAD>.
    blank = np.array([u in (" ", "<PAD>") for u in units], dtype=np.float32)
    init = [
        numpy_helper.from_array(spaced, "spaced_table"),
        numpy_helper.from_array(always, "always_table"),
        numpy_helper.from_array(blank, "blank_table"),
        numpy_helper.from_array(_LOGITS, "label_logits"),
        numpy_helper.from_array(np.array([1], dtype=np.int64), "one_i"),
        numpy_helper.from_array(np.array([0], dtype=np.int64), "zero_i"),
        numpy_helper.from_array(np.array([2**62], dtype=np.int64), "end_i"),
        numpy_helper.from_array(np.array([2], dtype=np.int64), "axis2"),
        numpy_helper.from_array(np.array(1.0, dtype=np.float32), "one_f"),
        numpy_helper.from_array(np.array(0.0, dtype=np.float32), "zero_f"),
    ]
    nodes = [
        helper.make_node("Gather", ["spaced_table", "units"], ["spaced"]),
        helper.make_node("Gather", ["always_table", "units"], ["always"]),
        helper.make_node("Gather", ["blank_table", "units"], ["blank"]),
        helper.make_node("Slice", ["blank", "one_i", "end_i", "one_i"], ["blank_next"]),
        helper.make_node("Slice", ["blank", "zero_i", "one_i", "one_i"], ["first"]),
        helper.make_node("Mul", ["first", "zero_f"], ["first_zero"]),
        helper.make_node("Add", ["first_zero", "one_f"], ["end_pad"]),
        helper.make_node("Concat", ["blank_next", "end_pad"], ["followed_by_blank"], axis=1),
        helper.make_node("Mul", ["spaced", "followed_by_blank"], ["spaced_end"]),
        helper.make_node("Max", ["spaced_end", "always"], ["sentence_end"]),
        helper.make_node("Sub", ["one_f", "sentence_end"], ["token_end"]),
        helper.make_node("Unsqueeze", ["token_end", "axis2"], ["token_end3"]),
        helper.make_node("Unsqueeze", ["sentence_end", "axis2"], ["sentence_end3"]),
        helper.make_node("Concat", ["token_end3", "sentence_end3"], ["choice"], axis=2),
        helper.make_node("MatMul", ["choice", "label_logits"], ["logits"]),
    ]
    graph = helper.make_graph(
        nodes,
        "chm_demo_sentence_splitter",
        [
            helper.make_tensor_value_info("units", TensorProto.INT64, ["batch", "chars"]),
            helper.make_tensor_value_info(
                "features", TensorProto.FLOAT, ["batch", "chars", "features"]
            ),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "chars", 5])],
        init,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    vocab_state = {
        "lang": lang,
        "idx": 0,
        "cutoff": 0,
        "lower": False,
        "_unit2id": {unit: i for i, unit in enumerate(units)},
        "_id2unit": units,
    }
    config = {"feat_funcs": [], "use_dictionary": False, "max_seqlen": 1000, "batch_size": 32}
    helper.set_model_props(
        model,
        {
            "lang_code": lang,
            "config": json.dumps(config),
            "vocab": json.dumps(vocab_state, ensure_ascii=False),
            "lexicon": "null",
        },
    )
    onnx.checker.check_model(model)
    return model


def write_sentence_splitter(path: Path, lang: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(build_sentence_splitter(lang).SerializeToString())
    return path
