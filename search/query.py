"""Turn what a user typed into a backend-neutral parsed query.

Any string is accepted: NUL bytes and control characters are dropped, the text
is cut to :data:`MAX_CHARS`, and only letter/digit tokens survive, so FTS
operators, quotes of any balance, "NEAR(", "*" or SQL fragments can never reach
a backend's query language as syntax. Double-quoted parts become phrases.

A query is a list of :class:`Group` (one per query word, or one per synonym
phrase such as "UBND" ↔ "ủy ban nhân dân"), each a set of alternative folded
phrases; plus the exact (accented) tokens for boosting, folded word bigrams for
ranking, and the số ký hiệu lookup keys. Words typed without diacritics may get
their exact form back from the index's own statistics (``search.restore``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from documents.text import fold, has_diacritics, index_tokens, nfc, words

from . import definitions, synonyms
from .codes import query_code_keys

MAX_CHARS = 1000
MAX_TOKENS = 48
# The weight of a word's exact-accent form beside its folded form (1 in each
# column): the same on every backend (the SQLite columns ``title_x`` and
# ``body_x``, PostgreSQL's "exact" class, the engine's exact fields). Chosen
# by cross-validation on the development questions and look-ups
# (bench/relevance.py cross-validate; docs/benchmarks.md).
EXACT_WEIGHT = 0.0
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_QUOTED = re.compile(r'"([^"]*)"')

Phrase = tuple[str, ...]


@dataclass
class Group:
    """One query concept: any of ``alternatives`` (folded phrases) matches."""

    alternatives: tuple[Phrase, ...]
    # The accented form typed, which boosts entries holding it as written
    # (empty when EXACT_WEIGHT is 0: it would add nothing to any score).
    exact: tuple[str, ...] = ()
    synonym: str | None = None

    @property
    def primary(self) -> Phrase:
        return self.alternatives[0]


@dataclass
class ParsedQuery:
    """The parts every backend needs to build its own query."""

    text: str = ""
    groups: list[Group] = field(default_factory=list)
    phrases: list[Phrase] = field(default_factory=list)
    exact_tokens: list[str] = field(default_factory=list)
    bigrams: list[str] = field(default_factory=list)
    code_keys: list[str] = field(default_factory=list)
    folded_tokens: list[str] = field(default_factory=list)
    # The terms a definition question asks about (``definitions.asked_terms``).
    asked_terms: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.groups and not self.phrases

    @property
    def highlight_terms(self) -> set[str]:
        """Folded words and phrases to mark in snippets: each word typed, and a
        synonym's phrase whole ("chi thi" for a typed "CT"), not word by word:
        the "thi" of "thi đua" is no match for "34-CT/TW"."""
        terms = set(self.folded_tokens)  # the words typed, each
        for group in self.groups:
            terms.update(" ".join(phrase) for phrase in group.alternatives)
        return terms


def clean(text: str | None) -> str:
    """NFC text without control characters, at most MAX_CHARS long."""
    text = nfc(str(text or "")[: MAX_CHARS * 2])
    return _CONTROL.sub(" ", text)[:MAX_CHARS].strip()


def bigram(a: str, b: str) -> str:
    """The token under which the word pair (a, b) is indexed."""
    return f"{a}_{b}"


def bigrams(folded: list[str]) -> list[str]:
    """Adjacent folded word pairs, in order."""
    return [a + "_" + b for a, b in zip(folded, folded[1:], strict=False)]


def _groups(exact: list[str], folded: list[str]) -> list[Group]:
    groups: list[Group] = []
    i = 0
    while i < len(folded):
        found = synonyms.match_at(folded, i)
        length, alternatives = found or (1, ((folded[i],),))
        span = slice(i, i + length)
        accented = tuple(t for t in exact[span] if has_diacritics(t))
        if not EXACT_WEIGHT:
            accented = ()
        token = synonyms.group_token(alternatives) if found else None
        groups.append(Group(alternatives, accented if length == 1 else (), token))
        i += length
    return groups


def parse(
    text: str | None,
    restore: Callable[[list[str], list[str]], list[str]] | None = None,
) -> ParsedQuery:
    """Parse raw user input; never raises.

    ``restore(exact, folded)`` (``search.restore.restorer``) may give the words
    typed without diacritics their likely accented forms: they then count as
    exact-accent tokens, as if typed so. The folded words are unchanged.
    """
    cleaned = clean(text)
    phrases: list[Phrase] = []
    for quoted in _QUOTED.findall(cleaned):
        tokens = tuple(index_tokens(quoted)[1][:MAX_TOKENS])
        if len(tokens) > 1:
            phrases.append(tokens)
    exact, folded = index_tokens(cleaned.replace('"', " "))
    exact, folded = exact[:MAX_TOKENS], folded[:MAX_TOKENS]
    if restore is not None:
        exact = restore(exact, folded)
    return ParsedQuery(
        text=cleaned,
        groups=_groups(exact, folded),
        phrases=phrases,
        exact_tokens=list(dict.fromkeys(t for t in exact if has_diacritics(t))),
        bigrams=list(dict.fromkeys(bigrams(folded))),
        code_keys=query_code_keys(cleaned) if cleaned else [],
        folded_tokens=folded,
        asked_terms=definitions.asked_terms(cleaned),
    )


def strip_diacritics(text: str) -> str:
    """Text as typed without diacritics (case kept where folding allows)."""
    return "".join(
        ch
        if fold(ch) == ch.casefold()
        else (fold(ch).upper() if ch.isupper() else fold(ch))
        for ch in text
    )


# A word held by more than this share of the entries (and more than COMMON_MIN
# of them) says little: in a question's any-word form only its word pairs count.
# Half of the entries, where BM25's own IDF reaches 0, was measured too: it
# moved two known-item look-ups down one place each, so a quarter stays.
COMMON_RATIO = 0.25
COMMON_MIN = 50


def common_limit(total: int) -> float:
    """Entries above which a word is common in an index of ``total`` entries."""
    return max(total * COMMON_RATIO, COMMON_MIN)


# A query of at most this many words is first matched with all of them (a
# look-up: "quyết định khen thưởng"), then, when that finds nothing, by its
# rarest parts. A short question ("Ca trực là gì?", "Hồ sơ gồm gì?", "Định
# nghĩa hồ sơ") is matched by its rarest parts at once: the article that
# answers it seldom holds "gì" or "bao nhiêu", while a few other entries may.
AND_MAX_GROUPS = 4
# Words only a question holds, which a look-up by name never does: "gì" and
# "bao nhiêu", typed so or without any mark ("gi"), not "gỉ" ("thép không gỉ").
QUESTION_WORDS = (("gì",), ("bao", "nhiêu"))


def is_question(parsed: ParsedQuery) -> bool:
    """Whether the query asks a question (``QUESTION_WORDS``) or what a term
    means (``definitions.asked_terms``)."""
    exact, folded = index_tokens(parsed.text)
    for words_ in QUESTION_WORDS:
        n, plain = len(words_), tuple(fold(w) for w in words_)
        for i in range(len(exact) - n + 1):
            typed = tuple(exact[i : i + n])
            unmarked = not any(has_diacritics(w) for w in typed)
            if typed == words_ or (unmarked and tuple(folded[i : i + n]) == plain):
                return True
    return bool(parsed.asked_terms)


def all_words_first(parsed: ParsedQuery) -> bool:
    """Whether a backend tries the all-words form before the any-word one."""
    return len(parsed.groups) <= AND_MAX_GROUPS and not is_question(parsed)


# Words of a document's name that a query naming that document may hold besides
# its số ký hiệu: "số" in "Chỉ thị số 34", and the short type prefixes.
ALWAYS_SEARCHED = frozenset({"so"})
TYPE_PREFIXES = frozenset({"nd", "qd", "ct", "nq", "tt", "kh", "hd", "tb", "bc"})


def code_remainder(parsed: ParsedQuery, named: list[dict]) -> bool:
    """True when the query says more than the code of the ``named`` documents.

    ``named`` holds the ``code`` and ``doc_type`` of the entries whose số ký
    hiệu the query names. "Chỉ thị 34" or "nd 98/2023" name only the document
    (it goes first); "nghi dinh 98 giay khen" also names a subject (its best
    article goes first).
    """
    known = set(ALWAYS_SEARCHED)
    for row in named:
        known |= {fold(w) for w in words(f"{row['code']} {row['doc_type']}")}
    for group in parsed.groups:
        if group.primary[0] in TYPE_PREFIXES:
            known.update(group.primary)
    return any(token not in known for token in parsed.folded_tokens)


def citing_keys(parsed: ParsedQuery, named: list[dict]) -> list[str]:
    """The code keys whose citing documents come right after the ``named``
    entries: none unless the query names a số ký hiệu and nothing else
    (``code_remainder``); the keys of the named documents' own codes when
    they are on the portal ("Chỉ thị 34" names 34-CT/TW, not every Chỉ thị
    34 some text cites), else the query's."""
    keys = parsed.code_keys
    rows = named or [{"code": key.replace("|", " "), "doc_type": ""} for key in keys]
    if not keys or code_remainder(parsed, rows):
        return []
    codes = sorted({row["code"] for row in named if row.get("code")})
    return [key for code in codes for key in query_code_keys(code)] or keys
