"""Helpers to run argostranslate in a subprocess with its files kept in a temporary folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REFERENCE_SCRIPT = Path(__file__).with_name("argos_reference.py")


def argos_environment(packages_dir: Path, scratch: Path) -> dict[str, str]:
    """Everything argostranslate reads at import, pointed at ``scratch``: no home writes."""
    env = dict(os.environ)
    env.update(
        ARGOS_PACKAGES_DIR=str(packages_dir),
        XDG_DATA_HOME=str(scratch / "data"),
        XDG_CONFIG_HOME=str(scratch / "config"),
        XDG_CACHE_HOME=str(scratch / "cache"),
        HOME=str(scratch / "home"),
        ARGOS_DEVICE_TYPE="cpu",
    )
    return env


def argos_translate(
    packages_dir: Path, scratch: Path, jobs: list[tuple[str, str, list[str]]]
) -> dict:
    completed = subprocess.run(
        [sys.executable, str(REFERENCE_SCRIPT)],
        input=json.dumps({"jobs": jobs}),
        capture_output=True,
        text=True,
        env=argos_environment(packages_dir, scratch),
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout)
