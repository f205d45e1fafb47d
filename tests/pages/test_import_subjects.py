"""Import of records whose text gives no trích yếu (translations, scrapes that
start below the header): the title takes the subject words of the source
address, accented from the record's text, the other records of the import or
the portal's accent statistics, and the page is flagged for the editor."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import PageLogEntry

from documents.parsing import read_records
from documents.parsing.flags import FLAG_MESSAGES
from pages.accents import ImportAccents
from pages.importing import IMPORT_ACTION, document_import
from pages.models import DocumentSource, LegalDocumentPage

pytestmark = pytest.mark.django_db

TVPL = "https://thuvienphapluat.vn/van-ban/Cong-nghe-thong-tin/"
TRANSLATION = {
    "slug": "6035436fd403f46b",
    "source_url": TVPL + "Nghi-dinh-295-2025-ND-CP-huong-dan-Luat-Vien-thong-ve-"
    "hoat-dong-vien-thong-cong-ich-681241.aspx",
    "heuristic": {"so_ky_hieu": "295/2025/NĐ-CP", "loai_van_ban": "Nghị định"},
    "text": (
        "GOVERNMENT OF VIETNAM\n\nNo. 295/2025/ND-CP\n\nHanoi, November 15, 2025"
        "\n\nDECREE\n\nELABORATING LAW ON TELECOMMUNICATIONS REGARDING PUBLIC-"
        "UTILITY TELECOMMUNICATIONS ACTIVITIES\n\nPursuant to the Law on "
        "Government Organization, the Government promulgates this Decree.\n\n"
        "Article 1. Scope\n\nThis Decree provides for the use of the fund."
    ),
}
#: Another decree of the same import, whose text spells the subject's words.
VIETNAMESE = {
    "slug": "a1b2c3d4e5f60718",
    "text": (
        "CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh "
        "phúc\n\nSố: 163/2024/NĐ-CP\n\nHà Nội, ngày 24 tháng 12 năm 2024\n\n"
        "NGHỊ ĐỊNH\n\nQuy định chi tiết một số điều của Luật Viễn thông\n\n"
        "Căn cứ Luật Viễn thông ngày 24 tháng 11 năm 2023;\n\nChính phủ ban "
        "hành Nghị định hướng dẫn Luật Viễn thông về hoạt động viễn thông công "
        "ích và về hoạt động viễn thông khác.\n\nĐiều 1. Phạm vi điều chỉnh\n\n"
        "Nghị định này hướng dẫn hoạt động viễn thông công ích.\n\n"
        "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nNguyễn Chí Dũng"
    ),
}
SUBJECT = "hướng dẫn Luật Viễn thông về hoạt động viễn thông công ích"


def write(tmp_path, *rows):
    path = tmp_path / "records.jsonl"
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def page_of(slug: str) -> LegalDocumentPage:
    return LegalDocumentPage.objects.get(slug=slug)


def test_command_accents_a_translation_from_the_other_records(site_tree, tmp_path):
    out = StringIO()
    path = write(tmp_path, VIETNAMESE, TRANSLATION)
    call_command("import_documents", str(path), "--publish", "-v", "2", stdout=out)
    page = page_of(TRANSLATION["slug"])
    assert page.title == f"Nghị định {SUBJECT}"
    assert page.summary == SUBJECT[:1].upper() + SUBJECT[1:]
    assert page.live and page.code == "295/2025/NĐ-CP"
    entry = PageLogEntry.objects.get(page=page, action=IMPORT_ACTION)
    assert FLAG_MESSAGES["title_from_url_guessed"] in entry.data["checks"]
    assert FLAG_MESSAGES["title_from_url_guessed"] in out.getvalue()
    # the Vietnamese decree keeps the trích yếu its own text gives
    assert page_of(VIETNAMESE["slug"]).title.startswith("Nghị định quy định chi tiết")


def test_a_record_alone_keeps_the_words_unaccented_and_flags_them(site_tree, tmp_path):
    _, index = site_tree
    (record,) = read_records(write(tmp_path, TRANSLATION))
    result = document_import(record=record, parent=index, publish=True)
    page = page_of(TRANSLATION["slug"])
    assert page.title == (
        "Nghị định huong dan Luat Vien thong ve hoat dong vien thong cong ich"
    )
    assert FLAG_MESSAGES["title_from_url_unaccented"] in result.warnings
    assert result.published  # complete: the flag asks for a check, no more


def test_portal_statistics_accent_a_record_imported_alone(
    site_tree, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.SEARCH_RESTORE_ACCENTS = True  # the portal counts its words
    _, index = site_tree
    (vietnamese,) = read_records(write(tmp_path, VIETNAMESE))
    with django_capture_on_commit_callbacks(execute=True):  # indexed, counted
        assert document_import(record=vietnamese, parent=index, publish=True).published
    (record,) = read_records(write(tmp_path, TRANSLATION))
    result = document_import(record=record, parent=index, publish=True)
    assert page_of(TRANSLATION["slug"]).title == f"Nghị định {SUBJECT}"
    assert FLAG_MESSAGES["title_from_url_guessed"] in result.warnings


def test_reimport_keeps_the_page_its_source_and_title(site_tree, tmp_path):
    _, index = site_tree
    path = write(tmp_path, VIETNAMESE, TRANSLATION)
    accents = ImportAccents([VIETNAMESE["text"], TRANSLATION["text"]])
    first = [
        document_import(record=r, parent=index, publish=True, accents=accents)
        for r in read_records(path)
    ]
    again = [
        document_import(record=r, parent=index, publish=True, accents=accents)
        for r in read_records(path)
    ]
    assert [r.action for r in again] == ["revised", "unchanged"]
    assert [r.page_id for r in again] == [r.page_id for r in first]
    assert [r.title for r in again] == [r.title for r in first]
    assert LegalDocumentPage.objects.count() == 2
    page = page_of(TRANSLATION["slug"])
    assert page.title == f"Nghị định {SUBJECT}" and page.live
    source = DocumentSource.objects.get(page_id=page.pk)
    assert source.source_url == TRANSLATION["source_url"]


def test_accent_source_knows_only_what_it_counted(db):
    accents = ImportAccents(["Hướng dẫn hoạt động viễn thông công ích."])
    words = ["huong", "dan", "hoat", "dong", "xyzq"]
    assert accents(words, [None] * 5) == ["hướng", "dẫn", "hoạt", "động", None]
    # a known form is kept and steers nothing away from itself
    assert accents(["cong", "ich"], ["cộng", None]) == ["cộng", "ích"]


def test_same_text_under_another_address_keeps_both_and_redirects(
    site_tree, tmp_path, client
):
    from wagtail.contrib.redirects.models import Redirect

    second = {
        **VIETNAMESE,
        "slug": "b2c3d4e5f6071829",
        "source_url": TVPL + "Nghi-dinh-163-2024-ND-CP-huong-dan-Luat-Vien-thong-"
        "626010.aspx",
    }
    first = {**VIETNAMESE, "source_url": TVPL + "Nghi-dinh-163-2024-ND-CP-1.aspx"}
    path = write(tmp_path, first, second)
    out = StringIO()
    call_command("import_documents", str(path), "--publish", stdout=out)
    page = page_of(VIETNAMESE["slug"])
    assert LegalDocumentPage.objects.count() == 1
    sources = DocumentSource.objects.filter(page=page)
    assert [s.source_url for s in sources] == [
        first["source_url"],
        second["source_url"],
    ]
    (redirect,) = Redirect.objects.all()
    assert redirect.redirect_page_id == page.pk and redirect.is_permanent
    assert redirect.old_path.endswith("/b2c3d4e5f6071829")
    printed = out.getvalue()
    assert f"SAME DOCUMENT records.jsonl#2: 163/2024/NĐ-CP is page {page.pk}" in printed
    response = client.get(redirect.old_path + "/")
    assert response.status_code == 301 and response["Location"].endswith(page.url)
    # importing both again adds nothing: same sources, same redirect
    call_command("import_documents", str(path), "--publish", stdout=StringIO())
    assert DocumentSource.objects.filter(page=page).count() == 2
    assert Redirect.objects.count() == 1
    assert page.import_sources.first().source_url == first["source_url"]


def test_a_record_without_trich_yeu_keeps_the_title_the_page_has(site_tree, tmp_path):
    _, index = site_tree
    english = {
        **TRANSLATION,
        "slug": "c3d4e5f607182930",
        "source_url": TVPL + "Decree-295-2025-ND-CP-elaborating-Law-on-"
        "Telecommunications-681300.aspx",
    }
    accents = ImportAccents([VIETNAMESE["text"]])
    path = write(tmp_path, TRANSLATION, english)
    results = [
        document_import(record=r, parent=index, publish=True, accents=accents)
        for r in read_records(path)
    ]
    assert [r.action for r in results] == ["created", "unchanged"]
    page = page_of(TRANSLATION["slug"])
    # the English address gives no Vietnamese trích yếu: the page keeps its own
    assert page.title == f"Nghị định {SUBJECT}"
    assert results[1].title == page.title
    # nor does a re-import replace the title an editor wrote
    page = page.specific
    page.title, page.summary = "Nghị định về viễn thông công ích", "Về viễn thông"
    page.save_revision().publish()
    (record,) = read_records(write(tmp_path, english))
    document_import(record=record, parent=index, publish=True, accents=accents)
    page.refresh_from_db()
    assert (page.title, page.summary) == (
        "Nghị định về viễn thông công ích",
        "Về viễn thông",
    )


def test_a_translation_of_a_page_already_there_leaves_it_as_it_is(site_tree, tmp_path):
    """The official Vietnamese text stays the page's content; the translation's
    address becomes one more source of it, its slug a redirect."""
    _, index = site_tree
    original = {
        **VIETNAMESE,
        "slug": "d4e5f60718293a4b",
        "text": VIETNAMESE["text"]
        .replace("163/2024/NĐ-CP", "295/2025/NĐ-CP")
        .replace("ngày 24 tháng 12 năm 2024", "ngày 15 tháng 11 năm 2025"),
    }
    path = write(tmp_path, original, TRANSLATION)
    out = StringIO()
    call_command("import_documents", str(path), "--publish", stdout=out)
    (page,) = LegalDocumentPage.objects.all()
    assert page.slug == original["slug"] and page.live
    assert page.title == "Nghị định quy định chi tiết một số điều của Luật Viễn thông"
    assert "hoạt động viễn thông công ích." in str(page.body)
    assert page.revisions.count() == 1
    urls = [s.source_url for s in DocumentSource.objects.filter(page=page)]
    assert urls[-1] == TRANSLATION["source_url"]
    printed = out.getvalue()
    assert "1 created, 0 revised, 1 translations kept as sources" in printed
    assert f"TRANSLATION records.jsonl#2: 295/2025/NĐ-CP is page {page.pk}" in printed


def test_an_english_text_accents_no_word(db):
    accents = ImportAccents([TRANSLATION["text"], VIETNAMESE["text"]])
    assert accents(["the", "cong", "ich"], [None] * 3) == [None, "công", "ích"]


def test_accents_are_read_where_the_portal_counts_them(db, monkeypatch):
    """The search backend's database (``OPTIONS["DATABASE"]``), where
    publishing an imported page counts its words, unless one is named."""
    from contextlib import nullcontext
    from types import SimpleNamespace

    from pages import accents as module
    from search import indexing, restore

    asked = []
    monkeypatch.setattr(indexing, "statistics_databases", lambda: ["search"])
    monkeypatch.setattr(
        restore, "lookup", lambda grams, using: asked.append(using) or {}
    )
    monkeypatch.setattr(  # no "search" database here: only which one is asked
        module, "transaction", SimpleNamespace(atomic=lambda using: nullcontext())
    )
    ImportAccents(["Hướng dẫn"]).stats(["huong", "dan"])
    ImportAccents(["Hướng dẫn"], using="default").stats(["huong"])
    assert asked == ["search", "default"]


def test_a_consolidated_law_is_titled_after_the_law(site_tree, tmp_path):
    """A VBHN page reads "Văn bản hợp nhất Bộ luật Hình sự", the name staff
    and the questions of citizens use, not "Văn bản hợp nhất hình sự"."""
    record = {
        "slug": "vbhn-bo-luat-hinh-su",
        "text": (
            "VĂN PHÒNG QUỐC HỘI\n\nSố: 01/VBHN-VPQH\n\nHà Nội, ngày 10 tháng 7 năm "
            "2017\n\nBỘ LUẬT\n\nHÌNH SỰ\n\nĐiều 1. Nhiệm vụ của Bộ luật hình sự\n\n"
            "Bộ luật hình sự có nhiệm vụ bảo vệ chủ quyền quốc gia.\n\nĐiều 2. Cơ "
            "sở của trách nhiệm hình sự\n\nChỉ người nào phạm một tội đã được Bộ "
            "luật hình sự quy định mới phải chịu trách nhiệm hình sự."
        ),
    }
    call_command("import_documents", str(write(tmp_path, record)), stdout=StringIO())
    page = page_of(record["slug"])
    assert page.title == "Văn bản hợp nhất Bộ luật Hình sự"
    assert page.code == "01/VBHN-VPQH"
