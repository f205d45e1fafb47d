"""An editor posting the page editor's form of a Kế hoạch (tests of dates,
years and numbers typed into it)."""

from django.contrib.auth.models import Group

from pages.workflow import EDITORS, workflow_assign_defaults
from tests.factories import build_site, plan_form_data

TITLE = "Kế hoạch thi đua"


class PlanFormMixin:
    """For a ``WagtailPageTestCase``: a site, an editor logged in (group
    "Biên tập viên", default workflow) and ``post_plan`` to add or edit."""

    def setUp(self):
        super().setUp()
        self.home, self.index = build_site()
        workflow_assign_defaults()
        self.editor = self.create_user("bientap", password="x")
        self.editor.groups.add(Group.objects.get(name=EDITORS))
        self.client.force_login(self.editor)
        self.add_url = f"/admin/pages/add/pages/planpage/{self.index.pk}/"

    def post_plan(self, number, url: str | None = None, **fields):
        """POST a complete Kế hoạch numbered ``number`` with ``fields`` changed,
        to the add form or to ``url`` (an edit form)."""
        data = plan_form_data(TITLE, number, **fields)
        return self.client.post(url or self.add_url, data)
