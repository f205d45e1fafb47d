"""Choices of the document domain: validity status, effects over time, relations.

Stored as codes in page and citation rows; the labels are what the public reads.
"""

from django.db import models


class ValidityStatus(models.TextChoices):
    IN_FORCE = "con_hieu_luc", "Còn hiệu lực"
    EXPIRED = "het_hieu_luc", "Hết hiệu lực"
    PARTLY_EXPIRED = "het_hieu_luc_mot_phan", "Hết hiệu lực một phần"
    NOT_YET = "chua_co_hieu_luc", "Chưa có hiệu lực"
    UNKNOWN = "khong_xac_dinh", "Không xác định"


class EffectKind(models.TextChoices):
    """What happened to a document; labels read "<kind> <source>"."""

    ISSUED = "ban_hanh", "Ban hành"
    EFFECTIVE = "co_hieu_luc", "Có hiệu lực"
    AMENDED = "sua_doi", "Được sửa đổi, bổ sung bởi"
    REPLACED = "thay_the", "Bị thay thế bởi"
    REPEALED = "bai_bo", "Bị bãi bỏ bởi"
    EXPIRED = "het_hieu_luc", "Hết hiệu lực"


class Relation(models.TextChoices):
    """Relation pairs as vbpl.vn names them: (forward label, reverse label)."""

    BASIS = "can_cu", "Căn cứ"
    GUIDES = "huong_dan", "Hướng dẫn"
    AMENDS = "sua_doi_bo_sung", "Sửa đổi, bổ sung"
    REPLACES = "thay_the", "Thay thế"
    REPEALS = "bai_bo", "Bãi bỏ"
    IMPLEMENTS = "thuc_hien", "Thực hiện"
    RELATED = "lien_quan", "Liên quan"


#: What a citing document does to the cited one, shown on the cited document's
#: page before the citing one ("Thay thế văn bản này: Nghị định 152/2025/NĐ-CP"):
#: a document that replaces this one is vbpl.vn's "văn bản thay thế", not "bị
#: thay thế", which names the one replaced.
REVERSE_LABELS = {
    Relation.BASIS: "Căn cứ văn bản này",
    Relation.GUIDES: "Hướng dẫn văn bản này",
    Relation.AMENDS: "Sửa đổi, bổ sung văn bản này",
    Relation.REPLACES: "Thay thế văn bản này",
    Relation.REPEALS: "Bãi bỏ văn bản này",
    Relation.IMPLEMENTS: "Thực hiện văn bản này",
    Relation.RELATED: "Liên quan",
}

#: Relation verbs of the extractor ("căn cứ", "sửa đổi, bổ sung" …) → Relation.
RELATION_BY_VERB = {
    "căn cứ": Relation.BASIS,
    "hướng dẫn": Relation.GUIDES,
    "sửa đổi, bổ sung": Relation.AMENDS,
    "sửa đổi bổ sung": Relation.AMENDS,
    "thay thế": Relation.REPLACES,
    "bãi bỏ": Relation.REPEALS,
    "thực hiện": Relation.IMPLEMENTS,
}
