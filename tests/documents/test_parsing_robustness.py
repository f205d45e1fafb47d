"""The parser never raises on arbitrary text, reads every file format, and lets
explicit values override what it parsed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from documents.parsing import ParseError, parse_document, read_records
from tests.documents.test_parsing import FIXTURES, SEED


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text):
    doc = parse_document(text)
    assert isinstance(doc.to_dict(), dict)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Số: /KH-UBND", "KẾ HOẠCH", "Điều 1.", "I. ", "1.1.", "Nơi nhận:",
             "TM.", "KT. CHỦ TỊCH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Căn cứ",
             "- Lưu: VT.", "**", "Chương I", "Kính gửi:", "V/v", "ngày tháng năm"]
        )
        | st.text(max_size=30),
        max_size=25,
    )
)  # fmt: skip
def test_never_raises_on_document_shaped_noise(parts):
    parse_document("\n".join(parts))


class TestReaders:
    """read_records for each input kind, including broken files."""

    def test_txt(self):
        [record] = read_records(SEED)
        assert record.name == SEED.name and record.text.startswith("\n\nSố:")

    def test_utf8_bom_and_utf16(self, tmp_path):
        text = "Số: 12/QĐ-UBND\nQUYẾT ĐỊNH\n"
        (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
        (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
        for name in ("bom.txt", "u16.txt"):
            [record] = read_records(tmp_path / name)
            assert record.text == text

    def test_not_utf8(self, tmp_path):
        (tmp_path / "latin.txt").write_bytes("Uû ban".encode("latin-1"))
        with pytest.raises(ParseError, match="not UTF-8"):
            read_records(tmp_path / "latin.txt")

    def test_docx_paragraphs_and_header_table(self):
        [record] = read_records(FIXTURES / "quyet-dinh-khen-thuong.docx")
        doc = parse_document(record.text)
        assert doc.code == "215/QĐ-UBND" and doc.doc_type == "Quyết định"
        assert doc.issuer == "Ủy ban nhân dân huyện Tam Đường"
        assert doc.issuer_parent == "UBND tỉnh Lai Châu"
        assert doc.issued_date == "2025-01-20"
        assert [a["number"] for a in doc.articles] == ["1", "2"]
        assert doc.signer_name == "Lò Văn Mạnh"

    def test_pdf_text_layer(self):
        [record] = read_records(FIXTURES / "cong-van-text-layer.pdf")
        assert "So: 5330/CT-CS" in record.text
        doc = parse_document(record.text)
        assert doc.code == "5330/CT-CS" and doc.issued_date == "2025-11-19"

    @pytest.mark.parametrize(
        ("name", "message"),
        [
            ("scanned-no-text.pdf", "no text layer"),
            ("broken.pdf", "not a valid PDF"),
            ("broken.docx", "not a valid DOCX"),
            ("missing.txt", "cannot read"),
        ],
    )
    def test_unreadable_files(self, name, message):
        with pytest.raises(ParseError, match=message):
            read_records(FIXTURES / name)

    def test_jsonl_overrides(self):
        first, second = read_records(FIXTURES / "records.jsonl")
        assert first.name == "records.jsonl#1"
        assert first.overrides == {"source_url": "https://example.gov.vn/qd-2934"}
        doc = parse_document(second.text, overrides=second.overrides)
        assert doc.title == "Kế hoạch công tác thi đua năm 2025"
        assert doc.slug == "ke-hoach-tdkt-2025"

    def test_pretty_printed_json_list(self, tmp_path):
        path = tmp_path / "records.json"
        path.write_text(
            '[\n  {"text": "Số: 1/TB-UBND", "slug": "tb-1"},\n  {"text": "x"}\n]'
        )
        first, second = read_records(path)
        assert first.overrides == {"slug": "tb-1"} and second.name == "records.json#2"

    def test_jsonl_bad_line_reports_line_number(self):
        with pytest.raises(ParseError, match="line 2"):
            read_records(FIXTURES / "malformed.jsonl")

    def test_oversized(self, tmp_path, monkeypatch):
        from documents.parsing import readers

        monkeypatch.setattr(readers, "MAX_BYTES", 10)
        (tmp_path / "big.txt").write_text("x" * 11)
        with pytest.raises(ParseError, match="too large"):
            read_records(tmp_path / "big.txt")

    def test_unsupported_type(self, tmp_path):
        (tmp_path / "a.xls").write_bytes(b"x")
        with pytest.raises(ParseError, match="unsupported"):
            read_records(tmp_path / "a.xls")


def test_overrides_win():
    doc = parse_document(
        SEED.read_text("utf-8"),
        overrides={
            "title": "Tiêu đề",
            "code": "12/KH-UBND",
            "slug": "kh-12",
            "issued_date": "05/02/2025",
        },
    )
    assert doc.issued_date == "2025-02-05"
    assert "draft_no_number" not in doc.flags and "date_partial" not in doc.flags
    assert (doc.title, doc.code, doc.number, doc.slug) == (
        "Tiêu đề",
        "12/KH-UBND",
        12,
        "kh-12",
    )
