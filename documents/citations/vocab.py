"""Vocabularies shared by the citation matchers and the code parser.

Type words and abbreviations follow domain.md §1.4 (Phụ lục III of Nghị định
30/2020/NĐ-CP), §1.6 (Party codes) and §1.7 (legal-normative documents). All
lookups are keyed by the folded form (``documents.text.fold``) so that "ND", "nđ"
and "NĐ" meet in one entry.
"""

from documents.text import fold

# Canonical type words, longest first so that alternations prefer the long form.
TYPE_WORDS: tuple[str, ...] = tuple(
    sorted(
        (
            "Văn bản hợp nhất",
            "Nghị quyết liên tịch",
            "Thông tư liên tịch",
            "Bộ luật",
            "Luật",
            "Pháp lệnh",
            "Nghị quyết",
            "Nghị định",
            "Thông tư",
            "Quyết định",
            "Chỉ thị",
            "Kế hoạch",
            "Công văn",
            "Văn bản",
            "Hướng dẫn",
            "Thông báo",
            "Kết luận",
            "Quy định",
            "Quy chế",
            "Chương trình",
            "Đề án",
            "Tờ trình",
            "Báo cáo",
            "Công điện",
            "Thông tri",
            "Lệnh",
            "Hiến pháp",
        ),
        key=len,
        reverse=True,
    )
)
TYPE_BY_FOLD: dict[str, str] = {fold(word): word for word in TYPE_WORDS}

# Type abbreviation (as written canonically) -> type word.
TYPE_CODES: dict[str, str] = {
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NQLT": "Nghị quyết liên tịch",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "KH": "Kế hoạch",
    "NQ": "Nghị quyết",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "KL": "Kết luận",
    "QyĐ": "Quy định",
    "QĐi": "Quy định",
    "QC": "Quy chế",
    "CTr": "Chương trình",
    "ĐA": "Đề án",
    "TTr": "Tờ trình",
    "BC": "Báo cáo",
    "CĐ": "Công điện",
    "VBHN": "Văn bản hợp nhất",
    "PL": "Pháp lệnh",
    "CV": "Công văn",
    "Lt": "Luật",
}
# Folded abbreviation -> canonical spelling (restores Đ and mixed case).
CANONICAL_SEGMENTS: dict[str, str] = {
    **{fold(code): code for code in TYPE_CODES},
    "hd": "HD",
    "ttg": "TTg",
    "trs": "TrS",
    "hdnd": "HĐND",
    "tdkt": "TĐKT",
    "btdkttw": "BTĐKTTW",
    "twdtn": "TWĐTN",
    "du": "ĐU",
}
# Codes the type word may be abbreviated to in user queries ("nd 98/2023").
QUERY_TYPE_ABBR: dict[str, str] = {
    fold(code): word for code, word in TYPE_CODES.items() if code not in ("Lt",)
}

# Issuer codes that mark a Party / Youth Union symbol ("34-CT/TW", "02-CT/TU").
PARTY_ISSUERS = frozenset(
    ("tw", "tu", "hu", "du", "qu", "vptw", "twdtn", "dtn", "cb", "bcstd", "dct")
)
PARTY_TYPES: dict[str, str] = {
    "nq": "Nghị quyết",
    "qd": "Quyết định",
    "qdi": "Quy định",
    "ct": "Chỉ thị",
    "kl": "Kết luận",
    "hd": "Hướng dẫn",
    "tb": "Thông báo",
    "tt": "Thông tri",
    "cv": "Công văn",
    "bc": "Báo cáo",
    "kh": "Kế hoạch",
    "ctr": "Chương trình",
    "qc": "Quy chế",
}

# Types that are legal-normative when their code carries a year.
QPPL_TYPES = frozenset(
    (
        "Luật",
        "Bộ luật",
        "Pháp lệnh",
        "Nghị định",
        "Thông tư",
        "Thông tư liên tịch",
        "Nghị quyết liên tịch",
        "Hiến pháp",
        "Lệnh",
    )
)
LAW_TYPES = frozenset(("Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp"))

# Abbreviations expanded before folding issuer names for identity keys.
ISSUER_ABBR: dict[str, str] = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "tw": "trung uong",
    "tp": "thanh pho",
    "tp.": "thanh pho",
    "bch": "ban chap hanh",
    "tdkt": "thi dua, khen thuong",
}


def type_from_code(segment: str, *, party: bool = False) -> str | None:
    """Type word an abbreviation stands for ("NĐ" -> "Nghị định")."""
    key = fold(segment)
    if party:
        return PARTY_TYPES.get(key)
    canonical = CANONICAL_SEGMENTS.get(key)
    return TYPE_CODES.get(canonical) if canonical else None
