"""What surrounds a citation: issuer phrase, pinpoint and relation verb.

All scanners read the folded parse copy for matching and the original text for
case (a cue word ends an issuer only when written in lower case, so "Ban Quản
lý" stays inside an issuer while "quản lý" ends it).
"""

import re

from documents.normalize import clean

from .vocab import TYPE_BY_FOLD

TOKEN = re.compile(r"[^\W\d_]+|\d+|\s-\s|[^\w\s]")
STOP_WORDS = frozenset(
    "về tại theo ngày số đã có là được thì trong với cho để nhằm đến khi mà gửi "
    "này cũng như hoặc sau trước nếu vì do kèm giao tặng năm".split()
)
STOP_PAIRS = frozenset(
    (
        "ban hành",
        "quy định",
        "quy chế",
        "sửa đổi",
        "hướng dẫn",
        "phê duyệt",
        "triển khai",
        "thực hiện",
        "công bố",
        "công nhận",
        "bãi bỏ",
        "thay thế",
        "điều chỉnh",
        "chỉ đạo",
        "đề nghị",
        "đề án",
        "xây dựng",
        "phát động",
        "phát triển",
        "thông qua",
        "thông báo",
        "đối với",
        "đổi mới",
        "liên quan",
        "tiếp tục",
        "giải quyết",
        "áp dụng",
        "bổ sung",
        "tổ chức",
        "kế hoạch",
        "quản lý",
        "chấp thuận",
        "kết luận",
        "đồng ý",
        "thi đua",
        "khen thưởng",
    )
)


# Cues that end an issuer even when capitalised (title-case trích yếu).
CAPITAL_STOPS = frozenset(("về", "v/v", "căn"))
CAPITAL_PAIRS = frozenset(
    (
        "ban hành",
        "quy định",
        "sửa đổi",
        "hướng dẫn",
        "phê duyệt",
        "triển khai",
        "thực hiện",
        "công bố",
        "bãi bỏ",
        "thay thế",
        "điều chỉnh",
        "thành lập",
        "cho phép",
        "ứng dụng",
        "căn cứ",
        "giao chỉ",
        "phân cấp",
        "quy chế",
        "tách",
        "sáp nhập",
        "giải thể",
        "kiện toàn",
        "phê chuẩn",
    )
)


def word_at(text: str, token: re.Match) -> str:
    """The original word of a token, lower-cased (diacritics kept)."""
    return text[token.start() : token.end()].lower()


def is_stop(text: str, token: re.Match, nxt: re.Match | None, stops, pairs) -> bool:
    """True when the token (or token + next) is a cue that ends a phrase."""
    word = word_at(text, token)
    if word in stops:
        return True
    return nxt is not None and f"{word} {word_at(text, nxt)}" in pairs


_TYPE_FIRST = frozenset(word.split()[0] for word in TYPE_BY_FOLD)
_COMMA_ISSUERS = ("van hoa",)
MAX_ISSUER_WORDS = 16


def _is_lower(text: str, token: re.Match) -> bool:
    return text[token.start() : token.end()][:1].islower()


def _starts_type(folded: str, token: re.Match) -> bool:
    word = token.group()
    if word not in _TYPE_FIRST and word != "cac":
        return False
    rest = folded[token.start() : token.start() + 24]
    return word == "cac" or any(rest.startswith(t) for t in TYPE_BY_FOLD)


def scan_issuer(text: str, folded: str, pos: int) -> tuple[int, str | None]:
    """Issuer phrase starting at ``pos`` (after "của"): its end and clean text."""
    tokens = list(TOKEN.finditer(folded, pos, min(len(folded), pos + 220)))
    caps = sum(1 for t in tokens[:3] if text[t.start() : t.end()].isupper()) >= 2
    kept: list[re.Match] = []
    for index, token in enumerate(tokens):
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        end = kept[-1].end() if kept else pos
        if not _continues(text, folded, token, nxt, len(kept), caps, end, pos):
            break
        if _paragraph_break(text[end : token.start()], caps):
            break
        if token.group()[0].isalnum():
            kept.append(token)
        if len(kept) >= MAX_ISSUER_WORDS:
            break
    kept = _trim_tail(text, kept)
    if not kept:
        return pos, None
    return kept[-1].end(), clean(text[pos : kept[-1].end()])


# Lower-case words that may end an issuer name ("Ủy ban nhân dân tỉnh").
_TAIL_WORDS = frozenset(
    "nhân dân tỉnh huyện xã phường quận thị trấn thành phố trưởng tịch phủ vụ hội "
    "đồng chính trị nước trung ương khóa khoá bộ ban sở ủy uỷ đảng đoàn thư ký "
    "tướng lý hành cục viện tổng liên đặc khu triển nông thôn".split()
)


def _trim_tail(text: str, kept: list[re.Match]) -> list[re.Match]:
    """Drop a trailing run of lower-case words that is not part of a name.

    Lower-case words before a capitalised one stay ("Tổ công tác chuyên trách …
    của Thủ tướng"); after the last capitalised word only usual issuer words do
    ("Ủy ban nhân dân tỉnh"), so trích yếu text that slipped in is cut ("Chính
    phủ đảm bảo thời gian" -> "Chính phủ").
    """
    start = len(kept)
    while start > 0 and text[kept[start - 1].start()].islower():
        start -= 1
    stop = start
    if len(kept) - start <= 2:
        stop = len(kept)
    while stop < len(kept) and _word(text, kept[stop]) in _TAIL_WORDS:
        stop += 1
    return _drop_joiners(text, kept[:stop])


def _word(text: str, token: re.Match) -> str:
    return text[token.start() : token.end()].lower()


def _drop_joiners(text: str, kept: list[re.Match]) -> list[re.Match]:
    while kept and text[kept[-1].start() : kept[-1].end()].lower() in ("của", "và"):
        kept = kept[:-1]
    return kept


def _paragraph_break(gap: str, caps: bool) -> bool:
    return "\n\n" in gap or (caps and "\n" in gap)


def _continues(text, folded, token, nxt, words, caps, end, pos) -> bool:
    word = token.group()
    capital_next = nxt is not None and text[nxt.start()].isupper()
    if not word[0].isalnum():
        if word == "," and capital_next and not _starts_type(folded, nxt):
            short = len(folded[pos:end].split()) <= 2  # "Bộ trưởng, Chủ nhiệm …"
            return short or folded[pos:end].endswith(_COMMA_ISSUERS)
        return word in ("&",) or (word.strip() == "-" and capital_next)
    if word.isdigit():
        return False
    if words == 0:
        return not (_is_lower(text, token) and word_at(text, token) in STOP_WORDS)
    if word == "va":
        return capital_next and not _starts_type(folded, nxt)
    if (_is_lower(text, token) or caps) and is_stop(
        text, token, nxt, STOP_WORDS, STOP_PAIRS
    ):
        return False
    if is_stop(text, token, nxt, CAPITAL_STOPS, CAPITAL_PAIRS):
        return False
    return not (text[token.start()].isupper() and _starts_type(folded, token))


_PIN_VALUE = r"(?:\d{1,3}[a-z]?|[a-z](?![a-z])|[ivxlc]+(?![a-z]))"
_PIN_ITEM = (
    rf"(?:diem|khoan|dieu|chuong|muc|phan|tiet)\s+{_PIN_VALUE}"
    rf"(?:\s*(?:,|va)\s*{_PIN_VALUE}(?![a-z]))*"
)
PINPOINT = re.compile(
    rf"(?P<pin>{_PIN_ITEM}(?:\s*,?\s*(?:va\s+)?{_PIN_ITEM})*)\s*,?\s*"
    r"(?:(?:cua|tai|theo)\s+)?$"
)
_PINTOKEN = re.compile(
    rf"(?P<kw>diem|khoan|dieu|chuong|muc|phan|tiet)(?![a-z])|(?P<val>{_PIN_VALUE})"
    r"|(?P<comma>,)|(?P<and>va)(?![a-z])"
)
_KEYWORDS = {
    "diem": "điểm",
    "khoan": "khoản",
    "dieu": "Điều",
    "chuong": "Chương",
    "muc": "Mục",
    "phan": "Phần",
    "tiet": "tiết",
}


def scan_pinpoint(text: str, folded: str, start: int, floor: int):
    """Pinpoint ("khoản 2, Điều 46") ending just before ``start``, or None.

    Returns ``(pin_start, canonical_pinpoint)``; keywords are rewritten in their
    canonical spelling (scrambled "khơản 3 Đìềủ 60" -> "khoản 3 Điều 60").
    """
    window_start = max(floor, start - 160)
    found = PINPOINT.search(folded, window_start, start)
    if found is None or found.end() != start:
        return None
    parts: list[str] = []
    for token in _PINTOKEN.finditer(folded, found.start("pin"), found.end("pin")):
        if token.group("kw"):
            parts.append(" " + _KEYWORDS[token.group("kw")])
        elif token.group("val"):
            parts.append(" " + text[token.start() : token.end()])
        elif token.group("comma"):
            parts.append(",")
        else:
            parts.append(" và")
    return found.start("pin"), "".join(parts).strip()


_CUE = re.compile(
    r"(?<![a-z])(?P<cue>can\s*cu|thuc\s+hien|thay\s+the|sua\s+doi(?:\s*,?\s*bo\s+sung)?"
    r"|bo\s+sung|bai\s+bo|huong\s+dan|kem\s+theo)(?![a-z])"
)
_RELATIONS = {
    "cancu": "căn cứ",
    "thuchien": "thực hiện",
    "thaythe": "thay thế",
    "suadoi": "sửa đổi, bổ sung",
    "bosung": "sửa đổi, bổ sung",
    "baibo": "bãi bỏ",
    "huongdan": "hướng dẫn",
    "kemtheo": "kèm theo",
}
_INHERIT = re.compile(r"^(?:[^.;]*;|\s*,|\s*(?:,\s*)?(?:va|hoac))\s*$")
#: The end of a list item (";") and the next item's mark ("a) …;\n\nb) …").
_NEXT_ITEM = re.compile(r"^[^.;]*;\s*(?:[a-z]\)|\d+[.)]|[-–+•])\s*$")


#: The relations by which a text changes another.
CHANGE_RELATIONS = frozenset(("thay thế", "sửa đổi, bổ sung", "bãi bỏ"))


def scan_relation(
    text: str, folded: str, start: int, floor: int, earlier=()
) -> str | None:
    """Canonical relation verb in the clause just before ``start``.

    A change verb governs the citation only from the same table cell or
    paragraph (or a list it opens with ":"), and not from inside a quotation
    that ends before it (see ``change_cue_applies``), nor in a paragraph that
    one of the ``earlier`` citations (their spans) opens (``opened_by``).
    """
    window_start = max(floor, start - 90)
    cues = list(_CUE.finditer(folded, window_start, start))
    if not cues:
        return None
    last = cues[-1]
    gap = folded[last.end() : start]
    if ";" in gap or ". " in gap or len(gap) > 60:
        return None
    key = re.sub(r"[^a-z]", "", last.group("cue"))
    key = "suadoi" if key.startswith("suadoi") else key
    relation = _RELATIONS.get(key)
    if relation in CHANGE_RELATIONS and (
        not change_cue_applies(text, last.end(), start)
        or opened_by(text, last.start(), earlier)
    ):
        return None
    return relation


#: What may stand before the citation that opens a paragraph: a list mark,
#: "Tại"/"Theo" ("Tại khoản 3, Điều 10, Thông tư số 38/2025/TT-BCT … quy định
#: sửa đổi, bổ sung …").
_MARK = re.compile(
    r"[\s\-–+•*]*(?:[a-zđ]\)|\d+(?:\.\d+)*[.)]|[ivxlc]+[.)])?\s*"
    r"(?:(?:[Tt]ại|[Tt]heo)\s+)?"
)


def opened_by(text: str, cue: int, earlier) -> bool:
    """Whether a citation opens the paragraph (or table cell) of the change
    verb at ``cue``: the verb is then that document's, its title or its act
    ("Thông tư số 94/2025/TT-BTC … sửa đổi, bổ sung một số điều của Thông tư
    số 80/2021/TT-BTC …" in a cell of the table of procedures), not this
    text's. ``earlier`` are the spans of the citations before, in order."""
    line = text.rfind("\n", 0, cue) + 1
    for start, end in reversed(earlier):
        if start < line:
            return False
        if end <= cue and _MARK.fullmatch(text, line, start):
            return True
    return False


def change_cue_applies(text: str, cue_end: int, start: int) -> bool:
    """Whether a change verb ending at ``cue_end`` governs a citation at
    ``start``: not across a line break unless its line opens a list ("Bãi bỏ
    các Quyết định sau:\n\na) …"), since in a table the verb belongs to
    another cell ("Cấp bổ sung, sửa đổi Giấy chứng nhận …" | "1662/QĐ-BKHCN");
    not when a quotation closes in between (the verb was the quoted text's:
    "… xem xét sửa đổi, bổ sung cho phù hợp./.”\n\nĐiều 3 … Thông tư số …").
    """
    gap = text[cue_end:start]
    if "\n" in gap and not gap[: gap.index("\n")].rstrip().endswith(":"):
        return False
    depth = 0
    for index in range(cue_end, start):
        mark = _quote_mark(text, index)
        if mark == "open":
            depth += 1
        elif mark == "close":
            if depth == 0:
                return False
            depth -= 1
    return True


#: How far back a quotation is looked for: quoted amending text ("Điều 1. Sửa
#: đổi khoản 2 như sau: “2. … ”") runs over several paragraphs.
QUOTE_WINDOW = 3000


def in_quotation(text: str, start: int) -> bool:
    """Whether ``start`` lies inside a quotation: the words of another text
    ("“17. Bổ sung Điểm đ Khoản 2 Điều 19 Nghị định số 218/2013/NĐ-CP …”") or
    a phrase being replaced ("Thay thế cụm từ “Thông tư số 36/2018/TT-BTC”"),
    not this text's own act on the document it names."""
    for index in range(start - 1, max(-1, start - 1 - QUOTE_WINDOW), -1):
        mark = _quote_mark(text, index)
        if mark is not None:
            return mark == "open"
    return False


def _quote_mark(text: str, index: int) -> str | None:
    """ "open", "close" or None for the character at ``index``; a straight
    quote opens after a space, a bracket or the start of a line."""
    char = text[index]
    if char in "“«":
        return "open"
    if char in "”»":
        return "close"
    if char != '"':
        return None
    before = text[index - 1] if index else " "
    return "open" if before.isspace() or before in "([:" else "close"


def inherits_relation(src, prev_start: int, prev_end: int, start: int) -> bool:
    """True when only a list separator (or a finished item) lies in between,
    or the citation opens the next item of a list whose previous item the
    previous citation opens ("Bãi bỏ các văn bản sau:\n\na) Quyết định số
    …;\n\nb) Quyết định số …"); not from a citation inside that item ("-
    Thông tư … hướng dẫn … Nghị định số 118/2025/NĐ-CP …;\n\n- Thông tư …")."""
    between = src.folded[prev_end:start]
    if _INHERIT.match(between):
        return True
    line = src.text.rfind("\n", 0, prev_start) + 1
    return bool(
        _NEXT_ITEM.match(between) and _MARK.fullmatch(src.text, line, prev_start)
    )
