"""The creatable document kinds: Kế hoạch, Chỉ thị, Quyết định and the rest.

Each subclasses ``LegalDocumentPage`` (``pages/models/documents.py``) and adds
only what differs: a plan's appendix of tasks, a decision's awards.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from pages.models.documents import DOCUMENT_PARENTS, LegalDocumentPage


class PlanTask(Orderable):
    """One row of a plan's appendix of tasks (phụ lục nhiệm vụ)."""

    class Status(models.TextChoices):
        PLANNED = "chua_thuc_hien", "Chưa thực hiện"
        IN_PROGRESS = "dang_thuc_hien", "Đang thực hiện"
        DONE = "hoan_thanh", "Hoàn thành"
        OVERDUE = "qua_han", "Quá hạn"

    page = ParentalKey("pages.PlanPage", on_delete=models.CASCADE, related_name="tasks")
    content = models.TextField("nội dung nhiệm vụ")
    lead_unit = models.CharField("đơn vị chủ trì", max_length=200)
    coordinating_units = models.CharField("đơn vị phối hợp", max_length=300, blank=True)
    deadline = models.CharField(
        "thời gian thực hiện",
        max_length=100,
        blank=True,
        help_text="Ví dụ: Quý II/2025, trước 30/6/2025, cả năm.",
    )
    status = models.CharField(
        "tình trạng", max_length=20, choices=Status.choices, default=Status.PLANNED
    )

    panels = [
        FieldPanel("content"),
        FieldRowPanel([FieldPanel("lead_unit"), FieldPanel("coordinating_units")]),
        FieldRowPanel([FieldPanel("deadline"), FieldPanel("status")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "phụ lục nhiệm vụ"


class PlanPage(LegalDocumentPage):
    """Kế hoạch: adds the appendix of tasks with lead units and deadlines."""

    is_creatable = True
    parent_page_types = DOCUMENT_PARENTS
    subpage_types: list[str] = []
    template = "pages/plan_page.html"
    # Inline labels are lower case: Wagtail's button reads "Thêm {label}" and
    # the heading capitalises the label itself (as does LegalDocumentPage's).
    content_panels = LegalDocumentPage.content_panels + [
        InlinePanel("tasks", label="phụ lục nhiệm vụ"),
    ]

    class Meta:
        verbose_name = "kế hoạch"
        verbose_name_plural = "kế hoạch"


class DirectivePage(LegalDocumentPage):
    """Chỉ thị."""

    is_creatable = True
    template = "pages/legal_document_page.html"
    parent_page_types = DOCUMENT_PARENTS
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "chỉ thị"
        verbose_name_plural = "chỉ thị"


class Award(Orderable):
    """One award granted by a commendation decision."""

    class RecipientKind(models.TextChoices):
        INDIVIDUAL = "ca_nhan", "Cá nhân"
        COLLECTIVE = "tap_the", "Tập thể"

    page = ParentalKey(
        "pages.DecisionPage", on_delete=models.CASCADE, related_name="awards"
    )
    recipient_name = models.CharField("người / tập thể được khen", max_length=200)
    recipient_kind = models.CharField(
        "đối tượng",
        max_length=10,
        choices=RecipientKind.choices,
        default=RecipientKind.INDIVIDUAL,
    )
    recipient_unit = models.CharField("đơn vị", max_length=200, blank=True)
    recipient_position = models.CharField("chức vụ", max_length=150, blank=True)
    title = models.ForeignKey(
        "documents.EmulationTitle",
        verbose_name="danh hiệu / hình thức",
        on_delete=models.PROTECT,
        related_name="+",
    )
    reason = models.TextField("thành tích", blank=True)
    exemplar = models.ForeignKey(
        "pages.ExemplarPage",
        verbose_name="trang điển hình",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="awards_received",
        help_text="Để trống: khi xuất bản, quyết định tự liên kết với trang điển "
        "hình cùng tên (tạo bản nháp nếu chưa có).",
    )

    panels = [
        FieldRowPanel([FieldPanel("recipient_name"), FieldPanel("recipient_kind")]),
        FieldRowPanel([FieldPanel("recipient_unit"), FieldPanel("recipient_position")]),
        FieldPanel("title"),
        FieldPanel("reason"),
        FieldPanel("exemplar"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "khen thưởng"
        verbose_name_plural = "danh sách khen thưởng"

    def __str__(self) -> str:
        return f"{self.title} – {self.recipient_name}"


class DecisionPage(LegalDocumentPage):
    """Quyết định; a commendation decision lists its awards."""

    is_creatable = True
    parent_page_types = DOCUMENT_PARENTS
    subpage_types: list[str] = []
    template = "pages/decision_page.html"
    content_panels = LegalDocumentPage.content_panels + [
        InlinePanel("awards", label="khen thưởng"),
    ]

    class Meta:
        verbose_name = "quyết định"
        verbose_name_plural = "quyết định"


class DocumentPage(LegalDocumentPage):
    """Every other kind: Công văn, Thông báo, Báo cáo, Luật, Nghị định, Thông tư..."""

    is_creatable = True
    template = "pages/legal_document_page.html"
    parent_page_types = DOCUMENT_PARENTS
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "văn bản khác"
        verbose_name_plural = "văn bản khác"
