"""Signature block (ô 7a/7b/7c) and recipients (ô 9a "Kính gửi", 9b "Nơi nhận").

Real extractions print the block one line per row ("TM. ỦY BAN NHÂN DÂN" /
"CHỦ TỊCH" / name) or flatten it ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Phạm Văn Thịnh").
The signer's name is the trailing run of capitalised words; the authority is the
innermost prefix (TM./KT./TL./TUQ./Q.) because it governs the signer's own act.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from documents.text import fold

from .lines import fold_head, is_upper, starts_folded
from .spacing import join_surname
from .vocab import DEPUTY_WORDS, ORG_STARTS, POSITION_FOLDED

_PREFIX = re.compile(
    r"(?<![\w/])(TM(?=\s*\.)|KT(?=\s*\.)|TL(?=\s*\.)|TUQ(?=\s*\.)|Q(?=\s*\.)"
    r"|T/M|T\.M|K/T|T/L)\s*\.?(?=\s*[A-ZĐÀ-Ỹ]|\s*$)"
)
_PREFIX_CANON = {"T/M": "TM.", "T.M": "TM.", "K/T": "KT.", "T/L": "TL."}


def _is_name_word(token: str) -> bool:
    """ "Páo", "Hoà": capitalised word of letters only (not "TẾ", not "b/c")."""
    return (
        len(token) > 1
        and token.isalpha()
        and token[0].isupper()
        and token[1:].islower()
    )


_CLOSING = ("noi nhan",)
#: Collective bodies whose names contain a title word ("BAN BÍ THƯ").
_COLLECTIVES = ("ban bi thu", "bo chinh tri", "ban thuong vu", "ban chap hanh")
_RECIPIENT_STOP = re.compile(r"^(TM|KT|TL|TUQ|Q|T/M)\s*\.")


@dataclass
class Signature:
    """Parsed signature block and the line range it occupied."""

    authority: str = ""
    position: str | None = None
    name: str | None = None
    head: str | None = None
    start: int = -1
    end: int = -1


def find_signature(lines: list[str], body_start: int) -> Signature | None:
    """Locate the signature after the closing of the body and parse it."""
    anchor = _closing_anchor(lines, body_start)
    for i in range(anchor, len(lines)):
        if not _is_candidate(lines[i]):
            glued = _glued_to_filing(lines[i])
            if glued:
                sig = _parse_block([glued], 0)
                sig.start = sig.end = i
                return sig
            continue
        sig = _parse_block(lines, i)
        if sig.name or sig.authority:
            return sig
    for i in range(len(lines) - 1, body_start - 1, -1):
        if _is_candidate(lines[i]) and _PREFIX.match(lines[i]):
            return _parse_block(lines, i)
    return None


_SIGNED_MARK = re.compile(r"\(\s*[Đđ]ã\s+ký\s*\)")


def signed_name(text: str) -> str | None:
    """The name right before the last "(Đã ký)" mark ("Nguyễn Mạnh Kiểm (Đã
    ký)", "Giàng A Tính (Đã ký)"), on its line or the line above; scraped
    copies of old documents print it with no position above it, which
    ``find_signature`` needs. A run of capitalised words longer than a name
    ("Phó Chủ Tịch Nguyễn Văn Hải") gives none rather than a wrong one."""
    marks = list(_SIGNED_MARK.finditer(text))
    if not marks:
        return None
    mark = marks[-1]
    before = text[max(0, mark.start() - 200) : mark.start()]
    lines = before.replace("*", " ").replace("|", " ").rstrip().splitlines()
    if not lines:
        return None
    return _split_name(lines[-1].strip())[1]


def _glued_to_filing(line: str) -> str | None:
    """A signature block glued to the last "Nơi nhận" item by a scrape ("- Lưu:
    VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng"): the block
    when it names its signer, else None."""
    if not starts_folded(line.lstrip("- "), "luu"):
        return None
    tokens = line.split()
    for t in range(1, len(tokens) - 2):
        if not is_upper(tokens[t]):
            continue
        rest = " ".join(tokens[t:])
        starts = _PREFIX.match(rest) or _starts_with_position(rest)
        if starts and _is_candidate(rest) and _split_name(rest)[1]:
            return rest
    return None


def _closing_anchor(lines: list[str], body_start: int) -> int:
    for i in range(body_start, len(lines)):
        if lines[i].endswith("./.") or starts_folded(lines[i], *_CLOSING):
            return i
    return body_start


def _is_candidate(line: str) -> bool:
    if _PREFIX.match(line):
        return True
    upper_part, name = _split_name(line)
    if not upper_part or not is_upper(upper_part) or len(upper_part) > 90:
        return False
    return _ends_with_position(upper_part)


def _starts_with_position(text: str) -> bool:
    """ "BỘ TRƯỞNG, CHỦ NHIỆM …", not a filing code ("VT. GIÁM ĐỐC …")."""
    f = fold(text).replace(",", " ")
    return any(f.startswith(p + " ") for p in POSITION_FOLDED)


def _ends_with_position(text: str) -> bool:
    f = fold(text)
    return any(f == p or f.endswith(" " + p) for p in POSITION_FOLDED)


def _split_name(line: str) -> tuple[str, str | None]:
    tokens = line.replace(",", " , ").split()
    k = len(tokens)
    while k > 0 and (_is_name_word(tokens[k - 1]) or _is_initial(tokens, k - 1)):
        k -= 1
    while k < len(tokens) and len(tokens[k]) == 1:
        k += 1
    if k < len(tokens):
        k = join_surname(tokens, k)
    name_tokens = tokens[k:]
    if not 2 <= len(name_tokens) <= 5:
        return line.strip(), None
    return " ".join(tokens[:k]).replace(" , ", ", ").strip(), " ".join(name_tokens)


def _is_initial(tokens: list[str], k: int) -> bool:
    """Single-letter middle names ("Giàng A Tính") inside a name run."""
    token = tokens[k]
    return len(token) == 1 and token.isupper() and token.isalpha() and k > 0


def _parse_block(lines: list[str], i: int) -> Signature:
    sig = Signature(start=i)
    texts: list[str] = []
    j = i
    while j < len(lines) and j < i + 6:
        upper_part, name = _split_name(lines[j])
        upper_part = _upper_tokens(upper_part)
        if upper_part:
            texts.append(upper_part)
        if name:
            sig.name = name
            break
        if j > i and not is_upper(lines[j]) and not _PREFIX.match(lines[j]):
            break
        j += 1
    sig.end = j
    _read_chain(sig, " ".join(texts))
    _position_from_rows(sig, texts)
    return sig


def _position_from_rows(sig: Signature, texts: list[str]) -> None:
    """When the block kept its rows ("TUQ. CHỦ TỊCH UBND TỈNH" / "GIÁM ĐỐC SỞ
    NỘI VỤ"), the rows after the last prefixed row are the signer's title."""
    rows = [k for k, t in enumerate(texts) if _PREFIX.match(t)]
    if not rows or rows[-1] == len(texts) - 1:
        return
    last = texts[rows[-1]]
    if not _PREFIX.sub("", last, count=1).strip():
        return
    sig.position = " ".join(texts[rows[-1] + 1 :]) or sig.position


def _upper_tokens(text: str) -> str:
    """Keep the capitals of a title; drop a rank like "Thượng tướng" before a name."""
    tokens = text.split()
    while tokens and any(c.islower() for c in tokens[-1]):
        tokens.pop()
    return " ".join(tokens)


def _read_chain(sig: Signature, text: str) -> None:
    parts = _PREFIX.split(text)
    lead = parts[0].strip()
    pairs = list(zip(parts[1::2], parts[2::2], strict=False))
    if not pairs:
        sig.position = lead or None
        return
    prefix, rest = pairs[-1]
    sig.authority = _PREFIX_CANON.get(prefix, prefix + ".")
    if len(pairs) > 1 and pairs[0][0] in {"TM", "T/M", "T.M"}:
        sig.head = pairs[0][1].strip()
    sig.position = _signer_position(sig.authority, rest.strip()) or None


def _signer_position(authority: str, rest: str) -> str:
    """Drop the title signed for ("CHỦ TỊCH" in "KT. CHỦ TỊCH PHÓ CHỦ TỊCH")."""
    f = fold(rest)
    if authority == "KT.":
        for word in DEPUTY_WORDS:
            pos = f.find(" " + fold(word) + " ")
            if pos < 0 and f.endswith(" " + fold(word)):
                pos = len(f) - len(word) - 1
            if pos >= 0:
                return rest[pos + 1 :].strip()
        return rest
    if authority == "TM.":
        return _after_collective(rest)
    if authority in {"TL.", "TUQ."}:
        return _after_head_title(rest)
    return rest


def _after_collective(rest: str) -> str:
    """ "ỦY BAN NHÂN DÂN CHỦ TỊCH" → "CHỦ TỊCH"; keeps a "PHÓ" before the title."""
    for body in _COLLECTIVES:
        if fold(rest).startswith(body):
            return rest[len(body) :].strip()
    f = " " + fold(rest) + " "
    found = [
        (f.find(" " + w + " "), -len(w))
        for w in POSITION_FOLDED
        if f.find(" " + w + " ", 1) > 0
    ]
    if not found:
        return rest
    pos = min(found)[0]
    if f[:pos].endswith(" pho"):
        pos -= 4
    return rest[pos:].strip()


def _after_head_title(rest: str) -> str:
    f = fold(rest)
    for w in POSITION_FOLDED:
        if f.startswith(w + " "):
            return rest[len(w) :].strip()
    return rest


def find_recipients(lines: list[str], start: int, stop: int) -> tuple[list[str], int]:
    """Items of the first "Nơi nhận:" list in [start, stop) and its last line."""
    for i in range(start, stop):
        if starts_folded(lines[i], "noi nhan"):
            return _list_items(lines, i, stop)
    return [], -1


def _list_items(lines: list[str], i: int, stop: int) -> tuple[list[str], int]:
    first = _after_label(lines[i])
    items = [first] if first else []
    last = i
    for j in range(i + 1, min(stop, i + 60)):
        line = lines[j]
        if _RECIPIENT_STOP.match(line) or (is_upper(line) and j > i + 1):
            break
        if _is_candidate(line) and not line.startswith(("-", "+")):
            break
        items.append(line)
        last = j
        if fold_head(line).lstrip("-+ ").startswith("luu"):
            break
    return [clean_item(x) for x in items if clean_item(x)], last


def _after_label(line: str) -> str:
    """Text after "Nơi nhận:" / "Kính gửi:" (accents optional)."""
    match = re.match(r"^\S+\s+\S+\s*:?", line)
    return line[match.end() :].strip() if match else ""


def clean_item(item: str) -> str:
    """ "- Hội đồng TĐKT tỉnh ;" → "Hội đồng TĐKT tỉnh"."""
    item = re.sub(r"^[-+•–]\s*", "", item.strip())
    return re.sub(r"\s*[;,.:]\s*$", "", item).strip()


def read_addressees(
    lines: list[str], i: int, issuer: str | None = None
) -> tuple[list[str], int, str | None]:
    """Addressees of the "Kính gửi:" line at ``i`` (ô 9a).

    Returns the items, the index after them and, when extraction glued the first
    body sentence to the addressee ("Kính gửi: Thuế tỉnh X Cục Thuế nhận được
    ..."), that sentence so the body keeps it.
    """
    first = _after_label(lines[i])
    head, rest = _cut_glued_sentence(first, issuer) if first else ("", None)
    items = [head] if head else []
    j = i + 1
    if rest is not None:
        return [clean_item(x) for x in items if clean_item(x)], j, rest
    if not first and j < len(lines) and _is_bare_addressee(lines[j]):
        items.append(lines[j])
        j += 1
    while j < min(len(lines), i + 40) and lines[j].startswith(("-", "+", "•")):
        items.append(lines[j])
        j += 1
    return [clean_item(x) for x in items if clean_item(x)], j, None


def _is_bare_addressee(line: str) -> bool:
    """ "Công ty TNHH Khuôn Mẫu Yong Hong;" on the line after a bare "Kính gửi:"."""
    return (
        len(line) < 200
        and line.rstrip().endswith((";", ".", ","))
        and not (_SENTENCE_START.match(line))
    )


_VERBS = re.compile(
    r"\s(?:nhận được|đã nhận|trả lời|có ý kiến|tiếp nhận|xin trả lời)\b"
)
_SENTENCE_START = re.compile(
    r"(?:Thực hiện|Căn cứ|Theo|Trả lời|Phúc đáp|Tiếp theo|Triển khai|Để|Ngày \d"
    r"|Vừa qua|Hiện nay)\b"
)
_STARTER_IN_TEXT = re.compile(r"\s(?=" + _SENTENCE_START.pattern + ")")


def _cut_glued_sentence(text: str, issuer: str | None) -> tuple[str, str | None]:
    """Split "Thuế tỉnh X Cục Thuế nhận được ..." into addressee and sentence."""
    cut = _subject_before_verb(text, issuer)
    if cut is None:
        match = _STARTER_IN_TEXT.search(text)
        cut = match.start() if match and match.start() > 3 else None
    head, rest = (text, None) if cut is None else (text[:cut], text[cut:].strip())
    if "(" in head and ")" not in head:
        head, rest = (
            head.split("(")[0],
            "(" + head.split("(", 1)[1] + (" " + rest if rest else ""),
        )
    return head.strip(), rest


def _subject_before_verb(text: str, issuer: str | None) -> int | None:
    """Where the sentence's subject starts: the issuer's own name ("Cục Thuế
    nhận được"), else the earliest body-name word just before the verb."""
    verb = _VERBS.search(text)
    if not verb:
        return None
    before = text[: verb.start()].rstrip()
    if issuer and fold(before).endswith(" " + fold(issuer)):
        return len(before) - len(issuer)
    tokens = list(re.finditer(r"\S+", before))[-6:]
    for token in tokens[1:] if len(tokens) > 1 else []:
        words = fold(before[token.start() :]).split()
        if any(words[: len(o.split())] == o.split() for o in ORG_STARTS):
            return token.start()
    return None
