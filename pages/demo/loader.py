"""Demo content for a fresh install: the sample plan of UBND huyện Tam Đường,
the documents it cites, and one page of every document type.

``load_demo`` is idempotent: pages are looked up by slug under their parent and
vocabulary rows by slug, so running it twice changes nothing.
"""

import datetime as dt
from pathlib import Path

from django.db import transaction

from documents.models import EmulationTitle, Field
from documents.parsing import parse_document
from pages.bodytext import body_stream_data, paragraph_html
from pages.demo.common import (
    DEMO_NOTE,
    add_document,
    body,
    doc_type,
    ensure_bodies,
    ensure_site,
    signer,
)
from pages.demo.portal_info import load_portal_info
from pages.demo.showcase import load_showcase
from pages.demo.versions import load_publishing_demo
from pages.graph import resolve_all
from pages.models import (
    DecisionPage,
    DirectivePage,
    DocumentListPage,
    DocumentPage,
    PlanPage,
)

SEED_FILE = Path(__file__).with_name("ke-hoach-thi-dua-khen-thuong-2025-tam-duong.txt")


def seed_plan_fields() -> dict:
    """Metadata and body of the sample plan, parsed from the project's copy."""
    parsed = parse_document(SEED_FILE.read_text(encoding="utf-8"))
    return {
        "title": "Kế hoạch công tác thi đua, khen thưởng năm 2025",
        "document_type": doc_type("Kế hoạch"),
        "number": None,
        "symbol": "KH-UBND",
        "issuing_body": body("ubnd-huyen-tam-duong"),
        "place": "Tam Đường",
        "issued_year": 2025,
        "summary": "Công tác thi đua, khen thưởng năm 2025",
        "status": "con_hieu_luc",
        "signing_authority": "TM.",
        "signer_position": "Chủ tịch",
        "signer": signer("Sùng Lữ Páo", "Chủ tịch", "ubnd-huyen-tam-duong"),
        "legal_basis": "\n".join(parsed.legal_basis_lines),
        "body": body_stream_data(parsed.body_blocks),
        "recipients": "\n".join(parsed.recipients),
        "field": Field.objects.get(slug="thi-dua-khen-thuong"),
    }


def cited_documents() -> list[tuple[type, str, dict]]:
    """The documents the sample plan cites, with their public metadata."""
    tdkt = Field.objects.get(slug="thi-dua-khen-thuong")
    return [
        (
            PlanPage,
            "ke-hoach-5324-kh-ubnd-2024",
            {
                "title": "Kế hoạch công tác thi đua, khen thưởng năm 2025 của tỉnh Lai Châu",
                "document_type": doc_type("Kế hoạch"),
                "number": 5324,
                "symbol": "KH-UBND",
                "issuing_body": body("ubnd-tinh-lai-chau"),
                "place": "Lai Châu",
                "issued_date": dt.date(2024, 12, 27),
                "status": "con_hieu_luc",
                "summary": "Công tác thi đua, khen thưởng năm 2025",
                "signing_authority": "TM.",
                "signer_position": "Chủ tịch",
                "field": tdkt,
                "recipients": "Hội đồng TĐKT tỉnh;\nCác sở, ban, ngành, đoàn thể tỉnh;\n"
                "UBND các huyện, thành phố;\nLưu: VT, NV.",
            },
        ),
        (
            PlanPage,
            "ke-hoach-118-kh-ubnd-2024",
            {
                "title": "Kế hoạch xây dựng và nhân rộng các mô hình tiêu biểu, điển hình "
                "tiên tiến trên địa bàn huyện Tam Đường",
                "document_type": doc_type("Kế hoạch"),
                "number": 118,
                "symbol": "KH-UBND",
                "issuing_body": body("ubnd-huyen-tam-duong"),
                "place": "Tam Đường",
                "issued_date": dt.date(2024, 7, 12),
                "status": "con_hieu_luc",
                "summary": "Xây dựng và nhân rộng các mô hình tiêu biểu, điển hình tiên tiến "
                "trên địa bàn huyện Tam Đường",
                "signing_authority": "TM.",
                "signer_position": "Chủ tịch",
                "field": tdkt,
            },
        ),
        (
            DirectivePage,
            "chi-thi-34-ct-tw-2014",
            {
                "title": "Chỉ thị về tiếp tục đổi mới công tác thi đua, khen thưởng",
                "document_type": doc_type("Chỉ thị", "party"),
                "number": 34,
                "symbol": "CT/TW",
                "issuing_body": body("bo-chinh-tri"),
                "place": "Hà Nội",
                "issued_date": dt.date(2014, 4, 7),
                "status": "con_hieu_luc",
                "summary": "Về tiếp tục đổi mới công tác thi đua, khen thưởng",
                "signing_authority": "TM.",
                "signer_position": "",
                "field": tdkt,
            },
        ),
        (
            DirectivePage,
            "chi-thi-19-ct-ttg-2021",
            {
                "title": "Chỉ thị về việc phát động thi đua thực hiện thắng lợi nhiệm vụ phát "
                "triển kinh tế - xã hội và Kế hoạch 05 năm (2021-2025)",
                "document_type": doc_type("Chỉ thị"),
                "number": 19,
                "symbol": "CT-TTg",
                "issuing_body": body("thu-tuong-chinh-phu"),
                "place": "Hà Nội",
                "issued_date": dt.date(2021, 7, 16),
                "status": "con_hieu_luc",
                "summary": "Về việc phát động thi đua thực hiện thắng lợi nhiệm vụ phát triển "
                "kinh tế - xã hội và Kế hoạch 05 năm (2021-2025) theo Nghị quyết Đại hội "
                "đại biểu toàn quốc lần thứ XIII của Đảng",
                "signing_authority": "",
                "signer_position": "Thủ tướng",
                "signer": signer("Phạm Minh Chính", "Thủ tướng", "thu-tuong-chinh-phu"),
                "field": tdkt,
            },
        ),
        (
            DirectivePage,
            "chi-thi-09-ct-ubnd-2021",
            {
                "title": "Chỉ thị về phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ "
                "phát triển kinh tế - xã hội hằng năm và Kế hoạch 05 năm (2021-2025)",
                "document_type": doc_type("Chỉ thị"),
                "number": 9,
                "symbol": "CT-UBND",
                "issuing_body": body("ubnd-tinh-lai-chau"),
                "place": "Lai Châu",
                "issued_date": dt.date(2021, 8, 11),
                "status": "con_hieu_luc",
                "summary": "Về phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát "
                "triển kinh tế - xã hội hằng năm và Kế hoạch 05 năm (2021-2025) theo Nghị "
                "quyết Đại hội Đảng bộ tỉnh lần thứ XIV",
                "signing_authority": "",
                "signer_position": "Chủ tịch",
                "field": tdkt,
            },
        ),
        (
            DocumentPage,
            "luat-thi-dua-khen-thuong-06-2022-qh15",
            {
                "title": "Luật Thi đua, khen thưởng",
                "document_type": doc_type("Luật", "qppl"),
                "number": 6,
                "symbol": "QH15",
                "is_normative": True,
                "issuing_body": body("quoc-hoi"),
                "place": "Hà Nội",
                "issued_date": dt.date(2022, 6, 15),
                "effective_date": dt.date(2024, 1, 1),
                "status": "con_hieu_luc",
                "summary": "Luật Thi đua, khen thưởng",
                "signing_authority": "",
                "signer_position": "Chủ tịch Quốc hội",
                "signer": signer("Vương Đình Huệ", "Chủ tịch Quốc hội", "quoc-hoi"),
                "field": tdkt,
                "body": law_excerpt(),
            },
        ),
    ]


def law_excerpt() -> list[dict]:
    """A short excerpt of Luật Thi đua, khen thưởng 2022, article by article."""
    articles = [
        (
            "1",
            "Phạm vi điều chỉnh",
            "Luật này quy định về đối tượng, nguyên tắc, nội dung thi đua; danh hiệu thi "
            "đua, tiêu chuẩn danh hiệu thi đua; hình thức, đối tượng, tiêu chuẩn khen "
            "thưởng; thẩm quyền quyết định, trao tặng; thủ tục, hồ sơ đề nghị khen thưởng; "
            "quyền và nghĩa vụ của cá nhân, tập thể, hộ gia đình được khen thưởng; quản lý "
            "nhà nước về thi đua, khen thưởng.",
        ),
        (
            "3",
            "Giải thích từ ngữ",
            "Thi đua là hoạt động có tổ chức do người có thẩm quyền phát động với sự tham "
            "gia tự nguyện của cá nhân, tập thể, hộ gia đình.\nDanh hiệu thi đua là hình "
            "thức ghi nhận, biểu dương, tôn vinh và khuyến khích bằng lợi ích vật chất đối "
            "với cá nhân, tập thể, hộ gia đình có thành tích trong thi đua.",
        ),
        (
            "80",
            "Thẩm quyền quyết định tặng danh hiệu thi đua và hình thức khen thưởng "
            "cấp huyện, cấp xã",
            "Chủ tịch Ủy ban nhân dân cấp huyện quyết định tặng danh hiệu thôn, tổ dân phố "
            "văn hóa, “Tập thể lao động tiên tiến”, “Chiến sĩ thi đua cơ sở”, “Lao động "
            "tiên tiến” và giấy khen.\nChủ tịch Ủy ban nhân dân cấp xã quyết định tặng danh "
            "hiệu “Lao động tiên tiến”, giấy khen và danh hiệu “Gia đình văn hóa”.",
        ),
    ]
    return [{"type": "paragraph", "value": paragraph_html("(Trích một số điều.)")}] + [
        {
            "type": "article",
            "value": {"number": n, "title": t, "body": paragraph_html(b)},
        }
        for n, t, b in articles
    ]


def demo_decision_fields() -> dict:
    """A commendation decision of the district (demo data, not a real decision)."""
    from pages.models import Award

    giay_khen = EmulationTitle.objects.get(
        name="Giấy khen của Chủ tịch Ủy ban nhân dân huyện"
    )
    lao_dong = EmulationTitle.objects.get(name="Lao động tiên tiến")
    tap_the = EmulationTitle.objects.get(name="Tập thể lao động tiên tiến")
    awards = [
        Award(
            recipient_name="Lò Thị Mai",
            recipient_kind="ca_nhan",
            recipient_unit="Trường Tiểu học Bình Lư",
            recipient_position="Giáo viên",
            title=giay_khen,
            reason="Có thành tích xuất sắc trong phong trào “Cả nước thi đua xây dựng "
            "xã hội học tập”.",
        ),
        Award(
            recipient_name="Giàng A Sáng",
            recipient_kind="ca_nhan",
            recipient_unit="Bản Hợp 1, xã Bản Bo",
            recipient_position="Trưởng bản",
            title=lao_dong,
            reason="Vận động nhân dân hiến đất làm đường, góp phần xây dựng nông thôn "
            "mới.",
        ),
        Award(
            recipient_name="Hợp tác xã chè Tả Lèng",
            recipient_kind="tap_the",
            recipient_unit="xã Tả Lèng",
            title=tap_the,
            reason="Dẫn đầu phong trào “Lai Châu chung sức xây dựng nông thôn mới”.",
        ),
    ]
    return {
        "title": "Quyết định về việc khen thưởng các tập thể, cá nhân có thành tích "
        "trong phong trào thi đua năm 2025",
        "document_type": doc_type("Quyết định"),
        "number": 1520,
        "symbol": "QĐ-UBND",
        "issuing_body": body("ubnd-huyen-tam-duong"),
        "place": "Tam Đường",
        "issued_date": dt.date(2025, 6, 20),
        "effective_date": dt.date(2025, 6, 20),
        "status": "con_hieu_luc",
        "summary": "Về việc khen thưởng các tập thể, cá nhân có thành tích trong phong "
        "trào thi đua năm 2025",
        "signing_authority": "KT.",
        "signer_position": "Phó Chủ tịch",
        "legal_basis": "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi "
        "tiết thi hành một số điều của Luật Thi đua, khen thưởng;\n"
        "Căn cứ Kế hoạch số 118/KH-UBND ngày 12/7/2024 của UBND huyện Tam Đường.",
        "body": [
            {
                "type": "paragraph",
                "value": paragraph_html(
                    "Điều 1. Tặng danh hiệu và Giấy khen của Chủ tịch Ủy ban nhân dân huyện cho "
                    "các tập thể, cá nhân có tên trong danh sách kèm theo.\n"
                    "Điều 2. Quyết định có hiệu lực kể từ ngày ký.\n" + DEMO_NOTE
                ),
            }
        ],
        "recipients": "Như Điều 2;\nLưu: VT, NV.",
        "field": Field.objects.get(slug="thi-dua-khen-thuong"),
        "children": {"awards": awards},
    }


@transaction.atomic
def load_demo() -> list[str]:
    """Build the demo site; returns the titles of the pages it created."""
    ensure_bodies()
    home, index = ensure_site()
    created = []
    for model, slug, fields in cited_documents():
        page, new = add_document(index, model, slug=slug, **fields)
        created += [page.title] if new else []
    plan, new = add_document(
        index, PlanPage, slug="ke-hoach-thi-dua-khen-thuong-2025", **seed_plan_fields()
    )
    created += [plan.title] if new else []
    decision, new = add_document(
        index,
        DecisionPage,
        slug="quyet-dinh-khen-thuong-2025",
        **demo_decision_fields(),
    )
    created += [decision.title] if new else []
    created += load_publishing_demo(index)
    created += load_showcase()
    created += saved_searches(index)
    created += load_portal_info(home)
    resolve_all()  # citation graph: store and resolve every document's citations
    return created


def saved_searches(index) -> list[str]:
    """A "Danh sách văn bản" page: documents citing Chỉ thị 34-CT/TW."""
    if DocumentListPage.objects.filter(slug="van-ban-can-cu-chi-thi-34").exists():
        return []
    page = DocumentListPage(
        title="Văn bản dẫn chiếu Chỉ thị 34-CT/TW",
        slug="van-ban-can-cu-chi-thi-34",
        intro="<p>Danh sách tự cập nhật các văn bản dẫn chiếu Chỉ thị số 34-CT/TW "
        "của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng.</p>",
        cites="34-CT/TW",
        sort=DocumentListPage.Sort.DATE,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return [page.title]
