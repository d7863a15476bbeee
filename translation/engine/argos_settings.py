"""Where argostranslate keeps its files: under our models folder, never the home directory.

argostranslate reads these variables once, at import, and creates its folders then; so
:func:`configure_argos_environment` must run before anything imports it (only the explicit
``mt_models install-index --allow-network`` path, tests and the benchmark do).
"""

from __future__ import annotations

import os
from pathlib import Path


def packages_dir(models_dir: Path) -> Path:
    """The Argos packages folder inside the models folder (``MT_MODELS_DIR``)."""
    return Path(models_dir) / "packages"


def argos_environment(models_dir: Path) -> dict[str, str]:
    base = Path(models_dir)
    return {
        "ARGOS_PACKAGES_DIR": str(packages_dir(base)),
        "XDG_DATA_HOME": str(base / "argos" / "data"),
        "XDG_CONFIG_HOME": str(base / "argos" / "config"),
        "XDG_CACHE_HOME": str(base / "argos" / "cache"),
        "ARGOS_DEVICE_TYPE": "cpu",
        # Our reason to avoid "auto": garbage output on some real int8 models.
        "ARGOS_COMPUTE_TYPE": "default",
    }


def configure_argos_environment(models_dir: Path) -> dict[str, str]:
    """Point argostranslate at ``models_dir``; call before importing it."""
    env = argos_environment(models_dir)
    os.environ.update(env)
    for key in ("ARGOS_PACKAGES_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        Path(env[key]).mkdir(parents=True, exist_ok=True)
    return env
