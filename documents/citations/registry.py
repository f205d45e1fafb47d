"""Which matchers run at each anchor kind of the extractor.

Kept apart from ``matchers`` so that the law-by-name matcher (``laws``), built on
the generic matchers, is registered without a cycle between the two modules.
"""

from documents.kinds import LAW_TYPES

from .laws import match_law
from .matchers import BareCodeMatcher, CitationMatcher, Hit, NumberedMatcher, Source
from .vocab import TYPE_BY_FOLD


class LawByNameMatcher(CitationMatcher):
    """A law cited by its title through the gazetteer (Nghị định 30/2020/NĐ-CP,
    Phụ lục I, II.6: a Luật is cited by its name, without số ký hiệu).

    Real example (E09): ``Căn cứ Luật Thi đua, khen thưởng\\nngày 15 tháng 6 năm
    2022;`` and the 2025 style ``Luật Tổ chức Chính phủ số 63/2025/QH15`` (E33).
    """

    def match(self, src: Source, start: int, end: int) -> list[Hit]:
        return match_law(src, start, end)


REGISTRY: dict[str, tuple[CitationMatcher, ...]] = {
    "law": (LawByNameMatcher(), NumberedMatcher()),
    "type": (NumberedMatcher(),),
    "code": (BareCodeMatcher(),),
    "header": (BareCodeMatcher(),),
}
LAW_ANCHORS = frozenset(k for k, v in TYPE_BY_FOLD.items() if v in LAW_TYPES)
