"""A trích yếu from the subject words of a source address.

A scraped copy that starts below its header, or a translation, gives no trích
yếu, while the address of the page it was taken from spells it without
diacritics: "…/Nghi-dinh-295-2025-ND-CP-huong-dan-Luat-Vien-thong-ve-hoat-
dong-vien-thong-cong-ich-681241.aspx". ``address_subject`` writes those words
back with their diacritics, each from the strongest source that knows it:

1. the document's own text: the longest run of text words with the same folded
   form (word pairs and longer runs first), then a single word the text spells
   one way only;
2. ``accents``, a general source of accented forms the caller passes (the
   word and word-pair counts of other documents, ``Accents``); the words
   already known steer it;
3. a single word the text spells several ways: its most frequent form there;
4. else the word as the address writes it, without diacritics.

The parts of a cited code regain their Đ ("38-2024-ND-CP" → "38/2024/NĐ-CP",
Nghị định 30/2020/NĐ-CP, Phụ lục III). No word is added or reordered; only
tokens that are not words (punctuation left in an address) are skipped.

Pure: no database.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from documents.text import fold

from .slugs import cited_codes, letter_case, longest_runs, spelled, text_words

#: Folded words (lower case) and the forms already known for them (None where
#: unknown) → a form for each word, None where the source knows none.
Accents = Callable[[list[str], list[str | None]], list[str | None]]

_WORD = re.compile(r"[^\W_]+")
_LETTERS = re.compile(r"[^\W\d_]+")
#: A subject needs this many words that are not numbers or code parts.
MIN_WORDS = 2


@dataclass
class AddressSubject:
    """The subject and where its words' diacritics come from."""

    text: str
    from_text: int = 0  # written as the document's text writes them
    guessed: int = 0  # from ``accents``, or the text's most frequent form
    unaccented: int = 0  # left as the address writes them

    @property
    def from_text_only(self) -> bool:
        return self.guessed == 0 and self.unaccented == 0


def _is_code_part(word: str) -> bool:
    """A number or a symbol segment ("38", "2024", "ND", "UBTVQH15")."""
    return word.isdigit() or (len(word) > 1 and word.isupper())


def address_subject(
    words: list[str], text: str = "", accents: Accents | None = None
) -> AddressSubject | None:
    """The address's subject ``words`` with diacritics (module docstring), or
    None when they name no subject (numbers and codes only)."""
    words = [w for w in words if _WORD.fullmatch(w)]
    if sum(1 for w in words if _LETTERS.fullmatch(w) and not _is_code_part(w)) < (
        MIN_WORDS
    ):
        return None
    wanted = [fold(w) for w in words]
    forms: list[str | None] = [None] * len(words)
    spellings = _from_text(wanted, text, forms)
    from_text = sum(1 for f in forms if f is not None)
    for i, word in enumerate(words):
        if _is_code_part(word):  # "ND" and the text's "ND" of "ND-CP" are NĐ
            from_text += forms[i] is None
            forms[i] = word if word.isdigit() else spelled(forms[i] or word)
    guessed = unaccented = 0
    if accents is not None and None in forms:
        known = [f.lower() if f else None for f in forms]
        for i, form in enumerate(accents(wanted, known)):
            if forms[i] is None and form and fold(form) == wanted[i]:
                forms[i], guessed = form, guessed + 1
    for i, form in enumerate(forms):
        if form is not None:
            continue
        if i in spellings:
            forms[i], guessed = spellings[i].most_common(1)[0][0], guessed + 1
        else:
            forms[i], unaccented = words[i], unaccented + 1
    out = " ".join(
        letter_case(f, slug) for f, slug in zip(forms, words, strict=True) if f
    )
    return AddressSubject(cited_codes(out), from_text, guessed, unaccented)


def _from_text(wanted: list[str], text: str, forms: list[str | None]) -> dict:
    """Fill ``forms`` with the runs of words the text spells; return the
    spellings (Counter) of single words the text spells several ways."""
    found, folded, at = text_words(text)
    spellings: dict[int, Counter] = {}
    for i, best, start in longest_runs(wanted, folded, at):
        if best == 1:
            seen = Counter(found[k].lower() for k in at[wanted[i]])
            if len(seen) > 1:
                spellings[i] = seen
                continue
        if start >= 0:
            forms[i : i + best] = found[start : start + best]
    return spellings
