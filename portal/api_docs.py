"""The API's documentation page, ``/api/v1/docs``: the endpoints of the
OpenAPI schema (``/api/v1/openapi.json``) explained in Vietnamese, rendered on
the server in the site's layout.

It replaced ninja's Swagger UI, whose buttons and headings ("Try it out",
"Parameters", "Responses") are English and cannot be translated. The schema
gives the endpoints and their parameters (name, place, required, repeatable);
this module gives what each one means. An endpoint or parameter the schema
gains without a text here fails ``tests/portal/test_api_docs.py``.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from portal.api import api

SCHEMA_URL = "/api/v1/openapi.json"

#: (method, path) -> (heading, explanation, example address or None).
ENDPOINTS = {
    ("get", "/api/v1/documents/"): (
        "Danh sách văn bản",
        "Các văn bản đã đăng tải công khai, mới nhất trước; mọi bộ lọc đều "
        "không bắt buộc. Có tham số q thì tìm như trang Tìm kiếm và xếp văn "
        "bản liên quan nhất lên trước.",
        "/api/v1/documents/?type=ke-hoach&year=2025",
    ),
    ("get", "/api/v1/documents/{document_id}/"): (
        "Một văn bản",
        "Toàn bộ thông tin của văn bản, các văn bản nó trích dẫn và trích dẫn "
        "nó, các phiên bản đã đăng tải và quá trình hiệu lực.",
        None,
    ),
    ("get", "/api/v1/citations/resolve/"): (
        "Tra cứu số ký hiệu",
        "Dạng chuẩn của một số ký hiệu và các văn bản công khai mang số ký hiệu đó.",
        "/api/v1/citations/resolve/?q=98/2023/NĐ-CP",
    ),
    ("post", "/api/v1/citations/check/"): (
        "Kiểm tra căn cứ ban hành",
        "Đối chiếu từng văn bản được trích dẫn trong đoạn văn với các văn bản "
        "công khai của cổng, tại ngày ban hành của văn bản trích dẫn (như trang "
        "Kiểm tra căn cứ). Gửi JSON, ví dụ "
        '{"text": "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 '
        'của Chính phủ;", "date": "2025-03-14"}.',
        None,
    ),
    ("get", "/api/v1/search/"): (
        "Tìm kiếm văn bản, điều khoản và trang",
        "Kết quả phù hợp nhất trước (hoặc mới nhất trước với sort=date), số "
        "lượng theo từng bộ lọc và số ký hiệu mà câu tìm nêu.",
        "/api/v1/search/?q=khen+thưởng&sort=date",
    ),
}

#: Parameter (or JSON field) name -> meaning; (path, name) where it differs.
PARAMETERS = {
    "q": "Từ khóa hoặc số ký hiệu, viết có dấu hay không dấu đều được",
    ("/api/v1/citations/resolve/", "q"): "Số ký hiệu cần tra, ví dụ 34-CT/TW",
    "type": "Loại văn bản: tên hoặc mã (ví dụ Kế hoạch, ke-hoach)",
    "issuer": "Cơ quan ban hành: tên hoặc mã",
    ("/api/v1/citations/check/", "issuer"): (
        "Mã cơ quan ban hành văn bản trích dẫn (không bắt buộc)"
    ),
    "year": "Năm ban hành, từ 1945 đến 2100",
    "field": "Lĩnh vực",
    "tag": "Từ khóa gắn với văn bản",
    "status": (
        "Tình trạng hiệu lực: con_hieu_luc, het_hieu_luc, het_hieu_luc_mot_phan, "
        "chua_co_hieu_luc, khong_xac_dinh"
    ),
    "kind": (
        "Loại kết quả: document (văn bản), article (điều), exemplar (gương điển "
        "hình), news (tin tức), movement (phong trào thi đua)"
    ),
    "cites": "Văn bản có trích dẫn số ký hiệu này, ví dụ 98/2023/NĐ-CP",
    "in_force_on": "Văn bản còn hiệu lực vào ngày này (YYYY-MM-DD hoặc DD/MM/YYYY)",
    "sort": "relevance (mặc định: phù hợp nhất trước) hoặc date (mới nhất trước)",
    "group": "0: mỗi văn bản và từng Điều của nó là các kết quả riêng",
    "page": "Số trang, từ 1 (quá số trang cuối: lỗi 404)",
    "page_size": "Số kết quả mỗi trang, từ 1 đến 100",
    "per_page": "Số kết quả mỗi trang, từ 1 đến 100 (mặc định 20)",
    "document_id": "Mã số (id) của văn bản, có trong danh sách văn bản",
    "text": "Căn cứ ban hành (các dòng 'Căn cứ …') hoặc toàn văn cần kiểm tra",
    "date": "Ngày ban hành của văn bản trích dẫn (mặc định: hôm nay)",
}
PLACES = {
    "query": "sau dấu ? của địa chỉ",
    "path": "trong đường dẫn",
    "body": "trong JSON",
}


def parameter_text(path: str, name: str) -> str:
    return PARAMETERS.get((path, name)) or PARAMETERS[name]


def body_fields(schema: dict, operation: dict) -> list[dict]:
    """The JSON body's fields of ``operation`` as parameters ("in": "body")."""
    body = operation.get("requestBody", {}).get("content", {})
    ref = body.get("application/json", {}).get("schema", {}).get("$ref", "")
    if not ref:
        return []
    model = schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    required = set(model.get("required", []))
    return [
        {"name": name, "in": "body", "required": name in required, "schema": field}
        for name, field in model.get("properties", {}).items()
    ]


def endpoints() -> list[dict]:
    """Every operation of the API's schema with its Vietnamese explanation."""
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    listed = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            heading, text, example = ENDPOINTS[(method, path)]
            parameters = [
                {
                    "name": p["name"],
                    "place": PLACES[p["in"]],
                    "required": p.get("required", False),
                    "repeatable": p["schema"].get("type") == "array",
                    "text": parameter_text(path, p["name"]),
                }
                for p in operation.get("parameters", [])
                + body_fields(schema, operation)
            ]
            listed.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "heading": heading,
                    "text": text,
                    "example": example,
                    "parameters": parameters,
                }
            )
    return listed


def api_docs_page(request: HttpRequest) -> HttpResponse:
    context = {"endpoints": endpoints(), "schema_url": SCHEMA_URL}
    return render(request, "api_docs.html", context)
