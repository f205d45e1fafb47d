"""Diacritics for a query typed without them, from the portal's own text.

Staff often type "quyet dinh cong bo thu tuc" for "quyết định công bố thủ
tục". The folded words find the same entries either way; what an unaccented
query lacks is the exact-accent part of the score. This module guesses the
accented form of each unaccented query word from the indexed text itself:

- **statistics**: how often each accented form of a folded word ("dan" →
  "dân", "dán", "đàn", …) and of a folded word pair ("dan_su" → "dân_sự",
  …) occurs in the titles and bodies of the indexed entries, kept in the table
  :data:`TABLE` (``gram``, ``form``, ``n``) of each database that serves
  searches. Publishing a page counts its text (and stops counting the text
  of the revision counted before), unpublishing takes it away
  (``search.indexing``), ``rebuild_search_index`` counts everything again;
- **restoration**: a Viterbi search over the query's words for the most likely
  accented sequence under a word-pair model of the indexed text, each word
  choosing among its most frequent forms (:data:`MAX_FORMS`): P(form | the
  previous word's form) is the pair's count over the previous form's count,
  smoothed towards the form's own frequency (Dirichlet prior of strength
  :data:`SMOOTHING`). A word with several forms
  is restored only when the index holds one of its word pairs: "bao nhieu"
  in a question about the laws is left as typed rather than made "bảo nhiều".

Words typed with diacritics stay as typed and steer their neighbours; words
never seen in the index (numbers, codes, names) stay as typed. Restoration
only ever adds exact-accent tokens to a parsed query: the folded words, and so
the set of matching entries, are unchanged.

Off unless ``SEARCH_RESTORE_ACCENTS`` is set (or a backend's
``RESTORE_ACCENTS`` option): on the development questions and look-ups the
restored exact-accent signal lowered the held-out figures (docs/benchmarks.md);
when off, nothing is counted at publishing either.
"""

from __future__ import annotations

import logging
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator

from django.db import DatabaseError, connections, transaction

from documents.text import index_tokens

logger = logging.getLogger(__name__)

TABLE = "portal_search_accent"
MAX_FORMS = 6
SMOOTHING = 1.0
MAX_WORD = 12  # letters; a Vietnamese syllable has at most 7
FLUSH_EVERY = 200  # entries counted between two writes while rebuilding
# Which revision of each page is counted (0: a page without revisions).
PAGES = "portal_search_accent_page"
SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} ("
    "gram VARCHAR(30) NOT NULL, form VARCHAR(30) NOT NULL, n BIGINT NOT NULL, "
    "PRIMARY KEY (gram, form))",
    f"CREATE TABLE IF NOT EXISTS {PAGES} ("
    "page_id BIGINT NOT NULL PRIMARY KEY, revision_id BIGINT NOT NULL)",
)
DROP = (f"DROP TABLE IF EXISTS {TABLE}", f"DROP TABLE IF EXISTS {PAGES}")

# The row counting every word (the denominator of a form's frequency).
TOTAL = "#"
Key = tuple[str, str]  # (folded gram, accented form); pairs joined by "_"


# -- statistics ------------------------------------------------------------------
def _restorable(exact: str, folded: str) -> bool:
    return folded.isalpha() and folded.isascii() and len(folded) <= MAX_WORD


def text_counts(text: str, into: Counter | None = None) -> Counter:
    """Counts of (folded, accented) words and word pairs of ``text``."""
    counts = Counter() if into is None else into
    exact, folded = index_tokens(text or "")
    previous = None
    for x, f in zip(exact, folded, strict=True):
        if not _restorable(x, f):
            previous = None
            continue
        counts[(f, x)] += 1
        counts[(TOTAL, TOTAL)] += 1
        if previous is not None:
            counts[(previous[1] + "_" + f, previous[0] + "_" + x)] += 1
        previous = (x, f)
    return counts


def entry_counts(entries: Iterable) -> Counter:
    """Counts over the title and body of each index entry."""
    counts: Counter = Counter()
    for entry in entries:
        text_counts(entry.title, counts)
        text_counts(entry.body, counts)
    return counts


def create_tables(connection) -> None:
    """Create the statistics tables (idempotent; SQLite and PostgreSQL)."""
    with connection.cursor() as cursor:
        for statement in SCHEMA:
            cursor.execute(statement)


def drop_tables(connection) -> None:
    with connection.cursor() as cursor:
        for statement in DROP:
            cursor.execute(statement)


def _write(counts: Counter, using: str) -> None:
    rows = [(g, f, n) for (g, f), n in counts.items() if n]
    if not rows:
        return
    with connections[using].cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {TABLE} (gram, form, n) VALUES (%s, %s, %s) "
            f"ON CONFLICT (gram, form) DO UPDATE SET n = {TABLE}.n + EXCLUDED.n",
            rows,
        )
        if any(n < 0 for _, _, n in rows):
            cursor.execute(f"DELETE FROM {TABLE} WHERE n <= 0")


def counted_revisions(page_ids: Iterable[int], using: str = "default") -> dict:
    """page id → the revision id whose text is counted (0: no revision)."""
    page_ids = list(page_ids)
    if not page_ids:
        return {}
    marks = ", ".join(["%s"] * len(page_ids))
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT page_id, revision_id FROM {PAGES} WHERE page_id IN ({marks})",
            page_ids,
        )
        return dict(cursor.fetchall())


def update(
    added: Counter,
    removed: Counter,
    revisions: dict[int, int | None],
    using: str = "default",
) -> None:
    """Count ``added``, stop counting ``removed`` and record which revision of
    each page is now counted (None: none), in one transaction."""
    counts = Counter(added)
    counts.subtract(removed)
    with transaction.atomic(using=using):
        _write(counts, using)
        with connections[using].cursor() as cursor:
            for page_id, revision_id in revisions.items():
                cursor.execute(f"DELETE FROM {PAGES} WHERE page_id = %s", [page_id])
                if revision_id is not None:
                    cursor.execute(
                        f"INSERT INTO {PAGES} (page_id, revision_id) VALUES (%s, %s)",
                        [page_id, revision_id],
                    )


def clear(using: str = "default") -> None:
    with connections[using].cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
        cursor.execute(f"DELETE FROM {PAGES}")


def mark_pages(revisions: dict[int, int], using: str = "default") -> None:
    """Record the counted revision of pages counted by ``counting``."""
    update(Counter(), Counter(), revisions, using)


def counting(entries: Iterable, using: str = "default") -> Iterator:
    """``entries`` passed through while the table is refilled from them.

    The table is emptied when the first entry is read and written every
    :data:`FLUSH_EVERY` entries, so a rebuild reads the pages only once.
    """
    counts: Counter = Counter()
    seen = 0
    cleared = False
    for entry in entries:
        if not cleared:
            clear(using)
            cleared = True
        yield entry
        text_counts(entry.title, counts)
        text_counts(entry.body, counts)
        seen += 1
        if seen % FLUSH_EVERY == 0:
            _write(counts, using)
            counts.clear()
    if not cleared:
        clear(using)
    _write(counts, using)


def rebuild(entries: Iterable, using: str = "default") -> None:
    """Replace the statistics with the counts of ``entries``."""
    for _ in counting(entries, using):
        pass


def lookup(grams: Iterable[str], using: str = "default") -> dict[str, Counter]:
    """gram → Counter of its accented forms, for the grams that were seen."""
    grams = sorted(set(grams))
    found: dict[str, Counter] = defaultdict(Counter)
    if not grams:
        return found
    marks = ", ".join(["%s"] * len(grams))
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT gram, form, n FROM {TABLE} WHERE gram IN ({marks})", grams
        )
        for gram, form, n in cursor.fetchall():
            if n > 0:
                found[gram][form] = n
    return found


# -- restoration -----------------------------------------------------------------
def needs_restoring(exact: list[str], folded: list[str]) -> bool:
    """True when some word could take diacritics and was typed without."""
    return any(x == f and _restorable(x, f) for x, f in zip(exact, folded, strict=True))


def best_sequence(
    exact: list[str],
    folded: list[str],
    stats: dict[str, Counter],
    smoothing: float = SMOOTHING,
) -> list[str]:
    """The most likely accented form of each word (Viterbi over word pairs).

    ``exact`` and ``folded`` are aligned token lists (``index_tokens``);
    ``stats`` maps folded words and "a_b" pairs to Counters of their forms.
    """
    words = max(sum(stats.get(TOTAL, {}).values()), 1)
    # Each word's options: (form, its count, P(form) among all words); the
    # probability is None for a word kept as typed that the index lacks.
    options: list[list[tuple[str, int, float | None]]] = []
    for x, f in zip(exact, folded, strict=True):
        forms = stats.get(f) or Counter()
        if x == f and forms and _restorable(x, f):
            top = forms.most_common(MAX_FORMS)
            options.append([(y, n, n / words) for y, n in top])
        else:  # typed with marks, or unknown: as typed
            options.append([(x, forms[x], forms[x] / words if forms[x] else None)])
    if not options:
        return []
    # scores[j]: best log-probability of a path ending in option j at word i.
    scores = [math.log(p) if p else 0.0 for _, _, p in options[0]]
    back: list[list[int]] = []
    for i in range(1, len(options)):
        pairs = stats.get(folded[i - 1] + "_" + folded[i], Counter())
        new_scores, pointers = [], []
        for form, _, p_form in options[i]:
            best, best_j = -math.inf, 0
            for j, (previous, n_previous, _) in enumerate(options[i - 1]):
                step = scores[j]
                if p_form:
                    # P(form | previous form): the pair's count, smoothed
                    # towards the form's own frequency (Dirichlet prior).
                    seen = pairs.get(previous + "_" + form, 0)
                    p = (seen + smoothing * p_form) / (n_previous + smoothing)
                    step += math.log(p)
                if step > best:
                    best, best_j = step, j
            new_scores.append(best)
            pointers.append(best_j)
        scores = new_scores
        back.append(pointers)
    j = max(range(len(scores)), key=scores.__getitem__)
    chosen = [j]
    for pointers in reversed(back):
        j = pointers[j]
        chosen.append(j)
    chosen.reverse()
    return [
        options[i][j][0] if _supported(i, options, folded, stats) else exact[i]
        for i, j in enumerate(chosen)
    ]


def _supported(i: int, options: list, folded: list[str], stats: dict) -> bool:
    """A word with one known form takes it; a word with several only when the
    index holds one of its word pairs (the query's context was seen)."""
    if len(options[i]) < 2:
        return True
    return (i > 0 and folded[i - 1] + "_" + folded[i] in stats) or (
        i + 1 < len(folded) and folded[i] + "_" + folded[i + 1] in stats
    )


def restore_tokens(
    exact: list[str], folded: list[str], using: str = "default"
) -> list[str]:
    """``exact`` with each unaccented word given its most likely accented form
    in the index of database ``using``; as typed when nothing is known or the
    statistics cannot be read."""
    if not needs_restoring(exact, folded):
        return exact
    grams = [TOTAL] + [
        f for x, f in zip(exact, folded, strict=True) if _restorable(x, f)
    ]
    grams += [a + "_" + b for a, b in zip(folded, folded[1:], strict=False)]
    try:
        with transaction.atomic(using=using):
            stats = lookup(grams, using)
    except DatabaseError:
        logger.warning("accent statistics unavailable in %r", using, exc_info=True)
        return exact
    return best_sequence(exact, folded, stats)


def enabled() -> bool:
    """Whether the portal restores diacritics (``SEARCH_RESTORE_ACCENTS``);
    a backend's ``RESTORE_ACCENTS`` option overrides it for its searches."""
    from django.conf import settings

    return bool(getattr(settings, "SEARCH_RESTORE_ACCENTS", False))


def restorer(using: str = "default") -> Callable[[list[str], list[str]], list[str]]:
    """``restore_tokens`` bound to one database, for ``query.parse``."""
    return lambda exact, folded: restore_tokens(exact, folded, using)


def restore_text(text: str, using: str = "default") -> str:
    """The words of ``text`` (lower case) with their diacritics restored."""
    exact, folded = index_tokens(text)
    return " ".join(restore_tokens(exact, folded, using))
