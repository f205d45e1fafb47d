"""The demo's "Giới thiệu" and "Liên hệ" pages and its "Thông tin cổng" setting.

The particulars are those of UBND huyện Tam Đường as the sample plan shows them
(its Chủ tịch signs it); the district level ended on 01/7/2025, which the
"Giới thiệu" page says, as the issuing body's ``dissolved_on`` does. No phone
number is given (the demo invents none that could be real) and the e-mail
address is under the reserved ``.example`` domain.
"""

from wagtail.models import Site

from pages.demo.common import DEMO_NOTE
from pages.models import ContentPage, HomePage, PortalInfo

ABOUT_BODY = (
    "<p>Cổng văn bản đăng tải văn bản chỉ đạo, điều hành, kế hoạch và kết quả thi "
    "đua, khen thưởng do Ủy ban nhân dân huyện Tam Đường, tỉnh Lai Châu ban hành, "
    "cùng các văn bản của cấp trên mà các văn bản đó dẫn chiếu. Mỗi văn bản ghi "
    "cơ quan ban hành, cấp của cơ quan và ngày ban hành. Văn bản đăng tải có giá "
    "trị tham khảo; văn bản gốc có chữ ký số là căn cứ pháp lý.</p>"
    "<h2>Địa bàn sau ngày 01/7/2025</h2>"
    "<p>Từ ngày 01/7/2025, đơn vị hành chính cấp huyện kết thúc hoạt động; địa bàn "
    "huyện Tam Đường nay thuộc các xã Bình Lư, Bản Bo, Tả Lèng và Khun Há, tỉnh "
    "Lai Châu. Văn bản ban hành trước ngày đó mang tên Ủy ban nhân dân huyện Tam "
    "Đường; văn bản cùng lĩnh vực ban hành sau ngày đó là của Ủy ban nhân dân xã "
    "hoặc Ủy ban nhân dân tỉnh. Trên trang Văn bản, chọn một xã làm cơ quan ban "
    "hành và đánh dấu “Gồm cả văn bản của cơ quan tiền nhiệm” để xem cả văn bản "
    "của huyện trước đây.</p>"
    f"<p>{DEMO_NOTE} Đây không phải cổng thông tin chính thức của cơ quan nào.</p>"
)
CONTACT_BODY = (
    "<p>Ý kiến về nội dung và hoạt động của cổng văn bản xin gửi về địa chỉ dưới "
    "đây.</p>"
    f"<p>{DEMO_NOTE} Địa chỉ thư điện tử là địa chỉ minh họa, không nhận thư.</p>"
)
PARTICULARS = {
    "owner_name": "Ủy ban nhân dân huyện Tam Đường, tỉnh Lai Châu",
    "responsible_name": "Sùng Lữ Páo",
    "responsible_position": "Chủ tịch Ủy ban nhân dân huyện Tam Đường",
    "address": "Thị trấn Tam Đường, huyện Tam Đường, tỉnh Lai Châu",
    "email": "lienhe@tamduong.example",
}


def load_portal_info(home: HomePage) -> list[str]:
    """Create the two pages unless they exist and fill the setting's empty
    fields (what an administrator changed stays); returns the new titles."""
    about, new_about = content_page(home, "gioi-thieu", "Giới thiệu", ABOUT_BODY)
    contact, new_contact = content_page(home, "lien-he", "Liên hệ", CONTACT_BODY)
    site = Site.objects.get(is_default_site=True)
    info = PortalInfo.for_site(site)
    for name, value in PARTICULARS.items():
        if not getattr(info, name):
            setattr(info, name, value)
    info.about_page = info.about_page or about
    info.contact_page = info.contact_page or contact
    info.save()
    return [
        page.title for page, new in [(about, new_about), (contact, new_contact)] if new
    ]


def content_page(home: HomePage, slug: str, title: str, body: str):
    existing = ContentPage.objects.child_of(home).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = ContentPage(title=title, slug=slug, body=body)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True
