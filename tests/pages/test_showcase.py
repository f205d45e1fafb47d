"""The showcase: exemplars, movements and news, fed by commendation decisions."""

import re
from html.parser import HTMLParser

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
    ContentPage,
    DocumentIndexPage,
    DocumentListPage,
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
            {
                ContentPage,
                DocumentIndexPage,
                DocumentListPage,
                ExemplarIndexPage,
                MovementIndexPage,
                NewsIndexPage,
            },
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
        self.assertEqual(
            sorted(t.name for t in news.tags.all()), ["thi đua", "điển hình"]
        )
        self.assertEqual(list(news.exemplars.all()), [exemplar])


class ShowcaseTestCase(WagtailPageTestCase):
    """A site with one movement, one consenting exemplar with a photo and a news item."""

    def setUp(self):
        self.home, self.docs, self.gallery, self.movements, self.news_index = (
            build_showcase()
        )
        self.plan = PlanPageFactory(parent=self.docs, title="Kế hoạch phát động")
        self.movement = MovementPageFactory(
            parent=self.movements,
            title="Lai Châu chung sức Xây dựng nông thôn mới",
            image=ImageFactory(),
        )
        self.movement.launch_documents.create(document=self.plan)
        publish(self.movement)
        self.photo = ImageFactory(description="Cô giáo Lò Thị Mai trên lớp")
        self.exemplar = ExemplarPageFactory(
            parent=self.gallery,
            title="Lò Thị Mai",
            photo=self.photo,
            issuing_body=IssuingBody.objects.get(slug="chinh-phu"),
        )
        self.exemplar.movements.add(self.movement)
        publish(self.exemplar)
        self.news = NewsPageFactory(
            parent=self.news_index,
            title="Cô giáo và lớp học xóa mù chữ",
            lead_image=ImageFactory(description="Lớp học buổi tối"),
            body=[("heading", "Chuyện ở bản"), ("quote", "Học để biết chữ.")],
        )
        self.news.tags.add("giáo dục")
        self.news.exemplars.add(self.exemplar)
        self.news.movements.add(self.movement)
        self.news.related_documents.create(document=self.plan)
        publish(self.news)

    def get(self, page, query=""):
        response = self.client.get(page.url + query)
        self.assertEqual(response.status_code, 200, page.url + query)
        return response.content.decode()


class RenderTests(ShowcaseTestCase):
    def test_exemplar_page(self):
        html = self.get(self.exemplar)
        for text in ("Lò Thị Mai", "Giáo viên", "Trường Tiểu học Bình Lư", "Bình Lư"):
            self.assertIn(text, html)
        self.assertIn(self.movement.url, html)
        self.assertIn("Nhiều năm liền hoàn thành xuất sắc", html)
        self.assertIn("<picture>", html)
        self.assertIn('type="image/webp"', html)
        self.assertIn("srcset=", html)
        self.assertIn('alt="Cô giáo Lò Thị Mai trên lớp"', html)
        self.assertIn(self.news.title, html)

    def test_movement_page(self):
        html = self.get(self.movement)
        self.assertIn("“Lai Châu chung sức Xây dựng nông thôn mới”", html)
        self.assertIn("2021–2025", html)
        self.assertIn(self.plan.code, html)
        self.assertIn(self.exemplar.url, html)
        self.assertIn(self.news.url, html)

    def test_news_page(self):
        html = self.get(self.news)
        for text in ("25/06/2025", "Phòng Nội vụ", "giáo dục", "<h2>Chuyện ở bản</h2>"):
            self.assertIn(text, html)
        self.assertIn("<blockquote>Học để biết chữ.</blockquote>", html)
        for page in (self.exemplar, self.movement, self.plan):
            self.assertIn(page.url, html)
        self.assertIn('alt="Lớp học buổi tối"', html)

    def test_private_documents_not_linked(self):
        secret = PlanPageFactory(parent=self.docs, title="Kế hoạch nội bộ")
        PageViewRestriction.objects.create(
            page=secret, restriction_type="password", password="bí-mật"
        )
        self.movement.launch_documents.create(document=secret)
        publish(self.movement)
        self.news.related_documents.create(document=secret)
        publish(self.news)
        for page in (self.movement, self.news):
            html = self.get(page)
            self.assertIn(self.plan.url, html)
            self.assertNotIn("Kế hoạch nội bộ", html)

    def test_index_pages(self):
        self.assertIn(self.exemplar.url, self.get(self.gallery))
        self.assertIn(self.movement.url, self.get(self.movements))
        html = self.get(self.news_index)
        self.assertIn(self.news.url, html)
        self.assertIn(self.news.url, self.get(self.news_index, "?tag=giáo dục"))
        self.assertNotIn(self.news.url, self.get(self.news_index, "?tag=khác"))

    def test_home_page_lists_showcase(self):
        decision = DecisionPageFactory(parent=self.docs, title="Quyết định khen thưởng")
        html = self.get(self.home)
        for page in (decision, self.plan, self.exemplar, self.news, self.movement):
            self.assertIn(page.url, html)
        self.assertIn('role="search"', html)

    def test_feeds_advertised(self):
        html = self.get(self.gallery)
        self.assertIn('type="application/rss+xml"', html)
        self.assertIn(f'href="{self.gallery.url}atom/"', html)
        self.assertIn(f'href="{self.news_index.url}rss/"', self.get(self.news))
        html = self.get(self.home)
        for index in (self.docs, self.gallery, self.news_index):
            self.assertIn(f'href="{index.url}rss/"', html)
            self.assertIn(f'href="{index.url}atom/"', html)

    def test_social_tags_with_absolute_image(self):
        for page in (self.exemplar, self.news, self.movement):
            html = self.get(page)
            match = re.search(r'<meta property="og:image" content="([^"]+)"', html)
            self.assertIsNotNone(match, page)
            self.assertTrue(match.group(1).startswith("http://testserver/"))
            self.assertIn('name="twitter:card" content="summary_large_image"', html)
        html = self.get(self.plan)
        self.assertNotIn("og:image", html)
        self.assertIn('name="twitter:card" content="summary"', html)


class ExemplarFilterTests(ShowcaseTestCase):
    def setUp(self):
        super().setUp()
        self.collective = ExemplarPageFactory(
            parent=self.gallery,
            title="Hợp tác xã chè Tả Lèng",
            kind="tap_the",
            year=2024,
        )

    def listed(self, query):
        html = self.get(self.gallery, query)
        return {p.title for p in (self.exemplar, self.collective) if p.url in html}

    def test_filters(self):
        both = {"Lò Thị Mai", "Hợp tác xã chè Tả Lèng"}
        self.assertEqual(self.listed(""), both)
        self.assertEqual(self.listed("?kind=tap_the"), {"Hợp tác xã chè Tả Lèng"})
        self.assertEqual(self.listed("?year=2025"), {"Lò Thị Mai"})
        self.assertEqual(self.listed(f"?movement={self.movement.slug}"), {"Lò Thị Mai"})
        unit = self.exemplar.issuing_body_id
        self.assertEqual(self.listed(f"?unit={unit}"), {"Lò Thị Mai"})

    def test_filter_by_title_of_live_decisions_only(self):
        decision = DecisionPageFactory(parent=self.docs)
        add_award(
            decision, "Hợp tác xã chè Tả Lèng", "tap_the", "Tập thể lao động tiên tiến"
        )
        publish(decision)
        title = EmulationTitle.objects.get(name="Tập thể lao động tiên tiến")
        self.assertEqual(self.listed(f"?title={title.pk}"), {"Hợp tác xã chè Tả Lèng"})
        decision.unpublish()
        self.assertEqual(self.listed(f"?title={title.pk}"), set())

    def test_bad_parameters_never_fail(self):
        for query in (
            "?kind=zzz&year=abc&movement=nope&unit=x&title=%00&page=999",
            "?year=99999999999999999999&page=-1",
            "?unit=999999&title=999999&page=abc",
            "?unit=1000000000000000000000000000000&title=1000000000000000000000000000000",
            "?kind=%00&movement=%ff&year=%20",
        ):
            self.get(self.gallery, query)
        self.get(self.news_index, "?page=zzz&tag=" + "x" * 500)

    def test_pagination(self):
        for n in range(13):
            ExemplarPageFactory(
                parent=self.gallery, title=f"Điển hình {n:02d}", year=2020
            )
        self.assertIn("Trang 1 / 2", self.get(self.gallery))
        self.assertIn("Trang 2 / 2", self.get(self.gallery, "?year=2020&page=2"))


class ConsentTests(ShowcaseTestCase):
    """Nghị định 13/2023: without consent, nothing personal is rendered anywhere."""

    PERSONAL = (
        "Giáo viên",
        "Tiểu học Bình Lư",
        "Nhiều năm liền",
        "vùng cao",
        "trên lớp",
    )

    def setUp(self):
        super().setUp()
        self.exemplar.consent_given = False
        self.exemplar.story = [("paragraph", rich_text("<p>Cô giáo vùng cao.</p>"))]
        publish(self.exemplar)

    def assert_no_personal_data(self, html):
        for text in self.PERSONAL:
            self.assertNotIn(text, html)
        self.assertNotIn(self.photo.file.name.split("/")[-1].split(".")[0], html)

    def test_exemplar_page_hides_personal_fields(self):
        html = self.get(self.exemplar)
        self.assertIn("Lò Thị Mai", html)
        self.assertIn("chưa có sự đồng ý", html)
        self.assertNotIn("og:image", html)
        self.assert_no_personal_data(html)

    def test_listings_and_feeds_hide_personal_fields(self):
        for page in (self.gallery, self.home, self.movement):
            html = self.get(page)
            self.assertIn("Lò Thị Mai", html)
            self.assert_no_personal_data(html)
        for kind in ("rss", "atom"):
            xml = self.client.get(f"{self.gallery.url}{kind}/").content.decode()
            self.assertIn("Lò Thị Mai", xml)
            self.assert_no_personal_data(xml)

    def test_consent_note_is_never_public(self):
        self.exemplar.consent_given = True
        publish(self.exemplar)
        self.assertNotIn("Đồng ý bằng văn bản", self.get(self.exemplar))
