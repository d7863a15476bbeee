"""Scratch PostgreSQL databases for tests that run the site in other processes.

A test server or a process to kill must not share the database named in DATABASE_URL: that
one outlives the run (CI's server keeps it between runs), so rows made by an earlier run would
collide with this one's. Each scratch database is dropped before use and after it.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


def postgres_server_url() -> str:
    """The maintenance database of the server in DATABASE_URL, or of CHM_TEST_POSTGRES_URL."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return url.rsplit("/", 1)[0] + "/postgres"
    return os.environ.get("CHM_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def database_url_is_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


@contextmanager
def scratch_postgres_database(prefix: str) -> Iterator[str]:
    """Yield the URL of a new, empty database; drop it afterwards (even with open sessions)."""
    import psycopg

    server = postgres_server_url()
    name = f"{prefix}_{os.getpid()}"
    try:
        admin = psycopg.connect(server, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        pytest.fail(
            f"These tests need a PostgreSQL server ({server}); set CHM_TEST_POSTGRES_URL or "
            f"DATABASE_URL to one. Connection failed: {error}"
        )
    try:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
        yield server.rsplit("/", 1)[0] + f"/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
