"""Resident memory of a fresh process: ``ours <packages_dir>`` or ``argos-import``.

``ours`` loads the engine, translates a few segments (model loaded and used), and prints
its RSS; ``argos-import`` only does ``import argostranslate.translate``. Prints JSON.
"""

import json
import sys
from pathlib import Path


def status_mb(field: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    mode = sys.argv[1]
    if mode == "ours":
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from mt_bench_corpus import chm_segments

        from translation.engine.translator import Engine

        engine = Engine(Path(sys.argv[2]))
        engine.translate(chm_segments(50, "en"), "en", "fr")
        loaded = sorted("-".join(pair) for pair in engine.models.loaded_pairs())
        torch = "torch" in sys.modules
    else:
        import argostranslate.translate  # noqa: F401

        loaded, torch = [], "torch" in sys.modules
    print(json.dumps({"rss_mb": status_mb("VmRSS"), "peak_mb": status_mb("VmHWM"),
                      "models": loaded, "torch_imported": torch}))  # fmt: skip


if __name__ == "__main__":
    main()
