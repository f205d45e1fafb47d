"""``stream_text``: the text the search index reads from a StreamField.

Rich text's paragraphs used to be joined with nothing between them, so the
index and its snippets read "kèm theo.Điều 2." and, where a paragraph ends
without punctuation, one word made of two ("thi hànhChính phủ").
"""

from wagtail.rich_text import RichText

from documents.text import index_tokens
from pages.bodytext import stream_text


def test_paragraphs_stay_apart():
    source = "<p>kèm theo.</p><p>Điều 2. Quyết định</p><p>thi hành</p><p>Chính phủ</p>"
    assert stream_text(RichText(source)).splitlines() == [
        "kèm theo.",
        "Điều 2. Quyết định",
        "thi hành",
        "Chính phủ",
    ]


def test_line_breaks_list_items_and_entities():
    source = "<ul><li>Một</li><li>Hai</li></ul><p>Ba<br>Bốn &amp; năm</p>"
    assert stream_text(RichText(source)).splitlines() == [
        "Một",
        "Hai",
        "Ba",
        "Bốn & năm",
    ]


def test_the_index_reads_every_word():
    text = stream_text(RichText("<p>thi hành</p><p>Chính phủ</p>"))
    folded = index_tokens(text)[1]
    assert "hanh" in folded and "chinh" in folded
