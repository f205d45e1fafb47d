"""The portal's own particulars ("Thông tin cổng"), shown in every page's footer.

Nghị định 42/2022/NĐ-CP asks a state body's portal to say who runs it: the body
in charge (cơ quan chủ quản), the person chiefly responsible (name and
position), a contact address, telephone and e-mail, and the licence or
founding decision when there is one. They are a Wagtail site setting, so an
administrator edits them in Admin → Cài đặt → Thông tin cổng; the footer shows
only the fields that are filled.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="info-circle")
class PortalInfo(BaseSiteSetting):
    select_related = ["about_page", "contact_page"]

    owner_name = models.CharField(
        "cơ quan chủ quản",
        max_length=200,
        blank=True,
        default="Ủy ban nhân dân huyện Tam Đường, tỉnh Lai Châu",
    )
    responsible_name = models.CharField(
        "người chịu trách nhiệm chính", max_length=150, blank=True
    )
    responsible_position = models.CharField("chức vụ", max_length=200, blank=True)
    address = models.CharField("địa chỉ liên hệ", max_length=300, blank=True)
    phone = models.CharField("điện thoại", max_length=50, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    licence = models.CharField(
        "giấy phép / quyết định thành lập",
        max_length=300,
        blank=True,
        help_text="Ví dụ: “Quyết định số …/QĐ-UBND ngày … về việc thành lập "
        "Cổng thông tin điện tử”. Để trống nếu không có.",
    )
    about_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="trang Giới thiệu",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="trang Liên hệ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("owner_name"),
        MultiFieldPanel(
            [FieldPanel("responsible_name"), FieldPanel("responsible_position")],
            heading="Người chịu trách nhiệm chính",
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading="Liên hệ",
        ),
        FieldPanel("licence"),
        MultiFieldPanel(
            [FieldPanel("about_page"), FieldPanel("contact_page")],
            heading="Liên kết ở chân trang",
        ),
    ]

    class Meta:
        verbose_name = "Thông tin cổng"
        verbose_name_plural = "Thông tin cổng"
