"""The demo site built by ``load_demo``."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import Page

from pages.models import (
    DecisionPage,
    DirectivePage,
    DocumentPage,
    PlanPage,
    PublishedVersion,
)


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def test_load_demo_twice_creates_no_duplicates(demo):
    counts = Page.objects.count()
    call_command("load_demo", verbosity=0)
    assert Page.objects.count() == counts


def test_load_demo_again_after_an_import_added_a_signer_of_the_same_name(demo):
    """An import keys signers by name and position, so it may add "Phạm Minh
    Chính" as "THỦ TƯỚNG" beside the demo's "Thủ tướng": ``make run`` loads
    the demo again every time and must still start."""
    from documents.models import Signer

    Signer.objects.create(name="Phạm Minh Chính", position="THỦ TƯỚNG")
    call_command("load_demo", verbosity=0)
    assert Signer.objects.filter(name="Phạm Minh Chính").count() == 2


def test_every_republished_demo_version_says_what_changed(demo, client):
    """A fresh ``make run`` showed the commendation decision's version 2 with
    "—" as its change note (the demo re-publishes it to link the awards)."""
    later = PublishedVersion.objects.filter(number__gt=1)
    assert later.exists()
    assert [str(v) for v in later if not v.note.strip()] == []
    history = client.get("/van-ban/quyet-dinh-khen-thuong-2025/phien-ban/")
    assert "Liên kết danh sách khen thưởng" in history.content.decode()


def test_sample_plan_metadata(demo, client):
    plan = PlanPage.objects.get(slug="ke-hoach-thi-dua-khen-thuong-2025")
    assert plan.live
    assert plan.number is None and plan.code == "/KH-UBND"
    assert plan.issuing_body.name == "Ủy ban nhân dân huyện Tam Đường"
    assert plan.issuing_body.parent.name == "Ủy ban nhân dân tỉnh Lai Châu"
    assert plan.place == "Tam Đường" and plan.year == 2025
    assert (plan.signing_authority, plan.signer_position) == ("TM.", "Chủ tịch")
    assert plan.signer.name == "Sùng Lữ Páo"
    assert "5324/KH-UBND" in plan.legal_basis
    assert "Lưu: VT, NV" in plan.recipients
    response = client.get(plan.url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "TM. ỦY BAN NHÂN DÂN" in text and "Sùng Lữ Páo" in text
    assert "MỤC ĐÍCH, YÊU CẦU" in text


def test_cited_documents_and_every_type_exist(demo):
    codes = {p.code for p in PlanPage.objects.live()} | {
        p.code for p in DirectivePage.objects.live()
    }
    assert {
        "5324/KH-UBND",
        "118/KH-UBND",
        "34-CT/TW",
        "19/CT-TTg",
        "09/CT-UBND",
    } <= codes
    assert DocumentPage.objects.live().filter(code="06/2022/QH15").exists()
    assert DecisionPage.objects.live().exists()


def test_home_names_owner(demo, client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Tam Đường" in response.content.decode()


def test_sitemap_points_at_the_running_site(db, client, monkeypatch):
    # `PORT=8123 make run`: the sitemap's addresses are those of the site
    # served on 127.0.0.1:8123, not http://localhost/.
    monkeypatch.setenv("PORT", "8123")
    call_command("load_demo", verbosity=0)
    xml = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8123").content.decode()
    assert "http://127.0.0.1:8123/van-ban/" in xml
    assert "localhost" not in xml


def test_site_history_holds_only_what_the_demo_made(demo):
    from wagtail.models import PageLogEntry

    labels = PageLogEntry.objects.values_list("label", flat=True)
    assert PageLogEntry.objects.exists()
    assert not [label for label in labels if "Wagtail" in label]  # the placeholder


def test_load_demo_creates_one_account_per_role(db, client, monkeypatch):
    """The README's role section names them: trying the review workflow needs
    no user created first; a later run changes no password. (Named "-demo" so
    that they clash with no test's own "bientap" or "lanhdao".)"""
    from io import StringIO

    from django.contrib.auth import get_user_model

    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "mat-khau-demo")
    call_command("load_demo", stdout=StringIO())
    users = get_user_model().objects
    roles = {
        name: list(users.get(username=name).groups.values_list("name", flat=True))
        for name in ("bientap-demo", "lanhdao-demo", "quantri-demo")
    }
    assert roles == {
        "bientap-demo": ["Biên tập viên"],
        "lanhdao-demo": ["Lãnh đạo duyệt"],
        "quantri-demo": ["Quản trị"],
    }
    assert client.login(username="lanhdao-demo", password="mat-khau-demo")
    assert client.get("/admin/").status_code == 200
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD")
    again = StringIO()
    call_command("load_demo", stdout=again)
    assert "password" not in again.getvalue()
    assert users.get(username="bientap-demo").check_password("mat-khau-demo")


def test_role_passwords_are_random_and_printed_once(db, monkeypatch):
    from io import StringIO

    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    out = StringIO()
    call_command("load_demo", stdout=out)
    printed = dict(re.findall(r"user '([\w-]+)', password '([^']+)'", out.getvalue()))
    assert set(printed) == {"admin", "bientap-demo", "lanhdao-demo", "quantri-demo"}
    assert len(set(printed.values())) == 4
