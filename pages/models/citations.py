"""The citation graph: references stored per document and resolved to pages.

A ``DocumentCitation`` is one ``documents.citations.Citation`` found in a
document's legal basis or body, saved with its source page. ``key`` is the
citation's canonical identity key; ``target`` is the live page
whose identity keys contain it, or null while the cited document is not on the
portal ("dangling"). ``pages.graph`` writes and resolves these rows.
"""

from django.db import models

from documents.choices import Relation


class DocumentCitationQuerySet(models.QuerySet):
    def resolved(self):
        return self.filter(target__isnull=False)

    def dangling(self):
        return self.filter(target__isnull=True)

    def with_lookup_key(self, keys: list[str]):
        """Citations whose cited code meets one of ``CodeParts.match_keys()``."""
        query = models.Q(pk__in=[])
        for key in keys:
            query |= models.Q(lookup_keys__contains=f"\n{key}\n")
        return self.filter(query)


class DocumentCitation(models.Model):
    """One reference from a document page to another document (maybe absent)."""

    class Origin(models.TextChoices):
        BASIS = "basis", "Căn cứ ban hành"
        BODY = "body", "Nội dung"

    source = models.ForeignKey(
        "pages.LegalDocumentPage",
        verbose_name="văn bản dẫn chiếu",
        on_delete=models.CASCADE,
        related_name="outgoing_citations",
    )
    origin = models.CharField("vị trí", max_length=5, choices=Origin.choices)
    position = models.PositiveIntegerField("thứ tự", default=0)
    raw = models.TextField("nguyên văn")
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)
    doc_type = models.CharField("loại văn bản", max_length=100, blank=True)
    number = models.PositiveIntegerField("số", null=True, blank=True)
    year = models.PositiveSmallIntegerField("năm", null=True, blank=True)
    symbol = models.CharField("ký hiệu", max_length=80, blank=True)
    code = models.CharField("số ký hiệu", max_length=120, blank=True)
    date = models.CharField("ngày ban hành", max_length=10, blank=True)
    issuer = models.CharField("cơ quan ban hành", max_length=255, blank=True)
    pinpoint = models.CharField("điều, khoản, điểm", max_length=255, blank=True)
    relation = models.CharField(
        "quan hệ", max_length=20, choices=Relation.choices, default=Relation.RELATED
    )
    key = models.CharField("khóa định danh", max_length=255, db_index=True)
    lookup_keys = models.TextField(
        "khóa tra cứu số ký hiệu",
        blank=True,
        help_text="code_lookup_keys() of the cited code, one per line, "
        "with a newline before and after each so a LIKE filter matches whole keys.",
    )
    target = models.ForeignKey(
        "pages.LegalDocumentPage",
        verbose_name="văn bản được dẫn chiếu",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="incoming_citations",
    )
    flags = models.JSONField("ghi chú kỹ thuật", default=list, blank=True)

    objects = DocumentCitationQuerySet.as_manager()

    class Meta:
        db_table = "documents_documentcitation"
        ordering = ["source", "origin", "position"]
        verbose_name = "trích dẫn văn bản"
        verbose_name_plural = "trích dẫn văn bản"
        indexes = [models.Index(fields=["target", "relation"])]

    def __str__(self) -> str:
        return self.code or self.raw[:80]

    @property
    def label(self) -> str:
        return self.code or self.raw


class DocumentSource(models.Model):
    """Where an imported document came from (file name, publisher URL): one row
    per address (or file) it was imported from, the first one first; a second
    record with the same text is a second source of the same page."""

    page = models.ForeignKey(
        "pages.LegalDocumentPage",
        on_delete=models.CASCADE,
        related_name="import_sources",
    )
    source_url = models.URLField("nguồn", max_length=500, blank=True)
    file_name = models.CharField("tệp nhập", max_length=255, blank=True)
    imported_at = models.DateTimeField("thời điểm nhập", auto_now=True)

    class Meta:
        db_table = "documents_documentsource"
        verbose_name = "nguồn văn bản nhập"
        verbose_name_plural = "nguồn văn bản nhập"
        ordering = ["pk"]
        # One row per source, as the import finds it: by its address, or by
        # its file name when it has no address (``pages.import_sources``).
        constraints = [
            models.UniqueConstraint(
                fields=["page", "source_url"],
                condition=~models.Q(source_url=""),
                name="unique_document_source_url",
            ),
            models.UniqueConstraint(
                fields=["page", "file_name"],
                condition=models.Q(source_url=""),
                name="unique_document_source_file",
            ),
        ]

    def __str__(self) -> str:
        return self.source_url or self.file_name
