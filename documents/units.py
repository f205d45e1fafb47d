"""Work units ("đơn vị công tác") compared as words, whatever their spelling.

An award names the recipient's unit as the decision prints it ("UBND xã Bản
Bo", "Trường THCS Bình Lư"), an exemplar page as an editor typed it ("Ủy ban
nhân dân xã Bản Bo", "Uỷ ban nhân dân xã Bản Bo"). ``unit_words`` gives both
the same words: accents, case, tone placement ("Uỷ"/"Ủy"), spacing and
punctuation folded away (``documents.text``), and the abbreviations of
Vietnamese administration expanded. Only abbreviations with one reading are
expanded: the issuers' table (UBND, HĐND, TP, TW, BCH, TĐKT) and UBMTTQ, MTTQ,
HTX, THCS, THPT. "TT" (trung tâm, thị trấn, thường trực, thông tư) and "TH" (tiểu học,
tổng hợp) are left as written: a wrong expansion would merge two units.
"""

from __future__ import annotations

from documents.citations.vocab import ISSUER_ABBR
from documents.text import fold, words

#: Folded abbreviation → folded words, for units (issuers' table plus the
#: unambiguous ones of schools, cooperatives and the Front).
UNIT_ABBR: dict[str, str] = {
    **ISSUER_ABBR,
    "ubmttq": "uy ban mat tran to quoc",
    "mttq": "mat tran to quoc",
    "htx": "hop tac xa",
    "thcs": "trung hoc co so",
    "thpt": "trung hoc pho thong",
}


def unit_words(unit: str | None) -> list[str]:
    """Folded words of a unit, abbreviations expanded:
    "UBND xã Bản Bo" and "Uỷ ban nhân dân, xã Bản Bo" →
    ["uy", "ban", "nhan", "dan", "xa", "ban", "bo"]."""
    out: list[str] = []
    for word in words(fold(unit or "")):
        out.extend(words(UNIT_ABBR.get(word, word)))
    return out


def unit_key(unit: str | None) -> str:
    """``unit_words`` joined by spaces: equal keys, same unit."""
    return " ".join(unit_words(unit))
