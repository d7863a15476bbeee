"""Browser tests: a real site served by a real server, driven in headless Chromium.

The server runs in its own process against its own database, with the demo content loaded,
so browser tests see exactly what `make demo` shows: a SQLite file in a temporary data dir,
or, when the run is on PostgreSQL, a scratch database made for this run and dropped after it
(never the DATABASE_URL database itself, which outlives the run).
Chromium is Debian's (`/usr/bin/chromium`) when installed, otherwise Playwright's own;
when neither exists the tests fail with instructions, never skip.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.scratch_database import database_url_is_postgres, scratch_postgres_database

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_executable(playwright) -> str | None:
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return explicit
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    bundled = playwright.chromium.executable_path
    if bundled and Path(bundled).exists():
        return bundled
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (loopback only)
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the test server at {url} did not answer within {timeout:.0f} s")


@pytest.fixture(scope="session")
def site_env(tmp_path_factory) -> Iterator[dict[str, str]]:
    data_dir = tmp_path_factory.mktemp("site-data")
    env = {**os.environ, "DEBUG": "1", "CHM_DATA_DIR": str(data_dir), "CHM_TESTING": "1"}
    env.pop("PYTEST_CURRENT_TEST", None)
    if not database_url_is_postgres():
        env.pop("DATABASE_URL", None)
        yield env
        return
    with scratch_postgres_database("chm_e2e_site") as database_url:
        yield {**env, "DATABASE_URL": database_url}


def manage_in(env: dict[str, str], *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    """`manage.py <args>` with `env` (the scratch site's, or it with a test's mail server)."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def site_manage(site_env):
    def manage(*args: str, **kwargs) -> subprocess.CompletedProcess:
        return manage_in(site_env, *args, timeout=kwargs.get("timeout", 600))

    return manage


@pytest.fixture(scope="session")
def live_site(site_env, site_manage):
    """Base URL of a running demo site (real server process, demo content loaded)."""
    site_manage("migrate", "--noinput")
    site_manage("load_demo")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=site_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base_url}/healthz")
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        executable = chromium_executable(playwright)
        if executable is None:
            pytest.fail(
                "No Chromium for the browser tests. Install Debian's package "
                "(`sudo apt-get install chromium`), set CHROMIUM_PATH, or, with internet "
                "access, run `.venv/bin/playwright install chromium`.",
                pytrace=False,
            )
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def main_menu_open(page) -> None:
    """Open the main menu as a visitor would: the "Menu" button on narrow screens, then
    every group (the helpdesk links sit in a disclosure)."""
    toggle = page.locator(".site-header .menu-toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    for summary in page.locator("nav.main-menu details:not([open]) > summary").all():
        summary.click()
