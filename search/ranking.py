"""Second-stage ranking: what the words of a query say about a document's metadata.

The first stage (BM25 over folded words, exact-accent forms and word pairs,
with field weights) scores the matching entries. This stage looks again at the
best :data:`DEPTH` of them and adds, in proportion to the best first-stage
score, what BM25 cannot see:

- ``title``: the query holds most of the document's title words in their
  order (longest common subsequence over the title's words, at least
  :data:`TITLE_MIN_COVER` of them), scored by how much of the query that is
  (``2 * common / (title words + query words)``): staff who type a title mean
  that document, not the texts that cite it, while a question that names a law
  in passing asks for one of its articles;
- ``heading``: the same for the heading of a Điều ("Quyền thừa kế");
- ``article``: the query names the Điều by its number ("điều 35 bộ luật lao
  động", "khoản 2 Điều 35 …"), as staff cite one: 1 for the Điều bearing
  that number in the document the query names (most of its title, or its
  số ký hiệu; :func:`named_article_ids`);
- ``place``: the query names the place of the issuing body ("… Nghệ An",
  "… Phú Thọ"), so that body's document beats a same-titled one of another
  province;
- ``issuer``: the query holds the issuing body's own words ("sở khoa học và
  công nghệ");
- ``kind``: the query names the document kind ("quyết định", "kế hoạch");
- ``year``: the query names the year the document was issued;
- ``query``: the share of the query's words the document explains: stretches
  of its title words in their order (a lone word such as "người" or "ai"
  that a news title happens to hold explains nothing), and the words of its
  issuing body, year and số ký hiệu; 0 unless that is at least half of the
  query (the query names this document, as ``title`` asks of a title). A
  look-up is a shortened title plus, often, the issuer ("… sở tư pháp hà
  tĩnh"): the document it names explains every word, a same-titled one of
  another province or kind does not. Where ``title`` needs most of a title's
  words in the query, this one holds for a long title the query shortens,
  and an article entry counts for its document;
- ``proximity``: read from a Điều's own text, not its metadata, and only
  when the backend passes ``texts`` to :func:`bonuses` (every backend does:
  its stored body): the share of the query's informative word triples the
  text holds side by side (``search.proximity``), for the Điều among the
  best ``proximity.DEPTH`` candidates after the signals above. Its weight
  was chosen on three of the four dev laws and measured on the fourth
  (``bench/relevance_proximity.py --pooled``);
- ``definition``: also read from the text, for a question asking what a
  term means ("X là gì?", ``search.definitions``): 1 for the Điều whose text
  defines the longest form of the term (a sentence or numbered item
  beginning with it and "là", in a Điều whose heading is "Giải thích từ
  ngữ" or names the term); weight chosen on three dev laws per fold
  (``bench/relevance_laws.py --split``).

Each signal is a number in [0, 1] computed from folded words only, so a query
typed with or without diacritics gets the same boost. The weights were chosen
by cross-validation on the development questions and look-ups
(``bench/search.py cross-validate``; figures in docs/benchmarks.md).
Everything here is plain Python over a few dozen candidates: every backend
can apply it to its first-stage list.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from documents.kinds import KINDS
from documents.text import fold

from . import definitions, proximity
from .snippets import fold_same_length

DEPTH = 100
# Weights, relative to the best first-stage score of the query.
WEIGHTS: dict[str, float] = {
    "title": 1.0,
    "heading": 0.1,
    "article": 1.0,
    "place": 0.5,
    "issuer": 0.1,
    "kind": 0.05,
    "year": 0.0,
    "query": 1.0,
    "proximity": 0.5,
    "definition": 1.0,
}
# A title counts only when the query holds at least this share of its words.
TITLE_MIN_COVER = 0.6
MIN_TITLE_WORDS = 3
# The ``query`` signal counts only when the document explains at least this
# share of the query: "most of it", as the ``title`` signal's Dice >= 0.5.
MIN_EXPLAINED = 0.5

_WORD = re.compile(r"[^\W_]+")
# Words that introduce a place in a body's name (Nghị định 30/2020, Phụ lục I:
# "UBND tỉnh …", "Sở … thành phố …", "UBND huyện …", "UBND xã …").
_PLACE_MARKERS = (
    "tinh",
    "thanh pho",
    "tp",
    "huyen",
    "quan",
    "thi xa",
    "xa",
    "phuong",
    "thi tran",
)
_PLACE = re.compile(
    r"\b(?:" + "|".join(m.replace(" ", r"\s+") for m in _PLACE_MARKERS) + r")\s+(.+)$"
)
# Words of a body's name that say what kind of body it is, not which one.
_GENERIC = frozenset(
    "uy ban nhan dan ubnd hdnd hoi dong so bo tinh thanh pho tp huyen quan xa "
    "phuong thi tran va cua".split()
)
_DASH = re.compile(r"\s+[–-]\s+(?=Điều\s)")


@dataclass
class Candidate:
    """What the second stage needs to know of one first-stage hit."""

    id: object
    score: float
    kind: str
    title: str
    issuer: str = ""
    doc_type: str = ""
    year: int | None = None
    code: str = ""
    key: str = ""
    page_id: int | None = None


def tokens(text: str) -> list[str]:
    return list(_tokens(text or ""))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    # The candidates of a query repeat titles and bodies (each Điều of a
    # document carries its title): fold each once.
    return tuple(_WORD.findall(fold(text)))


def in_order(query: list[str], words: list[str]) -> int:
    """Length of the longest common subsequence of two word lists."""
    if not query or not words:
        return 0
    previous = [0] * (len(words) + 1)
    for q in query:
        current = [0]
        for j, w in enumerate(words):
            current.append(
                previous[j] + 1 if q == w else max(previous[j + 1], current[j])
            )
        previous = current
    return previous[-1]


def contains(query: list[str], words: list[str]) -> bool:
    """True when ``words`` occur side by side in ``query``."""
    n = len(words)
    return n > 0 and any(query[i : i + n] == words for i in range(len(query) - n + 1))


def place_of(issuer: str) -> list[str]:
    """Folded words of the place an issuing body belongs to ("nghe an")."""
    match = _PLACE.search(" ".join(tokens(issuer)))
    return match.group(1).split() if match else []


# A Điều number: up to three digits and an optional letter ("35", "5a"; a year
# is none), or "và" in a list of them.
_LISTED = re.compile(r"\d{1,3}[a-z]?|va")
# What follows a text's reference to itself: "(của) <kind> này" ("Điều 24 của
# Bộ luật này", "Điều 5 Quyết định này").
_KINDS = sorted({fold(kind.name) for kind in KINDS}, key=len, reverse=True)
_ITSELF = re.compile(rf"(?:cua )?(?:{'|'.join(_KINDS)}) nay\b")


def named_articles(query: list[str]) -> frozenset[str]:
    """Numbers of the Điều a query names, folded ("Điều 5a" → "5a"), a list
    included ("Điều 35, 36 và 37"); not a text's reference to itself ("tại
    Điều 24 của Luật này": a sentence quoted from a law, citing Điều 24)."""
    numbers: set[str] = set()
    for at, word in enumerate(query):
        if word != "dieu":
            continue
        end = at + 1
        while end < len(query) and _LISTED.fullmatch(query[end]):
            end += 1
        if not _ITSELF.match(" ".join(query[end : end + 6])):
            numbers.update(w for w in query[at + 1 : end] if w != "va")
    return frozenset(numbers)


def article_number(key: str) -> str:
    """The number of the Điều an entry's key names ("page:7#dieu-35" and the
    second Điều 35 of a text, "page:7#dieu-35-2", → "35"); "" for a
    document."""
    return key.partition("#dieu-")[2].split("-")[0]


def named_article_ids(query: list[str], candidates: list[Candidate]) -> list[object]:
    """Ids of the Điều the query names by number: of the candidates bearing a
    named number, those whose document the query names best, by most of its
    title typed in stretches or by its số ký hiệu. None when it names no
    document so: "Sửa đổi, bổ sung khoản 3 Điều 13" (an amending Điều's
    heading) cites the Điều of a text it does not name."""
    numbers = named_articles(query)
    if not numbers:
        return []
    naming: dict[object, float] = {}
    for candidate in candidates:
        if candidate.kind != "article" or article_number(candidate.key) not in numbers:
            continue
        title = title_parts(candidate)[0]
        typed = len(in_runs(query, aligned(query, title), title)) / max(len(title), 1)
        code = tokens(candidate.code)
        naming[candidate.id] = max(typed, float(bool(code) and contains(query, code)))
    best = max(naming.values(), default=0.0)
    if best < MIN_EXPLAINED:
        return []
    return [candidate_id for candidate_id, value in naming.items() if value == best]


def title_parts(candidate: Candidate) -> tuple[list[str], list[str]]:
    """(document title words, Điều heading words) of a candidate, without
    the words of its số ký hiệu and the article label."""
    parts = _DASH.split(candidate.title, maxsplit=1)
    title, heading = parts if len(parts) == 2 else (candidate.title, "")
    code_words = set(tokens(candidate.code))
    head = tokens(heading)[2:]  # "dieu", its number
    return [w for w in tokens(title) if w not in code_words], head


def aligned(query: list[str], words: list[str]) -> frozenset[int]:
    """Positions of ``query`` in one longest common subsequence with
    ``words`` (the query words that the title holds in their order)."""
    return _aligned(tuple(query), tuple(words))


@lru_cache(maxsize=1024)
def _aligned(query: tuple[str, ...], words: tuple[str, ...]) -> frozenset[int]:
    if not query or not words:
        return frozenset()
    n = len(words)
    rows = [[0] * (n + 1) for _ in range(len(query) + 1)]
    for i in range(len(query) - 1, -1, -1):
        q, here, below = query[i], rows[i], rows[i + 1]
        for j in range(n - 1, -1, -1):
            here[j] = below[j + 1] + 1 if q == words[j] else max(below[j], here[j + 1])
    found, i, j = set(), 0, 0
    while i < len(query) and j < n:
        if query[i] == words[j]:
            found.add(i)
            i, j = i + 1, j + 1
        elif rows[i + 1][j] >= rows[i][j + 1]:
            i += 1
        else:
            j += 1
    return frozenset(found)


def in_runs(query: list[str], inside: frozenset[int], title: list[str]) -> set[int]:
    """The positions of ``inside`` whose word and a neighbour's are side by
    side in the query and in ``title`` alike: a stretch of the title typed,
    not a lone common word ("người", "ai") the title happens to hold too."""
    pairs = set(zip(title, title[1:], strict=False))
    return {
        i
        for i in inside
        if (i - 1 in inside and (query[i - 1], query[i]) in pairs)
        or (i + 1 in inside and (query[i], query[i + 1]) in pairs)
    }


def explained(query: list[str], candidate: Candidate, title: list[str]) -> float:
    """Share of the query's words that say what this document is: stretches
    of its title (two words or more, side by side as the title holds them)
    in their order, then any word of its issuing body (with its place),
    its year or its số ký hiệu. A look-up is a shortened title plus, often,
    the body that issued it ("… sở tư pháp hà tĩnh"); a word that none of
    these explains is one the document does not answer (another kind, subject
    or province). Below half of the query it is 0: a question that shares a
    stretch with some title ("cán bộ, công chức, viên chức mà cố ý …") does
    not name that document, and among 100,000 entries some title always
    shares one."""
    if not query:
        return 0.0
    inside = in_runs(query, aligned(query, title), title)
    named = set(tokens(candidate.issuer)) | set(tokens(candidate.code))
    if candidate.year:
        named.add(str(candidate.year))
    count = sum(1 for i, w in enumerate(query) if i in inside or w in named)
    share = count / len(query)
    return share if share >= MIN_EXPLAINED else 0.0


def cover(query: list[str], words: list[str], minimum: int = 1) -> float:
    if len(words) < minimum:
        return 0.0
    return in_order(query, words) / len(words)


def signals(query: list[str], candidate: Candidate) -> dict[str, float]:
    """The second-stage signals of one candidate, each in [0, 1]."""
    title, heading = title_parts(candidate)
    # An article entry repeats its document's title: that names the document.
    title_cover = (
        0.0
        if candidate.kind == "article" or len(title) < MIN_TITLE_WORDS
        else len(aligned(query, title)) / len(title)
    )
    # How much of the query is that title (Dice): a look-up that is the title
    # scores high, a question that mentions a law's name in passing does not.
    named = 2 * title_cover * len(title) / (len(title) + len(query)) if query else 0
    place = place_of(candidate.issuer)
    body_words = [w for w in tokens(candidate.issuer) if w not in _GENERIC]
    body_words = [w for w in body_words if w not in place]
    kind = tokens(candidate.doc_type)
    return {
        "title": named if title_cover >= TITLE_MIN_COVER and named >= 0.5 else 0.0,
        "heading": cover(query, heading, 2),
        "place": 1.0 if contains(query, place) else 0.0,
        "issuer": (
            sum(w in query for w in body_words) / len(body_words) if body_words else 0.0
        ),
        "kind": 1.0 if contains(query, kind) else 0.0,
        "year": 1.0 if candidate.year and str(candidate.year) in query else 0.0,
        "query": explained(query, candidate, title),
    }


Texts = Callable[[list[object]], dict[object, str]]


def bonuses(
    query: list[str],
    candidates: list[Candidate],
    weights: dict[str, float] | None = None,
    texts: Texts | None = None,
    asked: Sequence[tuple[str, ...]] = (),
) -> dict[object, float]:
    """Score to add to each candidate (by id); empty when nothing applies.

    ``texts`` (candidate ids -> their entries' body text, as stored by the
    backend) lets the ``proximity`` and ``definition`` signals read the
    candidates' own text; it is asked once, for at most ``proximity.DEPTH``
    ids (every Điều candidate when the query asks what a term means:
    ``asked``, the query's ``ParsedQuery.asked_terms``)."""
    weights = WEIGHTS if weights is None else weights
    if not candidates or not any(weights.values()):
        return {}
    scale = max(c.score for c in candidates) or 1.0
    added, named = {}, 0.0
    for candidate in candidates:
        found = signals(query, candidate)
        named = max(named, found["query"])
        bonus = sum(weights.get(name, 0.0) * value for name, value in found.items())
        if bonus:
            added[candidate.id] = bonus * scale
    if weights.get("article"):
        for candidate_id in named_article_ids(query, candidates):
            bonus = weights["article"] * scale
            added[candidate_id] = added.get(candidate_id, 0.0) + bonus
    if texts is not None:
        read = text_signals(query, candidates, added, texts, weights, named, asked)
        for candidate_id, found in read:
            bonus = sum(weights.get(name, 0.0) * value for name, value in found.items())
            added[candidate_id] = added.get(candidate_id, 0.0) + bonus * scale
    return added


def folded_text(candidate: Candidate, body: str) -> str:
    """A candidate's own text, folded and in lower case: a Điều's heading
    ("Điều 5. Quyền thừa kế", the part of its title after the document's)
    and body."""
    heading = candidate.title.split(" – ", 1)[-1] if candidate.kind == "article" else ""
    text = heading + "\n" + (body or "")
    if unicodedata.is_normalized("NFC", text):  # fold, one character at a time
        return fold_same_length(text).casefold()
    return fold(text)


def text_words(candidate: Candidate, body: str) -> list[str]:
    """Folded words of a candidate's own text (``folded_text``)."""
    return _WORD.findall(folded_text(candidate, body))


def text_signals(
    query: list[str],
    candidates: list[Candidate],
    added: dict[object, float],
    texts: Texts,
    weights: dict[str, float],
    named: float = 0.0,
    asked: Sequence[tuple[str, ...]] = (),
) -> list[tuple[object, dict[str, float]]]:
    """(id, signals) of the Điều whose own text the query reads, in their
    order after ``added``; only those with a signal above 0. ``proximity``
    (``proximity.triples``) for the Điều among the best ``proximity.DEPTH``
    candidates; ``definition`` (1 for the Điều defining the longest form of
    the term asked about, ``search.definitions``) for every Điều candidate
    when the query asks what a term means. The texts are asked once.

    ``named`` is the largest share of the query one document explains: a
    query made mostly of one document's title and issuer names that
    document, so where its words stand in a Điều's text is not asked; a
    question asking what a term means still asks for the defining Điều
    ("An ninh mạng là gì?" beside the Luật An ninh mạng)."""
    best = sorted(candidates, key=lambda c: -(c.score + added.get(c.id, 0.0)))
    # A Điều's text answers a question; a document's own entry is named by
    # its metadata (the signals above), not by what its text says.
    articles = [c for c in best if c.kind == "article"]
    top = {c.id for c in best[: proximity.DEPTH]}
    near = [c for c in articles if c.id in top]
    if len(query) < 3 or not weights.get("proximity") or named >= TITLE_MIN_COVER:
        near = []
    terms = list(asked) if weights.get("definition") else []
    read = articles if terms else near
    if not read:
        return []
    bodies = texts([c.id for c in read])
    folded = {c.id: folded_text(c, bodies.get(c.id, "")) for c in read}
    found: dict[object, dict[str, float]] = {c.id: {} for c in read}
    if near:
        values = proximity.triples(query, [_WORD.findall(folded[c.id]) for c in near])
        for candidate, value in zip(near, values, strict=True):
            found[candidate.id]["proximity"] = value
    if terms:
        lengths = {c.id: definitions.defined_length(terms, folded[c.id]) for c in read}
        longest = max(lengths.values())
        for candidate_id, length in lengths.items():
            found[candidate_id]["definition"] = float(longest > 0 and length == longest)
    return [(c.id, found[c.id]) for c in read if any(found[c.id].values())]


def rerank(
    query: list[str],
    candidates: list[Candidate],
    weights: dict[str, float] | None = None,
    texts: Texts | None = None,
    asked: Sequence[tuple[str, ...]] = (),
) -> list[Candidate]:
    """Candidates in their second-stage order (stable for ties)."""
    added = bonuses(query, candidates, weights, texts, asked)
    return sorted(candidates, key=lambda c: -(c.score + added.get(c.id, 0.0)))
