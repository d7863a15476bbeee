"""docs/API.md shows how each error looks: every example request there is sent to the API
and must get exactly the answer shown (status and JSON body)."""

import json
import re
from pathlib import Path

import pytest

from tests.api.conftest import bearer

pytestmark = pytest.mark.django_db

DOC = Path(__file__).resolve().parents[2] / "docs" / "API.md"
TOKEN_PLACEHOLDER = "Bearer <France's token>"


def examples() -> list[tuple[str, str, dict, str | None, int, dict]]:
    """(method, path, headers, body, status, answer) for each ```http block of the section."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("<!-- error examples -->")[1].split("<!-- /error examples -->")[0]
    found = []
    for block in re.findall(r"```http\n(.*?)```", section, flags=re.DOTALL):
        request, response = block.strip().split("\n\n")
        lines = request.splitlines()
        method, path = lines[0].split(" ", 1)
        headers, body = {}, None
        for line in lines[1:]:
            if line[:1] in "[{":
                body = line
            else:
                name, _sep, value = line.partition(": ")
                headers[name] = value
        status_line, answer = response.split("\n", 1)
        found.append((method, path, headers, body, int(status_line.split()[1]), json.loads(answer)))
    return found


EXAMPLES = examples()


def test_the_section_shows_every_error_status():
    assert {example[4] for example in EXAMPLES} >= {400, 401, 403, 404, 405, 422}


@pytest.mark.parametrize(
    ("method", "path", "headers", "body", "status", "answer"),
    EXAMPLES,
    ids=[f"{e[0]} {e[1]} {e[4]}" for e in EXAMPLES],
)
def test_each_error_example_is_what_the_api_answers(
    client, demo_site, token_fr, method, path, headers, body, status, answer
):
    _token, key = token_fr
    extra = {}
    for name, value in headers.items():
        if value == TOKEN_PLACEHOLDER:
            extra.update(bearer(key))
        else:
            extra[f"HTTP_{name.upper().replace('-', '_')}"] = value
    if body is not None:
        response = client.generic(
            method, path, body.encode(), content_type="application/json", **extra
        )
    else:
        response = client.generic(method, path, **extra)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == answer
    if status == 405:
        assert "GET" in response["Allow"]
