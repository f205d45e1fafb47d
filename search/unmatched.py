"""The words of a query that no indexed entry holds ("Nghệ An" on a portal
without a Nghệ An document), for the notice of the search page and the API.

Read off the index's own document frequencies (``SearchBackend.
token_frequencies``, the statistics the backends keep for BM25 and common
words), with folding, so "nghe an" and "Nghệ An" are the same words. A word
is reported when no entry holds it; two or more neighbouring words when each
is held somewhere but never next to another query word (no indexed word pair
holds it) and the run itself was never indexed as a pair: a name made of
common syllables. Numbers and common words (``query.common_limit``) are not
reported and end a run. Ranking is not touched: the notice only describes.
"""

from __future__ import annotations

from documents.text import fold, words

from .query import bigram, common_limit

MAX_WORDS = 32  # of a query looked up (one lookup for words and pairs)


def unmatched_words(text: str, backend) -> list[str]:
    """The words (as written, runs joined by a space) of ``text`` that found
    nothing in ``backend``'s index; [] when it keeps no statistics."""
    written = words(text)[:MAX_WORDS]
    folded = [fold(word).lower() for word in written]
    if not folded:
        return []
    pairs = [bigram(a, b) for a, b in zip(folded, folded[1:], strict=False)]
    df, total = backend.token_frequencies(list(dict.fromkeys(folded + pairs)))
    if not total:
        return []
    limit = common_limit(total)

    def plain(i: int) -> bool:  # a word that may be reported
        return not folded[i].isdigit() and df.get(folded[i], 0) <= limit

    def paired(i: int) -> bool:  # found next to a neighbour of the query
        return any(df.get(pairs[j], 1) > 0 for j in (i - 1, i) if 0 <= j < len(pairs))

    found: list[str] = []
    run: list[int] = []
    for i in range(len(folded) + 1):
        if i < len(folded) and plain(i) and not (df.get(folded[i]) and paired(i)):
            run.append(i)  # held nowhere, or never next to its neighbours
            continue
        if len(run) > 1 or any(not df.get(folded[j]) for j in run):
            found.append(" ".join(written[j] for j in run))
        run = []
    return list(dict.fromkeys(found))
