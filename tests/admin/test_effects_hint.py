""" "Hiệu lực chờ xác nhận" tells an editor who confirms.

An editor sees the pending effects but no "Xác nhận"/"Từ chối" buttons; the
screen said nothing about why or who decides. It now names the groups whose
members may decide (those holding ``pages.change_pendingeffect``).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils import WagtailPageTestCase

from pages.workflow import APPROVERS, EDITORS, workflow_assign_defaults
from tests.factories import build_site, replaced_decree

HINT = "không xác nhận hoặc từ chối được"


class EffectsHintTests(WagtailPageTestCase):
    def setUp(self):
        _home, index = build_site()
        workflow_assign_defaults()
        replaced_decree(index, confirm=False)

    def member(self, group: str):
        user = get_user_model().objects.create_user(f"u-{len(group)}", password="x")
        user.groups.add(Group.objects.get(name=group))
        self.client.force_login(user)

    def test_an_editor_is_told_who_decides(self):
        self.member(EDITORS)
        response = self.client.get("/admin/hieu-luc/")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Xác nhận</button>")
        self.assertContains(response, HINT)
        self.assertContains(response, f"“{APPROVERS}”")

    def test_a_moderator_decides_without_the_hint(self):
        self.member(APPROVERS)
        response = self.client.get("/admin/hieu-luc/")
        self.assertContains(response, "Xác nhận</button>")
        self.assertNotContains(response, HINT)
