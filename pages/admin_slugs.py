"""Addresses of new documents without diacritics: "ke-hoach-thi-dua-2025".

Wagtail fills a new page's slug from its title as the editor types. With
Unicode slugs allowed (Wagtail's default, and the portal's: imported and older
addresses may hold them) the title "Kế hoạch thi đua" became
"kế-hoạch-thi-đua", an address shown percent-encoded in links and feeds
(``/van-ban/k%E1%BA%BF-ho%E1%BA%A1ch…``), unlike the demo's and the importer's
ASCII addresses; with them disallowed Wagtail's own transliteration gives
"k-hoch-thi-djua". ``SLUG_FORMATTERS`` (regular expressions the slug widget
applies before slugifying, ``SlugInput(formatters=…)``) fold each Vietnamese
letter to its base letter first, so the address reads "ke-hoach-thi-dua".
The server side is unchanged: an address sent with diacritics (an import, the
API, a browser without JavaScript) is still accepted as a valid Unicode slug.
"""

from __future__ import annotations

import re

from wagtail.admin.widgets import SlugInput

_FOLDS = {
    "a": "àáảãạăằắẳẵặâầấẩẫậ",
    "e": "èéẻẽẹêềếểễệ",
    "i": "ìíỉĩị",
    "o": "òóỏõọôồốổỗộơờớởỡợ",
    "u": "ùúủũụưừứửữự",
    "y": "ỳýỷỹỵ",
    "d": "đ",
}
SLUG_FORMATTERS = [
    (re.compile("[\u0300-\u036f]"), ""),  # combining marks of decomposed text
    *(
        (re.compile(f"[{letters}]", re.IGNORECASE), base)
        for base, letters in _FOLDS.items()
    ),
]


def fold(text: str) -> str:
    """What the formatters do, in Python (the tests check the folding with it)."""
    for pattern, replacement in SLUG_FORMATTERS:
        text = pattern.sub(replacement, text)
    return text


def ascii_slug_widget(locale=None) -> SlugInput:
    return SlugInput(formatters=SLUG_FORMATTERS, locale=locale)
