"""Shared shapes of the citation examples: the expected-fields helper and type names."""

import datetime

D2025 = datetime.date(2025, 1, 15)
D2024 = datetime.date(2024, 6, 1)


def _c(doc_type, number, year, code, date, **extra) -> dict:
    return {
        "doc_type": doc_type,
        "number": number,
        "year": year,
        "code": code,
        "date": date,
        **extra,
    }


_NDCP = "Nghị định"
_TT = "Thông tư"
_QD = "Quyết định"
_KH = "Kế hoạch"
_CT = "Chỉ thị"
_NQ = "Nghị quyết"
