"""Multi-step writes of the showcase: commendation decisions feed exemplar pages.

Publishing a ``DecisionPage`` links each of its awards to the recipient's
``ExemplarPage`` (matched by folded name and kind), creating a draft exemplar for
editors when none exists; unpublishing it removes those links. The exemplar page
only ever lists awards of live, public decisions (``ExemplarPage.public_awards``),
so a decision taken offline disappears from the showcase either way.

The functions are called from ``page_published``/``page_unpublished`` handlers
registered in ``PagesConfig.ready``.
"""

import logging

from django.db import transaction
from django.utils.text import slugify

from documents.models import IssuingBody
from pages.models import (
    Award,
    DecisionPage,
    ExemplarIndexPage,
    ExemplarPage,
)
from pages.models.showcase import name_key

logger = logging.getLogger(__name__)


@transaction.atomic
def awards_link(*, decision: DecisionPage) -> list[ExemplarPage]:
    """Link the decision's awards to exemplar pages; return the drafts created.

    An award an editor already linked keeps its exemplar. Others are matched by
    folded recipient name and kind; without a match a draft exemplar is created
    under the site's ``ExemplarIndexPage`` (nothing is created without one).
    """
    created: list[ExemplarPage] = []
    awards = Award.objects.filter(page_id=decision.pk, exemplar__isnull=True)
    for award in awards.order_by("sort_order", "pk"):
        exemplar = exemplar_find(name=award.recipient_name, kind=award.recipient_kind)
        if exemplar is None:
            exemplar = exemplar_create_draft(award=award, decision=decision)
            if exemplar is None:
                continue
            created.append(exemplar)
        award.exemplar = exemplar
        award.save(update_fields=["exemplar"])
    return created


@transaction.atomic
def awards_unlink(*, decision: DecisionPage) -> int:
    """Detach the decision's awards from their exemplars; return how many."""
    return Award.objects.filter(page_id=decision.pk, exemplar__isnull=False).update(
        exemplar=None
    )


def exemplar_find(*, name: str, kind: str) -> ExemplarPage | None:
    """The exemplar with this folded name and kind, live pages first."""
    return (
        ExemplarPage.objects.filter(name_key=name_key(name), kind=kind)
        .order_by("-live", "pk")
        .first()
    )


def exemplar_index_for(decision: DecisionPage) -> ExemplarIndexPage | None:
    """The exemplar gallery of the decision's site (or any, as a fallback)."""
    indexes = ExemplarIndexPage.objects.order_by("-live", "path")
    site = decision.get_site()
    if site is not None:
        local = indexes.descendant_of(site.root_page).first()
        if local is not None:
            return local
    return indexes.first()


@transaction.atomic
def exemplar_create_draft(
    *, award: Award, decision: DecisionPage
) -> ExemplarPage | None:
    """A draft exemplar pre-filled from the award, for editors to complete.

    Consent is not recorded yet, so nothing personal is ever shown until an
    editor records it and publishes the page.
    """
    index = exemplar_index_for(decision)
    if index is None:
        logger.info("No ExemplarIndexPage: award %s left unlinked", award.pk)
        return None
    body = commune_body(award.recipient_unit)
    page = ExemplarPage(
        title=award.recipient_name,
        slug=unique_child_slug(index, award.recipient_name),
        kind=award.recipient_kind,
        unit=award.recipient_unit,
        position=award.recipient_position,
        achievements=award.reason,
        year=decision.year,
        issuing_body=body,
        commune=body.place if body else "",
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(log_action=True)
    return page


def commune_body(unit: str) -> IssuingBody | None:
    """The commune whose place name appears in a unit ("Bản Hợp 1, xã Bản Bo")."""
    words = f" {name_key(unit)} "
    communes = IssuingBody.objects.filter(level=IssuingBody.Level.COMMUNE)
    for body in communes.exclude(place="").order_by("name"):
        if f" {name_key(body.place)} " in words:
            return body
    return None


def unique_child_slug(parent, title: str) -> str:
    """A slug from the folded title, unique among the parent's children."""
    base = slugify(name_key(title))[:60] or "dien-hinh"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def on_decision_unpublished(sender, instance, **kwargs) -> None:
    """``page_unpublished`` handler for ``DecisionPage``."""
    awards_unlink(decision=instance)
