"""A demo site in a scratch folder, set up inside the benchmark's own process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def scratch_site(data_dir: Path, *, database_url: str | None = None, **environment: str) -> None:
    """Django set up on `data_dir` (SQLite there, or `database_url` dropped and created),
    migrated, with the demo site in six languages loaded."""
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings",
            "CHM_DATA_DIR": str(data_dir),
            "CHM_ENV_FILE": str(data_dir / "none.env"),
            "DEBUG": "0",
            "SECRET_KEY": "bench-only-" + "x" * 50,
            "ALLOWED_HOSTS": "127.0.0.1",
            "LOG_LEVEL": "ERROR",
            **environment,
        }
    )
    os.environ.pop("DATABASE_URL", None)
    if database_url:
        name = database_url.rsplit("/", 1)[1]
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name])
        os.environ["DATABASE_URL"] = database_url
        subprocess.run([sys.executable, "-m", "cms.dbcreate"], cwd=ROOT, check=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_demo", verbosity=0)  # the six locales and their home pages
