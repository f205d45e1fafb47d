"""Standard vocabularies: document types (Nghị định 30/2020 Phụ lục III, the
legal-normative types of Luật 64/2025/QH15, Party types of Hướng dẫn
36-HD/VPTW), central issuing bodies, fields and the emulation titles and
commendation forms of Luật Thi đua, khen thưởng 2022."""

import unicodedata

from django.db import migrations

ADMIN_TYPES = [
    ("Nghị quyết", "NQ"), ("Quyết định", "QĐ"), ("Chỉ thị", "CT"), ("Quy chế", "QC"),
    ("Quy định", "QyĐ"), ("Thông cáo", "TC"), ("Thông báo", "TB"), ("Hướng dẫn", "HD"),
    ("Chương trình", "CTr"), ("Kế hoạch", "KH"), ("Phương án", "PA"), ("Đề án", "ĐA"),
    ("Dự án", "DA"), ("Báo cáo", "BC"), ("Biên bản", "BB"), ("Tờ trình", "TTr"),
    ("Hợp đồng", "HĐ"), ("Công văn", ""), ("Công điện", "CĐ"), ("Bản ghi nhớ", "BGN"),
    ("Bản thỏa thuận", "BTT"), ("Giấy ủy quyền", "GUQ"), ("Giấy mời", "GM"),
    ("Giấy giới thiệu", "GGT"), ("Giấy nghỉ phép", "GNP"), ("Phiếu gửi", "PG"),
    ("Phiếu chuyển", "PC"), ("Phiếu báo", "PB"), ("Thư công", ""),
    ("Văn bản hợp nhất", "VBHN"),
]
NORMATIVE_TYPES = [
    ("Hiến pháp", ""), ("Bộ luật", ""), ("Luật", ""), ("Pháp lệnh", "PL"), ("Lệnh", "L"),
    ("Nghị quyết", "NQ"), ("Nghị quyết liên tịch", "NQLT"), ("Nghị định", "NĐ"),
    ("Quyết định", "QĐ"), ("Thông tư", "TT"), ("Thông tư liên tịch", "TTLT"),
]
PARTY_TYPES = [
    ("Nghị quyết", "NQ"), ("Chỉ thị", "CT"), ("Kết luận", "KL"), ("Quy định", "QĐi"),
    ("Quyết định", "QĐ"), ("Hướng dẫn", "HD"), ("Thông tri", "TT"), ("Thông báo", "TB"),
    ("Quy chế", "QC"), ("Chương trình", "CTr"), ("Kế hoạch", "KH"), ("Báo cáo", "BC"),
    ("Tờ trình", "TTr"), ("Công văn", "CV"),
]
BODIES = [
    ("Quốc hội", "QH", "trung_uong"),
    ("Ủy ban Thường vụ Quốc hội", "UBTVQH", "trung_uong"),
    ("Chính phủ", "CP", "trung_uong"),
    ("Thủ tướng Chính phủ", "TTg", "trung_uong"),
    ("Văn phòng Chính phủ", "VPCP", "trung_uong"),
    ("Bộ Nội vụ", "BNV", "trung_uong"),
    ("Bộ Tài chính", "BTC", "trung_uong"),
    ("Ban Thi đua - Khen thưởng Trung ương", "BTĐKTTW", "trung_uong"),
    ("Ban Chấp hành Trung ương", "TW", "dang"),
    ("Bộ Chính trị", "TW", "dang"),
    ("Ban Bí thư", "TW", "dang"),
    ("Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh", "TWĐTN", "doan_the"),
]
FIELDS = [
    "Thi đua, khen thưởng", "Tổ chức bộ máy", "Cán bộ, công chức, viên chức",
    "Văn thư, lưu trữ", "Kinh tế - xã hội", "Tài chính, ngân sách", "Văn hóa, thông tin",
    "Giáo dục, đào tạo", "Nông nghiệp, nông thôn", "Đất đai, môi trường", "Y tế",
    "Quốc phòng, an ninh", "Cải cách hành chính", "Xây dựng Đảng",
]
TITLES = [
    # (name, abbreviation, kind, recipient)
    ("Chiến sĩ thi đua toàn quốc", "CSTĐTQ", "danh_hieu", "ca_nhan"),
    ("Chiến sĩ thi đua cấp tỉnh", "CSTĐ", "danh_hieu", "ca_nhan"),
    ("Chiến sĩ thi đua cơ sở", "CSTĐCS", "danh_hieu", "ca_nhan"),
    ("Lao động tiên tiến", "LĐTT", "danh_hieu", "ca_nhan"),
    ("Chiến sĩ tiên tiến", "CSTT", "danh_hieu", "ca_nhan"),
    ("Cờ thi đua của Chính phủ", "", "danh_hieu", "tap_the"),
    ("Cờ thi đua của Ủy ban nhân dân tỉnh", "", "danh_hieu", "tap_the"),
    ("Tập thể lao động xuất sắc", "TTLĐXS", "danh_hieu", "tap_the"),
    ("Đơn vị quyết thắng", "", "danh_hieu", "tap_the"),
    ("Tập thể lao động tiên tiến", "TTLĐTT", "danh_hieu", "tap_the"),
    ("Đơn vị tiên tiến", "", "danh_hieu", "tap_the"),
    ("Xã, phường, thị trấn tiêu biểu", "", "danh_hieu", "tap_the"),
    ("Thôn, tổ dân phố văn hóa", "", "danh_hieu", "tap_the"),
    ("Gia đình văn hóa", "", "danh_hieu", "ho_gia_dinh"),
    ("Huân chương Lao động hạng Ba", "HCLĐ", "hinh_thuc", "bat_ky"),
    ("Huân chương Lao động hạng Nhì", "HCLĐ", "hinh_thuc", "bat_ky"),
    ("Huân chương Lao động hạng Nhất", "HCLĐ", "hinh_thuc", "bat_ky"),
    ("Bằng khen của Thủ tướng Chính phủ", "BKTTCP", "hinh_thuc", "bat_ky"),
    ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "BK", "hinh_thuc", "bat_ky"),
    ("Giấy khen của Chủ tịch Ủy ban nhân dân huyện", "GK", "hinh_thuc", "bat_ky"),
    ("Giấy khen của Chủ tịch Ủy ban nhân dân xã", "GK", "hinh_thuc", "bat_ky"),
    ("Giấy khen", "GK", "hinh_thuc", "bat_ky"),
    ("Kỷ niệm chương", "KNC", "hinh_thuc", "ca_nhan"),
]


def slug(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return "-".join("".join(c if c.isalnum() else " " for c in text).split())


def load(apps, schema_editor):
    DocumentType = apps.get_model("documents", "DocumentType")
    IssuingBody = apps.get_model("documents", "IssuingBody")
    Field = apps.get_model("documents", "Field")
    EmulationTitle = apps.get_model("documents", "EmulationTitle")
    families = [("admin", "", ADMIN_TYPES), ("qppl", "-qppl", NORMATIVE_TYPES),
                ("party", "-dang", PARTY_TYPES)]
    for family, suffix, types in families:
        for order, (name, abbr) in enumerate(types):
            DocumentType.objects.get_or_create(
                name=name, family=family,
                defaults={"abbreviation": abbr, "slug": slug(name) + suffix,
                          "ordering": order},
            )
    for name, abbr, level in BODIES:
        IssuingBody.objects.get_or_create(
            slug=slug(name), defaults={"name": name, "abbreviation": abbr, "level": level}
        )
    for name in FIELDS:
        Field.objects.get_or_create(slug=slug(name), defaults={"name": name})
    for order, (name, abbr, kind, recipient) in enumerate(TITLES):
        EmulationTitle.objects.get_or_create(
            name=name,
            defaults={"abbreviation": abbr, "kind": kind, "recipient": recipient,
                      "ordering": order,
                      "legal_basis": "Luật Thi đua, khen thưởng số 06/2022/QH15"},
        )


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
