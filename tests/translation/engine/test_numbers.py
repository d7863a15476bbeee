"""Numbers survive translation: grouped and decimal numbers come back as the source wrote
them, never with a separator turned into sentence punctuation ("2،500", "3。5").

Checked on the demonstration models (which translate "," into the Arabic comma and "."
into the ideographic full stop, as a real model may) and on the benchmark's
transformer-base-shaped model, whose random weights keep nothing of the input.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from translation.engine import packages
from translation.engine.translator import Engine

sys.path.append(str(Path(__file__).resolve().parents[3] / "bench"))  # after python-odata

SOURCES = [
    "Protected areas cover 2,500 sites.",
    "The rate grew by 3.5 in 2026, to 1,234,567.89 hectares.",
    "<b>2,500</b> national reports, 0.75 of them online.",
]
NUMBERS = [["2,500"], ["3.5", "2026", "1,234,567.89"], ["2,500", "0.75"]]


@pytest.mark.parametrize("target", ["zh", "ar"])
def test_demo_models_keep_grouped_and_decimal_numbers(engine: Engine, target: str) -> None:
    outputs = engine.translate(SOURCES, "en", target).outputs
    for output, numbers in zip(outputs, NUMBERS, strict=True):
        for number in numbers:
            assert number in output, (number, output)
        assert "2،500" not in output and "3。5" not in output and "0。75" not in output


def test_the_separators_are_what_the_models_would_change(engine: Engine) -> None:
    """Without protection these models do turn separators into punctuation (so the test
    above tests something)."""
    assert "،" in engine.translate(["sites, reports"], "en", "ar").outputs[0]
    assert "。" in engine.translate(["Protected areas."], "en", "zh").outputs[0]


@pytest.fixture(scope="module")
def bench_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    from mt_bench_model import build_bench_package

    folder = tmp_path_factory.mktemp("bench-numbers")
    packages_dir = folder / "packages"
    for target, seed in (("zh", 11), ("ar", 12)):
        packages.install(packages_dir, build_bench_package(folder, "en", target, seed))
    return Engine(packages_dir)


@pytest.mark.parametrize("target", ["zh", "ar"])
def test_bench_models_keep_grouped_and_decimal_numbers(bench_engine: Engine, target: str) -> None:
    result = bench_engine.translate(SOURCES[:2], "en", target)
    for output, numbers in zip(result.outputs, NUMBERS[:2], strict=True):
        for number in numbers[:1]:
            assert number in output, (number, output)
