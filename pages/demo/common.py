"""Shared pieces of the demo: vocabulary rows, the site tree and adding a
document page idempotently. Both ``loader`` and ``versions`` build on them.
"""

import datetime as dt
import os

from wagtail.models import Page, PageLogEntry, Site

from documents.models import DocumentType, IssuingBody, Signer
from pages.models import DocumentIndexPage, HomePage

DEMO_NOTE = "Dữ liệu minh họa của bản trình diễn."

LOCAL_BODIES = [
    # slug, name, abbreviation, level, parent slug, place
    (
        "ubnd-tinh-lai-chau",
        "Ủy ban nhân dân tỉnh Lai Châu",
        "UBND",
        "tinh",
        None,
        "Lai Châu",
    ),
    (
        "ubnd-huyen-tam-duong",
        "Ủy ban nhân dân huyện Tam Đường",
        "UBND",
        "huyen",
        "ubnd-tinh-lai-chau",
        "Tam Đường",
    ),
    (
        "ubnd-xa-binh-lu",
        "Ủy ban nhân dân xã Bình Lư",
        "UBND",
        "xa",
        "ubnd-tinh-lai-chau",
        "Bình Lư",
    ),
    (
        "ubnd-xa-ban-bo",
        "Ủy ban nhân dân xã Bản Bo",
        "UBND",
        "xa",
        "ubnd-tinh-lai-chau",
        "Bản Bo",
    ),
    (
        "ubnd-xa-ta-leng",
        "Ủy ban nhân dân xã Tả Lèng",
        "UBND",
        "xa",
        "ubnd-tinh-lai-chau",
        "Tả Lèng",
    ),
    (
        "ubnd-xa-khun-ha",
        "Ủy ban nhân dân xã Khun Há",
        "UBND",
        "xa",
        "ubnd-tinh-lai-chau",
        "Khun Há",
    ),
]
DISTRICT_END = dt.date(2025, 7, 1)


def doc_type(name: str, family: str = "admin") -> DocumentType:
    return DocumentType.objects.get(name=name, family=family)


def body(slug: str) -> IssuingBody:
    return IssuingBody.objects.get(slug=slug)


def ensure_bodies() -> None:
    for slug, name, abbr, level, parent, place in LOCAL_BODIES:
        obj, _ = IssuingBody.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "abbreviation": abbr,
                "level": level,
                "place": place,
            },
        )
        if parent and obj.parent_id is None:
            obj.parent = body(parent)
            obj.save(update_fields=["parent"])
    district = body("ubnd-huyen-tam-duong")
    if district.dissolved_on is None:
        district.dissolved_on = DISTRICT_END
        district.save(update_fields=["dissolved_on"])
        district.successors.set(
            IssuingBody.objects.filter(slug__startswith="ubnd-xa-").exclude(
                slug="ubnd-xa-"
            )
        )


def signer(name: str, position: str, body_slug: str) -> Signer:
    """The demo's signer: the one of that name and position, as the importer
    keys signers (an import may have added the same name with another
    position, "THỦ TƯỚNG"); the demo's earlier one of that name otherwise."""
    found = Signer.objects.filter(name=name)
    obj = found.filter(position=position).first() or found.order_by("pk").first()
    return obj or Signer.objects.create(
        name=name, position=position, body=body(body_slug)
    )


def ensure_site() -> tuple[HomePage, DocumentIndexPage]:
    """The home page at the site root and its "Văn bản" section."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title="Cổng văn bản Ủy ban nhân dân huyện Tam Đường",
            slug="trang-chu",
            owner_name="Ủy ban nhân dân huyện Tam Đường",
            owner_place="huyện Tam Đường, tỉnh Lai Châu",
            intro="<p>Văn bản chỉ đạo, điều hành, kế hoạch và kết quả thi đua, khen "
            "thưởng của huyện Tam Đường.</p>",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                # Where `make run` serves it, so that the sitemap and other
                # full addresses point at the running site (PORT, as the
                # Makefile passes it).
                "hostname": "127.0.0.1",
                "port": demo_port(),
                "root_page": home,
                "site_name": "Cổng văn bản Tam Đường",
            },
        )
        if old_root is not None and old_root.pk != home.pk and old_root.depth == 2:
            # Wagtail's own placeholder ("Welcome to your new Wagtail site!"):
            # its deletion is not something an editor did, so it leaves no
            # line in the site's history.
            old_pk = old_root.pk
            old_root.delete()
            PageLogEntry.objects.filter(page_id=old_pk).delete()
    index = DocumentIndexPage.objects.child_of(home).first()
    if index is None:
        index = DocumentIndexPage(title="Văn bản", slug="van-ban", show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
    return home, index


def add_document(parent, model, *, slug: str, **fields):
    """Create and publish one document page unless its slug already exists."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    children = fields.pop("children", {})
    page = model(slug=slug, **fields)
    for relation, rows in children.items():
        getattr(page, relation).set(rows)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def demo_port() -> int:
    """The port of `make run` (``PORT``, 8000 unless set)."""
    raw = os.environ.get("PORT", "")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 65536 else 8000
