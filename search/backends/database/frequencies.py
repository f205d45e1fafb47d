"""Document frequencies of query tokens, cached per process.

Both database backends look up how many entries hold each token (to drop
common words and to split a question into selecting and scoring parts) and
keep the counts for ``DF_TTL`` seconds; any write clears them.
"""

from __future__ import annotations

DF_TTL = 300.0
# (vendor or kind, token) -> (time, count, entries in the index)
_df_cache: dict[tuple[str, str], tuple[float, int, int]] = {}


def invalidate_frequencies() -> None:
    """Forget cached document frequencies (after any write)."""
    _df_cache.clear()
