"""The heading of a document issued before 2004: type word, issuer, number, subject.

Before Thông tư liên tịch 55/2005/TTLT-BNV-VPCP (and Nghị định 110/2004/NĐ-CP)
the heading named the issuer and often the number and date under the type word:
"QUYẾT ĐỊNH / CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH VỀ VIỆC BAN HÀNH …", "THÔNG TƯ / CỦA
BỘ XÂY DỰNG SỐ 04/2001/TT-BXD NGÀY 20 THÁNG 8 NĂM 2001 HƯỚNG DẪN …". The
trích yếu is what follows the issuer ("Về việc ban hành …", "Hướng dẫn …"):

- after the heading's own number ("số …") and the date right after it, when
  the number comes before any "về";
- else from the first "về" ("về việc …", "về …");
- else after the header's issuer, a position before it allowed ("CỦA BỘ
  TRƯỞNG BỘ TÀI CHÍNH HƯỚNG DẪN …");
- else nothing is cut: where the issuer ends is not known.
"""

from __future__ import annotations

import re

from documents.dates import match_date, match_printed
from documents.normalize import fold_same_length

from .vocab import POSITION_FOLDED

_NUMBER = re.compile(r"\bso\s*:?\s*\d[\w/.&-]*")
_ABOUT = re.compile(r"\sve\s")
_DATE_AT = re.compile(r"[\s,]*(?=ngay)")


def is_old_form(text: str) -> bool:
    """Whether a heading line opens with "của" (the old form's issuer)."""
    return fold_same_length(text.strip()).startswith("cua ")


def old_form_subject(raw: str, issuer: str | None = None) -> str | None:
    """The subject of an old-form heading ("CỦA … SỐ … NGÀY … HƯỚNG DẪN …" →
    "HƯỚNG DẪN …"), or None when the text is not one or where its issuer ends
    is not known."""
    if not is_old_form(raw):
        return None
    folded = fold_same_length(raw)
    number, about = _NUMBER.search(folded), _ABOUT.search(folded)
    if number and (about is None or number.start() < about.start()):
        pos = number.end()
        spaces = _DATE_AT.match(folded, pos)
        if spaces:
            at = spaces.end()
            hit = match_date(folded, at)
            if hit is None or hit.value is None:
                hit = match_printed(folded, at)
            if hit is not None and hit.value is not None:
                pos = hit.end
        subject = raw[pos:].strip(" ,.:;-")
    elif about:
        subject = raw[about.start() + 1 :].strip()
    else:
        end = _after_issuer(folded, issuer)
        if end is None:
            return None
        subject = raw[end:].strip(" ,.:;-")
    return subject or None


def _after_issuer(folded: str, issuer: str | None) -> int | None:
    """Where "của [position] <issuer>" ends in the folded heading, or None."""
    if not issuer:
        return None
    name = fold_same_length(issuer)
    pos = folded.find(name)
    if pos < 0:
        return None
    between = folded[len("cua ") : pos].strip()
    if between and between not in POSITION_FOLDED:
        return None
    return pos + len(name)
