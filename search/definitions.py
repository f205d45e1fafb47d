"""Questions asking what a term means, and the Điều that defines it.

A Vietnamese law defines a term in a sentence that begins with the term and
"là": among the numbered items of its article "Giải thích từ ngữ" ("3. Người
sử dụng lao động là doanh nghiệp, …") or at the start of an article of its
own ("Tình thế cấp thiết là tình thế của người …"). A question "X là gì?",
"X là ai?", "X được hiểu như thế nào?", "Định nghĩa của X", "Thế nào là X?"
or "Khái niệm X" asks for that sentence; BM25 cannot see it, since the
definitions article is long and its words are the law's commonest.

:func:`asked_terms` reads the term a question asks about, in the sentence of
its marker: the words before the marker as a whole ("Nội dung quản lý công
chức là gì?" asks for that Điều, not what "công chức" means), after a lead
("Cho em hỏi …", "Bộ luật … quy định …"); after a context ("Theo Bộ luật Dân
sự 2015, hoa lợi là gì?", at the start or after a comma) the marker's own
clause, or every tail of the context when nothing ends it (longest first);
or the words after a marker that comes first ("Thế nào là X", up to the end
of the clause). :func:`defined_length`
gives, for a text, how many of the term's words it defines: the longest of
those sequences that stands at the start of a sentence or numbered item of
the text, followed by "là" or "được hiểu là". Words are compared folded, so
a question typed with or without diacritics reads the same term.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from documents.text import fold, has_diacritics, index_tokens

# Marker words (folded) before and after the term; the one that comes first
# in the question is read ("Người lao động được hiểu là gì?": "được hiểu").
BEFORE = (
    ("dinh", "nghia"),
    ("the", "nao", "la"),
    ("hieu", "the", "nao", "ve"),
    ("khai", "niem"),
)
AFTER = (
    ("la", "gi"),
    ("la", "ai"),
    ("duoc", "hieu"),
    ("co", "nghia", "la", "gi"),
    ("nghia", "la", "gi"),
    ("duoc", "dinh", "nghia"),
    ("duoc", "giai", "thich"),
)
OF = "cua"  # "định nghĩa của X"
# Folded words that make a compound with a following "định" (quyết định, quy
# định, nghị định, xác định, ổn định, khẳng định, nhất định, thẩm định, giám
# định, chỉ định, dự định, giả định, mặc định, hạn định, ấn định, được định
# nghĩa). Not "cố định": folded, "cố" is "có", as in "Luật có định nghĩa … không?".
DINH_COMPOUNDS = frozenset(
    "quyet quy nghi xac on khang nhat tham giam chi du gia mac han an duoc".split()
)
ABOUT = "ve"  # "khái niệm về X" (folded, also the "vệ" of "bảo vệ")
# Words linking a head noun to what it is of or for ("mục đích của hình
# phạt", "hình phạt đối với tội trộm cắp tài sản", "thủ tục cấp giấy phép cho
# người nước ngoài", "trách nhiệm … khi …"): the term asked about holds the
# last of them, so the words after it are not tried alone. (Folded, "cho" is
# also "chợ" and "khi" "khí"; the whole phrase is always tried, so such a
# word only keeps its own tail from being tried alone.)
LINKS = frozenset({"cua", "cho", "khi", "neu", "trong"})
# Words that open a context before the term, typed so or without any mark
# ("Theo Bộ luật Dân sự 2015 hoa lợi là gì", "Khi xảy ra sự cố ứng cứu khẩn
# cấp là gì", "Bộ luật Dân sự 2015, hoa lợi là gì"): the term is then the
# marker's clause, or some tail of it. Any other question names its term as
# a whole: "Nội dung quản lý công chức là gì?" asks for that Điều, not what
# "công chức" means.
OPENERS = (
    ("theo",),
    ("trong",),
    ("khi",),
    ("nếu",),
    ("đối", "với"),
    ("bộ", "luật"),
    ("luật",),
)
# Words that begin with an opener and open no context: "Theo dõi …", "Luật
# sư tranh tụng là gì?" (a lawyer, not a law; "Luật Gia đình" is a law).
NOT_OPENERS = frozenset(
    {("theo", "doi"), ("luat", "su"), ("luat", "gia"), ("luat", "hoc")}
    | {("luat", "phap"), ("luat", "le")}
)
# Words after which a sentence names its term ("Bộ luật Dân sự 2015 quy định
# pháp nhân thương mại là gì?", "Cho em hỏi hoa lợi là gì?", "Hỏi: …", "Tôi
# muốn biết …").
LEADS = (
    ("quy", "dinh"),
    ("cho", "biet"),
    ("muon", "biet"),
    ("hoi",),
)
MIN_WORDS = 2  # a one-syllable "term" is too often a word of running text
MAX_WORDS = 10
# Where a law puts its definitions: the article "Giải thích từ ngữ", or an
# article named after the term ("Điều 15. Phạm tội chưa đạt").
GLOSSARY = "giai thich tu ngu"
# What ends a clause of the question (a comma, colon or quote) and what ends
# a sentence; an aside in brackets is left out ("Hoa lợi (theo …) là gì?").
_BOUNDARY = re.compile(r"([,:\"'“”‘’«»„]|[;?!.…\n]+)")
_SENTENCE_END = re.compile(r"[;?!.…\n]")
_ASIDE_IN_QUESTION = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")

# Where a defining sentence starts: the text's start, a new line, the end of
# a sentence or a colon, each optionally followed by an item number ("3.",
# "a)").
_START = r"(?:^|[\n.:;])[^\S\n]*(?:(?:\d+|[a-z])[.)]\s*)?"


def _find(words: Sequence[str], marker: Sequence[str], start: int = 0) -> int:
    n = len(marker)
    return next(
        (
            i
            for i in range(start, len(words) - n + 1)
            if tuple(words[i : i + n]) == tuple(marker)
        ),
        -1,
    )


def _is_link(words: Sequence[str], i: int) -> bool:
    return words[i] in LINKS or (words[i] == "voi" and i > 0 and words[i - 1] == "doi")


def _clauses(text: str) -> tuple[list[str], list[str], list[int], list[int]]:
    """(exact, folded) words of ``text``, where each clause starts and where
    each sentence starts."""
    exact: list[str] = []
    folded: list[str] = []
    clauses: list[int] = [0]
    sentences: list[int] = [0]
    for part in _BOUNDARY.split(_ASIDE_IN_QUESTION.sub(" ", text)):
        if _BOUNDARY.fullmatch(part):
            clauses.append(len(folded))
            if _SENTENCE_END.search(part):
                sentences.append(len(folded))
            continue
        typed, plain = index_tokens(part)
        exact += typed
        folded += plain
    return exact, folded, clauses, sentences


def _marker(words: list[str]) -> tuple[int, tuple[str, ...] | None]:
    """(position, marker) of the first marker in ``words``."""
    found: list[tuple[int, int, tuple[str, ...]]] = []
    for order, marker in enumerate(BEFORE + AFTER):
        at = _find(words, marker)
        # "quy định nghĩa vụ", "quyết định nghĩa trang", "được định nghĩa"
        # hold "định nghĩa" too: "định" belongs to the word before it, or
        # "nghĩa" to the next.
        while at >= 0 and marker == BEFORE[0]:
            before, after = words[at - 1 : at] if at else [], words[at + 2 : at + 3]
            if not (set(before) & DINH_COMPOUNDS or after == ["vu"]):
                break
            at = _find(words, marker, at + 1)
        if at >= 0:
            found.append((at, order, marker))
    return min(found)[::2] if found else (-1, None)


def _opens(exact: list[str], folded: list[str]) -> bool:
    """Whether a clause opens with a context (``OPENERS``), typed so or
    without any mark (``NOT_OPENERS`` is none)."""
    for opener in OPENERS:
        n = len(opener)
        typed = tuple(exact[:n])
        plain = tuple(fold(w) for w in opener)
        unmarked = not any(has_diacritics(w) for w in typed)
        if typed == opener or (unmarked and tuple(folded[:n]) == plain):
            return tuple(folded[:2]) not in NOT_OPENERS or folded[:3] == [
                "luat",
                "gia",
                "dinh",
            ]
    return False


def _whole(words: list[str], start: int, at: int) -> list[tuple[str, ...]]:
    """The words before the marker as one term ("về" before it left out)."""
    start += words[start : start + 1] == [ABOUT]
    return [tuple(words[start:at])] if MIN_WORDS <= at - start <= MAX_WORDS else []


def _tails(words: list[str], start: int, at: int) -> list[tuple[str, ...]]:
    """Every tail of the words before the marker that holds their last link
    word, longest first."""
    links = [i for i in range(start + 1, at) if _is_link(words, i)]
    first = max(start, at - MAX_WORDS)
    last = min(links[-1] if links else at, at - MIN_WORDS)
    return [tuple(words[i:at]) for i in range(first, last + 1)]


def asked_terms(text: str) -> list[tuple[str, ...]]:
    """The term sequences a definition question (the text as typed) may ask
    about (folded words), longest first; empty when it does not ask what a
    term means."""
    exact, words, clauses, sentences = _clauses(text)
    at, marker = _marker(words)
    if marker in BEFORE:
        rest = at + len(marker)
        if words[rest : rest + 1] == [OF]:
            rest += 1
        end = min([s for s in clauses if s > rest] or [len(words)])
        tries = [rest, rest + 1] if words[rest : rest + 1] == [ABOUT] else [rest]
        terms = {
            tuple(words[start : start + n])
            for start in tries
            for n in range(MIN_WORDS, min(end - start, MAX_WORDS) + 1)
        }
        return sorted(terms, key=lambda term: (-len(term), term))
    if marker is None or at < MIN_WORDS:
        return []
    # A context ("Theo Bộ luật …", "Khi …") at the start of the marker's
    # sentence or after a comma: the term is the marker's own clause after
    # it, or some tail of the context when nothing ends it ("theo bo luat dan
    # su 2015 hoa loi la gi").
    start = max(s for s in sentences if s < at)
    starts = [start] + [s for s in clauses if start < s < at]
    contexts = [s for s in starts if _opens(exact[s:at], words[s:at])]
    if not contexts:
        # A lead ends a preamble ("Cho em hỏi …", "Bộ … quy định X là gì?").
        for lead in LEADS:
            found = _find(words[:at], lead, start)
            while found >= 0:
                start = found + len(lead)
                found = _find(words[:at], lead, start)
        if _opens(exact[start:at], words[start:at]):
            contexts = [start]
    if contexts:
        clause = max(s for s in starts if s < at)
        if clause > contexts[-1]:
            return _whole(words, clause, at)
        return _tails(words, contexts[-1], at)
    # Without a context, commas list the parts of one term ("Kiểm toán,
    # quyết toán chương trình, dự án là gì?").
    return _whole(words, start, at)


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
