"""Importing one parsed document as a page: ``document_import`` and its steps.

``page_fields`` maps a ``ParsedDocument`` to page field values (through
``documents.vocabulary``); ``import_record`` finds the page with the same
identity — or, for a draft without number, the same slug — and adds a revision
to it, or creates a new page of the right type. Both must run inside the
caller's transaction: nothing here commits.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from documents import vocabulary
from documents.identity import SymbolError, symbol_clean
from documents.parsing import ParsedDocument, parse_record
from documents.parsing.flags import describe, flag_message
from documents.text import fold
from pages.bodytext import body_stream_data, paragraph_html
from pages.import_sources import (
    AddressRedirect,
    redirect_asked_address,
    remember_source,
)
from pages.models import RevisionNote
from pages.publishing import document_published, receiver_suppressed

logger = logging.getLogger(__name__)
AUTHORITIES = {"TM.", "KT.", "TL.", "TUQ.", "Q."}
IMPORT_ACTION = "documents.import"


@dataclass
class ImportResult:
    """What importing one record did (or would do, in a dry run)."""

    name: str
    action: str  # created, revised, unchanged (a translation: a source), failed
    page_id: int | None = None
    title: str = ""
    code: str = ""
    page_type: str = ""
    published: bool = False
    revision_id: int | None = None
    error: str = ""
    #: Vietnamese sentences: what is missing, then what to check.
    warnings: list[str] = field(default_factory=list)
    #: Required fields the document was stored without (``pages.completeness``).
    missing: list[str] = field(default_factory=list)
    #: The address (slug) the record asked for, when its text is a document
    #: already on the portal: redirected to that page, or left to the
    #: redirect already there (``pages.import_sources``).
    redirect: AddressRedirect = field(default_factory=AddressRedirect)

    @property
    def ok(self) -> bool:
        return self.action != "failed"

    @property
    def complete(self) -> bool:
        return self.ok and not self.missing


class ImportFailure(Exception):
    """A record that cannot become a page; the message says why (English)."""


def page_model(doc_type):
    """PlanPage, DirectivePage, DecisionPage or DocumentPage for a document type
    (or its name); DocumentPage when the type is unknown."""
    from pages.models import DecisionPage, DirectivePage, DocumentPage, PlanPage

    models = {
        "ke hoach": PlanPage,
        "chi thi": DirectivePage,
        "quyet dinh": DecisionPage,
    }
    name = getattr(doc_type, "name", doc_type) or ""
    return models.get(fold(name), DocumentPage)


def issued(value: str | None) -> tuple[dt.date | None, int | None]:
    """("2025-03-14" → date) or ("2025"/"2025-03" → year only)."""
    if not value:
        return None, None
    try:
        return dt.date.fromisoformat(value), None
    except ValueError:
        match = re.match(r"((?:19|20)\d\d)", value)
        return None, int(match.group(1)) if match else None


def lower_first(text: str) -> str:
    """ "Về việc …" → "về việc …", but keep acronyms and proper names ("UBND …")."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _issuer(parsed: ParsedDocument, symbol: str):
    """The issuing body named in the text, else the one the symbol names, else
    None (the page is kept as a draft without it)."""
    name = vocabulary.clean_body_name(parsed.issuer)
    if name:
        parent = vocabulary.clean_body_name(parsed.issuer_parent)
        return vocabulary.get_or_create_body(name, parent)
    return vocabulary.body_by_symbol(symbol, parsed.doc_type)


def _document_type(parsed: ParsedDocument):
    """The vocabulary type of the parsed type word, or None when there is none
    or the vocabulary does not know it (the page is kept as a draft)."""
    if not parsed.doc_type:
        return None
    party = vocabulary.is_party_code(parsed.code)
    return vocabulary.document_type_for(parsed.doc_type, party=party)


def page_title(doc_type, summary: str, fallback: str) -> str:
    """ "Kế hoạch" + "Công tác thi đua ..." → "Kế hoạch công tác thi đua ...";
    a summary that already begins with its kind keeps it once ("Luật Phòng,
    chống ma túy")."""
    summary = " ".join(summary.split())
    if not summary:
        return shorten(fallback, 255)
    if doc_type is None:
        return shorten(summary[:1].upper() + summary[1:], 255)
    kind = fold(doc_type.name)
    if fold(summary) == kind or fold(summary).startswith(kind + " "):
        return shorten(doc_type.name + summary[len(doc_type.name) :], 255)
    if kind == "van ban hop nhat":  # names the text it consolidates, kind first
        return shorten(f"{doc_type.name} {summary}", 255)
    return shorten(f"{doc_type.name} {lower_first(summary)}", 255)


def _without_kind(doc_type, summary: str) -> str:
    """The trích yếu without a leading type word ("Luật Phòng, chống ma túy" →
    "Phòng, chống ma túy")."""
    summary = " ".join(summary.split())
    if doc_type is not None and fold(summary).startswith(fold(doc_type.name) + " "):
        rest = summary[len(doc_type.name) :].strip()
        return rest[:1].upper() + rest[1:]
    return summary


def _fallback_title(parsed: ParsedDocument, doc_type, name: str) -> str:
    """A title for a document whose trích yếu was not found."""
    kind = doc_type.name if doc_type else "Văn bản"
    if parsed.code:
        return f"{kind} {parsed.code}"
    return f"{kind} chưa rõ số ký hiệu ({name})"


def _body(parsed: ParsedDocument) -> list[dict]:
    stream = body_stream_data(parsed.body_blocks)
    if parsed.appendix and parsed.appendix.strip():
        value = {"title": "Phụ lục", "body": paragraph_html(parsed.appendix)}
        stream.append({"type": "appendix", "value": value})
    return stream


def page_fields(parsed: ParsedDocument, name: str = "") -> dict:
    """Page field values for a parsed document. Whatever the text does not give
    (số ký hiệu, issuing body, date, type) is left empty: the page is then kept
    as a draft that ``pages.completeness`` lists and will not publish."""
    symbol = (parsed.symbol or "").strip()
    if len(symbol) > 40:  # not a symbol: text run together by the extraction
        symbol = ""
    doc_type = _document_type(parsed)
    family = str(doc_type.family) if doc_type else None
    try:  # the page's own check (LegalDocumentPage.clean); else left to the editor
        symbol = symbol_clean(symbol, family=family)
    except SymbolError:
        symbol = ""
    body = _issuer(parsed, symbol)
    issued_date, issued_year = issued(parsed.issued_date)
    if issued_date is None and issued_year is None and parsed.code_year:
        issued_year = parsed.code_year  # "73/2021/QH14": the code keeps its year
    fallback = _fallback_title(parsed, doc_type, name)
    summary = _without_kind(doc_type, parsed.title or "") or fallback
    authority = (parsed.signing_authority or "").strip()
    return {
        "title": page_title(doc_type, parsed.title or "", fallback),
        "document_type": doc_type,
        "number": parsed.number if symbol else None,
        "symbol": symbol,
        "is_normative": bool(parsed.is_normative),
        "issuing_body": body,
        "place": (parsed.place or "")[:100],
        "issued_date": issued_date,
        "issued_year": issued_year,
        "effective_date": issued(parsed.effective_date)[0],
        "summary": shorten(summary, 500),
        "signing_authority": authority if authority in AUTHORITIES else "",
        "signer_position": (parsed.signer_position or "")[:100],
        "signer": vocabulary.get_or_create_signer(
            parsed.signer_name, parsed.signer_position, body
        ),
        "legal_basis": "\n".join(parsed.legal_basis_lines),
        "body": _body(parsed),
        "recipients": "\n".join(parsed.recipients),
    }


def default_slug(fields: dict) -> str:
    """Deterministic slug: type, code and year, plus the subject for drafts."""
    doc_type = fields["document_type"]
    parts = [
        doc_type.name if doc_type else "van ban",
        str(fields["number"] or ""),
        fields["symbol"],
    ]
    year = (
        fields["issued_date"].year if fields["issued_date"] else fields["issued_year"]
    )
    parts.append(str(year or ""))
    if fields["number"] is None:
        parts.append(" ".join(fields["summary"].split()[:8]))
    return slugify(fold(" ".join(parts)))[:80].strip("-") or "van-ban"


def free_slug(parent, slug: str) -> str:
    """``slug`` or ``slug-2``, ``slug-3`` … unused among ``parent``'s children."""
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def find_existing(model, fields: dict, parent, slug: str):
    """The page this document already is: same identity, or same slug for drafts."""
    probe = model(**fields)
    probe.refresh_derived()
    if probe.number is not None:
        page = probe.identity_duplicates().first()
        return page.specific if page else None
    page = parent.get_children().filter(slug=slug).first()
    return page.specific if page else None


def import_record(
    *,
    record,
    parent,
    publish,
    note,
    user,
    parsed=None,
    field_overrides=None,
    accents=None,
) -> ImportResult:
    """Create or revise the page of one record; must run inside a transaction.
    ``accents``: diacritics for a subject taken from the source address
    (``pages.accents``; default: the portal's statistics and the record's text)."""
    from pages.accents import ImportAccents
    from pages.completeness import missing_fields

    if parsed is None:  # the text, then the record's hints
        parsed = parse_record(record, accents or ImportAccents([record.text]))
    fields_given = field_overrides or {}
    fields = page_fields(parsed, record.name) | fields_given
    model = page_model(fields["document_type"])
    slug = (parsed.slug or "").strip() or default_slug(fields)
    slug = slugify(fold(slug))[:255] or default_slug(fields)
    missing = missing_fields(model(**fields))
    existing = find_existing(model, fields, parent, slug)
    if existing is not None and "not_vietnamese" in parsed.flags and not fields_given:
        return _translation_of(
            existing, parent, record=record, parsed=parsed, slug=slug
        )
    if existing is not None and not parsed.title and "title" not in fields_given:
        # a record without trích yếu keeps the one the page has (a title the
        # editor or an earlier record gave is not replaced by "Kind + code")
        fields |= {"title": existing.title, "summary": existing.summary}
    if "effective_date" not in fields_given and not _fills_effective(fields, existing):
        del fields["effective_date"]  # the page's own (an editor's) date stays
    if existing is not None:
        page, action = _revise(existing, fields, missing), "revised"
    else:
        page, action = _create(model, parent, fields, slug), "created"
    publish = publish and not missing  # an incomplete document stays a draft
    checks = describe(parsed, missing)
    revision = _save(
        page, publish=publish, note=note, user=user, name=record.name, checks=checks
    )
    remember_source(page, record.name, parsed.source_url)
    asked = action == "revised" and parsed.slug
    moved = redirect_asked_address(parent, slug, page) if asked else AddressRedirect()
    return ImportResult(
        name=record.name,
        action=action,
        page_id=page.pk,
        title=page.title,
        code=page.code,
        page_type=model._meta.verbose_name,
        published=publish,
        revision_id=revision.pk,
        warnings=checks,
        missing=missing,
        redirect=moved,
    )


def _fills_effective(fields: dict, page) -> bool:
    """Whether the date the record or its effect clause gives goes on the page:
    only into an empty field, and not after the page's expiry date."""
    day = fields["effective_date"]
    if day is None or page is None:
        return day is not None
    expiry = page.expiry_date
    return not page.effective_date and not (expiry and day > expiry)


def _translation_of(page, parent, *, record, parsed, slug: str) -> ImportResult:
    """A translation of a document already on the portal is one more source
    of its page (and its slug a redirect to it), not a new version: the
    official Vietnamese text and metadata stay as they are."""
    remember_source(page, record.name, parsed.source_url)
    asked = parsed.slug
    moved = redirect_asked_address(parent, slug, page) if asked else AddressRedirect()
    return ImportResult(
        name=record.name,
        action="unchanged",
        page_id=page.pk,
        title=page.title,
        code=page.code,
        page_type=page._meta.verbose_name,
        published=page.live,
        revision_id=page.latest_revision_id,
        warnings=[flag_message("not_vietnamese")],
        redirect=moved,
    )


def _validation_message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}"
            for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def _create(model, parent, fields: dict, slug: str):
    if not model.can_exist_under(parent):
        raise ImportFailure(
            f"a {model._meta.verbose_name} cannot be created under {parent}"
        )
    page = model(**fields, slug=free_slug(parent, slug), live=False)
    try:
        parent.add_child(instance=page)
    except ValidationError as error:
        raise ImportFailure(_validation_message(error)) from None
    return page


def _revise(page, fields: dict, missing: list[str]):
    for name, value in fields.items():
        setattr(page, name, value)
    try:
        page.full_clean(exclude=set(missing))
    except ValidationError as error:
        raise ImportFailure(_validation_message(error)) from None
    return page


def _save(page, *, publish: bool, note: str, user, name: str, checks: list[str]):
    """Save a revision with the change note; publish it through the pipeline if asked."""
    from wagtail.log_actions import log

    revision = page.save_revision(user=user, log_action=True, clean=False)
    RevisionNote.objects.attach(revision, note)
    if publish:
        with receiver_suppressed():
            revision.publish(user=user)
        page.refresh_from_db()
        document_published(page, revision, note=note or None, strict=True)
    log(
        instance=page,
        action=IMPORT_ACTION,
        user=user,
        revision=revision,
        data={
            "note": note or "",
            "source": name,
            "published": publish,
            "checks": checks,
        },
    )
    return revision


def document_import(
    *,
    record,
    parent,
    publish: bool,
    note: str = "",
    user=None,
    parsed=None,
    field_overrides: dict | None = None,
    dry_run: bool = False,
    accents=None,
) -> ImportResult:
    """Import one ``SourceRecord`` under ``parent`` in a single transaction.

    A document whose identity (type, number, year, symbol, issuer) is already on
    the portal — or, for a draft without number, whose slug is — gets a new
    revision (published when ``publish``) instead of a duplicate page. ``parsed``
    and ``field_overrides`` (page field values, e.g. the chosen document type)
    let the admin preview pass corrected metadata. Raises ``ImportFailure``
    (or a database error) and then writes nothing; ``dry_run`` always rolls back.
    """
    with transaction.atomic():
        result = import_record(
            record=record,
            parent=parent,
            publish=publish,
            note=note,
            user=user,
            parsed=parsed,
            field_overrides=field_overrides,
            accents=accents,
        )
        if dry_run:
            transaction.set_rollback(True)
            result.page_id = result.revision_id = None
        else:
            transaction.on_commit(lambda: _log_import(result))
    return result


def _log_import(result: ImportResult) -> None:
    logger.info("imported %s: %s page %s", result.name, result.action, result.page_id)
