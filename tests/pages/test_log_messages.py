"""Page history sentences of the portal's own log actions, in Vietnamese."""

from wagtail.models import PageLogEntry
from wagtail.test.utils import WagtailPageTestCase

from pages.basis_audit import ACK_ACTION, UNACKNOWLEDGED_ACTION
from pages.importing import IMPORT_ACTION
from tests.factories import PlanPageFactory, build_site


class LogMessageTests(WagtailPageTestCase):
    def setUp(self):
        _, index = build_site()
        self.page = PlanPageFactory(parent=index, live=False)
        self.login()

    def history(self) -> str:
        response = self.client.get(f"/admin/pages/{self.page.pk}/history/")
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_import_entry_reads_as_a_sentence(self):
        PageLogEntry.objects.log_action(
            self.page,
            IMPORT_ACTION,
            data={
                "note": "Bản gốc nhận từ Văn phòng.",
                "source": "ke-hoach-07.docx",
                "published": False,
                "checks": ["Cơ quan ban hành được đọc từ nội dung văn bản."],
            },
        )
        html = self.history()
        self.assertIn(
            "Nhập văn bản từ tệp “ke-hoach-07.docx”, lưu bản nháp; 1 điểm cần kiểm "
            "tra: Cơ quan ban hành được đọc từ nội dung văn bản.",
            html,
        )
        self.assertIn("Bản gốc nhận từ Văn phòng.", html)
        self.assertNotIn("&lt;function", html)
        self.assertNotIn("<function", html)

    def test_basis_entries_read_as_sentences(self):
        problem = {
            "line": 1,
            "raw": "Nghị định số 98/2023/NĐ-CP",
            "kind": "expired",
            "message": "Văn bản 98/2023/NĐ-CP đã hết hiệu lực từ ngày 01/7/2025.",
        }
        PageLogEntry.objects.log_action(
            self.page,
            ACK_ACTION,
            data={"note": "Giữ căn cứ cũ.", "action": "publish", "problems": [problem]},
        )
        PageLogEntry.objects.log_action(
            self.page,
            UNACKNOWLEDGED_ACTION,
            data={"scheduled": True, "problems": [problem]},
        )
        html = self.history()
        self.assertIn("Xác nhận 1 vấn đề về căn cứ khi xuất bản", html)
        self.assertIn("Giữ căn cứ cũ.", html)
        self.assertIn(
            "Đã xuất bản theo lịch hẹn giờ khi căn cứ còn 1 vấn đề chưa được xác nhận: "
            "dòng 1: Văn bản 98/2023/NĐ-CP đã hết hiệu lực từ ngày 01/7/2025.",
            html,
        )
