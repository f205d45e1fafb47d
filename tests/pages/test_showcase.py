"""The showcase: exemplars, movements and news, fed by commendation decisions."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from documents.models import EmulationTitle, IssuingBody
from pages.models import (
    Award,
    DecisionPage,
    DocumentIndexPage,
    ExemplarIndexPage,
    ExemplarPage,
    HomePage,
    MovementIndexPage,
    MovementPage,
    NewsIndexPage,
    NewsPage,
)
from tests.factories import (
    DecisionPageFactory,
    ExemplarIndexPageFactory,
    ExemplarPageFactory,
    ImageFactory,
    MovementIndexPageFactory,
    MovementPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PlanPageFactory,
    build_site,
)

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def build_showcase():
    """A site with the document section and the three showcase sections."""
    home, documents = build_site()
    return (
        home,
        documents,
        ExemplarIndexPageFactory(parent=home),
        MovementIndexPageFactory(parent=home),
        NewsIndexPageFactory(parent=home),
    )


def add_award(decision, name, kind="ca_nhan", title="Lao động tiên tiến", **extra):
    return Award.objects.create(
        page=decision,
        recipient_name=name,
        recipient_kind=kind,
        title=EmulationTitle.objects.get(name=title),
        **extra,
    )


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()


class PageStructure(HTMLParser):
    """Collects what the accessibility checks look at: headings, landmarks, images."""

    LANDMARKS = {"header", "nav", "main", "footer"}

    def __init__(self):
        super().__init__()
        self.headings: list[int] = []
        self.landmarks: set[str] = set()
        self.images: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag in self.LANDMARKS:
            self.landmarks.add(tag)
        if tag == "img":
            self.images.append(dict(attrs))


def structure(html: str) -> PageStructure:
    parser = PageStructure()
    parser.feed(html)
    return parser


class TreeRulesTests(WagtailPageTestCase):
    def test_sections_under_home_only(self):
        for model in (ExemplarIndexPage, MovementIndexPage, NewsIndexPage):
            self.assertAllowedParentPageTypes(model, {HomePage})
            self.assertCanNotCreateAt(Page, model)

    def test_home_allows_every_section(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {DocumentIndexPage, ExemplarIndexPage, MovementIndexPage, NewsIndexPage},
        )

    def test_items_only_in_their_section(self):
        pairs = {
            ExemplarPage: ExemplarIndexPage,
            MovementPage: MovementIndexPage,
            NewsPage: NewsIndexPage,
        }
        for model, parent in pairs.items():
            self.assertAllowedParentPageTypes(model, {parent})
            self.assertAllowedSubpageTypes(model, set())
            self.assertCanNotCreateAt(HomePage, model)
            self.assertCanNotCreateAt(DocumentIndexPage, model)


class AdminCreateTests(WagtailPageTestCase):
    def setUp(self):
        self.home, self.docs, self.exemplars, self.movements, self.news = (
            build_showcase()
        )
        self.login()

    def test_create_sections(self):
        for model, slug in (
            (ExemplarIndexPage, "dien-hinh-2"),
            (MovementIndexPage, "phong-trao-2"),
            (NewsIndexPage, "guong-nguoi-tot-viec-tot"),
        ):
            data = nested_form_data(
                {"title": slug, "slug": slug, "intro": rich_text("<p>Giới thiệu</p>")}
            )
            self.assertCanCreate(self.home, model, data)

    def test_create_movement(self):
        plan = PlanPageFactory(parent=self.docs)
        data = nested_form_data(
            {
                "title": "Lai Châu chung sức Xây dựng nông thôn mới",
                "slug": "nong-thon-moi",
                "launcher": "Ủy ban nhân dân tỉnh Lai Châu",
                "start_year": 2021,
                "end_year": 2025,
                "summary": "Phong trào của tỉnh.",
                "body": streamfield([("heading", "Mục tiêu")]),
                "launch_documents": inline_formset([{"document": plan.pk}]),
            }
        )
        self.assertCanCreate(self.movements, MovementPage, data)
        movement = MovementPage.objects.get(slug="nong-thon-moi")
        self.assertEqual(movement.launch_documents.get().document_id, plan.pk)

    def test_create_exemplar(self):
        movement = MovementPageFactory(parent=self.movements)
        data = nested_form_data(
            {
                "title": "Lò Thị Mai",
                "slug": "lo-thi-mai",
                "kind": "ca_nhan",
                "year": 2025,
                "consent_given": "on",
                "consent_date": "2025-05-01",
                "consent_note": "Đồng ý bằng văn bản.",
                "unit": "Trường Tiểu học Bình Lư",
                "commune": "Bình Lư",
                "position": "Giáo viên",
                "achievements": "Giáo viên dạy giỏi cấp tỉnh.",
                "story": streamfield(
                    [("paragraph", rich_text("<p>Cô giáo vùng cao.</p>"))]
                ),
            }
        )
        data["movements"] = [movement.pk]
        self.assertCanCreate(self.exemplars, ExemplarPage, data)
        page = ExemplarPage.objects.get(slug="lo-thi-mai")
        self.assertEqual(page.name_key, "lo thi mai")
        self.assertEqual(list(page.movements.all()), [movement])

    def test_create_news(self):
        exemplar = ExemplarPageFactory(parent=self.exemplars)
        plan = PlanPageFactory(parent=self.docs)
        data = nested_form_data(
            {
                "title": "Tuyên dương điển hình tiên tiến",
                "slug": "tuyen-duong",
                "date": "2025-06-25",
                "author": "Phòng Nội vụ",
                "intro": "Sa pô.",
                "body": streamfield([("paragraph", rich_text("<p>Nội dung.</p>"))]),
                "tags": "thi đua, điển hình",
                "related_documents": inline_formset([{"document": plan.pk}]),
            }
        )
        data["exemplars"] = [exemplar.pk]
        self.assertCanCreate(self.news, NewsPage, data)
        news = NewsPage.objects.get(slug="tuyen-duong")
        self.assertEqual(sorted(t.name for t in news.tags.all()), ["thi đua", "điển hình"])
        self.assertEqual(list(news.exemplars.all()), [exemplar])
