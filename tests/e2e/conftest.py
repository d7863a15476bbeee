"""Browser tests: a real site served by a real server, driven in headless Chromium.

The server runs in its own process against its own database, with the demo content loaded,
so browser tests see exactly what `make demo` shows: a SQLite file in a temporary data dir,
or, when the run is on PostgreSQL, a scratch database made for this run and dropped after it
(never the DATABASE_URL database itself, which outlives the run).
Chromium is Debian's (`/usr/bin/chromium`) when installed, otherwise Playwright's own;
when neither exists the tests fail with instructions, never skip.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def server_running(env: dict[str, str], port: int | None = None) -> Iterator[str]:
    """`manage.py runserver` with `env` on `port` (a free one when None); yields its base URL
    once /healthz answers. A test that needs the URL in `env` (SITE_URL) picks the port."""
    port = port or free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
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


# django-q2 logs this (at INFO) once the sentinel has started the workers, monitor and pusher.
WORKER_READY = re.compile(r"Q Cluster \S+ \[[^\]]*\] running\.")
WORKER_STOP_GRACE_SECONDS = 15
# The log of every worker started since the last test ended → whether it still runs: a test
# that fails gets the logs of the workers that ran during it (pytest_runtest_makereport).
worker_logs: dict[Path, bool] = {}


@contextmanager
def worker_running(env: dict[str, str], log: Path, ready_within: float = 60.0):
    """A django-q2 worker (`manage.py qcluster`) with `env`, the test server's, so it sees the
    same database and mail server; ready (its cluster running) when this yields the process.

    It runs in its own process group. It is stopped as production stops it, with SIGTERM to
    the main process (cms' qcluster then ends every process below it); the whole group is
    killed if it outlives WORKER_STOP_GRACE_SECONDS. Its output goes to `log`, whose tail is
    added to the report of a test that fails while it runs.
    """
    with open(log, "w") as out:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=ROOT,
            env={**env, "LOG_LEVEL": "INFO"},  # the line that says it is ready is INFO
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    worker_logs[log] = True
    try:
        worker_wait_ready(process, log, ready_within)
        yield process
    finally:
        worker_stop(process)
        worker_logs[log] = False


def worker_wait_ready(process: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not WORKER_READY.search(log.read_text(errors="replace")):
        if process.poll() is not None:
            raise RuntimeError(f"the worker ended with status {process.returncode}; see {log}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the worker was not running within {timeout:.0f} s; see {log}")
        time.sleep(0.2)


def worker_stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=WORKER_STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        pass
    # Whatever is left of the group (a worker a killed sentinel left behind, or all of it).
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=10)


def log_tail(log: Path, lines: int = 80) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed:
        for log in worker_logs:
            report.sections.append((f"worker log {log.name} (last lines)", log_tail(log)))
    if report.when == "teardown":
        for log, running in list(worker_logs.items()):
            if not running:
                del worker_logs[log]
    return report


@pytest.fixture(scope="session")
def live_site(site_env, site_manage):
    """Base URL of a running demo site (real server process, demo content loaded)."""
    site_manage("migrate", "--noinput")
    site_manage("load_demo")
    with server_running(site_env) as base_url:
        yield base_url


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
