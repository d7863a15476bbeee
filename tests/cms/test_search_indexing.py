"""Search documents are rebuilt once per transaction, after it commits, and a rollback never
stops the indexing of later saves."""

import contextlib

import pytest
from django.db import transaction

from cms.search.indexing import PendingSearchGroups, search_group_update_on_commit

pytestmark = pytest.mark.django_db


def test_groups_saved_in_one_transaction_are_indexed_once_after_it(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks() as callbacks:
        for group in ["page:1", "page:2", "page:1"]:
            search_group_update_on_commit(group)
    assert len(callbacks) == 1 and callbacks[0].groups == {"page:1", "page:2"}


def test_a_rolled_back_save_does_not_stop_later_indexing(django_capture_on_commit_callbacks):
    """The set of pending groups used to be a thread-local that only the commit emptied: after
    one rolled-back transaction, every later save in that thread was never indexed."""
    with django_capture_on_commit_callbacks() as callbacks:
        with contextlib.suppress(RuntimeError), transaction.atomic():
            search_group_update_on_commit("page:1")
            raise RuntimeError("the editor's save failed")
        search_group_update_on_commit("page:2")
    pending = [callback for callback in callbacks if isinstance(callback, PendingSearchGroups)]
    assert [callback.groups for callback in pending] == [{"page:2"}]


def test_a_group_saved_in_a_nested_atomic_and_again_outside_it_is_indexed_once(
    django_capture_on_commit_callbacks, monkeypatch
):
    from cms.search import indexing

    indexed = []
    monkeypatch.setattr(indexing, "search_group_update", indexed.append)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        with transaction.atomic():
            search_group_update_on_commit("page:1")
        search_group_update_on_commit("page:1")
        search_group_update_on_commit("page:2")
    assert indexed == ["page:1", "page:2"]
