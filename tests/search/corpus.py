"""A small hand-written corpus for the contract suite (no shared/ data needed)."""

import datetime as dt

from documents.citations import code_lookup_keys
from search.types import IndexEntry

CT34_KEYS = code_lookup_keys(
    doc_type="Chỉ thị", number=34, year=None, symbol="CT/TW", system="party"
)
ND98_KEYS = code_lookup_keys(
    doc_type="Nghị định", number=98, year=2023, symbol="NĐ-CP", system="qppl"
)
CT34 = CT34_KEYS[0]
ND98 = ND98_KEYS[0]


def article_entry(key: str, page_id: int, title: str, body: str, basis: str = ""):
    """A bare Điều of a law, for tests that build their own small corpus."""
    return IndexEntry(
        key=key,
        page_id=page_id,
        kind="article",
        title=title,
        url=f"/van-ban/{page_id}/",
        body=body,
        legal_basis=basis,
        doc_type="Luật",
    )


def document_entry(page_id: int, **kwargs) -> IndexEntry:
    """A document's entry (key, kind and URL from its page id)."""
    kwargs.setdefault("kind", "document")
    kwargs.setdefault("url", f"/van-ban/{page_id}/")
    return IndexEntry(key=f"page:{page_id}", page_id=page_id, **kwargs)


def _article(page_id: int, number: int, parent: IndexEntry, body: str) -> IndexEntry:
    return IndexEntry(
        key=f"page:{page_id}#dieu-{number}",
        page_id=page_id,
        kind="article",
        title=f"{parent.title} – Điều {number}",
        url=f"{parent.url}#dieu-{number}",
        code=parent.code,
        code_keys=parent.code_keys,
        article=f"Điều {number}",
        anchor=f"dieu-{number}",
        body=body,
        doc_type=parent.doc_type,
        issuer=parent.issuer,
        issuer_id=parent.issuer_id,
        date=parent.date,
        status=parent.status,
        fields=parent.fields,
    )


def entries() -> list[IndexEntry]:
    """Sixteen entries: documents, articles, news, exemplars, movements."""
    ct34 = document_entry(
        1,
        title="Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với công tác thi đua, "
        "khen thưởng",
        code="34-CT/TW",
        code_keys=CT34_KEYS,
        doc_type="Chỉ thị",
        issuer="Ban Chấp hành Trung ương",
        issuer_id=1,
        date=dt.date(2019, 4, 7),
        status="con_hieu_luc",
        fields=["Thi đua, khen thưởng"],
        tags=["Đảng"],
        body="Bộ Chính trị yêu cầu các cấp ủy đổi mới công tác thi đua, khen thưởng.",
        effective_date=dt.date(2019, 4, 7),
    )
    nd98 = document_entry(
        2,
        title="Nghị định quy định chi tiết thi hành một số điều của Luật Thi đua, "
        "khen thưởng",
        code="98/2023/NĐ-CP",
        code_keys=ND98_KEYS,
        doc_type="Nghị định",
        issuer="Chính phủ",
        issuer_id=2,
        date=dt.date(2023, 12, 31),
        status="het_hieu_luc",
        fields=["Thi đua, khen thưởng"],
        body="Nghị định này quy định chi tiết.",
        effective_date=dt.date(2023, 12, 31),
        expiry_date=dt.date(2025, 6, 30),
    )
    plan = document_entry(
        3,
        title="Kế hoạch tổ chức phong trào thi đua, khen thưởng năm 2025",
        code="15/KH-UBND",
        doc_type="Kế hoạch",
        issuer="UBND huyện Tam Đường",
        issuer_id=3,
        date=dt.date(2025, 2, 10),
        status="con_hieu_luc",
        fields=["Thi đua, khen thưởng"],
        tags=["2025"],
        cites=[CT34, ND98],
        legal_basis="Căn cứ Nghị định số 98/2023/NĐ-CP của Chính phủ; Chỉ thị số "
        "34-CT/TW của Bộ Chính trị;",
        body="Ủy ban nhân dân huyện Tam Đường ban hành kế hoạch thi đua năm 2025. "
        "Gương người tốt, việc tốt được biểu dương <script>alert(1)</script>.",
        # In force from its date of issue (``pages.validity.indexed_start``).
        effective_date=dt.date(2025, 2, 10),
    )
    return [
        ct34,
        nd98,
        plan,
        _article(
            2,
            5,
            nd98,
            "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã được "
            "tặng cho cá nhân có thành tích xuất sắc.",
        ),
        _article(
            2,
            30,
            nd98,
            "Bằng khen của Thủ tướng Chính phủ được tặng cho tập thể tiêu biểu.",
        ),
        document_entry(
            4,
            kind="news",
            title="Xã Hoà Bình tổ chức hội nghị điển hình tiên tiến",
            date=dt.date(2024, 5, 2),
            body="Hội nghị biểu dương điển hình tiên tiến.",
        ),
        document_entry(
            5,
            kind="exemplar",
            title="Ông Nguyễn Văn An, gương sáng nông thôn mới",
            date=dt.date(2023, 3, 1),
            body="Hội nghị bàn giải pháp xây dựng nông thôn mới ở bản.",
        ),
        document_entry(
            6,
            kind="exemplar",
            title="Bà Lò Thị Hoa, người tốt việc tốt",
            date=dt.date(2023, 3, 2),
            body="Hội nghị bán giải pháp xây dựng nông thôn mới ở bản.",
        ),
        document_entry(
            7,
            kind="movement",
            title="Phong trào Cả nước chung tay vì người nghèo",
            date=dt.date(2022, 1, 1),
            body="Phát động phong trào giảm nghèo bền vững.",
        ),
        document_entry(
            8,
            kind="news",
            title="Hội đồng nhân dân huyện họp kỳ thứ mười",
            date=dt.date(2024, 7, 15),
            body="Kỳ họp thông qua nghị quyết về ngân sách.",
        ),
        document_entry(
            9,
            kind="page",
            title="Giới thiệu cổng thông tin",
            body="Cổng đăng tải văn bản chỉ đạo, điều hành của huyện.",
        ),
        document_entry(
            10,
            kind="news",
            title="Tập huấn nghiệp vụ văn thư lưu trữ",
            date=dt.date(2021, 9, 9),
            body="Cán bộ văn thư được tập huấn lưu trữ số.",
        ),
        document_entry(
            11,
            kind="news",
            title="Khánh thành cầu treo bản Nà Ly",
            date=dt.date(2020, 11, 20),
            body="Cây cầu giúp người dân đi lại an toàn.",
        ),
        document_entry(
            12,
            kind="news",
            title="Mùa thu hoạch chè Tam Đường",
            date=dt.date(2024, 10, 1),
            body="Nông dân thu hoạch chè búp tươi.",
        ),
        document_entry(
            13,
            kind="news",
            title="Giải bóng đá thiếu niên",
            date=dt.date(2024, 6, 1),
            body="Các đội bóng tranh tài sôi nổi tại sân vận động.",
        ),
        document_entry(
            14,
            kind="news",
            title="Tiêm chủng mở rộng cho trẻ em",
            date=dt.date(2024, 3, 3),
            body="Trạm y tế xã tiêm vắc xin cho trẻ.",
        ),
    ]
