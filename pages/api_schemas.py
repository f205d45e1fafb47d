"""Response schemas of the document and citation endpoints (``pages.api``)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Schema

Status = Literal[
    "con_hieu_luc",
    "het_hieu_luc",
    "het_hieu_luc_mot_phan",
    "chua_co_hieu_luc",
    "khong_xac_dinh",
]


class NamedRef(Schema):
    name: str
    slug: str = ""


class DocumentSummary(Schema):
    id: int
    title: str
    url: str
    code: str
    document_type: str
    issuer: str
    issued_date: dt.date | None
    year: int | None
    status: str
    summary: str


class DocumentList(Schema):
    count: int
    page: int
    page_size: int
    num_pages: int
    results: list[DocumentSummary]


class PageRef(Schema):
    id: int
    title: str
    code: str
    url: str


class OutgoingCitation(Schema):
    raw: str
    code: str
    doc_type: str
    number: int | None
    year: int | None
    date: str
    issuer: str
    pinpoint: str
    relation: str
    relation_label: str
    key: str
    target: PageRef | None


class IncomingCitation(Schema):
    relation: str
    relation_label: str
    source: PageRef


class Version(Schema):
    number: int
    date: dt.datetime
    note: str


class TimelineSource(Schema):
    id: int
    title: str
    code: str
    url: str | None


class TimelineStep(Schema):
    date: dt.date
    date_display: str
    kind: str
    label: str
    source: TimelineSource | None
    note: str


class DocumentDetail(DocumentSummary):
    page_type: str
    family: str
    number: int | None
    symbol: str
    is_normative: bool
    issuer_level: str
    issuer_successors: list[str]
    place: str
    issued_year: int | None
    effective_date: dt.date | None
    expiry_date: dt.date | None
    status_label: str
    signing_authority: str
    signer_position: str
    signer: str
    legal_basis: list[str]
    recipients: list[str]
    field: str
    tags: list[str]
    source_url: str
    outgoing_citations: list[OutgoingCitation]
    incoming_citations: list[IncomingCitation]
    versions: list[Version]
    validity_timeline: list[TimelineStep]


class Resolution(Schema):
    query: str
    code: str | None
    doc_type: str | None
    number: int | None
    year: int | None
    symbol: str | None
    system: str
    key: str | None
    match_keys: list[str]
    documents: list[PageRef]


class Error(Schema):
    detail: str
