#!/usr/bin/env python3
"""Harvest an OData entity set incrementally, as InforMEA does (standard library only).

Usage:
    python harvest_odata.py https://chm.example.org CountryReports --state state.json

Each run asks for what changed since the newest `updated` it has seen
(`$filter=updated ge <that>&$orderby=updated`), follows `@odata.nextLink` to the last
page, and upserts the entities by `id` into `--store` (a JSON file; a harvester would use
its own database). `ge` rather than `gt`: an entity changed within the same instant as the
last one seen is not missed, and upserting makes the repeat harmless. Every `--prune-every`
runs it also lists the ids (`$select=id`) and drops entities that are no longer published
(a report the Secretariat withdrew). 429 answers are waited out (Retry-After).
"""

import argparse
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path


def fetch(url: str, headers: dict[str, str], attempts: int = 5) -> dict:
    """GET an OData URL; the JSON body. Waits on 429; stops on any other error."""
    for _attempt in range(attempts):
        request = urllib.request.Request(url, headers=headers)  # noqa: S310 (an https URL)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
                return json.load(response)
        except urllib.error.HTTPError as error:
            if error.code == 429:
                time.sleep(int(error.headers.get("Retry-After", "5")))
                continue
            problem = json.loads(error.read() or b"{}").get("error", {})
            message = f"{error.code} {problem.get('code')}: {problem.get('message')}"
            raise SystemExit(message) from None
    raise SystemExit("the server kept answering 429; try later")


def pages(url: str, headers: dict[str, str]):
    """Every entity of a query, page after page, following @odata.nextLink."""
    while url:
        body = fetch(url, headers)
        yield from body["value"]
        url = body.get("@odata.nextLink")


def harvest(
    base: str,
    entity_set: str,
    store: dict[str, dict],
    state: dict,
    *,
    page_size: int | None = None,
    prune: bool = False,
) -> int:
    """Bring `store` ({id: entity}) up to date; `state` keeps the newest `updated` seen.
    Returns how many entities were received."""
    headers = {"Accept": "application/json", "OData-MaxVersion": "4.0"}
    if page_size:
        headers["Prefer"] = f"odata.maxpagesize={page_size}"
    options = {"$orderby": "updated"}
    if state.get("updated"):
        options["$filter"] = f"updated ge {state['updated']}"
    url = f"{base.rstrip('/')}/odata/{entity_set}?{urllib.parse.urlencode(options)}"
    received = 0
    for entity in pages(url, headers):
        store[entity["id"]] = entity
        state["updated"] = max(state.get("updated") or "", entity["updated"])
        received += 1
    if prune:
        url = f"{base.rstrip('/')}/odata/{entity_set}?$select=id"
        published = {entity["id"] for entity in pages(url, headers)}
        for gone in set(store) - published:
            del store[gone]
    return received


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", help="e.g. https://chm.example.org")
    parser.add_argument("entity_set", help="CountryReports, NationalPlans, Contacts, …")
    parser.add_argument("--state", type=Path, default=Path("harvest-state.json"))
    parser.add_argument("--store", type=Path, default=Path("harvest-store.json"))
    parser.add_argument("--prune-every", type=int, default=24, help="runs between id sweeps")
    args = parser.parse_args()
    state = json.loads(args.state.read_text()) if args.state.exists() else {}
    store = json.loads(args.store.read_text()) if args.store.exists() else {}
    state["runs"] = state.get("runs", 0) + 1
    prune = state["runs"] % max(args.prune_every, 1) == 0
    received = harvest(args.site, args.entity_set, store, state, prune=prune)
    args.store.write_text(json.dumps(store, ensure_ascii=False, indent=1))
    args.state.write_text(json.dumps(state))
    print(f"{received} received, {len(store)} held, newest update {state.get('updated')}")


if __name__ == "__main__":
    main()
