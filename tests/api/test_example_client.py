"""docs/examples/pull_notifications.py against the real API (urllib routed to Django's
test client, so no server is needed)."""

import importlib.util
import io
import urllib.error
from pathlib import Path

import pytest

from tests.api.builders import notification_issued

pytestmark = pytest.mark.django_db

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "examples" / "pull_notifications.py"


@pytest.fixture
def example(client, monkeypatch):
    spec = importlib.util.spec_from_file_location("pull_notifications", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    calls = []

    class Answer(io.BytesIO):
        def __init__(self, response):
            super().__init__(response.content)
            self.status = response.status_code
            self.headers = response.headers

    def urlopen(request, timeout=None):
        path = request.full_url.replace("http://testserver", "")
        headers = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in request.header_items()}
        response = client.get(path, **headers)
        calls.append((path, response.status_code))
        if response.status_code >= 300:
            raise urllib.error.HTTPError(
                request.full_url, response.status_code, "", response.headers, Answer(response)
            )
        return Answer(response)

    monkeypatch.setattr(module.urllib.request, "urlopen", urlopen)
    module.calls = calls
    return module


def test_pulls_everything_then_only_what_changed(example, demo_site, tmp_path):
    state, out = tmp_path / "state.json", tmp_path / "out.jsonl"
    first = [notification_issued() for _ in range(3)]
    assert example.pull("http://testserver", "fr", state, out, None) == 3
    # Nothing changed: nothing comes back, and asking again is answered 304 from the ETag.
    assert example.pull("http://testserver", "fr", state, out, None) == 0
    assert example.pull("http://testserver", "fr", state, out, None) == 0
    assert example.calls[-1][1] == 304
    newer = notification_issued()
    assert example.pull("http://testserver", "fr", state, out, None) == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and newer.number in lines[-1]
    assert all(n.number in out.read_text() for n in first)


def test_waits_and_retries_on_429(example, demo_site, tmp_path, api_limits, monkeypatch):
    notification_issued()
    api_limits.API_RATE_LIMIT_IP = 0
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        api_limits.API_RATE_LIMIT_IP = 100  # the window has passed

    monkeypatch.setattr(example.time, "sleep", sleep)
    assert example.pull("http://testserver", "en", tmp_path / "s.json", tmp_path / "o", None) == 1
    assert waits and waits[0] >= 1
