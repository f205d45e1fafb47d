"""Legal and administrative documents as versioned Wagtail pages.

``LegalDocumentPage`` holds the metadata every document shares (Nghị định
30/2020/NĐ-CP, Điều 8). It is a concrete, non-creatable page so that listings,
identity checks, the citation graph and the API query one table across all
document kinds; the creatable kinds (Kế hoạch, Chỉ thị, Quyết định and the rest)
subclass it and add only what differs.
"""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from documents.choices import ValidityStatus
from documents.citations import compose_code
from documents.dates import MAX_YEAR, MIN_YEAR
from documents.identity import DocumentIdentity, code_parts_clean, document_system
from documents.models import DocumentType
from pages.blocks import DocumentBodyBlock
from pages.completeness import duplicate_message
from pages.models.versions import DocumentVersionsMixin
from pages.routes import CitationGraphMixin

DOCUMENT_PARENTS = ["pages.DocumentIndexPage"]

#: Years a document can be issued in (``documents.dates``); the import form,
#: the list filters and the exemplar report import them from here too.
YEAR_MESSAGE = f"Năm ban hành phải trong khoảng {MIN_YEAR}–{MAX_YEAR}."
YEAR_VALIDATORS = [
    MinValueValidator(MIN_YEAR, message=YEAR_MESSAGE),
    MaxValueValidator(MAX_YEAR, message=YEAR_MESSAGE),
]

#: The same range for every date of a document (issue, effective, expiry).
#: A document's số: none reaches 100.000 in a year (the database's own limit,
#: 9223372036854775807 on SQLite, meant nothing to an editor).
MAX_NUMBER = 99_999
NUMBER_MESSAGE = "Số văn bản phải nhỏ hơn hoặc bằng 99.999."
MIN_DATE, MAX_DATE = dt.date(MIN_YEAR, 1, 1), dt.date(MAX_YEAR, 12, 31)
DATE_MESSAGE = f"Ngày phải trong khoảng 01/01/{MIN_YEAR}–31/12/{MAX_YEAR}."
DATE_VALIDATORS = [
    MinValueValidator(MIN_DATE, message=DATE_MESSAGE),
    MaxValueValidator(MAX_DATE, message=DATE_MESSAGE),
]


def year_day(year: int | None, month: int, day: int) -> dt.date | None:
    """That day of ``year`` (an ``issued_year``); None without a year or with one
    outside MIN_YEAR–MAX_YEAR (a draft saved before years were checked)."""
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    return dt.date(year, month, day)


LOCALITY_WORDS = re.compile(
    r"\s+(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s", re.IGNORECASE
)


def collective_name(body_name: str) -> str:
    """ "Ủy ban nhân dân huyện Tam Đường" -> "Ủy ban nhân dân" (for "TM. ...")."""
    match = LOCALITY_WORDS.search(body_name + " ")
    return body_name[: match.start()] if match else body_name


class SigningAuthority(models.TextChoices):
    NONE = "", "Không"
    TM = "TM.", "TM. (thay mặt)"
    KT = "KT.", "KT. (ký thay)"
    TL = "TL.", "TL. (thừa lệnh)"
    TUQ = "TUQ.", "TUQ. (thừa ủy quyền)"
    Q = "Q.", "Q. (quyền)"


class DocumentTag(TaggedItemBase):
    content_object = ParentalKey(
        "pages.LegalDocumentPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class LegalDocumentQuerySet(PageQuerySet):
    def with_metadata(self):
        return self.select_related("document_type", "issuing_body", "signer", "field")

    def in_force_on(self, day):
        """Documents in force on ``day``: known to have begun by then, and
        neither "Hết hiệu lực" nor "Chưa có hiệu lực" then (``pages.validity``,
        the one rule)."""
        from pages.validity import known_start_q, status_q

        S = ValidityStatus
        ended_or_not_yet = status_q(S.EXPIRED, day) | status_q(S.NOT_YET, day)
        return self.filter(known_start_q(day)).exclude(ended_or_not_yet)


LegalDocumentPageManager = PageManager.from_queryset(LegalDocumentQuerySet)


class DocumentAttachment(Orderable):
    """The original file (PDF/DOCX) of a document, as a Wagtail document."""

    page = ParentalKey(
        "pages.LegalDocumentPage", on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField("mô tả", max_length=255, blank=True)

    # The editor's label for "file" (the field has no Vietnamese verbose_name).
    panels = [FieldPanel("file", heading="Tệp"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"


class LegalDocumentPage(DocumentVersionsMixin, CitationGraphMixin, Page):
    """Shared metadata and layout of every official document."""

    # Nullable so that an imported document whose type, issuer or symbol the
    # text does not give can be kept as a draft; publishing requires them
    # (pages.completeness).
    document_type = models.ForeignKey(
        DocumentType,
        verbose_name="loại văn bản",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    number = models.PositiveIntegerField(
        "số",
        null=True,
        blank=True,
        help_text="Để trống khi văn bản là dự thảo.",
        validators=[MaxValueValidator(MAX_NUMBER, message=NUMBER_MESSAGE)],
    )
    symbol = models.CharField(
        "ký hiệu", max_length=40, help_text="Ví dụ: KH-UBND, NĐ-CP, CT/TW."
    )
    is_normative = models.BooleanField(
        "văn bản quy phạm pháp luật",
        default=False,
        help_text="Số ký hiệu có năm ban hành (98/2023/NĐ-CP).",
    )
    code = models.CharField("số ký hiệu", max_length=80, blank=True, editable=False)
    issuing_body = models.ForeignKey(
        "documents.IssuingBody",
        verbose_name="cơ quan ban hành",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    place = models.CharField("địa danh", max_length=100, blank=True)
    issued_date = models.DateField(
        "ngày ban hành", null=True, blank=True, validators=DATE_VALIDATORS
    )
    issued_year = models.PositiveSmallIntegerField(
        "năm ban hành",
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text="Điền khi chỉ biết năm (dự thảo: “ngày … tháng … năm 2025”).",
    )
    year = models.PositiveSmallIntegerField(
        "năm", null=True, blank=True, editable=False
    )
    effective_date = models.DateField(
        "ngày có hiệu lực", null=True, blank=True, validators=DATE_VALIDATORS
    )
    expiry_date = models.DateField(
        "ngày hết hiệu lực", null=True, blank=True, validators=DATE_VALIDATORS
    )
    status = models.CharField(
        "tình trạng hiệu lực",
        max_length=24,
        choices=ValidityStatus.choices,
        default=ValidityStatus.UNKNOWN,
    )
    signing_authority = models.CharField(
        "thẩm quyền ký", max_length=5, choices=SigningAuthority.choices, blank=True
    )
    signer_position = models.CharField("chức vụ người ký", max_length=100, blank=True)
    signer = models.ForeignKey(
        "documents.Signer",
        verbose_name="người ký",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField("trích yếu", max_length=500)
    legal_basis = models.TextField(
        "căn cứ ban hành", blank=True, help_text="Mỗi căn cứ một dòng."
    )
    body = StreamField(DocumentBodyBlock(), verbose_name="nội dung", blank=True)
    recipients = models.TextField(
        "nơi nhận", blank=True, help_text="Mỗi nơi nhận một dòng."
    )
    field = models.ForeignKey(
        "documents.Field",
        verbose_name="lĩnh vực",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager("từ khóa", through=DocumentTag, blank=True)

    objects = LegalDocumentPageManager()

    is_creatable = False
    parent_page_types = DOCUMENT_PARENTS
    subpage_types: list[str] = []
    template = "pages/legal_document_page.html"

    metadata_panels = [
        MultiFieldPanel(
            [
                FieldPanel("document_type"),
                FieldRowPanel([FieldPanel("number"), FieldPanel("symbol")]),
                FieldPanel("is_normative"),
                FieldPanel("issuing_body"),
                FieldRowPanel(
                    [
                        FieldPanel("place"),
                        FieldPanel("issued_date"),
                        FieldPanel("issued_year"),
                    ]
                ),
            ],
            heading="Số ký hiệu, cơ quan, ngày ban hành",
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("status"),
                        FieldPanel("effective_date"),
                        FieldPanel("expiry_date"),
                    ]
                ),
            ],
            heading="Hiệu lực",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("signing_authority"), FieldPanel("signer_position")]
                ),
                FieldPanel("signer"),
            ],
            heading="Người ký",
        ),
    ]
    content_panels = (
        Page.content_panels
        + metadata_panels
        + [
            FieldPanel("legal_basis"),
            FieldPanel("body"),
            FieldPanel("recipients"),
            FieldRowPanel([FieldPanel("field"), FieldPanel("tags")]),
            InlinePanel("attachments", label="tệp gốc (PDF/DOCX)"),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("code"),
        index.SearchField("summary"),
        index.SearchField("legal_basis"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("year"),
    ]

    class Meta:
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        indexes = [models.Index(fields=["symbol", "number", "year"])]

    def __str__(self) -> str:
        return self.title

    # Derived metadata -------------------------------------------------------

    @property
    def system(self) -> str:
        family = self.document_type.family if self.document_type_id else "admin"
        return document_system(str(family), self.is_normative)

    def identity(self) -> DocumentIdentity:
        """What identifies this document: its citation keys (``keys()``) and
        số ký hiệu lookup keys (``code_keys()``), as the graph, the search
        index and the API all compute them."""
        return DocumentIdentity.from_page(self)

    def compose_code(self) -> str:
        return compose_code(
            number=self.number,
            year=self.year,
            symbol=self.symbol.strip(),
            system=self.system,
        )

    def refresh_derived(self) -> None:
        self.symbol = (self.symbol or "").strip()
        self.year = self.issued_date.year if self.issued_date else self.issued_year
        self.code = self.compose_code() if self.symbol else ""

    @property
    def is_draft_number(self) -> bool:
        return self.number is None

    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]

    def legal_basis_lines(self) -> list[str]:
        return [line.strip() for line in self.legal_basis.splitlines() if line.strip()]

    def is_in_force_on(self, day) -> bool:
        """``LegalDocumentQuerySet.in_force_on`` for one page."""
        from pages.validity import is_in_force_on

        return is_in_force_on(self, day)

    # Validation -------------------------------------------------------------

    def identity_duplicates(self):
        """Other documents with the same (type, number, year, symbol, issuer)."""
        if self.number is None or not self.symbol or not self.issuing_body_id:
            return LegalDocumentPage.objects.none()
        return (
            LegalDocumentPage.objects.filter(
                document_type_id=self.document_type_id,
                number=self.number,
                year=self.year,
                symbol__iexact=self.symbol,
                issuing_body_id=self.issuing_body_id,
            )
            .exclude(pk=self.pk)
            .exclude(translation_key=self.translation_key)
        )

    def clean_code_parts(self) -> None:
        """Số from 1 up, Ký hiệu normalised, so duplicates compare normalised
        symbols (``documents.identity.code_parts_clean``)."""
        family = str(self.document_type.family) if self.document_type_id else None
        self.symbol, errors = code_parts_clean(self.number, self.symbol, family)
        if errors:
            raise ValidationError(errors)

    def clean(self):
        super().clean()
        self.clean_code_parts()
        self.refresh_derived()
        if (
            self.issued_date
            and self.issued_year
            and self.issued_date.year != self.issued_year
        ):
            raise ValidationError(
                {"issued_year": "Năm ban hành không khớp với ngày ban hành."}
            )
        if (
            self.effective_date
            and self.expiry_date
            and self.expiry_date < self.effective_date
        ):
            raise ValidationError(
                {"expiry_date": "Ngày hết hiệu lực phải sau ngày có hiệu lực."}
            )
        from pages.validity import date_errors

        if errors := date_errors(self):
            raise ValidationError(errors)
        existing = self.identity_duplicates().first()
        if existing is not None:
            raise ValidationError({"number": duplicate_message(existing)})

    def save(self, *args, **kwargs):
        self.refresh_derived()
        return super().save(*args, **kwargs)

    def publish(self, revision, *args, **kwargs):
        """Refuse to publish a revision that lacks required metadata (bulk
        publishing and scripts; the editor's form says so before)."""
        from pages.completeness import check_publishable

        check_publishable(revision.as_object())
        return super().publish(revision, *args, **kwargs)

    # Presentation -----------------------------------------------------------

    def issued_date_display(self) -> str:
        if self.issued_date:
            d = self.issued_date
            day = f"{d.day:02d}"
            month = f"{d.month:02d}" if d.month < 3 else str(d.month)
            return f"ngày {day} tháng {month} năm {d.year}"
        if self.issued_year:
            return f"ngày     tháng     năm {self.issued_year}"
        return ""

    def signature_lines(self) -> list[str]:
        """The signature block's heading lines, e.g. ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"].

        TM. is followed by the collective body without its locality; KT., TL., TUQ.
        and Q. by the head's title, then the signer's own position.
        """
        position = self.signer_position.strip()
        if self.signing_authority == SigningAuthority.TM:
            body = self.issuing_body.name if self.issuing_body_id else ""
            return [
                f"TM. {collective_name(body)}".upper(),
                position.upper(),
            ]
        if self.signing_authority == SigningAuthority.KT:
            head = re.sub(r"(?i)^phó\s+", "", position)
            return [f"KT. {head}".upper(), position.upper()]
        if self.signing_authority:
            return [f"{self.signing_authority} {position}".upper()]
        return [position.upper()] if position else []
