"""Where an imported record came from and the address it asked for.

A record is one source of its page (``DocumentSource``: its address, or its
file when it has none); a record whose text is a page already on the portal
asked for an address of its own (its slug), which becomes a permanent
redirect to that page unless the address already leads somewhere else.
Both run inside the import's transaction (``pages.importing``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from wagtail.contrib.redirects.models import Redirect

from pages.models import DocumentSource


def remember_source(page, file_name: str, source_url: str | None) -> None:
    """Add the record's address (or its file, without one) to the page's
    sources; the same address imported again is the same source (its file
    name and time updated). The unique constraints (pages migration 0008)
    keep one row per source: ``update_or_create`` reads again a row that
    another import added meanwhile."""
    url, name = (source_url or "")[:500], file_name[:255]
    same = {"source_url": url} if url else {"source_url": "", "file_name": name}
    DocumentSource.objects.update_or_create(
        page_id=page.pk, **same, defaults={"file_name": name}
    )


@dataclass(frozen=True)
class AddressRedirect:
    """What became of the address a record asked for.

    ``made``: the old path, now (or already) a redirect to the page; ``kept``:
    the old path of a redirect that already led elsewhere (whoever made it:
    an editor, Wagtail when a slug changed, an earlier import; left as it
    is), ``kept_to`` where it leads. All empty when the
    address is the page's own, another page's, or not routable."""

    made: str = ""
    kept: str = ""
    kept_to: str = ""


def redirect_asked_address(parent, slug: str, page) -> AddressRedirect:
    """A permanent redirect from the address ``slug`` would have had under
    ``parent`` to ``page``, the document the record turned out to be — unless
    a redirect from that path (for the site, or for all sites) already leads
    to another target: then it is left alone and reported."""
    if slug == page.slug or parent.get_children().filter(slug=slug).exists():
        return AddressRedirect()
    parts = parent.get_url_parts()
    if parts is None:  # the section is not routable: no address to keep
        return AddressRedirect()
    site_id, _, parent_path = parts
    old_path = Redirect.normalise_path(f"{parent_path.rstrip('/')}/{slug}/")
    existing = _existing(old_path, site_id)
    if existing is None:
        try:
            with transaction.atomic():
                Redirect.objects.create(
                    old_path=old_path,
                    site_id=site_id,
                    redirect_page=page,
                    is_permanent=True,
                    automatically_created=True,  # made by the portal, not an editor
                )
            return AddressRedirect(made=old_path)
        except IntegrityError:  # made meanwhile (by an editor or an import)
            existing = _existing(old_path, site_id)
            if existing is None:
                raise
    if existing.redirect_page_id != page.pk:
        return AddressRedirect(kept=old_path, kept_to=_target(existing))
    return AddressRedirect(made=old_path)


def _existing(old_path: str, site_id: int):
    """The redirect from ``old_path`` the site uses: its own, else one for all
    sites (as Wagtail's redirect middleware prefers them), or None."""
    return (
        Redirect.objects.filter(old_path=old_path)
        .filter(Q(site_id=site_id) | Q(site__isnull=True))
        .order_by(F("site_id").asc(nulls_last=True))
        .first()
    )


def _target(redirect) -> str:
    """Where an existing redirect leads: its page's title and public address
    (its tree path when it has none), or its link."""
    if redirect.redirect_page_id:
        target = redirect.redirect_page
        return f"{target.title} ({target.get_url() or target.url_path})"
    return redirect.redirect_link
