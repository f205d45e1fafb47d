"""Definition questions ("X là gì?", "Định nghĩa của X") and the Điều that
defines X (``search.definitions`` and the ``definition`` signal of
``search.ranking``): the term is read in every written form of the question,
only a sentence or numbered item that begins with the term and "là" defines
it, and the defining Điều moves up among its law's articles."""

from __future__ import annotations

import pytest

from search import definitions, query, ranking
from search.query import parse, strip_diacritics
from search.types import SearchQuery

from .conftest import DATABASES
from .corpus import article_entry


def _terms(text: str) -> list[tuple[str, ...]]:
    return parse(text).asked_terms


@pytest.mark.parametrize(
    "text, term",
    [
        ('Định nghĩa của "Người lao động"?', "nguoi lao dong"),
        ("Người thực hành là ai?", "nguoi thuc hanh"),
        ("Thế nào là hợp đồng vô hiệu?", "hop dong vo hieu"),
        ("Khái niệm về điển hình tiên tiến", "dien hinh tien tien"),
        ("Theo Bộ luật Dân sự 2015, hoa lợi được hiểu như thế nào?", "hoa loi"),
        ("AN NINH MANG LA GI", "an ninh mang"),
        ("Ứng cứu khẩn cấp được hiểu là gì?", "ung cuu khan cap"),
        ("Ứng cứu khẩn cấp có nghĩa là gì?", "ung cuu khan cap"),
        ("Ứng cứu khẩn cấp nghĩa là gì", "ung cuu khan cap"),
        ("Ứng cứu khẩn cấp được định nghĩa như thế nào?", "ung cuu khan cap"),
        ("Hiểu thế nào về ứng cứu khẩn cấp?", "ung cuu khan cap"),
        ("Khi xảy ra sự cố, ứng cứu khẩn cấp là gì?", "ung cuu khan cap"),
        ("Khi xảy ra sự cố ứng cứu khẩn cấp là gì?", "ung cuu khan cap"),
        (
            "Theo Điều 16, Bộ luật dân sự, năng lực pháp luật là gì?",
            "nang luc phap luat",
        ),
        ("Cho tôi hỏi hoa lợi là gì", "hoa loi"),
        ("Tôi là kế toán. Hoa lợi là gì?", "hoa loi"),
        ("Em muốn biết hoa lợi là gì ạ", "hoa loi"),
        ("Hỏi: hoa lợi là gì?", "hoa loi"),
        ("Xin hỏi, theo Luật Dân sự, hoa lợi là gì?", "hoa loi"),
        ("Hoa lợi (theo Bộ luật Dân sự) là gì?", "hoa loi"),
        ("Pháp luật quy định về hoa lợi là gì?", "hoa loi"),
        ("Luật Đất đai 2024, đất ở là gì?", "dat o"),
        (
            "Theo Điều 5. Áp dụng tập quán, trong Bộ luật dân sự, tập quán là gì?",
            "tap quan",
        ),
        (
            "Bộ luật Dân sự 2015 quy định pháp nhân thương mại là gì?",
            "phap nhan thuong mai",
        ),
    ],
)
def test_the_term_asked_about_is_among_the_terms_read(text, term):
    for form in (text, strip_diacritics(text)):
        assert tuple(term.split()) in _terms(form), form


def test_a_question_that_asks_no_definition_has_no_term():
    assert _terms("Bộ luật Lao động quy định điều gì?") == []
    # "định" of "quyết định", "nghĩa" of "nghĩa vụ": no "định nghĩa" here.
    assert _terms("quyết định nghĩa trang huyện Tam Đường") == []
    assert _terms("quy định nghĩa vụ quân sự") == []
    assert ("nguoi", "lao", "dong") in _terms("Luật có định nghĩa người lao động?")
    assert _terms("người lao động nước ngoài cần giấy phép") == []
    assert _terms("Việc là gì") == []  # one word is no term
    # "Luật sư", "Luật pháp" open no context: the term is read whole.
    for text in ("Luật sư tranh tụng là gì?", "Luat su tranh tung la gi"):
        assert _terms(text) == [("luat", "su", "tranh", "tung")]
    assert _terms("Luật pháp quốc tế là gì?") == [("luat", "phap", "quoc", "te")]
    assert ("ket", "hon") in _terms("Luật Gia đình 2014 kết hôn là gì")
    # "quy định nghĩa vụ" holds the folded "định nghĩa".
    assert _terms("Luật nào quy định nghĩa vụ quân sự?") == []
    assert ("nghia", "vu", "quan", "su") in _terms(
        "Theo quy định, nghĩa vụ quân sự là gì?"
    )


@pytest.mark.parametrize(
    "text, whole, tail",
    [
        (
            "Nội dung quản lý công chức là gì?",
            "noi dung quan ly cong chuc",
            "cong chuc",
        ),
        ("Kê biên hoa lợi là gì?", "ke bien hoa loi", "hoa loi"),
        ("Theo dõi tài sản là gì?", "theo doi tai san", "tai san"),
        (
            "Căn cứ tuyển dụng công chức là gì?",
            "can cu tuyen dung cong chuc",
            "cong chuc",
        ),
        ("Thẩm định, phê duyệt dự án là gì?", "tham dinh phe duyet du an", "du an"),
    ],
)
def test_a_clause_without_a_context_is_the_term_as_a_whole(text, whole, tail):
    """ "Nội dung quản lý công chức là gì?" asks for the Điều so named, not
    what "công chức" means; only a context the question opens with ("Theo
    …", "Khi …", "Trong …", "Nếu …", "Đối với …") or a comma leaves the
    term a tail of the words before the marker; commas without a context
    list the parts of one term."""
    for form in (text, strip_diacritics(text)):
        terms = [" ".join(term) for term in _terms(form)]
        assert terms == [whole], form
    assert tail not in [" ".join(term) for term in _terms(text)]


@pytest.mark.parametrize(
    "text, whole, tail",
    [
        ("Mục đích của hình phạt là gì?", "muc dich cua hinh phat", "hinh phat"),
        (
            "Hình phạt đối với tội trộm cắp tài sản là gì?",
            "toi trom cap tai san",
            "tai san",
        ),
        (
            "Thủ tục cấp phép cho người nước ngoài là gì?",
            "cap phep",
            "nguoi nuoc ngoai",
        ),
    ],
)
def test_a_term_holds_the_last_link_word(text, whole, tail):
    """What follows "của", "đối với", "cho" is what the term is of or for,
    not the term asked about."""
    terms = [" ".join(term) for term in _terms(text)]
    assert any(whole in term for term in terms), terms
    assert tail not in terms


TERMS = ("Người sử dụng lao động", "Người lao động")
DEFINITIONS = (
    "Trong Bộ luật này, các từ ngữ dưới đây được hiểu như sau:"
    "1. Người lao động là người làm việc cho người sử dụng lao động. Độ tuổi lao "
    "động tối thiểu của người lao động là đủ 15 tuổi.2. Người sử dụng lao động là "
    "doanh nghiệp, cơ quan, tổ chức, hợp tác xã, hộ gia đình, cá nhân."
)


def _folded(heading: str, text: str) -> str:
    title = f"Bộ luật Lao động – {heading}"
    return ranking.folded_text(ranking.Candidate(0, 0.0, "article", title), text)


def _defined(question: str, heading: str, text: str) -> int:
    return definitions.defined_length(_terms(question), _folded(heading, text))


def test_only_a_sentence_or_item_beginning_with_the_term_defines_it():
    glossary = "Điều 3. Giải thích từ ngữ"
    assert _defined('Định nghĩa "người lao động"', glossary, DEFINITIONS) == 3
    assert _defined("Người sử dụng lao động là gì", glossary, DEFINITIONS) == 5
    # "… của người lao động là đủ 15 tuổi" does not begin a sentence.
    assert _defined("Tuổi của người lao động là gì", glossary, DEFINITIONS) == 0
    running = "Trường hợp thuê người lao động là người nước ngoài."
    assert _defined("Người lao động là gì", glossary, running) == 0
    own = "Tình thế cấp thiết là tình thế của người muốn tránh gây thiệt hại."
    assert (
        _defined("Tình thế cấp thiết là gì?", "Điều 23. Tình thế cấp thiết", own) == 4
    )


def test_a_term_in_quotes_or_followed_by_an_aside_is_defined():
    glossary = "Điều 3. Giải thích từ ngữ"
    quoted = "Trong Nghị định này:\n1. “Viện trợ” là khoản hỗ trợ không hoàn lại."
    assert _defined("Viện trợ là gì?", glossary, quoted) == 2
    aside = (
        "2. Chủ quản hệ thống thông tin (sau đây gọi là chủ quản) là cơ quan, "
        "tổ chức được giao quản lý hệ thống."
    )
    assert _defined("Thế nào là chủ quản hệ thống thông tin?", glossary, aside) == 6
    wrapped = aside.replace("gọi là", "gọi\nlà")  # a PDF's line end
    assert _defined("Thế nào là chủ quản hệ thống thông tin?", glossary, wrapped) == 6
    french = "1. «Viện trợ» là khoản hỗ trợ không hoàn lại."
    assert _defined("Viện trợ là gì?", glossary, french) == 2
    # An aside is short: a long parenthesis is running text, not a gloss.
    running = "2. Chủ quản hệ thống thông tin (" + "nếu có " * 30 + ") là bắt buộc."
    assert _defined("Thế nào là chủ quản hệ thống thông tin?", glossary, running) == 0


def test_a_condition_item_in_an_article_named_otherwise_is_no_definition():
    """ "n) Người phạm tội là phụ nữ có thai" lists a mitigating circumstance;
    the same words under "Điều 3. Giải thích từ ngữ" would define the term."""
    item = "1. Các tình tiết sau đây:n) Người phạm tội là phụ nữ có thai;"
    question = "Thế nào là người phạm tội?"
    assert _defined(question, "Điều 51. Các tình tiết giảm nhẹ", item) == 0
    assert _defined(question, "Điều 3. Giải thích từ ngữ", item) == 3


def _law() -> list:
    bodies = [
        "Người lao động có quyền làm việc, tự do lựa chọn việc làm. Người lao "
        "động được trả lương; người lao động được nghỉ.",
        "Người sử dụng lao động có quyền tuyển dụng người lao động.",
        DEFINITIONS
        + "3. Quan hệ lao động là quan hệ xã hội phát sinh trong việc thuê mướn, "
        "sử dụng, trả lương giữa các bên. 4. Cưỡng bức lao động là việc dùng vũ "
        "lực, đe dọa dùng vũ lực hoặc các thủ đoạn khác để ép buộc làm việc.",
        "Hợp đồng lao động là sự thỏa thuận giữa người lao động và người sử dụng "
        "lao động về việc làm có trả công.",
    ]
    headings = ["Quyền làm việc", "Tuyển dụng", "Giải thích từ ngữ", "Hợp đồng"]
    entries = [
        article_entry(
            f"page:1#dieu-{n}", 1, f"Bộ luật Lao động – Điều {n}. {heading}", body
        )
        for n, (heading, body) in enumerate(zip(headings, bodies, strict=True), start=1)
    ]
    entries += [
        article_entry(
            f"page:1#dieu-{n}",
            1,
            f"Bộ luật Lao động – Điều {n}. Nghỉ",
            f"Quyền của người lao động số {n}: được nghỉ.",
        )
        for n in range(5, 9)
    ]
    entries += [
        article_entry(f"page:2#dieu-{n}", 2, f"Luật Đất đai – Điều {n}", "Đất ở.")
        for n in range(1, 31)
    ]
    return entries


def test_the_signal_lifts_the_defining_article_among_candidates():
    entries = _law()
    candidates = [
        ranking.Candidate(e.key, 10.0 - n, e.kind, e.title)
        for n, e in enumerate(entries[:4])
    ]
    bodies = {e.key: e.body for e in entries}
    parsed = parse('Định nghĩa của "Người lao động"?')
    query, asked = parsed.folded_tokens, parsed.asked_terms
    no_weight = {**ranking.WEIGHTS, "definition": 0}
    plain = ranking.rerank(query, candidates, no_weight, lambda ids: bodies, asked)
    read = ranking.rerank(query, candidates, texts=lambda ids: bodies, asked=asked)
    assert plain[0].id == "page:1#dieu-1"
    assert read[0].id == "page:1#dieu-3"


@pytest.mark.django_db(databases=DATABASES)
def test_every_backend_lists_the_defining_article_first(backend, monkeypatch):
    """BM25 prefers the short articles holding the term; the defining one
    comes first with the signal, on every backend."""
    backend.add_bulk(_law())
    for weight in (0.0, ranking.WEIGHTS["definition"]):
        monkeypatch.setitem(ranking.WEIGHTS, "definition", weight)
        for text in ('Định nghĩa của "Người lao động"?', "nguoi lao dong la gi"):
            hits = backend.search(SearchQuery(text=text, per_page=3)).hits
            assert (hits[0].key == "page:1#dieu-3") is bool(weight), (weight, text)


def test_a_definition_question_naming_a_law_still_reads_the_glossary():
    """ "An ninh mạng là gì?" is mostly the title of the Luật An ninh mạng,
    which would make it a look-up that reads no text; it asks what the term
    means, so the Điều defining it is still lifted above the law's others."""
    law = ranking.Candidate("page:9", 10.0, "document", "Luật An ninh mạng")
    scope = ranking.Candidate(
        "page:9#dieu-1", 9.0, "article", "Luật An ninh mạng – Điều 1. Phạm vi"
    )
    glossary = ranking.Candidate(
        "page:9#dieu-2", 5.0, "article", "Luật An ninh mạng – Điều 2. Giải thích từ ngữ"
    )
    bodies = {
        scope.id: "Luật này quy định về hoạt động bảo vệ an ninh quốc gia trên mạng.",
        glossary.id: "1. An ninh mạng là sự bảo đảm hoạt động trên không gian mạng.",
    }
    parsed = parse("An ninh mạng là gì?")
    query = parsed.folded_tokens
    assert max(ranking.signals(query, c)["query"] for c in (law, scope)) >= 0.6
    found = ranking.rerank(
        query,
        [law, scope, glossary],
        texts=lambda ids: bodies,
        asked=parsed.asked_terms,
    )
    order = [c.id for c in found]
    assert order.index(glossary.id) < order.index(scope.id)


@pytest.mark.django_db(databases=DATABASES)
def test_a_short_definition_question_is_not_matched_by_all_its_words(backend):
    """ "Ca trực là gì?" has four words: as a look-up it would be matched by
    all of them, which only entries that happen to hold "gì" do; the article
    defining the term does not, and still comes first on every backend."""
    glossary = article_entry(
        "page:3#dieu-2",
        3,
        "Quy chế trực – Điều 2. Giải thích từ ngữ",
        "Trong Quy chế này:\n1. Ca trực là khoảng thời gian trực liên tục.",
    )
    others = [
        article_entry(
            f"page:4#dieu-{n}",
            4,
            f"Quy chế báo cáo – Điều {n}. Báo cáo",
            "Cán bộ ca trực báo cáo là gì đã xảy ra trong ca trực.",
        )
        for n in range(1, 4)
    ]
    backend.add_bulk([glossary, *others])
    for text in ("Ca trực là gì?", "ca truc la gi"):
        hits = backend.search(SearchQuery(text=text, per_page=3)).hits
        assert hits and hits[0].key == "page:3#dieu-2", text
    for text in ("quyết định khen thưởng", "thép không gỉ", "quyết định nghĩa trang"):
        assert query.all_words_first(parse(text)), text
    questions = ("Ca trực là gì?", "ca truc la gi", "Hồ sơ gồm gì?", "Định nghĩa hồ sơ")
    for text in (*questions, "Phạt bao nhiêu tiền", "phat bao nhieu tien"):
        assert not query.all_words_first(parse(text)), text


@pytest.mark.django_db(databases=DATABASES)
def test_a_question_naming_an_article_is_not_lifted_to_a_glossary(backend):
    """ "Nội dung quản lý công chức là gì?" names a Điều; the glossary that
    defines "công chức" stays below it on every backend."""
    glossary = article_entry(
        "page:5#dieu-2",
        5,
        "Nghị định công chức – Điều 2. Giải thích từ ngữ",
        "Trong Nghị định này:\n1. Công chức là công dân Việt Nam được tuyển dụng.",
    )
    named = article_entry(
        "page:5#dieu-7",
        5,
        "Nghị định công chức – Điều 7. Nội dung quản lý công chức",
        "Nội dung quản lý công chức gồm tuyển dụng, sử dụng, đánh giá công chức.",
    )
    backend.add_bulk([glossary, named])
    for text in (
        "Nội dung quản lý công chức là gì?",
        "noi dung quan ly cong chuc la gi",
    ):
        hits = backend.search(SearchQuery(text=text, per_page=3)).hits
        assert hits and hits[0].key == "page:5#dieu-7", text
    for text in ("Công chức là gì?", "Theo Nghị định này, công chức là gì?"):
        hits = backend.search(SearchQuery(text=text, per_page=3)).hits
        assert hits and hits[0].key == "page:5#dieu-2", text
