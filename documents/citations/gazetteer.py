"""Law titles and their numbers, for laws cited by name (Nghị định 30/2020/NĐ-CP, Phụ lục I, II.6: Luật and Pháp lệnh are cited without số ký hiệu).

Laws are cited by title, often without number ("Căn cứ Luật Thi đua, khen thưởng
ngày 15 tháng 6 năm 2022"). Titles contain commas and "và", so the matcher first
tries these titles longest first; an unknown title is still cut by the generic
title rule in ``matchers``. Several laws share a title (2003 and 2022 Luật Thi
đua, khen thưởng): :func:`resolve` picks one by the number, year or date written
next to the title, else by the citing document's date.
"""

import datetime
import re
from dataclasses import dataclass

from documents.text import fold

AMENDING_PREFIX = "Luật sửa đổi, bổ sung một số điều của"


@dataclass(frozen=True)
class LawEntry:
    """One law: canonical title, aliases and its số ký hiệu."""

    title: str
    number: int
    year: int
    symbol: str
    date: str | None = None
    in_force: str | None = None
    aliases: tuple[str, ...] = ()
    doc_type: str = "Luật"

    @property
    def code(self) -> str:
        """Canonical code, number zero-padded ("06/2022/QH15")."""
        return f"{self.number:02d}/{self.year}/{self.symbol}"


_TDKT = "Luật Thi đua, khen thưởng"
_CQDP = "Luật Tổ chức chính quyền địa phương"
_AMEND = AMENDING_PREFIX
LAWS: tuple[LawEntry, ...] = (
    LawEntry(_TDKT, 6, 2022, "QH15", "2022-06-15", "2024-01-01", ("Luật TĐKT",)),
    LawEntry(_TDKT, 15, 2003, "QH11", "2003-11-26", "2004-07-01", ("Luật TĐKT",)),
    LawEntry(f"{_AMEND} {_TDKT}", 47, 2005, "QH11", "2005-06-14"),
    LawEntry(f"{_AMEND} {_TDKT}", 39, 2013, "QH13", "2013-11-16"),
    LawEntry(
        "Luật Ban hành văn bản quy phạm pháp luật",
        80,
        2015,
        "QH13",
        "2015-06-22",
        aliases=("Luật Ban hành VBQPPL",),
    ),
    LawEntry(
        "Luật Ban hành văn bản quy phạm pháp luật",
        64,
        2025,
        "QH15",
        "2025-02-19",
        "2025-04-01",
        ("Luật Ban hành VBQPPL",),
    ),
    LawEntry(_CQDP, 77, 2015, "QH13", "2015-06-19", aliases=("Luật TCCQĐP",)),
    LawEntry(_CQDP, 72, 2025, "QH15", "2025-06-16", aliases=("Luật TCCQĐP",)),
    LawEntry(
        f"{_AMEND} Luật Tổ chức Chính phủ và {_CQDP}", 47, 2019, "QH14", "2019-11-22"
    ),
    LawEntry("Luật Tổ chức Chính phủ", 76, 2015, "QH13", "2015-06-19"),
    LawEntry("Luật Tổ chức Chính phủ", 63, 2025, "QH15", "2025-02-18"),
    LawEntry(
        "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân",
        11,
        2003,
        "QH11",
        "2003-11-26",
        aliases=("Luật Tổ chức HĐND và UBND",),
    ),
    LawEntry("Luật Lưu trữ", 1, 2011, "QH13", "2011-11-11"),
    LawEntry("Luật Lưu trữ", 33, 2024, "QH15", "2024-06-21"),
    LawEntry(
        f"{_AMEND} 37 luật có liên quan đến quy hoạch", 35, 2018, "QH14", "2018-11-20"
    ),
    LawEntry(f"{_AMEND} các Luật về thuế", 71, 2014, "QH13", "2014-11-26"),
)

# Titles without a number here: they only guide where a title ends (commas, "và").
EXTRA_TITLES: tuple[str, ...] = tuple(
    """
    Luật An ninh mạng
    Luật An toàn thông tin mạng
    Luật An toàn thực phẩm
    Luật An toàn, vệ sinh lao động
    Luật Ban hành văn bản quy phạm pháp luật
    Luật Báo chí
    Luật Bảo hiểm tiền gửi
    Luật Bảo hiểm xã hội
    Luật Bảo hiểm y tế
    Luật Bảo vệ bí mật nhà nước
    Luật Bảo vệ dữ liệu cá nhân
    Luật Bảo vệ môi trường
    Luật Bảo vệ quyền lợi người tiêu dùng
    Luật Bảo vệ và kiểm dịch thực vật
    Luật Bảo vệ, chăm sóc và giáo dục trẻ em
    Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân
    Luật Biên phòng Việt Nam
    Luật Bình đẳng giới
    Luật Bưu chính
    Luật Cán bộ, công chức
    Luật Căn cước
    Luật Cạnh tranh
    Luật Các tổ chức tín dụng
    Luật Chăn nuôi
    Luật Chất lượng sản phẩm, hàng hóa
    Luật Chứng khoán
    Luật Chuyển giao công nghệ
    Luật Công an nhân dân
    Luật Công chứng
    Luật Công đoàn
    Luật Công nghệ thông tin
    Luật Công nghiệp công nghệ số
    Luật Cư trú
    Luật Dân quân tự vệ
    Luật Di sản văn hóa
    Luật Du lịch
    Luật Dược
    Luật Dữ liệu
    Luật Điện ảnh
    Luật Điện lực
    Luật Điều ước quốc tế
    Luật Đa dạng sinh học
    Luật Đặc xá
    Luật Đấu giá tài sản
    Luật Đấu thầu
    Luật Đất đai
    Luật Đầu tư
    Luật Đầu tư công
    Luật Đầu tư theo phương thức đối tác công tư
    Luật Đê điều
    Luật Địa chất và khoáng sản
    Luật Đo đạc và bản đồ
    Luật Đo lường
    Luật Đường bộ
    Luật Đường sắt
    Luật Giá
    Luật Giám định tư pháp
    Luật Giao dịch điện tử
    Luật Giao thông đường bộ
    Luật Giao thông đường thủy nội địa
    Luật Giáo dục
    Luật Giáo dục đại học
    Luật Giáo dục nghề nghiệp
    Luật Hải quan
    Luật Hàng không dân dụng Việt Nam
    Luật Hóa chất
    Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân
    Luật Hỗ trợ doanh nghiệp nhỏ và vừa
    Luật Hòa giải ở cơ sở
    Luật Hôn nhân và gia đình
    Luật Hộ tịch
    Luật Hợp tác xã
    Luật Khám bệnh, chữa bệnh
    Luật Khí tượng thủy văn
    Luật Khiếu nại
    Luật Khoa học và công nghệ
    Luật Khoa học, công nghệ và đổi mới sáng tạo
    Luật Khoáng sản
    Luật KH, CN&ĐMST
    Luật Kiểm toán độc lập
    Luật Kiểm toán nhà nước
    Luật Kinh doanh bảo hiểm
    Luật Kinh doanh bất động sản
    Luật Kế toán
    Luật Lâm nghiệp
    Luật Luật sư
    Luật Lưu trữ
    Luật Mặt trận Tổ quốc Việt Nam
    Luật Nghĩa vụ quân sự
    Luật Ngân hàng Nhà nước Việt Nam
    Luật Ngân sách nhà nước
    Luật Người cao tuổi
    Luật Người khuyết tật
    Luật Nhà giáo
    Luật Nhà ở
    Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam
    Luật Năng lượng nguyên tử
    Luật Phá sản
    Luật Phí và lệ phí
    Luật Phòng cháy và chữa cháy
    Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ
    Luật Phòng thủ dân sự
    Luật Phòng, chống bạo lực gia đình
    Luật Phòng, chống bệnh truyền nhiễm
    Luật Phòng, chống HIV/AIDS
    Luật Phòng, chống ma túy
    Luật Phòng, chống mua bán người
    Luật Phòng, chống rửa tiền
    Luật Phòng, chống tác hại của rượu, bia
    Luật Phòng, chống tác hại của thuốc lá
    Luật Phòng, chống tham nhũng
    Luật Phòng, chống thiên tai
    Luật Phổ biến, giáo dục pháp luật
    Luật Quảng cáo
    Luật Quản lý ngoại thương
    Luật Quản lý và đầu tư vốn nhà nước tại doanh nghiệp
    Luật Quản lý, bảo vệ công trình quốc phòng và khu quân sự
    Luật Quản lý nợ công
    Luật Quản lý thuế
    Luật Quản lý, sử dụng tài sản công
    Luật Quản lý, sử dụng vốn nhà nước đầu tư vào sản xuất, kinh doanh tại doanh nghiệp
    Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ
    Luật Quốc phòng
    Luật Quốc tịch Việt Nam
    Luật Quy hoạch
    Luật Quy hoạch đô thị
    Luật Quy hoạch đô thị và nông thôn
    Luật Sở hữu trí tuệ
    Luật Sử dụng năng lượng tiết kiệm và hiệu quả
    Luật Tài nguyên nước
    Luật Tài nguyên, môi trường biển và hải đảo
    Luật Tần số vô tuyến điện
    Luật Thanh niên
    Luật Thanh tra
    Luật Thi hành án dân sự
    Luật Thống kê
    Luật Thủ đô
    Luật Thủy lợi
    Luật Thủy sản
    Luật Thư viện
    Luật Thuế bảo vệ môi trường
    Luật Thuế giá trị gia tăng
    Luật Thuế sử dụng đất nông nghiệp
    Luật Thuế sử dụng đất phi nông nghiệp
    Luật Thuế thu nhập cá nhân
    Luật Thuế thu nhập doanh nghiệp
    Luật Thuế tiêu thụ đặc biệt
    Luật Thuế tài nguyên
    Luật Thuế xuất khẩu, thuế nhập khẩu
    Luật Thương mại
    Luật Thực hành tiết kiệm, chống lãng phí
    Luật Thực hiện dân chủ ở cơ sở
    Luật Thể dục, thể thao
    Luật Tiếp cận thông tin
    Luật Tiếp công dân
    Luật Tiêu chuẩn và quy chuẩn kỹ thuật
    Luật Tín ngưỡng, tôn giáo
    Luật Tín ngưỡng và tôn giáo
    Luật Tố cáo
    Luật Tố tụng hành chính
    Luật Tổ chức chính quyền địa phương
    Luật Tổ chức Chính phủ
    Luật Tổ chức Quốc hội
    Luật Tổ chức Tòa án nhân dân
    Luật Tổ chức Viện kiểm sát nhân dân
    Luật Trách nhiệm bồi thường của Nhà nước
    Luật Trật tự, an toàn giao thông đường bộ
    Luật Trẻ em
    Luật Trồng trọt
    Luật Trợ giúp pháp lý
    Luật Trưng cầu ý dân
    Luật Tương trợ tư pháp
    Luật Việc làm
    Luật Viên chức
    Luật Viễn thông
    Luật Xây dựng
    Luật Xử lý vi phạm hành chính
    Luật Xuất bản
    Luật Xuất cảnh, nhập cảnh của công dân Việt Nam
    Pháp lệnh Cảnh sát môi trường
    Bộ luật Dân sự
    Bộ luật Hình sự
    Bộ luật Lao động
    Bộ luật Tố tụng dân sự
    Bộ luật Tố tụng hình sự
    Bộ luật Hàng hải Việt Nam
    """.strip().splitlines()
)


def title_key(text: str) -> str:
    """Folded title without pinpoint, number, date or punctuation: the lookup key."""
    folded = fold(text)
    law_word = re.search(r"(?<![a-z])(?:bo luat|luat|phap lenh)(?![a-z])", folded)
    folded = folded[law_word.start() :] if law_word else folded
    folded = re.split(r"\s(?:so\s*\d|ngay\s|nam\s+\d|\d(?!\d*\s+luat))", folded)[0]
    folded = folded.replace("hdnd", "hoi dong nhan dan")
    folded = folded.replace("ubnd", "uy ban nhan dan")
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


_BY_TITLE: dict[str, list[LawEntry]] = {}
for _entry in LAWS:
    for _name in (_entry.title, *_entry.aliases):
        _BY_TITLE.setdefault(title_key(_name), []).append(_entry)

_TYPE_PREFIX = re.compile(r"^(?:bo luat|luat|phap lenh)\s+")


def _pattern(title: str) -> str:
    return _TYPE_PREFIX.sub("", fold(title))


# Folded titles without their type word, longest first, for the matcher.
TITLE_PATTERNS: tuple[str, ...] = tuple(
    sorted(
        {_pattern(n) for e in LAWS for n in (e.title, *e.aliases)}
        | {_pattern(t.strip()) for t in EXTRA_TITLES},
        key=len,
        reverse=True,
    )
)


def candidates(title: str) -> list[LawEntry]:
    """Gazetteer entries whose title or alias equals ``title`` (folded)."""
    return list(_BY_TITLE.get(title_key(title), ()))


def resolve(
    title: str,
    *,
    year: int | None = None,
    context_date: datetime.date | None = None,
) -> tuple[LawEntry | None, bool]:
    """The law a title names, and whether the citing date decided it.

    A year written in the citation wins; otherwise the latest law in force (or
    issued) on ``context_date``; otherwise the latest law with that title.
    """
    entries = candidates(title)
    if year is not None:
        return next((e for e in entries if e.year == year), None), False
    if not entries:
        return None, False
    ordered = sorted(entries, key=lambda e: e.date or str(e.year), reverse=True)
    if context_date is None or len(ordered) == 1:
        return ordered[0], False
    day = str(context_date)[:10]
    for entry in ordered:
        if (entry.in_force or entry.date or str(entry.year)) <= day:
            return entry, True
    return ordered[-1], True


def lookup_title(text: str) -> LawEntry | None:
    """Entry for a free-text law query ("Luật thi đua khen thưởng 2022")."""
    year_match = re.search(r"\b(19|20)\d\d\b", text)
    year = int(year_match.group(0)) if year_match else None
    key = title_key(re.sub(r"\b(19|20)\d\d\b", " ", text)).replace(",", "")
    for name, entries in _BY_TITLE.items():
        if name.replace(",", "") == key:
            return resolve(entries[0].title, year=year)[0]
    return None
