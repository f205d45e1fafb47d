"""An editor can view the draft and the preview of every showcase page.

Wagtail renders a draft or a preview from the revision, where a
``ParentalManyToManyField`` (an exemplar's or a news item's movements and
exemplars) is modelcluster's FakeQuerySet: a template reaching ``live()`` on it
failed with a 500 ("Xem bản nháp" on an exemplar).
"""

from django.contrib.auth import get_user_model

from tests.factories import MovementPageFactory
from tests.pages.test_showcase import ShowcaseTestCase, publish


class DraftViewTests(ShowcaseTestCase):
    def setUp(self):
        super().setUp()
        admin = get_user_model().objects.create_superuser("bientap", password="x")
        self.client.force_login(admin)
        self.hidden = MovementPageFactory(
            parent=self.movements, title="Phong trào chưa xuất bản", live=False
        )

    def view_draft(self, page) -> str:
        page.save_revision()
        response = self.client.get(f"/admin/pages/{page.pk}/view_draft/")
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_exemplar_draft_lists_its_live_movements_only(self):
        self.exemplar.movements.add(self.hidden)
        html = self.view_draft(self.exemplar)
        self.assertIn(self.movement.title, html)
        self.assertNotIn(self.hidden.title, html)

    def test_news_draft_lists_its_live_exemplars_and_movements(self):
        self.news.movements.add(self.hidden)
        html = self.view_draft(self.news)
        self.assertIn(self.exemplar.title, html)
        self.assertIn(self.movement.title, html)
        self.assertNotIn(self.hidden.title, html)

    def test_movement_draft(self):
        self.assertIn(self.exemplar.title, self.view_draft(self.movement))

    def test_published_pages_still_show_their_links(self):
        publish(self.news)
        html = self.get(self.news)
        self.assertIn(self.exemplar.title, html)
        self.assertIn(self.movement.title, html)
