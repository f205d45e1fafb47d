"""One vocabulary of document kinds (loại văn bản) and their codes.

Each kind is listed once with the abbreviation it takes in a số ký hiệu in each
family it belongs to:

* ``admin``: administrative documents, Nghị định 30/2020/NĐ-CP, Phụ lục III
  ("" where the kind is written without a type code, e.g. Công văn);
* ``qppl``: legal-normative documents (Luật Ban hành văn bản quy phạm pháp luật);
* ``party``: Party documents, Hướng dẫn 36-HD/VPTW.

The seeded ``DocumentType`` rows, the citation extractor, the code parser and
the document parser all read this table (through ``citations.vocab`` and
``parsing.vocab``). ``cited`` marks the kinds whose name anchors a citation
("Căn cứ Nghị định số …"); ``heading`` the kinds recognised as the printed type
word of a document (ô 5a of Phụ lục I).
"""

from __future__ import annotations

from dataclasses import dataclass

FAMILIES = ("admin", "qppl", "party")


@dataclass(frozen=True)
class Kind:
    name: str
    admin: str | None = None
    qppl: str | None = None
    party: str | None = None
    cited: bool = False
    heading: bool = True
    law: bool = False  # passed by Quốc hội or its Standing Committee, cited by name

    def code(self, family: str) -> str | None:
        """Abbreviation in ``family`` ("" when written without one), or None."""
        return getattr(self, family)


KINDS: tuple[Kind, ...] = (
    Kind("Hiến pháp", qppl="", cited=True, law=True),
    Kind("Bộ luật", qppl="", cited=True, law=True),
    Kind("Luật", qppl="", cited=True, law=True),
    Kind("Pháp lệnh", qppl="PL", cited=True, law=True),
    Kind("Lệnh", qppl="L", cited=True),
    Kind("Nghị quyết", admin="NQ", qppl="NQ", party="NQ", cited=True),
    Kind("Nghị quyết liên tịch", qppl="NQLT", cited=True),
    Kind("Nghị định", qppl="NĐ", cited=True),
    Kind("Quyết định", admin="QĐ", qppl="QĐ", party="QĐ", cited=True),
    Kind("Thông tư", qppl="TT", cited=True),
    Kind("Thông tư liên tịch", qppl="TTLT", cited=True),
    Kind("Chỉ thị", admin="CT", party="CT", cited=True),
    Kind("Kết luận", party="KL", cited=True),
    Kind("Quy chế", admin="QC", party="QC", cited=True),
    Kind("Quy định", admin="QyĐ", party="QĐi", cited=True),
    Kind("Thông cáo", admin="TC"),
    Kind("Thông báo", admin="TB", party="TB", cited=True),
    Kind("Thông tri", party="TT", cited=True),
    Kind("Hướng dẫn", admin="HD", party="HD", cited=True),
    Kind("Chương trình", admin="CTr", party="CTr", cited=True),
    Kind("Kế hoạch", admin="KH", party="KH", cited=True),
    Kind("Phương án", admin="PA"),
    Kind("Đề án", admin="ĐA", cited=True),
    Kind("Dự án", admin="DA"),
    Kind("Báo cáo", admin="BC", party="BC", cited=True),
    Kind("Biên bản", admin="BB"),
    Kind("Tờ trình", admin="TTr", party="TTr", cited=True),
    Kind("Hợp đồng", admin="HĐ"),
    Kind("Công văn", admin="", party="CV", cited=True),
    Kind("Công điện", admin="CĐ", cited=True),
    Kind("Bản ghi nhớ", admin="BGN"),
    Kind("Bản thỏa thuận", admin="BTT"),
    Kind("Giấy ủy quyền", admin="GUQ"),
    Kind("Giấy mời", admin="GM"),
    Kind("Giấy giới thiệu", admin="GGT"),
    Kind("Giấy nghỉ phép", admin="GNP"),
    Kind("Phiếu gửi", admin="PG", heading=False),
    Kind("Phiếu chuyển", admin="PC", heading=False),
    Kind("Phiếu báo", admin="PB", heading=False),
    Kind("Thư công", admin="", heading=False),
    Kind("Văn bản hợp nhất", admin="VBHN", cited=True),
    Kind("Điều lệ"),
    # Not a kind of its own: "văn bản số …" cites a document of any kind.
    Kind("Văn bản", cited=True, heading=False),
)

#: Abbreviations seen in practice besides the standard ones (type word they mean).
CODE_ALIASES: dict[str, str] = {"Lt": "Luật"}

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
LAW_TYPES = frozenset(kind.name for kind in KINDS if kind.law)
#: Kinds that are legal-normative whatever their code: in the qppl family only.
QPPL_TYPES = frozenset(
    kind.name
    for kind in KINDS
    if kind.qppl is not None and kind.admin is None and kind.party is None
)


def family_types(family: str) -> list[tuple[str, str]]:
    """(name, abbreviation) of every kind of ``family``, in table order."""
    return [(k.name, k.code(family)) for k in KINDS if k.code(family) is not None]


def type_codes() -> dict[str, str]:
    """Abbreviation → kind, state families first: "TT" is Thông tư, and the
    Party-only codes (KL, QĐi, CV, Thông tri's TT excepted) follow."""
    codes: dict[str, str] = {}
    for family in ("qppl", "admin", "party"):
        for name, code in family_types(family):
            if code:
                codes.setdefault(code, name)
    for code, name in CODE_ALIASES.items():
        codes.setdefault(code, name)
    return codes


def party_codes() -> dict[str, str]:
    """Abbreviation → kind within the Party family ("TT" is Thông tri there)."""
    return {code: name for name, code in family_types("party") if code}
