"""Bring the stored issuing bodies to one row per body, in its one spelling.

Imports before ``issuers.canonical_body_name`` stored a body under the first
spelling a source gave ("Uỷ ban nhân dân tỉnh Bắc Ninh", "Ủy ban nhân dân tỉnh
Thanh Hoá") and a signing Chủ tịch as a body of its own ("Chủ tịch ủy ban nhân
dân tỉnh Gia Lai"). ``normalize_bodies`` renames each row to its one spelling
and merges the rows that name the same body (``vocabulary.body_key``) into the
oldest: every foreign key and many-to-many row that pointed at a merged row
(documents, signers, saved lists, exemplars, child bodies, successors) and the
page revisions that name it move to the kept row, the kept row takes the
abbreviation, place and dissolution date it lacks from it and keeps its slug
and id as an ``IssuingBodyAlias`` (old links keep listing the same documents),
then the merged row is deleted. Run by ``manage.py normalize_issuers``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Page, Revision

from documents.issuers import central_party_body
from documents.models import IssuingBody, IssuingBodyAlias
from documents.vocabulary import body_key, clean_body_name, with_parent_place


@dataclass(frozen=True)
class BodyChange:
    """One stored name replaced: renamed (``merged_into`` None) or merged."""

    old: str
    new: str
    merged_into: int | None = None


def normalize_bodies(*, dry_run: bool = False) -> list[BodyChange]:
    """Rename and merge the stored bodies; the changes, in name order."""
    groups: dict[str, list[tuple[IssuingBody, str, bool]]] = defaultdict(list)
    for body in IssuingBody.objects.select_related("parent").order_by("pk"):
        name, orphan = stored_name(body)
        groups[body_key(name)].append((body, name, orphan))
    changes: list[BodyChange] = []
    moved: dict[int, int] = {}  # merged row's id -> kept row's id
    with transaction.atomic():
        for (keep, name, orphan), *others in groups.values():
            for other, _, _ in others:
                moved[other.pk] = keep.pk
                _merge(other, keep)
                changes.append(BodyChange(other.name, name, keep.pk))
            renamed = keep.name != name or orphan
            if renamed:
                changes.append(BodyChange(keep.name, name))
            if renamed or others:
                # The parent as stored now: a merge (of this group or an
                # earlier one) may have moved it from a deleted row.
                keep.refresh_from_db(fields=["parent"])
                keep.name, keep.parent = name, None if orphan else keep.parent
                keep.save(update_fields=["name", "parent", *_FILLED])
        _move_revisions(moved)
        if dry_run:
            transaction.set_rollback(True)
    return sorted(changes, key=lambda c: (c.new, c.old))


def stored_name(body: IssuingBody) -> tuple[str, bool]:
    """The name a body gets today from its stored name and parent (as
    ``vocabulary.get_or_create_body`` names a new one), and whether it loses
    that parent ("Ban Tổ chức" under the Ban Chấp hành Trung ương)."""
    parent = body.parent.name if body.parent_id else None
    name, kept_parent = central_party_body(body.name, parent)
    name = clean_body_name(name) or name
    if kept_parent:
        name = with_parent_place(name, kept_parent)
    return name, parent is not None and kept_parent is None


#: Fields the kept row takes from a merged row when it has them blank.
_FILLED = ("abbreviation", "place", "dissolved_on")


def _merge(other: IssuingBody, keep: IssuingBody) -> None:
    for field in _FILLED:
        if not getattr(keep, field):
            setattr(keep, field, getattr(other, field))
    for relation in _relations():
        field = relation.field.name
        rows = relation.related_model._base_manager.filter(**{field: other})
        if relation.related_model is IssuingBody:
            rows.filter(pk=keep.pk).update(**{field: None})
        rows.update(**{field: keep})
    _move_many_to_many(other, keep)
    # Links that named the merged row by its slug or id name the kept row now.
    IssuingBodyAlias.objects.update_or_create(
        slug=other.slug, defaults={"body": keep, "former_id": other.pk}
    )
    other.delete()


def _relations():
    """Every foreign key to a body, those declared ``related_name="+"`` too
    (documents, saved lists, exemplars), which ``related_objects`` hides."""
    fields = IssuingBody._meta.get_fields(include_hidden=True)
    return [
        field
        for field in fields
        if field.one_to_many
        and field.auto_created
        and not field.related_model._meta.auto_created
    ]


def _move_revisions(moved: dict[int, int]) -> None:
    """Page revisions keep the body's id in their content: a draft or an old
    version opened in the editor names the kept body, not a deleted one. One
    pass over the revisions per field name (each reads every revision's
    content), for all the merged rows at once."""
    if not moved:
        return
    relations = _relations()
    fields = {r.field.name for r in relations if issubclass(r.related_model, Page)}
    for field in sorted(fields):
        named = Revision.objects.filter(**{f"content__{field}__in": list(moved)})
        for revision in named.iterator():
            revision.content[field] = moved[revision.content[field]]
            revision.save(update_fields=["content"])


def _move_many_to_many(other: IssuingBody, keep: IssuingBody) -> None:
    """Successor links of the merged row go to the kept row (none to itself)."""
    for successor in other.successors.all():
        if successor.pk != keep.pk:
            keep.successors.add(successor)
    for predecessor in other.predecessors.all():
        if predecessor.pk != keep.pk:
            predecessor.successors.add(keep)
    other.successors.clear()
    other.predecessors.clear()
