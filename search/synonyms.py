"""Abbreviations and variants users type, expanded at query time.

Each group lists phrases that mean the same thing; a query containing any of
them also matches the others. Phrases are written as users and documents write
them; they are folded when the table is loaded, so "TĐKT", "tdkt" and "Tđkt" are
one entry. Bare "NĐ" is deliberately absent: folded, "nd" is also "nhân dân".
"""

from functools import cache

from documents.text import fold, words

SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("TĐKT", "thi đua khen thưởng"),
    ("NĐ-CP", "NĐCP", "Nghị định Chính phủ", "Nghị định"),
    ("QĐ", "Quyết định"),
    ("KH", "Kế hoạch"),
    ("CT", "Chỉ thị"),
    ("TB", "Thông báo"),
    ("BC", "Báo cáo"),
    ("TTr", "Tờ trình"),
    ("HD", "Hướng dẫn"),
    ("NQ", "Nghị quyết"),
    ("TT", "Thông tư"),
    ("TTg", "Thủ tướng Chính phủ", "Thủ tướng"),
    ("BNV", "Bộ Nội vụ"),
    ("SNV", "Sở Nội vụ"),
    ("PNV", "Phòng Nội vụ"),
    ("CSTĐCS", "Chiến sĩ thi đua cơ sở"),
    ("CSTĐ", "Chiến sĩ thi đua"),
    ("LĐTT", "Lao động tiên tiến"),
    ("TTLĐTT", "Tập thể lao động tiên tiến"),
    ("TTLĐXS", "Tập thể lao động xuất sắc"),
    ("BK", "Bằng khen"),
    ("GK", "Giấy khen"),
    ("HCLĐ", "Huân chương Lao động"),
    ("BKTTCP", "Bằng khen của Thủ tướng Chính phủ"),
    ("KT-XH", "kinh tế - xã hội"),
    ("QP-AN", "quốc phòng - an ninh"),
    ("NTM", "nông thôn mới"),
    ("CCHC", "cải cách hành chính"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("luật TĐKT", "Luật Thi đua, khen thưởng"),
)

Phrase = tuple[str, ...]


@cache
def _table() -> dict[Phrase, tuple[Phrase, ...]]:
    """Folded phrase → every folded phrase of its group (itself included)."""
    table: dict[Phrase, tuple[Phrase, ...]] = {}
    for group in SYNONYM_GROUPS:
        phrases = tuple(dict.fromkeys(tuple(fold(w) for w in words(p)) for p in group))
        for phrase in phrases:
            table[phrase] = tuple(dict.fromkeys(table.get(phrase, ()) + phrases))
    return table


@cache
def _longest() -> int:
    return max(len(phrase) for phrase in _table())


def match_at(tokens: list[str], start: int) -> tuple[int, tuple[Phrase, ...]] | None:
    """Longest synonym phrase at ``tokens[start:]``: (length, alternatives)."""
    table = _table()
    for length in range(min(_longest(), len(tokens) - start), 0, -1):
        alternatives = table.get(tuple(tokens[start : start + length]))
        if alternatives:
            return length, alternatives
    return None


def group_token(alternatives: tuple[Phrase, ...]) -> str:
    """The single token under which every phrase of a group is indexed."""
    return "syn_" + "_".join(alternatives[0])


@cache
def _first_words() -> frozenset[str]:
    return frozenset(phrase[0] for phrase in _table())


def index_tokens(folded: list[str]) -> list[str]:
    """Group tokens of every synonym phrase found in ``folded`` (overlaps kept).

    Indexing "ủy ban nhân dân" and "UBND" alike under "syn_ubnd" lets a query
    for either match with one posting list instead of a phrase search over
    four very common words.
    """
    table, first, out = _table(), _first_words(), []
    longest = _longest()
    for start, word in enumerate(folded):
        if word not in first:
            continue
        for length in range(1, min(longest, len(folded) - start) + 1):
            alternatives = table.get(tuple(folded[start : start + length]))
            if alternatives:
                out.append(group_token(alternatives))
    return out
