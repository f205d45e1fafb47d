import datetime as dt

import factory
import wagtail_factories
from wagtail.models import Page, Site

from pages.models import (
    DecisionPage,
    DirectivePage,
    DocumentIndexPage,
    DocumentPage,
    HomePage,
    PlanPage,
)

from .documents import IssuingBodyFactory, SignerFactory, document_type


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Cổng văn bản huyện Tam Đường"
    owner_name = "Ủy ban nhân dân huyện Tam Đường"


class DocumentIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DocumentIndexPage

    title = "Văn bản"
    slug = "van-ban"


class LegalDocumentFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kế hoạch thử nghiệm số {n}")
    number = factory.Sequence(lambda n: n + 1)
    symbol = "KH-UBND"
    issuing_body = factory.SubFactory(IssuingBodyFactory)
    place = "Tam Đường"
    issued_date = dt.date(2025, 3, 14)
    summary = factory.LazyAttribute(lambda o: o.title)
    status = "con_hieu_luc"
    signing_authority = "TM."
    signer_position = "Chủ tịch"
    signer = factory.SubFactory(SignerFactory)
    document_type = factory.LazyFunction(document_type)


class PlanPageFactory(LegalDocumentFactory):
    class Meta:
        model = PlanPage


class DirectivePageFactory(LegalDocumentFactory):
    class Meta:
        model = DirectivePage

    symbol = "CT-UBND"
    document_type = factory.LazyFunction(lambda: document_type("Chỉ thị"))


class DecisionPageFactory(LegalDocumentFactory):
    class Meta:
        model = DecisionPage

    symbol = "QĐ-UBND"
    document_type = factory.LazyFunction(lambda: document_type("Quyết định"))


class DocumentPageFactory(LegalDocumentFactory):
    class Meta:
        model = DocumentPage

    symbol = "UBND-VP"
    document_type = factory.LazyFunction(lambda: document_type("Công văn"))


def build_site() -> tuple[HomePage, DocumentIndexPage]:
    """A home page as the default site's root with a published "Văn bản" section."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="home-test")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "port": 80},
    )
    index = DocumentIndexPageFactory(parent=home)
    return home, index
