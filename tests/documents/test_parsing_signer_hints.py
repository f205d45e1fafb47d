"""The signer filled from the record when the text has no signature block:
documents.parsing.signer_hints (through hints.fill_from_record)."""

import json

import pytest

from documents.parsing import parse_document, parse_record
from documents.parsing.flags import FLAG_MESSAGES, describe
from documents.parsing.hints import fill_from_record, record_metadata
from documents.parsing.readers import read_records
from documents.parsing.signer_hints import person_name

HEADER = (
    "ỦY BAN NHÂN DÂN TỈNH BẮC NINH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n\nSố: 471/QĐ-UBND\n\n"
    "Bắc Ninh, ngày 28 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n"
    "Về việc phê duyệt danh mục hội chợ năm 2026\n\n"
    "Điều 1. Phê duyệt danh mục.\n\nĐiều 2. Quyết định này có hiệu lực từ ngày ký."
)
SIGNED = HEADER + "./.\n\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\n"
SIGNED += "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐào Quang Khải"


def fill(text, **meta):
    return fill_from_record(parse_document(text), text, meta)


def test_signature_cut_off_the_record_names_the_signer():
    assert parse_document(HEADER).signer_name is None
    doc = fill(HEADER, signer_name="Phạm  Thị Minh Hiền")
    assert doc.signer_name == "Phạm Thị Minh Hiền"
    assert doc.flags[-1] == "signer_from_metadata"
    assert FLAG_MESSAGES["signer_from_metadata"] in describe(doc)


def test_the_texts_own_signature_wins():
    doc = fill(SIGNED, signer_name="Nguyễn Văn A", signer_position="Chủ tịch")
    assert (doc.signing_authority, doc.signer_position, doc.signer_name) == (
        "KT.",
        "PHÓ CHỦ TỊCH",
        "Đào Quang Khải",
    )
    assert not any(flag.startswith("signer_") for flag in doc.flags)


def test_position_and_authority_come_with_the_name():
    doc = fill(
        HEADER,
        signer_name="Đào Quang Khải",
        signer_position="Phó Chủ tịch",
        signing_authority="kt",
    )
    assert (doc.signing_authority, doc.signer_position, doc.signer_name) == (
        "KT.",
        "Phó Chủ tịch",
        "Đào Quang Khải",
    )
    assert "signer_title_refused_metadata" not in doc.flags


@pytest.mark.parametrize(
    "value",
    [
        "Cấp Tỉnh",  # a level of government, as scrapers fill the field
        "Xã Khe Tre",
        "Thành Phố Huế",
        "Vĩnh Long",  # a province
        "Ủy ban nhân dân tỉnh",
        "KT. CHỦ TỊCH PHÓ CHỦ TỊCH",
        "Nguyễn",
        "Nguyễn Văn A1",
        "Nguyen Chi Dung",  # an English translation's spelling
    ],
)
def test_what_is_not_a_persons_name_is_refused(value):
    doc = fill(HEADER, signer_name=value)
    assert doc.signer_name is None
    assert doc.flags[-1] == "signer_refused_metadata"
    assert FLAG_MESSAGES["signer_refused_metadata"] in describe(doc)


def test_family_names_are_not_mistaken_for_places():
    assert person_name("Quản Văn Minh") == "Quản Văn Minh"  # "Quận" is a district
    assert person_name("Bàn Văn Sơn") == "Bàn Văn Sơn"


@pytest.mark.parametrize(
    ("position", "authority", "kept"),
    [
        # KT. is signed by a deputy, not by the head
        ("Chủ tịch", "KT.", ("", "Chủ tịch")),
        # not a title of office
        ("Nguyễn Văn B", "TM.", ("TM.", None)),
        # not an authority the page knows
        ("Phó Chủ tịch", "Thay mặt", ("", "Phó Chủ tịch")),
    ],
)
def test_a_contradicting_title_is_refused_and_the_name_kept(position, authority, kept):
    doc = fill(
        HEADER,
        signer_name="Đào Quang Khải",
        signer_position=position,
        signing_authority=authority,
    )
    assert doc.signer_name == "Đào Quang Khải"
    assert (doc.signing_authority, doc.signer_position) == kept
    assert "signer_title_refused_metadata" in doc.flags
    assert FLAG_MESSAGES["signer_title_refused_metadata"] in describe(doc)


def test_record_keys_for_the_signer():
    record = {
        "text": "…",
        "heuristic": {"nguoi_ky": "Trần Hồng Hà", "chuc_vu": "Phó Thủ tướng"},
        "tham_quyen_ky": "KT.",
    }
    assert record_metadata(record) == {
        "signer_name": "Trần Hồng Hà",
        "signer_position": "Phó Thủ tướng",
        "signing_authority": "KT.",
    }


def test_json_lines_record_fills_the_signer_in_parse_record(tmp_path):
    path = tmp_path / "records.jsonl"
    row = {"text": HEADER, "heuristic": {"nguoi_ky": "Đào Quang Khải"}}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    [record] = read_records(path)
    assert parse_record(record).signer_name == "Đào Quang Khải"
