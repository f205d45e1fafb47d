"""StreamField blocks for the body of an official document.

The body follows the structure of Nghị định 30/2020 (Phần/Chương in Roman
numerals, Mục, Điều, numbered sections "1.", "1.1.") so each part has an anchor
that search hits and citations can link to.
"""

from django.utils.text import slugify
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock

from documents.parsing.outline import article_anchor

RICH_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    """A numbered part or section heading: "I. MỤC ĐÍCH, YÊU CẦU", "Chương II"."""

    number = blocks.CharBlock(label="Số thứ tự", required=False, max_length=20)
    text = blocks.CharBlock(label="Tiêu đề", max_length=500)
    level = blocks.ChoiceBlock(
        label="Cấp",
        choices=[("2", "Phần / Chương"), ("3", "Mục / mục lớn"), ("4", "Tiểu mục")],
        default="2",
    )
    anchor = blocks.CharBlock(
        label="Neo liên kết",
        required=False,
        max_length=80,
        help_text="Để trống để tạo tự động từ số thứ tự (ví dụ: muc-ii-1).",
    )

    class Meta:
        icon = "title"
        label = "Tiêu đề phần"
        template = "pages/blocks/heading_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        number = (value.get("number") or "").strip(". ")
        computed = "muc-" + slugify(number or value.get("text", ""))[:40]
        context["anchor"] = slugify(value.get("anchor") or "") or computed
        return context


class ArticleBlock(blocks.StructBlock):
    """One Điều of a legal text; addressable as #dieu-<number> (#dieu-2-2 for a
    second Điều 2 in the page: a regulation's after its decision's)."""

    number = blocks.CharBlock(label="Điều số", max_length=10)
    title = blocks.CharBlock(label="Tên điều", required=False, max_length=500)
    body = blocks.RichTextBlock(label="Nội dung", features=RICH_FEATURES)

    class Meta:
        icon = "doc-full"
        label = "Điều"
        template = "pages/blocks/article_block.html"

    def get_context(self, value, parent_context=None):
        """``article_anchor`` is the Điều's anchor unique in its page
        (``with_article_anchors``); without it, "dieu-<number>"."""
        context = super().get_context(value, parent_context)
        given = (parent_context or {}).get("article_anchor")
        context["anchor"] = given or article_anchor(value.get("number"))
        return context


class AppendixBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Tên phụ lục", max_length=300)
    body = blocks.RichTextBlock(label="Nội dung", features=RICH_FEATURES)

    class Meta:
        icon = "folder-open-inverse"
        label = "Phụ lục"
        template = "pages/blocks/appendix_block.html"


class DocumentBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label="Đoạn văn", features=RICH_FEATURES)
    article = ArticleBlock()
    table = TableBlock(label="Bảng")
    appendix = AppendixBlock()

    class Meta:
        label = "Nội dung văn bản"


class StoryBlock(blocks.StreamBlock):
    """Free content for news, exemplars and movements."""

    heading = blocks.CharBlock(label="Tiêu đề", form_classname="title")
    paragraph = blocks.RichTextBlock(label="Đoạn văn", features=RICH_FEATURES)
    quote = blocks.BlockQuoteBlock(label="Trích dẫn")
