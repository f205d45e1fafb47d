"""What the parser had to guess, in Vietnamese sentences for editors.

Each flag of ``ParsedDocument.flags`` and each missing required field becomes
one sentence that says what to check and in which field of the page editor
(labels of ``LegalDocumentPage``). The import check screen, the
``import_documents`` report and the page's status panel all use these
sentences, so no raw flag name reaches a user.
"""

from __future__ import annotations

from .model import ParsedDocument

#: Sentences for parser flags that need no detail from the document.
FLAG_MESSAGES: dict[str, str] = {
    "draft_no_number": "Văn bản chưa có số: điền số khi ban hành (ô “Số”).",
    "no_header": (
        "Không đọc được phần đầu văn bản (cơ quan, số, ngày ban hành): "
        "đối chiếu các ô này với bản gốc."
    ),
    "type_from_code": (
        "Văn bản không ghi tên loại; loại văn bản được suy ra từ ký hiệu: "
        "kiểm tra ô “Loại văn bản”."
    ),
    "issuer_inferred": (
        "Cơ quan ban hành được đọc từ nội dung, không từ phần đầu văn bản: "
        "kiểm tra ô “Cơ quan ban hành”."
    ),
    "issuer_from_symbol": (
        "Cơ quan ban hành được suy ra từ ký hiệu văn bản: "
        "kiểm tra ô “Cơ quan ban hành”."
    ),
    "code_from_appendix": (
        "Số ký hiệu được lấy từ dòng “Kèm theo …” của phụ lục vì phần đầu không có: "
        "kiểm tra ô “Số” và “Ký hiệu”."
    ),
    "metadata_table": (
        "Một số thông tin được lấy từ bảng thuộc tính của trang nguồn, "
        "không từ văn bản: đối chiếu với bản gốc."
    ),
    "citations_failed": (
        "Không tách được các văn bản căn cứ: kiểm tra ô “Căn cứ ban hành”."
    ),
    # Values the text did not give, filled from the record (``hints.py``)
    "code_from_metadata": (
        "Số ký hiệu không có trong nội dung, được lấy từ dữ liệu đi kèm văn bản: "
        "đối chiếu ô “Số” và “Ký hiệu” với bản gốc."
    ),
    "code_from_url": (
        "Số ký hiệu không có trong nội dung, được suy ra từ đường dẫn trang nguồn: "
        "đối chiếu ô “Số” và “Ký hiệu” với bản gốc."
    ),
    "code_refused_metadata": (
        "Số ký hiệu trong dữ liệu đi kèm không khớp với loại văn bản nên không "
        "được dùng: kiểm tra ô “Số” và “Ký hiệu”."
    ),
    "code_refused_url": (
        "Số ký hiệu trong đường dẫn trang nguồn không khớp với loại văn bản nên "
        "không được dùng: kiểm tra ô “Số” và “Ký hiệu”."
    ),
    "type_from_metadata": (
        "Loại văn bản không có trong nội dung, được lấy từ dữ liệu đi kèm văn bản: "
        "kiểm tra ô “Loại văn bản”."
    ),
    "type_from_url": (
        "Loại văn bản không có trong nội dung, được suy ra từ đường dẫn trang "
        "nguồn: kiểm tra ô “Loại văn bản”."
    ),
    "issuer_from_metadata": (
        "Cơ quan ban hành không có trong nội dung, được lấy từ dữ liệu đi kèm "
        "văn bản: kiểm tra ô “Cơ quan ban hành”."
    ),
    "issuer_from_place": (
        "Cơ quan ban hành được suy ra từ ký hiệu và địa danh của trang nguồn: "
        "kiểm tra ô “Cơ quan ban hành”."
    ),
    "date_from_adoption": (
        "Ngày ban hành được lấy từ câu “… thông qua ngày …” ở cuối văn bản: "
        "kiểm tra ô “Ngày ban hành”."
    ),
    "date_from_metadata": (
        "Ngày ban hành không có trong nội dung, được lấy từ dữ liệu đi kèm văn "
        "bản: đối chiếu ô “Ngày ban hành” với bản gốc."
    ),
    "date_refused_year": (
        "Ngày ban hành trong dữ liệu đi kèm khác năm của số ký hiệu nên không "
        "được dùng: điền ô “Ngày ban hành” theo bản gốc."
    ),
    "date_refused_cited": (
        "Ngày ban hành trong dữ liệu đi kèm là ngày của một văn bản khác được "
        "nêu trong nội dung nên không được dùng: điền ô “Ngày ban hành” theo "
        "bản gốc."
    ),
    "year_from_code": (
        "Chỉ biết năm ban hành (theo số ký hiệu): điền ngày, tháng vào ô "
        "“Ngày ban hành” theo bản gốc."
    ),
    "year_from_url": (
        "Chỉ biết năm ban hành (theo đường dẫn trang nguồn): điền ngày, tháng "
        "vào ô “Ngày ban hành” theo bản gốc."
    ),
    "title_from_metadata": (
        "Trích yếu không đọc được từ nội dung, được lấy từ dữ liệu đi kèm văn "
        "bản: kiểm tra ô “Trích yếu” và “Tiêu đề”."
    ),
    "title_refused_metadata": (
        "Trích yếu trong dữ liệu đi kèm không khớp với đường dẫn trang nguồn "
        "(có thể là một ô của bảng trong văn bản) nên không được dùng: kiểm tra "
        "ô “Trích yếu” và “Tiêu đề”."
    ),
    "title_from_url": (
        "Trích yếu không đọc được từ nội dung, được lấy từ đường dẫn trang nguồn "
        "(chữ có dấu theo nội dung văn bản): kiểm tra ô “Trích yếu” và “Tiêu đề”."
    ),
    "title_from_url_guessed": (
        "Trích yếu không đọc được từ nội dung, được lấy từ đường dẫn trang nguồn; "
        "dấu của những chữ nội dung văn bản không có được đoán theo các văn bản "
        "khác: đối chiếu ô “Trích yếu” và “Tiêu đề” với bản gốc."
    ),
    "title_from_url_unaccented": (
        "Trích yếu không đọc được từ nội dung, được lấy từ đường dẫn trang nguồn; "
        "một số chữ chưa có dấu: sửa ô “Trích yếu” và “Tiêu đề” theo bản gốc."
    ),
    "signer_from_metadata": (
        "Người ký không có trong nội dung (thiếu phần chữ ký), được lấy từ dữ "
        "liệu đi kèm văn bản: đối chiếu ô “Người ký”, “Chức vụ người ký” và "
        "“Thẩm quyền ký” với bản gốc."
    ),
    "signer_refused_metadata": (
        "Người ký trong dữ liệu đi kèm không phải là một họ tên viết có dấu "
        "(có thể là địa danh, cấp hành chính hoặc tên không dấu) nên không được "
        "dùng: chọn ô “Người ký” theo bản gốc."
    ),
    "signer_title_refused_metadata": (
        "Chức vụ hoặc thẩm quyền ký trong dữ liệu đi kèm không hợp lệ nên không "
        "được dùng: điền ô “Chức vụ người ký” và “Thẩm quyền ký” theo bản gốc."
    ),
    "not_vietnamese": (
        "Nội dung không phải tiếng Việt (có thể là bản dịch): "
        "chỉ đăng bản tiếng Việt chính thức."
    ),
}

#: Sentences for a required field the parser could not find.
MISSING_MESSAGES: dict[str, str] = {
    "symbol": "Chưa có số ký hiệu: điền ô “Số” và “Ký hiệu” theo bản gốc.",
    "issuing_body": "Chưa có cơ quan ban hành: chọn ô “Cơ quan ban hành”.",
    "issued_date": (
        "Chưa có ngày ban hành: điền ô “Ngày ban hành” "
        "(hoặc “Năm ban hành” khi chỉ biết năm)."
    ),
    "document_type": "Chưa xác định loại văn bản: chọn ô “Loại văn bản”.",
}

#: Short names of the required fields, for listings ("Thiếu: số ký hiệu, ...").
MISSING_LABELS: dict[str, str] = {
    "symbol": "số ký hiệu",
    "issuing_body": "cơ quan ban hành",
    "issued_date": "ngày ban hành",
    "document_type": "loại văn bản",
}

#: Field names of ``ParsedDocument`` overrides, as the editor calls them.
GIVEN_LABELS: dict[str, str] = {
    "doc_type": "Loại văn bản",
    "title": "Trích yếu",
    "code": "Số ký hiệu",
    "issuer": "Cơ quan ban hành",
    "issued_date": "Ngày ban hành",
}

_GENERIC = "Kết quả đọc văn bản có điểm chưa chắc chắn: đối chiếu với bản gốc."


def partial_date_message(iso: str | None) -> str:
    """ "2025" → only the year was read; "2025-03" → month and year."""
    if iso and len(iso) == 4:
        return (
            "Chỉ đọc được năm ban hành: điền ngày, tháng vào ô “Ngày ban hành” "
            "khi văn bản được ký."
        )
    return (
        "Chỉ đọc được tháng và năm ban hành: điền ngày vào ô “Ngày ban hành” "
        "khi văn bản được ký."
    )


def flag_message(flag: str, doc: ParsedDocument | None = None) -> str:
    """The sentence for one flag (a general one for a flag without its own)."""
    if flag == "date_partial":
        return partial_date_message(doc.issued_date if doc else None)
    return FLAG_MESSAGES.get(flag, _GENERIC)


def conflict_message(field: str, given: str, parsed: str) -> str:
    """A given value that disagrees with the text; the given value was kept."""
    label = GIVEN_LABELS.get(field, field)
    return (
        f"{label} trong dữ liệu nhập (“{given}”) khác với văn bản (“{parsed}”): "
        "đã dùng giá trị trong dữ liệu nhập, hãy kiểm tra."
    )


def missing_fields(doc: ParsedDocument) -> list[str]:
    """Required fields (``MISSING_MESSAGES`` keys) the parse did not yield."""
    missing = []
    if not doc.symbol:
        missing.append("symbol")
    if not doc.issuer:
        missing.append("issuing_body")
    if not doc.issued_date:
        missing.append("issued_date")
    if not doc.doc_type:
        missing.append("document_type")
    return missing


def describe(doc: ParsedDocument, missing: list[str] | None = None) -> list[str]:
    """Every sentence for a parsed document: missing fields first, then flags
    and disagreements with given metadata. ``missing`` defaults to
    ``missing_fields(doc)``; pass the importer's own list when it resolved more
    (an issuing body known by its symbol)."""
    missing = missing_fields(doc) if missing is None else missing
    out = [MISSING_MESSAGES[name] for name in missing]
    for flag in doc.flags:
        if flag == "no_header" and missing:
            continue
        if flag == "given_differs":
            continue
        out.append(flag_message(flag, doc))
    for field, (given, parsed) in doc.conflicts.items():
        out.append(conflict_message(field, given, parsed))
    return list(dict.fromkeys(out))
