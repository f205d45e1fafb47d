"""The one publish pipeline: version → citation rows → validity effects read
from those rows → on commit the search index and the page cache."""

from unittest import mock

import pytest

from pages import publishing, validity
from pages.models import DocumentCitation, PendingEffect, PublishedVersion
from search import get_backend
from search.types import SearchQuery
from tests.factories import REPLACING_TEXT, decree

pytestmark = pytest.mark.django_db


def test_publishing_runs_every_step_in_order(
    site_tree, django_capture_on_commit_callbacks
):
    _, index = site_tree
    old = decree(index, 98, 2023)
    with django_capture_on_commit_callbacks(execute=True):
        new = decree(
            index,
            152,
            2025,
            body=[{"type": "paragraph", "value": f"<p>{REPLACING_TEXT}</p>"}],
        )
    assert PublishedVersion.objects.filter(page=new).count() == 1
    row = DocumentCitation.objects.get(source=new, target=old)
    assert row.relation == "thay_the"
    effect = PendingEffect.objects.get(source=new)
    assert (effect.target_id, effect.kind) == (old.pk, "thay_the")
    # Indexed after the citations were stored: the entry knows what it cites.
    hits = get_backend().search(SearchQuery(text="", filters={"cites": [row.key]}))
    assert [hit.page_id for hit in hits.hits] == [new.pk]


def test_effects_are_read_from_the_stored_rows(site_tree):
    _, index = site_tree
    old = decree(index, 98, 2023)
    new = decree(
        index,
        152,
        2025,
        body=[{"type": "paragraph", "value": f"<p>{REPLACING_TEXT}</p>"}],
    )
    PendingEffect.objects.all().delete()
    rows = DocumentCitation.objects.filter(source=new, target=old)
    rows.update(relation="lien_quan")
    assert validity.effects_detect(source=new) == []
    rows.update(relation="bai_bo")
    (effect,) = validity.effects_detect(source=new)
    assert (effect.target_id, effect.kind) == (old.pk, "bai_bo")


def test_a_failing_step_never_undoes_a_publication(site_tree):
    _, index = site_tree
    with mock.patch("pages.graph.sync_page", side_effect=RuntimeError("disk full")):
        page = decree(index, 98, 2023)
    assert page.live and PublishedVersion.objects.filter(page=page).exists()


def test_the_importer_runs_the_pipeline_strictly(site_tree):
    _, index = site_tree
    page = decree(index, 98, 2023)
    revision = page.save_revision()
    with (
        mock.patch("pages.graph.sync_page", side_effect=RuntimeError("disk full")),
        publishing.receiver_suppressed(),
    ):
        revision.publish()
        with pytest.raises(RuntimeError):
            publishing.document_published(page, revision, strict=True)
