"""Multi-step writes of the showcase: commendation decisions feed exemplar pages.

Publishing a ``DecisionPage`` links each of its awards to the recipient's
``ExemplarPage`` (same person: see ``exemplar_find``), creating a draft exemplar
for editors when none exists; unpublishing it removes those links. The drafts
``awards_link`` creates are its return value, and are written in the decision's
history (``drafts_record``), from which the admin names them once to whoever
published, from the editor or by approving it in the workflow
(``drafts_announce``). The exemplar page
only ever lists awards of live, public decisions (``ExemplarPage.public_awards``),
so a decision taken offline disappears from the showcase either way.

The functions are called from ``page_published``/``page_unpublished`` handlers
registered in ``PagesConfig.ready``.
"""

import logging

from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify

from documents.models import IssuingBody
from documents.text import has_diacritics, normalize_tones
from documents.units import unit_words
from pages import workflow
from pages.models import (
    Award,
    DecisionPage,
    ExemplarIndexPage,
    ExemplarPage,
)
from pages.models.showcase import name_key

logger = logging.getLogger(__name__)
#: Audit-log action of the decision: the exemplar drafts its publication created.
DRAFTS_ACTION = "pages.exemplar_drafts"


@transaction.atomic
def awards_link(*, decision: DecisionPage) -> list[ExemplarPage]:
    """Link the decision's awards to exemplar pages; return the drafts created.

    An award an editor already linked keeps its exemplar. Others are matched by
    ``exemplar_find``; without a match a draft exemplar is created under the
    site's ``ExemplarIndexPage`` (nothing is created without one).
    """
    created: list[ExemplarPage] = []
    awards = Award.objects.filter(page_id=decision.pk, exemplar__isnull=True)
    for award in awards.order_by("sort_order", "pk"):
        exemplar = exemplar_find(
            name=award.recipient_name,
            kind=award.recipient_kind,
            unit=award.recipient_unit,
        )
        if exemplar is None:
            exemplar = exemplar_create_draft(award=award, decision=decision)
            if exemplar is None:
                continue
            created.append(exemplar)
        award.exemplar = exemplar
        award.save(update_fields=["exemplar"])
    if created:
        drafts_record(decision, created)
    return created


def drafts_record(decision, drafts: list[ExemplarPage]) -> None:
    """Write the drafts in the decision's history (by the publishing user,
    Wagtail's log context), not yet announced."""
    from wagtail.log_actions import log

    log(
        instance=decision,
        action=DRAFTS_ACTION,
        revision_id=decision.live_revision_id,
        data={
            "drafts": [page.pk for page in drafts],
            "titles": [page.title for page in drafts],
            "announced": False,
        },
    )


def drafts_announce(user) -> list[str]:
    """HTML messages naming the exemplar drafts of the publications ``user``
    made and was not yet told about (links to their editor), one per
    decision; they are then marked as told. Called by the admin after a
    publication from the editor, an approval in the editor, and on the pages a
    workflow approval returns to (dashboard, editor)."""
    from wagtail.models import PageLogEntry

    if not getattr(user, "pk", None):
        return []
    entries = PageLogEntry.objects.filter(
        action=DRAFTS_ACTION, user_id=user.pk, data__announced=False
    ).order_by("timestamp", "pk")
    messages = []
    for entry in entries:
        # Claimed by one conditional UPDATE: of two requests reading the entry
        # at once (two tabs), only the one whose UPDATE changed it shows it.
        claimed = PageLogEntry.objects.filter(
            pk=entry.pk, data__announced=False
        ).update(data={**entry.data, "announced": True})
        message = drafts_message(entry.data.get("drafts") or []) if claimed else ""
        if message:
            messages.append(message)
    return messages


def drafts_message(draft_ids: list[int]) -> str:
    """HTML naming these exemplar drafts, with links to their editor ("" when
    none is left)."""
    pages = list(ExemplarPage.objects.filter(pk__in=draft_ids).order_by("title"))
    if not pages:
        return ""
    links = format_html_join(
        ", ",
        '<a href="{}">{}</a>',
        ((reverse("wagtailadmin_pages:edit", args=[p.pk]), p.title) for p in pages),
    )
    return format_html(
        "Đã tạo {} bản nháp điển hình tiên tiến (chưa công bố) cho người được "
        "khen chưa có trang: {}. Biên tập viên cần bổ sung thông tin, ghi nhận sự "
        "đồng ý công bố rồi gửi duyệt.",
        len(pages),
        links,
    )


@transaction.atomic
def awards_unlink(*, decision: DecisionPage) -> int:
    """Detach the decision's awards from their exemplars; return how many."""
    return Award.objects.filter(page_id=decision.pk, exemplar__isnull=False).update(
        exemplar=None
    )


def exemplar_find(*, name: str, kind: str, unit: str = "") -> ExemplarPage | None:
    """The exemplar of the award's recipient, live pages first, or None.

    Same kind and same folded name, and then the same person: two names both
    written with diacritics must agree with them ("Lò Thị Mai" is not "Lô Thị
    Mai"; tone placement and case do not count), and two units both given must
    be the same unit (folded, abbreviations expanded: "UBND xã Bản Bo" is "Ủy
    ban nhân dân xã Bản Bo"; one may continue the other: "Trường Tiểu học Bình
    Lư, xã Bình Lư"), since namesakes work in different places. A page that
    passes on both with nothing missing is taken; a looser one (a name without
    diacritics, or a unit missing on one side) only when it is the only
    candidate. Otherwise None, and the caller creates a draft for an editor to
    merge or complete: a wrong link would show the award on someone else's page.
    """
    candidates = ExemplarPage.objects.filter(name_key=name_key(name), kind=kind)
    found = [
        page
        for page in candidates.order_by("-live", "pk")
        if same_name(name, page.title) is not False
        and same_unit(unit, page.unit) is not False
    ]
    for page in found:
        if same_name(name, page.title) and same_unit(unit, page.unit):
            return page
    return found[0] if len(found) == 1 else None


def same_name(a: str, b: str) -> bool | None:
    """True/False when both names carry diacritics, None when one does not."""
    if not (has_diacritics(a) and has_diacritics(b)):
        return None
    return exact_key(a) == exact_key(b)


def same_unit(a: str, b: str) -> bool | None:
    """True/False when both units are given, None when one is missing.

    The same unit, or one continuing the other ("…, xã Bình Lư"); a unit that
    only names a locality ("xã Tả Lèng") agrees with a unit in that locality
    ("Hợp tác xã chè Tả Lèng"). Units compare as ``documents.units.unit_words``:
    "UBND xã Bản Bo" is "Uỷ ban nhân dân xã Bản Bo".
    """
    left, right = unit_words(a), unit_words(b)
    if not (left and right):
        return None
    shorter, longer = sorted((left, right), key=len)
    if longer[: len(shorter)] == shorter:
        return True
    for one, other in ((left, right), (right, left)):
        place = locality_name(one)
        if place and other[-len(place) :] == place:
            return True
    return False


#: Words that open a unit naming only a locality ("xã Tả Lèng", "bản Hon").
LOCALITY_WORDS = (["xa"], ["phuong"], ["thi", "tran"], ["ban"], ["thon"])


def locality_name(unit: list[str]) -> list[str]:
    """The place name of a unit that is only a locality, else []."""
    for lead in LOCALITY_WORDS:
        if unit[: len(lead)] == lead and len(unit) > len(lead):
            return unit[len(lead) :]
    return []


def exact_key(name: str) -> str:
    """Name with its diacritics, case, spacing and tone placement normalised."""
    return " ".join(normalize_tones(name).casefold().split())


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
    workflow.section_ensure(index)  # the editors must be able to open the draft
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
