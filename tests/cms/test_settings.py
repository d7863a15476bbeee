"""Settings come from the environment; each case runs in a fresh interpreter."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Real processes (workers, interpreters) or hundreds of generated requests: not in test-fast.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PRINT_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'db': s.DATABASES['default']['ENGINE'], "
    "'db_name': str(s.DATABASES['default']['NAME']), "
    "'cache': s.CACHES['default']['BACKEND'], 'q_redis': s.Q_CLUSTER.get('redis'), "
    "'q_orm': s.Q_CLUSTER.get('orm'), 'media': str(s.MEDIA_ROOT), "
    "'secure_cookie': getattr(s, 'SESSION_COOKIE_SECURE', False), "
    "'hsts': getattr(s, 'SECURE_HSTS_SECONDS', 0)}))"
)


def run_python(code: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    clean.update(
        DJANGO_SETTINGS_MODULE="cms.settings",
        CHM_DATA_DIR=str(tmp_path),
        CHM_ENV_FILE=str(tmp_path / "no.env"),
    )
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_secret_key_and_debug_off_the_site_refuses_to_start(tmp_path):
    result = run_python("import django; django.setup()", tmp_path, DEBUG="0", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_defaults_are_sqlite_orm_broker_and_local_memory_cache(tmp_path):
    result = run_python(PRINT_SETTINGS, tmp_path, DEBUG="1")
    values = json.loads(result.stdout)
    assert values["db"] == "django.db.backends.sqlite3"
    assert values["db_name"] == str(tmp_path / "chm.sqlite3")
    assert values["media"] == str(tmp_path / "media")
    assert values["cache"].endswith("LocMemCache")
    assert values["q_orm"] == "default" and values["q_redis"] is None


def test_database_and_redis_urls_switch_to_postgresql_and_redis(tmp_path):
    result = run_python(
        PRINT_SETTINGS,
        tmp_path,
        DEBUG="1",
        DATABASE_URL="postgres://chm@db.example.org:5432/chm",
        REDIS_URL="redis://127.0.0.1:6379/3",
    )
    values = json.loads(result.stdout)
    assert values["db"] == "django.db.backends.postgresql"
    assert values["db_name"] == "chm"
    assert values["cache"].endswith("RedisCache")
    assert values["q_redis"] == "redis://127.0.0.1:6379/3"


def test_production_turns_on_secure_cookies_and_hsts(tmp_path):
    result = run_python(PRINT_SETTINGS, tmp_path, DEBUG="0", SECRET_KEY="k" * 60 + "abcdef")
    values = json.loads(result.stdout)
    assert values["secure_cookie"] is True
    assert values["hsts"] >= 31536000


def test_env_file_is_read_but_real_environment_wins(tmp_path):
    env_file = tmp_path / "settings.env"
    env_file.write_text("DEBUG=1\nREDIS_URL=redis://127.0.0.1:6379/5\n", encoding="utf-8")
    result = run_python(PRINT_SETTINGS, tmp_path, CHM_ENV_FILE=str(env_file))
    assert json.loads(result.stdout)["q_redis"] == "redis://127.0.0.1:6379/5"
    result = run_python(
        PRINT_SETTINGS, tmp_path, CHM_ENV_FILE=str(env_file), REDIS_URL="redis://127.0.0.1:6379/9"
    )
    assert json.loads(result.stdout)["q_redis"] == "redis://127.0.0.1:6379/9"
