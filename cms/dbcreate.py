"""Create the PostgreSQL database named in DATABASE_URL when it does not exist yet.

Run as `python -m cms.dbcreate` before migrating; does nothing for SQLite.
"""

import os
import sys

import dj_database_url


def database_ensure(url: str) -> bool:
    config = dj_database_url.parse(url)
    if config["ENGINE"] != "django.db.backends.postgresql":
        return False
    import psycopg
    from psycopg import sql

    maintenance = {
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**{k: v for k, v in maintenance.items() if v is not None}) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
        ).fetchone()
        if exists:
            return False
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
        return True


if __name__ == "__main__":
    url = os.environ.get("DATABASE_URL", "")
    if url and database_ensure(url):
        print(f"Created database {dj_database_url.parse(url)['NAME']}", file=sys.stderr)
