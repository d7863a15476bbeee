#!/usr/bin/env python3
"""Pull CBD notifications into a national CHM site, incrementally (standard library only).

Usage:
    python pull_notifications.py https://chm.example.org --lang fr --state state.json

Each run asks only for what changed since the previous run (`updated_since`), revalidates
with the ETag it saw last (304: nothing to download), follows the pages, waits when the
server answers 429 (Retry-After), and stores the notifications as JSON lines in `--out`.
A national site would write them into its own database instead.
"""

import argparse
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path


def fetch(url: str, headers: dict[str, str], attempts: int = 5):
    """GET a URL; returns (status, headers, JSON body or None). Waits on 429."""
    for _attempt in range(attempts):
        request = urllib.request.Request(url, headers=headers)  # noqa: S310 (an https URL)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return response.status, response.headers, json.load(response)
        except urllib.error.HTTPError as error:
            if error.code == 304:
                return 304, error.headers, None
            if error.code == 429:
                time.sleep(int(error.headers.get("Retry-After", "5")))
                continue
            body = json.loads(error.read() or b"{}")
            problem = body.get("error", {})
            message = f"{error.code} {problem.get('code')}: {problem.get('message')}"
            raise SystemExit(message) from None
    raise SystemExit("the server kept answering 429; try later")


def pull(base: str, language: str, state_path: Path, out_path: Path, token: str | None) -> int:
    state = json.loads(state_path.read_text()) if state_path.exists() else {}
    query = {"lang": language, "page_size": "100"}
    if state.get("updated_since"):
        query["updated_since"] = state["updated_since"]
    url = f"{base.rstrip('/')}/api/v1/notifications?{urllib.parse.urlencode(query)}"
    headers = {"Accept": "application/json", "Accept-Language": language}
    if token:
        headers["Authorization"] = f"Bearer {token}"  # a higher rate limit; reads need none
    if state.get("etag") and state.get("first_url") == url:
        headers["If-None-Match"] = state["etag"]

    status, response_headers, page = fetch(url, headers)
    if status == 304:
        print("nothing new")
        return 0
    first_url, etag = url, response_headers.get("ETag")
    headers.pop("If-None-Match", None)
    newest = state.get("updated_since")
    count = 0
    with out_path.open("a", encoding="utf-8") as out:
        while True:
            for notification in page["results"]:
                out.write(json.dumps(notification, ensure_ascii=False) + "\n")
                count += 1
                if notification["updated"] and (newest is None or notification["updated"] > newest):
                    newest = notification["updated"]
                shown = notification["language"]
                note = "" if shown == language else f" (only in {shown})"
                print(
                    f"{notification['number']} {notification['status']}: {notification['title']}{note}"
                )
            if not page["next"]:
                break
            _status, _headers, page = fetch(page["next"], headers)
    state.update(updated_since=newest, etag=etag, first_url=first_url)
    state_path.write_text(json.dumps(state, indent=1))
    print(f"{count} notification(s) stored in {out_path}")
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the CHM site, e.g. https://chm.example.org")
    parser.add_argument("--lang", default="en", help="ar, en, es, fr, ru or zh-hans")
    parser.add_argument("--state", type=Path, default=Path("notifications-state.json"))
    parser.add_argument("--out", type=Path, default=Path("notifications.jsonl"))
    parser.add_argument("--token", help="the Party's API token (optional for reads)")
    args = parser.parse_args()
    pull(args.base, args.lang, args.state, args.out, args.token)


if __name__ == "__main__":
    main()
