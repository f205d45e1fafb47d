"""Questions asking what a term means, and the Điều that defines it.

A Vietnamese law defines a term in a sentence that begins with the term and
"là": among the numbered items of its article "Giải thích từ ngữ" ("3. Người
sử dụng lao động là doanh nghiệp, …") or at the start of an article of its
own ("Tình thế cấp thiết là tình thế của người …"). A question "X là gì?",
"X là ai?", "X được hiểu như thế nào?", "Định nghĩa của X", "Thế nào là X?"
or "Khái niệm X" asks for that sentence; BM25 cannot see it, since the
definitions article is long and its words are the law's commonest.

:func:`asked_terms` reads the term a question asks about (the words before or
after its marker, longest first: a question often names the law before the
term, "Theo Bộ luật Dân sự 2015, hoa lợi là gì?"); :func:`defined_length`
gives, for a text, how many of the term's words it defines: the longest of
those sequences that stands at the start of a sentence or numbered item of the
text, followed by "là" or "được hiểu là" (a term holds the last "của" of the words before
the marker: "mục đích của hình phạt là gì?" does not ask what "hình phạt" is). Everything is on folded text, so a
question typed with or without diacritics reads the same term.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Marker words (folded) before and after the term.
BEFORE = (("dinh", "nghia"), ("the", "nao", "la"), ("khai", "niem"))
AFTER = (("la", "gi"), ("la", "ai"), ("duoc", "hieu"), ("co", "nghia", "la", "gi"))
OF = "cua"  # "định nghĩa của X"
# Folded words that make a compound with a following "định" (quyết định, quy
# định, nghị định, xác định, ổn định, khẳng định, nhất định, thẩm định, giám
# định, chỉ định, dự định, giả định, mặc định, hạn định, ấn định). Not "cố
# định": folded, "cố" is "có", as in "Luật có định nghĩa … không?".
DINH_COMPOUNDS = frozenset(
    "quyet quy nghi xac on khang nhat tham giam chi du gia mac han an".split()
)
ABOUT = "ve"  # "khái niệm về X" (folded, also the "vệ" of "bảo vệ")
# Words linking a head noun to what it is of or for ("mục đích của hình
# phạt", "hình phạt đối với tội trộm cắp tài sản", "thủ tục cấp giấy phép cho
# người nước ngoài", "trách nhiệm … khi …"): the term asked about holds the
# last of them, so the words after it are not tried alone. (Folded, "cho" is
# also "chợ" and "khi" "khí"; the whole phrase is always tried, so such a
# word only keeps its own tail from being tried alone.)
LINKS = frozenset({"cua", "cho", "khi", "neu", "trong"})
MIN_WORDS = 2  # a one-syllable "term" is too often a word of running text
MAX_WORDS = 10
# Where a law puts its definitions: the article "Giải thích từ ngữ", or an
# article named after the term ("Điều 15. Phạm tội chưa đạt").
GLOSSARY = "giai thich tu ngu"

# Where a defining sentence starts: the text's start, a new line, the end of
# a sentence or a colon, each optionally followed by an item number ("3.",
# "a)").
_START = r"(?:^|[\n.:;])[^\S\n]*(?:(?:\d+|[a-z])[.)]\s*)?"


def _find(words: Sequence[str], marker: Sequence[str]) -> int:
    n = len(marker)
    return next(
        (i for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == marker),
        -1,
    )


def _is_link(words: Sequence[str], i: int) -> bool:
    return words[i] in LINKS or (words[i] == "voi" and i > 0 and words[i - 1] == "doi")


def asked_terms(query: Sequence[str]) -> list[tuple[str, ...]]:
    """The term sequences a definition question may ask about (folded words),
    longest first; empty when the query does not ask what a term means."""
    words = list(query)
    for marker in BEFORE:
        at = _find(words, marker)
        # "quy định nghĩa vụ" and "quyết định nghĩa trang" hold "định nghĩa"
        # too: "định" belongs to the word before it, or "nghĩa" to the next.
        if at >= 0 and marker == BEFORE[0]:
            before, after = words[at - 1 : at], words[at + 2 : at + 3]
            if set(before) & DINH_COMPOUNDS or after == ["vu"]:
                continue
        if at >= 0:
            rest = words[at + len(marker) :]
            if rest[:1] == [OF]:
                rest = rest[1:]
            starts = [rest, rest[1:]] if rest[:1] == [ABOUT] else [rest]
            terms = {
                tuple(start[:n])
                for start in starts
                for n in range(MIN_WORDS, min(len(start), MAX_WORDS) + 1)
            }
            return sorted(terms, key=lambda term: (-len(term), term))
    for marker in AFTER:
        at = _find(words, marker)
        if at >= 0:
            links = [i for i in range(at) if _is_link(words, i)]
            first = max(0, at - MAX_WORDS)
            last = links[-1] if links else at - MIN_WORDS
            return [
                tuple(words[i:at]) for i in range(first, min(last, at - MIN_WORDS) + 1)
            ]
    return []


# A defined term may stand in quotes ("1. “Viện trợ” là …", «…», „…“) and be
# followed by one short aside, which may wrap onto the next line ("Chủ quản hệ
# thống thông tin (sau đây gọi là chủ quản) là …").
_QUOTE = "[\"'“”‘’«»„]?"
_ASIDE = r"(?:\s*\([^()]{1,120}\))?"


def _pattern(term: tuple[str, ...]) -> re.Pattern:
    words = r"\s+".join(re.escape(w) for w in term)
    return re.compile(
        _START + _QUOTE + words + _QUOTE + _ASIDE + _QUOTE + r"\s+(?:la|duoc hieu la)\b"
    )


def defined_length(terms: Sequence[tuple[str, ...]], folded_text: str) -> int:
    """Words of the longest of ``terms`` that ``folded_text`` (a Điều's
    heading line, then its body; lower case, folded) defines; 0 when it
    defines none of them. A Điều defines a term when a sentence or numbered
    item of it begins with the term and "là", and its heading is "Giải thích
    từ ngữ" or names the term: an item "n) Người phạm tội là phụ nữ có thai"
    among the mitigating circumstances is a condition, not a definition."""
    heading = " ".join(folded_text.partition("\n")[0].split())
    for term in terms:  # longest first
        named = GLOSSARY in heading or " ".join(term) in heading
        if named and term[-1] in folded_text and _pattern(term).search(folded_text):
            return len(term)
    return 0
