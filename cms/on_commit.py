"""Work collected during a transaction and done when it commits, each item once.

Search indexing (cms/search/indexing.py) and the task queue (cms/queue.py) both gather what
a transaction asks for and act on it after the commit, once per distinct item however many
saves asked. Each savepoint level gets its own on-commit callback, so a savepoint that rolls
back drops its own items, as Django drops its callbacks; the callbacks of one transaction
share the set of items already handled, so an item asked for inside a nested `atomic()`
(Wagtail saves in one) and again outside it is handled once.
"""

from __future__ import annotations

from collections.abc import Hashable

from django.db import transaction


class OnCommitBatch:
    """Subclasses say how to `handle` a list of items; `collect` adds one for the commit."""

    def __init__(self, handled: set | None = None) -> None:
        self.items: dict[Hashable, object] = {}
        self.handled = set() if handled is None else handled  # shared by the transaction

    def handle(self, items: list) -> None:
        raise NotImplementedError

    def __call__(self) -> None:
        fresh = [item for key, item in self.items.items() if key not in self.handled]
        self.handled.update(self.items)
        if fresh:
            self.handle(fresh)

    @classmethod
    def collect(cls, key: Hashable, item: object) -> None:
        """Handle `item` once the current transaction commits (at once outside one);
        items with the same key are handled once."""
        connection = transaction.get_connection()
        handled = None
        if connection.in_atomic_block:
            level = set(connection.savepoint_ids)
            for savepoints, callback, _robust in connection.run_on_commit:
                if type(callback) is cls:
                    if savepoints == level:
                        callback.items.setdefault(key, item)
                        return
                    handled = callback.handled
        batch = cls(handled)
        batch.items[key] = item
        transaction.on_commit(batch)
