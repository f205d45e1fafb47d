"""What the public may see of a page's links to other pages."""

from __future__ import annotations


def public_documents(links) -> list:
    """The live, public documents of an inline list, in the editor's order.

    ``LegalDocumentPage`` holds every field the templates show (title, số ký
    hiệu), so one query serves any mix of document kinds.
    """
    from pages.models.documents import LegalDocumentPage

    ids = [link.document_id for link in links]
    found = LegalDocumentPage.objects.live().public().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def public_pages(related):
    """The live, public pages of a ``ParentalManyToManyField``, as a queryset.

    A preview or "view draft" holds the field as modelcluster's FakeQuerySet,
    which has no ``live()``; reading the pages again by key works on both.
    """
    keys = [page.pk for page in related.all()]
    return related.model.objects.live().public().filter(pk__in=keys)
