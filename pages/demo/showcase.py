"""Demo showcase: movements quoted in the sample plan, exemplars and news.

Every person and collective here is fictional (said on each page). The awards of
the demo commendation decision reach the exemplars through the real publish
path: the decision is re-published once its recipients' pages exist, and the
``page_published`` handler links them (creating a draft exemplar for the
recipient who has no page). Running it twice creates nothing new.
"""

import datetime as dt

from wagtail.models import Page

from documents.models import IssuingBody
from pages.demo.images import ensure_image
from pages.models import (
    Award,
    DecisionPage,
    ExemplarIndexPage,
    ExemplarPage,
    HomePage,
    LegalDocumentPage,
    MovementDocument,
    MovementIndexPage,
    MovementPage,
    NewsDocument,
    NewsIndexPage,
    NewsPage,
)
from pages.versioning import publish_with_note

FICTION_NOTE = (
    "Nhân vật, tập thể và sự việc trong bản trình diễn này là hư cấu, "
    "dùng để minh họa cách cổng thông tin giới thiệu điển hình tiên tiến."
)
DECISION_SLUG = "quyet-dinh-khen-thuong-2025"
# The public version history shows this as version 2's "Nội dung thay đổi".
AWARDS_LINKED_NOTE = (
    "Liên kết danh sách khen thưởng với trang điển hình tiên tiến của người "
    "được khen thưởng."
)
PLAN_SLUGS = ["ke-hoach-thi-dua-khen-thuong-2025", "ke-hoach-5324-kh-ubnd-2024"]

SECTIONS = [
    # model, slug, title, intro
    (
        ExemplarIndexPage,
        "dien-hinh-tien-tien",
        "Điển hình tiên tiến",
        "Tập thể, cá nhân tiêu biểu được phát hiện, bồi dưỡng và nhân rộng trong "
        "các phong trào thi đua. Mỗi cơ quan, đơn vị đăng ký và xây dựng ít nhất "
        "01 điển hình tập thể, 01 điển hình cá nhân. " + FICTION_NOTE,
    ),
    (
        MovementIndexPage,
        "phong-trao-thi-dua",
        "Phong trào thi đua",
        "Các phong trào thi đua được phát động và hưởng ứng trên địa bàn huyện.",
    ),
    (NewsIndexPage, "tin-tuc", "Tin tức", "Tin hoạt động thi đua, khen thưởng."),
    (
        NewsIndexPage,
        "guong-nguoi-tot-viec-tot",
        "Gương người tốt, việc tốt",
        "“Mỗi người tốt, mỗi việc tốt là một bông hoa đẹp, cả dân tộc ta là một "
        "rừng hoa đẹp.”",
    ),
]

MOVEMENTS = [
    # slug, name as quoted in the plan, launcher, start, end, scheme, documents
    (
        "nong-thon-moi",
        "Lai Châu chung sức Xây dựng nông thôn mới",
        "Ủy ban nhân dân tỉnh Lai Châu",
        2021,
        2025,
        "green",
        ["chi-thi-09-ct-ubnd-2021", *PLAN_SLUGS],
    ),
    (
        "vi-nguoi-ngheo",
        "Lai Châu chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
        "Ủy ban nhân dân tỉnh Lai Châu",
        2021,
        2025,
        "gold",
        ["chi-thi-09-ct-ubnd-2021", *PLAN_SLUGS],
    ),
    (
        "van-hoa-cong-so",
        "Cán bộ, công chức, viên chức tỉnh Lai Châu thi đua thực hiện văn hóa công sở",
        "Ủy ban nhân dân tỉnh Lai Châu",
        2021,
        2025,
        "blue",
        PLAN_SLUGS,
    ),
    (
        "xa-hoi-hoc-tap",
        "Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời giai "
        "đoạn 2023-2030",
        "Thủ tướng Chính phủ",
        2023,
        2030,
        "teal",
        PLAN_SLUGS,
    ),
    (
        "xoa-nha-tam",
        "Chung tay xóa nhà tạm, nhà dột nát trên địa bàn huyện Tam Đường trong năm "
        "2025",
        "Ủy ban nhân dân huyện Tam Đường",
        2025,
        2025,
        "red",
        PLAN_SLUGS[:1],
    ),
]


def ensure_child(parent: Page, model, *, slug: str, relations=None, **fields):
    """Create and publish ``model`` under ``parent`` unless the slug exists."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, **fields)
    for name, values in (relations or {}).items():
        getattr(page, name).set(values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def story(*paragraphs: str, heading: str = "") -> list[dict]:
    blocks = [{"type": "heading", "value": heading}] if heading else []
    blocks += [{"type": "paragraph", "value": f"<p>{p}</p>"} for p in paragraphs]
    return blocks + [{"type": "paragraph", "value": f"<p><em>{FICTION_NOTE}</em></p>"}]


def documents(*slugs: str) -> list[LegalDocumentPage]:
    found = {p.slug: p for p in LegalDocumentPage.objects.filter(slug__in=slugs)}
    return [found[s] for s in slugs if s in found]


def ensure_sections(home: HomePage) -> dict[str, Page]:
    sections = {}
    for model, slug, title, intro in SECTIONS:
        sections[slug], _ = ensure_child(
            home,
            model,
            slug=slug,
            title=title,
            intro=f"<p>{intro}</p>",
            show_in_menus=True,
        )
    return sections


def ensure_movements(index: MovementIndexPage) -> dict[str, MovementPage]:
    movements = {}
    for seed, (slug, name, launcher, start, end, scheme, docs) in enumerate(
        MOVEMENTS, start=1
    ):
        image = ensure_image(
            title=f"Phong trào: {name}",
            alt=f"Ảnh minh họa phong trào “{name}” (tranh vẽ, không phải ảnh thật)",
            scheme=scheme,
            seed=seed,
        )
        movements[slug], _ = ensure_child(
            index,
            MovementPage,
            slug=slug,
            title=name,
            launcher=launcher,
            start_year=start,
            end_year=end,
            image=image,
            summary=f"Phong trào “{name}” do {launcher} phát động, được các cơ quan, "
            "đơn vị trên địa bàn huyện Tam Đường hưởng ứng.",
            body=story(
                "Kế hoạch công tác thi đua, khen thưởng năm 2025 của huyện yêu cầu "
                "tiếp tục triển khai sâu rộng phong trào, gắn với phát hiện, bồi "
                "dưỡng và nhân rộng điển hình tiên tiến.",
                heading="Nội dung thi đua",
            ),
            relations={
                "launch_documents": [
                    MovementDocument(document=doc) for doc in documents(*docs)
                ]
            },
        )
    return movements


EXEMPLARS = [
    # slug, name, kind, unit, commune, position, body slug, movements, consent,
    # featured, achievements
    (
        "lo-thi-mai",
        "Lò Thị Mai",
        "ca_nhan",
        "Trường Tiểu học Bình Lư",
        "Bình Lư",
        "Giáo viên",
        "ubnd-xa-binh-lu",
        ["xa-hoi-hoc-tap"],
        True,
        True,
        "Mở lớp xóa mù chữ buổi tối cho phụ nữ trong bản; 100% học viên biết đọc, "
        "viết sau một năm.",
    ),
    (
        "hop-tac-xa-che-ta-leng",
        "Hợp tác xã chè Tả Lèng",
        "tap_the",
        "Hợp tác xã chè Tả Lèng",
        "Tả Lèng",
        "",
        "ubnd-xa-ta-leng",
        ["nong-thon-moi", "vi-nguoi-ngheo"],
        True,
        True,
        "Liên kết 120 hộ trồng chè theo hướng hữu cơ, tạo việc làm cho lao động "
        "địa phương.",
    ),
    (
        "tan-thi-lan",
        "Tẩn Thị Lan",
        "ca_nhan",
        "Ủy ban nhân dân xã Khun Há",
        "Khun Há",
        "Công chức tư pháp - hộ tịch",
        "ubnd-xa-khun-ha",
        ["van-hoa-cong-so"],
        True,
        True,
        "Giải quyết hồ sơ hộ tịch đúng hạn, tận tình hướng dẫn người dân làm thủ "
        "tục trực tuyến.",
    ),
    (
        "doan-thanh-nien-xa-ban-bo",
        "Đoàn Thanh niên xã Bản Bo",
        "tap_the",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Bản Bo",
        "Bản Bo",
        "",
        "ubnd-xa-ban-bo",
        ["xoa-nha-tam"],
        True,
        True,
        "Góp hơn 600 ngày công giúp các hộ nghèo dựng lại nhà ở.",
    ),
    (
        "vang-van-chu",
        "Vàng Văn Chứ",
        "ca_nhan",
        "Bản Nà Khum, xã Bản Bo",
        "Bản Bo",
        "Nông dân",
        "ubnd-xa-ban-bo",
        ["vi-nguoi-ngheo"],
        False,
        False,
        "Hướng dẫn bà con trong bản trồng quế, thảo quả.",
    ),
]
SCHEME_BY_KIND = {"ca_nhan": "blue", "tap_the": "green"}


def exemplar_fields(row, movements, seed: int) -> dict:
    slug, name, kind, unit, commune, position, body_slug, moves, consent = row[:9]
    featured, achievements = row[9:]
    photo = None
    if consent:
        photo = ensure_image(
            title=f"Điển hình: {name}",
            alt=f"Ảnh minh họa cho điển hình {name} (tranh vẽ, không phải ảnh thật)",
            scheme=SCHEME_BY_KIND[kind],
            seed=100 + seed,
        )
    return {
        "slug": slug,
        "title": name,
        "kind": kind,
        "unit": unit,
        "commune": commune,
        "position": position,
        "issuing_body": IssuingBody.objects.filter(slug=body_slug).first(),
        "year": 2025,
        "consent_given": consent,
        "consent_date": dt.date(2025, 5, 15) if consent else None,
        "consent_note": "Đồng ý bằng văn bản (dữ liệu minh họa)." if consent else "",
        "featured": featured,
        "photo": photo,
        "achievements": achievements,
        "story": story(achievements, heading="Hành trình"),
        "relations": {"movements": [movements[m] for m in moves]},
    }


def ensure_exemplars(index, movements) -> dict[str, ExemplarPage]:
    exemplars = {}
    for seed, row in enumerate(EXEMPLARS, start=1):
        fields = exemplar_fields(row, movements, seed)
        exemplars[row[0]], _ = ensure_child(index, ExemplarPage, **fields)
    return exemplars


def link_demo_awards() -> None:
    """Re-publish the demo decision while some award is unlinked, so the real
    ``page_published`` path links its awards (and drafts missing exemplars).

    The re-publication is a public version, so it carries a change note as an
    editor's would (the admin requires one); without it the history showed
    "Phiên bản 2 – —"."""
    decision = DecisionPage.objects.filter(slug=DECISION_SLUG, live=True).first()
    if decision is None:
        return
    if Award.objects.filter(page=decision, exemplar__isnull=True).exists():
        publish_with_note(page=decision, note=AWARDS_LINKED_NOTE)


NEWS = [
    # section, slug, title, date, author, intro, tags, exemplars, movements, docs
    (
        "tin-tuc",
        "trien-khai-thi-dua-2025",
        "Huyện Tam Đường triển khai công tác thi đua, khen thưởng năm 2025",
        dt.date(2025, 2, 10),
        "Phòng Nội vụ",
        "Ủy ban nhân dân huyện ban hành kế hoạch, yêu cầu mỗi cơ quan, đơn vị xây "
        "dựng ít nhất 01 điển hình tập thể, 01 điển hình cá nhân.",
        ["thi đua", "kế hoạch"],
        [],
        [m[0] for m in MOVEMENTS],
        PLAN_SLUGS[:1],
    ),
    (
        "tin-tuc",
        "khen-thuong-phong-trao-2025",
        "Khen thưởng các tập thể, cá nhân có thành tích trong phong trào thi đua",
        dt.date(2025, 6, 23),
        "Phòng Nội vụ",
        "Chủ tịch Ủy ban nhân dân huyện tặng danh hiệu và Giấy khen cho các tập "
        "thể, cá nhân có thành tích xuất sắc.",
        ["khen thưởng"],
        ["lo-thi-mai", "hop-tac-xa-che-ta-leng"],
        ["nong-thon-moi"],
        [DECISION_SLUG],
    ),
    (
        "tin-tuc",
        "ra-quan-xoa-nha-tam",
        "Ra quân chung tay xóa nhà tạm, nhà dột nát",
        dt.date(2025, 4, 5),
        "Huyện đoàn Tam Đường",
        "Đoàn viên, thanh niên các xã góp ngày công dựng nhà cho hộ nghèo.",
        ["xóa nhà tạm", "thanh niên"],
        ["doan-thanh-nien-xa-ban-bo"],
        ["xoa-nha-tam"],
        [],
    ),
    (
        "guong-nguoi-tot-viec-tot",
        "co-giao-lop-hoc-xoa-mu-chu",
        "Cô giáo Lò Thị Mai và lớp học xóa mù chữ ở bản",
        dt.date(2025, 3, 8),
        "Ban biên tập",
        "Ba năm đứng lớp buổi tối, cô giáo trẻ giúp hàng chục phụ nữ trong bản "
        "biết đọc, biết viết.",
        ["gương người tốt, việc tốt", "giáo dục"],
        ["lo-thi-mai"],
        ["xa-hoi-hoc-tap"],
        [],
    ),
    (
        "guong-nguoi-tot-viec-tot",
        "can-bo-tu-phap-tan-tuy",
        "Người cán bộ tư pháp tận tụy với dân ở Khun Há",
        dt.date(2025, 5, 20),
        "Ban biên tập",
        "Không để người dân phải đi lại nhiều lần, chị Lan hướng dẫn từng hộ làm "
        "thủ tục hộ tịch trực tuyến.",
        ["gương người tốt, việc tốt", "văn hóa công sở"],
        ["tan-thi-lan"],
        ["van-hoa-cong-so"],
        [],
    ),
]
NEWS_SCHEMES = ["red", "gold", "teal", "blue", "green"]


def ensure_news(sections, exemplars, movements) -> None:
    for seed, row in enumerate(NEWS):
        section, slug, title, date, author, intro, tags, exs, moves, docs = row
        image = ensure_image(
            title=f"Tin: {title}",
            alt=f"Ảnh minh họa cho tin “{title}” (tranh vẽ, không phải ảnh thật)",
            scheme=NEWS_SCHEMES[seed % len(NEWS_SCHEMES)],
            seed=200 + seed,
        )
        ensure_child(
            sections[section],
            NewsPage,
            slug=slug,
            title=title,
            date=date,
            author=author,
            intro=intro,
            lead_image=image,
            body=story(intro, heading="Chi tiết"),
            relations={
                "tags": tags,
                "exemplars": [exemplars[e] for e in exs],
                "movements": [movements[m] for m in moves],
                "related_documents": [
                    NewsDocument(document=doc) for doc in documents(*docs)
                ],
            },
        )


def load_showcase() -> list[str]:
    """Build the demo showcase; return the titles of the pages it created."""
    home = HomePage.objects.first()
    if home is None:
        return []
    before = set(Page.objects.values_list("pk", flat=True))
    sections = ensure_sections(home)
    movements = ensure_movements(sections["phong-trao-thi-dua"])
    exemplars = ensure_exemplars(sections["dien-hinh-tien-tien"], movements)
    ensure_news(sections, exemplars, movements)
    link_demo_awards()
    return list(
        Page.objects.exclude(pk__in=before)
        .order_by("path")
        .values_list("title", flat=True)
    )
