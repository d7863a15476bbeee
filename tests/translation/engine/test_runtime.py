"""How the runtime cuts a call into CTranslate2 batches."""

import pytest

from translation.engine.runtime import balanced_batch_tokens


@pytest.mark.parametrize(
    ("total", "maximum", "workers", "expected"),
    [
        (100, 1024, 2, 50),  # a small re-translation still uses both cores
        (3000, 1024, 2, 750),  # four equal batches, not 1024 + 1024 + 952 on two threads
        (10_000, 1024, 2, 1000),  # ten batches of 1,000 (at most 1,024)
        (100, 1024, 1, 1024),  # one thread: the configured size
        (0, 1024, 2, 1024),
        (1, 1024, 4, 1),
    ],
)
def test_batches_are_equal_shares_for_every_thread(total, maximum, workers, expected):
    size = balanced_batch_tokens(total, maximum, workers)
    assert size == expected
    assert size <= maximum
    if total and workers > 1:
        batches = -(-total // size)
        assert batches % workers == 0 or batches == total  # every thread gets its share
