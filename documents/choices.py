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


#: Label of each relation seen from the cited document (vbpl.vn's pairs).
REVERSE_LABELS = {
    Relation.BASIS: "Được căn cứ",
    Relation.GUIDES: "Được hướng dẫn",
    Relation.AMENDS: "Bị sửa đổi, bổ sung",
    Relation.REPLACES: "Bị thay thế",
    Relation.REPEALS: "Bị bãi bỏ",
    Relation.IMPLEMENTS: "Được thực hiện",
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
