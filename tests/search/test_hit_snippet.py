"""``Hit.snippet``: given, or built by ``Hit.snippet_source`` when first read
(a page of grouped results reads many hits and shows few)."""

from dataclasses import replace

from search.types import Hit


def _hit(**kwargs) -> Hit:
    return Hit("page:1", 1, "document", "Kế hoạch", "/van-ban/ke-hoach/", **kwargs)


def test_a_deferred_snippet_is_built_once_when_first_read():
    built = []
    hit = _hit()
    hit.defer_snippet(lambda: built.append(1) or "<mark>kế</mark> hoạch")
    assert hit.snippet_source is not None and built == []
    assert hit.snippet == "<mark>kế</mark> hoạch"
    assert hit.snippet == "<mark>kế</mark> hoạch" and built == [1]
    assert hit.snippet_source is None


def test_a_given_snippet_replaces_a_deferred_one():
    hit = _hit()
    hit.defer_snippet(lambda: 1 / 0)  # never built
    hit.snippet = "đã có"
    assert hit.snippet == "đã có" and hit.snippet_source is None
    assert _hit(snippet="x").snippet == "x" and _hit().snippet == ""


def test_the_snippet_is_a_field_the_source_is_not():
    hit = _hit(code="1/KH-UBND")
    hit.defer_snippet(lambda: "đoạn")
    assert list(hit.to_dict()) == [
        "key",
        "page_id",
        "kind",
        "title",
        "url",
        "code",
        "article",
        "anchor",
        "score",
        "snippet",
        "doc_type",
        "issuer",
        "date",
        "status",
    ]
    assert hit.to_dict()["snippet"] == "đoạn"
    other = _hit(code="1/KH-UBND", snippet="đoạn")
    assert hit == other and "snippet_source" not in repr(hit)
    # a copy without the snippet does not inherit the source
    late = _hit()
    late.defer_snippet(lambda: "của điều")
    head = replace(late, kind="document", snippet="")
    assert head.snippet == "" and late.snippet == "của điều"


def test_a_synonym_is_marked_as_its_whole_phrase():
    """ "34-CT/TW" marks "Chỉ thị" (the phrase "CT" stands for) and the code,
    not the "thi" of "thi đua"; words typed are marked each, across commas."""
    from search.query import parse
    from search.snippets import make_snippet

    text = "Chỉ thị số 34-CT/TW về công tác thi đua, khen thưởng"
    assert make_snippet(text, parse("34-CT/TW").highlight_terms) == (
        "<mark>Chỉ thị</mark> số <mark>34</mark>-<mark>CT</mark>/<mark>TW</mark> "
        "về công tác thi đua, khen thưởng"
    )
    marked = make_snippet(text, parse("thi dua khen thuong").highlight_terms)
    assert "<mark>thi</mark> <mark>đua</mark>, <mark>khen</mark>" in marked
    spaced = make_snippet("Ủy  ban\nnhân dân tỉnh", parse("UBND").highlight_terms)
    assert spaced == "<mark>Ủy  ban\nnhân dân</mark> tỉnh"
