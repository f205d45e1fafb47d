"""Published pages for the indexing and view tests (factories of tests/factories)."""

import datetime as dt

from wagtail.rich_text import RichText

from tests.factories import PlanPageFactory
from tests.factories.documents import document_type
from tests.factories.pages import DirectivePageFactory
from tests.factories.showcase import ExemplarIndexPageFactory, ExemplarPageFactory


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_documents(index):
    """A directive 34-CT/TW with articles and a plan citing it, both published."""
    directive = DirectivePageFactory(
        parent=index,
        title="Chỉ thị về tăng cường công tác thi đua, khen thưởng",
        number=34,
        symbol="CT/TW",
        document_type=document_type("Chỉ thị", "party"),
        issued_date=dt.date(2019, 4, 7),
        summary="Về công tác thi đua, khen thưởng",
        body=[
            (
                "article",
                {
                    "number": "1",
                    "title": "Phạm vi",
                    "body": RichText("<p>Chỉ thị áp dụng cho các cấp ủy.</p>"),
                },
            ),
            (
                "article",
                {
                    "number": "2",
                    "title": "Giấy khen",
                    "body": RichText("<p>Tặng <b>giấy khen</b> cho tập thể.</p>"),
                },
            ),
        ],
    )
    plan = PlanPageFactory(
        parent=index,
        title="Kế hoạch thi đua, khen thưởng năm 2025",
        summary="Kế hoạch tổ chức phong trào thi đua năm 2025",
        legal_basis="Căn cứ Chỉ thị số 34-CT/TW ngày 07/4/2019 của Bộ Chính trị;",
    )
    return publish(directive), publish(plan)


def make_exemplar(home, consent: bool):
    index = ExemplarIndexPageFactory(parent=home)
    return publish(
        ExemplarPageFactory(
            parent=index,
            title="Ông Lò Văn Sáng",
            consent_given=consent,
            achievements="Trồng chè giỏi, giúp bản thoát nghèo",
        )
    )
