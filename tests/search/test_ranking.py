"""The second stage (``search.ranking``): title, place, issuer, kind and year
signals, and what they do to a ranked list on every backend (the engines
apply it to their best hits as the database backends do)."""

from __future__ import annotations

import datetime as dt

import pytest

from search import ranking
from search.query import parse, strip_diacritics
from search.types import IndexEntry, SearchQuery

from .conftest import DATABASES
from .corpus import article_entry, document_entry


def _q(text: str) -> list[str]:
    return parse(text).folded_tokens


def test_in_order_counts_words_in_their_order():
    assert ranking.in_order(["a", "b", "x", "c"], ["a", "b", "c"]) == 3
    assert ranking.in_order(["c", "b", "a"], ["a", "b", "c"]) == 1
    assert ranking.in_order([], ["a"]) == 0


@pytest.mark.parametrize(
    "issuer, place",
    [
        ("Ủy ban nhân dân tỉnh Nghệ An", ["nghe", "an"]),
        ("UBND huyện Tam Đường", ["tam", "duong"]),
        ("Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh", ["ho", "chi", "minh"]),
        ("Chính phủ", []),
    ],
)
def test_place_of_an_issuing_body(issuer, place):
    assert ranking.place_of(issuer) == place


def test_signals_of_a_named_title_and_place():
    plan = ranking.Candidate(
        1,
        5.0,
        "document",
        "Kế hoạch công tác thi đua, khen thưởng năm 2025",
        issuer="Ủy ban nhân dân huyện Tam Đường",
        doc_type="Kế hoạch",
        year=2025,
    )
    for text in (
        "Kế hoạch công tác thi đua, khen thưởng năm 2025 Tam Đường",
        "ke hoach thi dua khen thuong nam 2025 tam duong",
    ):
        found = ranking.signals(_q(text), plan)
        assert found["title"] >= 0.8 and found["place"] == 1.0
        assert found["kind"] == 1.0 and found["year"] == 1.0
    assert ranking.signals(_q("thi dua lai chau"), plan)["place"] == 0.0


def test_an_article_does_not_take_its_documents_title():
    article = ranking.Candidate(
        2, 5.0, "article", "Luật Thi đua, khen thưởng – Điều 5. Nguyên tắc thi đua"
    )
    found = ranking.signals(_q("luật thi đua khen thưởng nguyên tắc thi đua"), article)
    assert found["title"] == 0.0 and found["heading"] == 1.0


def _doc(page_id: int, title: str, issuer: str, body: str) -> IndexEntry:
    return document_entry(
        page_id,
        title=title,
        doc_type="Quyết định",
        issuer=issuer,
        date=dt.date(2025, 1, 1) + dt.timedelta(days=page_id),
        body=body,
    )


@pytest.mark.django_db(databases=DATABASES)
def test_the_place_in_the_query_picks_that_provinces_document(backend):
    """Same title, two provinces: the query's place word decides, written
    either way, although the other province's text says the words more."""
    title = "Quyết định công bố thủ tục hành chính lĩnh vực khoa học và công nghệ"
    backend.add_bulk(
        [
            _doc(1, title, "Ủy ban nhân dân tỉnh Nghệ An", "Công bố thủ tục."),
            _doc(
                2,
                title,
                "Ủy ban nhân dân tỉnh Cao Bằng",
                "Công bố thủ tục hành chính khoa học và công nghệ, thủ tục hành "
                "chính khoa học và công nghệ.",
            ),
        ]
        + [
            _doc(n, f"Quyết định số {n} về đất đai", "Chính phủ", "Đất đai.")
            for n in range(3, 12)
        ]
    )
    text = "quyết định công bố thủ tục hành chính khoa học và công nghệ nghệ an"
    for query in (text, strip_diacritics(text)):
        hits = backend.search(SearchQuery(text=query, per_page=3)).hits
        assert hits[0].key == "page:1", query


@pytest.mark.django_db(databases=DATABASES)
def test_a_title_look_up_puts_that_document_above_texts_citing_it(backend):
    """The query is a document's title: the document comes first, although
    other texts repeat its words more often (the title signal)."""
    title = "Kế hoạch tổ chức phong trào thi đua yêu nước năm 2025"
    citing = "Thực hiện kế hoạch tổ chức phong trào thi đua yêu nước năm 2025; " * 3
    backend.add_bulk(
        [_doc(1, title, "Ủy ban nhân dân huyện Tam Đường", "Tổ chức thực hiện.")]
        + [
            _doc(n, f"Báo cáo số {n} về công tác thi đua", "Sở Nội vụ", citing)
            for n in range(2, 9)
        ]
    )
    for query in (title, strip_diacritics(title)):
        hits = backend.search(SearchQuery(text=query, per_page=3)).hits
        assert hits[0].key == "page:1", query


@pytest.mark.django_db(databases=DATABASES)
def test_pages_continue_each_other_across_the_second_stage(backend):
    """Page after page gives the list a single long page gives, in and beyond
    the second stage's ``DEPTH`` best hits; no hit twice, none lost."""
    count = ranking.DEPTH + 30
    backend.add_bulk(
        [
            _doc(
                n,
                f"Quyết định số {n} về thi đua khen thưởng",
                "Ủy ban nhân dân tỉnh Lai Châu" if n % 7 else "UBND huyện Tam Đường",
                "Thi đua khen thưởng. " * (1 + n % 5),
            )
            for n in range(1, count + 1)
        ]
    )
    text = "quyết định thi đua khen thưởng tam đường"
    whole = backend.search(SearchQuery(text=text, per_page=100, page=1)).hits
    whole += backend.search(SearchQuery(text=text, per_page=100, page=2)).hits
    paged = []
    for page in range(1, count // 9 + 2):
        paged += backend.search(SearchQuery(text=text, per_page=9, page=page)).hits
    assert len(whole) == count
    assert [h.key for h in paged] == [h.key for h in whole]
    assert {h.key for h in whole[:5]} <= {f"page:{n}" for n in range(7, count + 1, 7)}


def test_the_query_signal_is_the_share_of_the_query_the_document_explains():
    """A shortened title plus the issuer's place: the document it names
    explains every word, the same title of another province does not, and
    a Điều counts for its document."""
    title = (
        "Quyết định ban hành quy chế quản lý, vận hành và sử dụng hệ thống thư "
        "điện tử công vụ trong các cơ quan hành chính nhà nước"
    )
    ninh_binh = ranking.Candidate(
        1,
        5.0,
        "document",
        title,
        issuer="Ủy ban nhân dân tỉnh Ninh Bình",
        code="162/2025/QĐ-UBND",
        year=2025,
    )
    dong_thap = ranking.Candidate(
        2, 5.0, "document", title, issuer="Ủy ban nhân dân tỉnh Đồng Tháp"
    )
    article = ranking.Candidate(
        3,
        5.0,
        "article",
        title + " – Điều 2. Đối tượng áp dụng",
        issuer="Ủy ban nhân dân tỉnh Ninh Bình",
    )
    text = "quyết định quản lý vận hành hệ thống thư điện tử công vụ ninh bình 2025"
    for query in (_q(text), _q(strip_diacritics(text))):
        assert ranking.signals(query, ninh_binh)["query"] == 1.0
        assert ranking.signals(query, article)["query"] == 15 / 16  # no year
        assert ranking.signals(query, dong_thap)["query"] == 13 / 16
        # The title alone is too long for the ``title`` signal.
        assert ranking.signals(query, ninh_binh)["title"] == 0.0
    assert ranking.signals(_q("162/2025/QĐ-UBND"), ninh_binh)["query"] == 1.0
    assert ranking.signals([], ninh_binh)["query"] == 0.0


def test_aligned_gives_the_query_positions_of_a_longest_common_subsequence():
    assert ranking.aligned(["a", "x", "b", "c"], ["a", "b", "y", "c"]) == {0, 2, 3}
    assert ranking.aligned(["c", "b", "a"], ["a", "b", "c"]) in ({0}, {1}, {2})
    assert ranking.aligned([], ["a"]) == frozenset()
    assert len(ranking.aligned(["a", "b", "x", "c"], ["a", "b", "c"])) == 3


def test_the_query_signal_counts_stretches_of_a_title_not_lone_words():
    """A question's common words scattered through a news title ("người",
    "ai") explain nothing; the same words typed side by side as the title
    holds them do."""
    news = ranking.Candidate(
        1,
        5.0,
        "news",
        "Lai Châu chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
    )
    for text in ("Người thực hành là ai?", "Nguoi thuc hanh la ai?"):
        assert ranking.signals(_q(text), news)["query"] == 0.0
    typed = _q("lai châu chung tay vì người nghèo")
    assert ranking.signals(typed, news)["query"] == 1.0
    assert ranking.in_runs(["a", "x", "b"], frozenset({0, 2}), ["a", "b"]) == set()
    assert ranking.in_runs(["a", "b", "x"], frozenset({0, 1}), ["a", "b"]) == {0, 1}


@pytest.mark.django_db(databases=DATABASES)
def test_a_question_finds_its_article_above_news_sharing_lone_words(backend):
    """ "Người thực hành là ai?" asks for the Điều defining the accomplices,
    not for a news item whose title holds "người" and "ai" far apart."""
    article = article_entry(
        "page:1#dieu-17",
        1,
        "Bộ luật Hình sự – Điều 17. Đồng phạm",
        "Người thực hành là người trực tiếp thực hiện tội phạm. Người tổ chức "
        "là người chủ mưu, cầm đầu, chỉ huy việc thực hiện tội phạm.",
    )
    news = document_entry(
        2,
        kind="news",
        title="Lai Châu chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
        body="Người dân chung tay hỗ trợ người nghèo; không để ai bị bỏ lại.",
    )
    fillers = [
        article_entry(
            f"page:{n}#dieu-{n}",
            n,
            f"Bộ luật Hình sự – Điều {n}. Tội danh số {n}",
            "Người nào phạm tội thì bị phạt tù từ 01 năm đến 05 năm.",
        )
        for n in range(3, 12)
    ]
    backend.add_bulk([article, news, *fillers])
    for text in ("Người thực hành là ai?", "Nguoi thuc hanh la ai?"):
        hits = backend.search(SearchQuery(text=text, per_page=3)).hits
        assert hits[0].key == "page:1#dieu-17", text


def test_the_query_signal_needs_half_of_the_query():
    """A question sharing one stretch with a movement's title does not name
    it: under half of the query explained counts nothing; half of it does."""
    movement = ranking.Candidate(
        1,
        5.0,
        "movement",
        "Cán bộ, công chức, viên chức tỉnh Lai Châu thi đua thực hiện văn hóa công vụ",
    )
    question = _q(
        "Cán bộ, công chức, viên chức mà cố ý từ bỏ nhiệm vụ công tác gây hậu quả "
        "nghiêm trọng thì bị phạt như thế nào?"
    )
    assert ranking.signals(question, movement)["query"] == 0.0
    most = _q("cán bộ công chức viên chức thi đua khen thưởng năm nay")
    assert ranking.signals(most, movement)["query"] == 8 / 12
    half = _q("cán bộ công chức khen thưởng năm nay")
    assert ranking.signals(half, movement)["query"] == 0.5
