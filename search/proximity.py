"""Where in an entry's own text the query's words stand together.

BM25 scores each word and each word pair of a query on its own; a Điều that
holds three words of a question side by side, in the question's order ("người
lao động nước ngoài", "thời hạn sử dụng đất") answers it more closely than one
where they are scattered. :func:`triples` gives each candidate the share of
the query's word triples (three consecutive query words) that its text holds
side by side, in the same order, counting only the triples that hold at least
one informative word.

"Informative" is decided among the candidates themselves, so any backend can
compute it from the texts it reads: a word is informative unless at least half
of the candidates hold it (BM25's idf over the candidates, ``log((n - df +
0.5) / (df + 0.5))``, is then 0 or below). A question's frame ("có được
không", "là gì") and the words every candidate shares ("người lao động" among
the Điều of a labour code) do not count; the words that tell the candidates
apart do.

Everything is computed on folded words (``search.ranking.tokens``), so a query
typed with or without diacritics gets the same value. Each value is in [0, 1].
"""

from __future__ import annotations

import math
from collections.abc import Sequence

# Candidates (best first after the metadata signals) whose text is read.
DEPTH = 20


def informative(query: Sequence[str], texts: Sequence[Sequence[str]]) -> set[str]:
    """Query words that fewer than half of ``texts`` hold."""
    n = len(texts)
    if not n:
        return set()
    wanted = set(query)
    held = [wanted.intersection(words) for words in texts]
    out = set()
    for word in wanted:
        df = sum(word in words for words in held)
        if math.log((n - df + 0.5) / (df + 0.5)) > 0:
            out.add(word)
    return out


def query_triples(query: Sequence[str], useful: set[str]) -> set[tuple[str, str, str]]:
    """The query's triples of consecutive words holding a ``useful`` word."""
    grams = {tuple(query[i : i + 3]) for i in range(len(query) - 2)}
    return {g for g in grams if any(w in useful for w in g)}


def triples(query: Sequence[str], texts: Sequence[Sequence[str]]) -> list[float]:
    """For each text (a list of folded words), the share of the query's
    informative word triples it holds side by side in the query's order."""
    wanted = query_triples(query, informative(query, texts))
    if not wanted:
        return [0.0] * len(texts)
    firsts = {g[0] for g in wanted}
    out = []
    for words in texts:
        held = {
            tuple(words[i : i + 3]) for i in range(len(words) - 2) if words[i] in firsts
        }
        out.append(len(wanted & held) / len(wanted))
    return out
