"""The record types of newsflow and, beside them, the pyarrow schemas of the dataset.

This is the one place the data contract (docs/DATA_CONTRACT.md) lives. Every Parquet write passes one of
`TABLE_SCHEMAS`; nothing infers a schema. Column names are fixed by the contract: add columns,
never rename or remove one.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

import pyarrow as pa

# Span kinds: where a piece of input text went.
BODY = "body"
TITLE = "title"
CAPTION = "caption"
CREDIT = "credit"
AUTHOR = "author"
HIGHLIGHT = "highlight"
DROPPED = "dropped"

# Media types read as HTML (archived responses, fetched pages).
HTML_MEDIA_TYPES = ("text/html", "application/xhtml+xml")

# Link relations and story roles.
EXACT_DUPLICATE = "exact_duplicate"
NEAR_DUPLICATE = "near_duplicate"
SAME_STORY = "same_story"
ORIGINAL = "original"
SYNDICATED_COPY = "syndicated_copy"
REWRITE = "rewrite"


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input as a source yields it: bytes plus what the source already knows of it."""

    source_uri: str
    source_kind: str  # file, jsonl, warc, url, rss
    media_type: str  # text/plain or text/html; anything else is quarantined by the reader
    data: bytes
    url: str | None = None
    title: str | None = None
    published_at: str | None = None  # as the source gave it (JSONL field, feed entry, HTTP)
    # What the reader could not use of an optional field ("published_at: 12 is not a date"):
    # kept on the document, so an unusable field is never dropped without a word.
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path or record that is no input by design (a hidden file, a WARC request record):
    not a document, not a quarantine row, but counted in the run's summary."""

    source_uri: str
    why: str


@dataclass(frozen=True, slots=True)
class TextLayout:
    """Where an HTML page's `main_text` sits in its `raw_text` (tasks/extract/layout.py): line n of
    main_text starts at `main_starts[n]` there and at `raw_starts[n]` in raw_text; `outside` are the
    (start, end) ranges of raw_text that extraction left out; `caption_lines` the texts of main
    lines that are the page's figure captions, `link_lines` of main lines that are all a link's text."""

    main_starts: tuple[int, ...]
    raw_starts: tuple[int, ...]
    outside: tuple[tuple[int, int], ...]
    caption_lines: tuple[str, ...]
    link_lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded input. Spans index into `raw_text`, every character of it.

    For plain text `raw_text` is the decoded input itself, and the cleaner classifies it. For HTML
    `raw_text` is the page's visible text laid out line by line, `main_text` the part of it the
    cleaner classifies (trafilatura's main text and the page's figure captions), `layout` where the
    one sits in the other, and `raw_html` keeps the decoded input, so nothing is lost.
    """

    doc_id: str
    source_uri: str
    source_kind: str
    media_type: str
    content_sha256: str
    raw_text: str
    raw_html: str | None = None
    encoding: str | None = None
    url: str | None = None
    site_name: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published_at: str | None = None
    published_at_source: str | None = None
    problems: tuple[str, ...] = ()
    main_text: str | None = None
    layout: TextLayout | None = None  # not stored: main_text and raw_text say it again


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of `raw_text` and where it went. `text == raw_text[start:end]` always."""

    start: int
    end: int
    kind: str
    rule: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Caption:
    text: str
    credit: str | None


# Roles of the people and desks a story credits (Credit.role, the `credit_roles` column): who
# wrote it (a byline: author), reported, added reporting, wrote it up from others' reporting,
# edited, took its photos or translated it.
AUTHOR_ROLE = "author"
REPORTING = "reporting"
ADDITIONAL_REPORTING = "additional_reporting"
WRITING = "writing"
EDITING = "editing"
PHOTO = "photo"
TRANSLATION = "translation"
CREDIT_ROLES = (AUTHOR_ROLE, REPORTING, ADDITIONAL_REPORTING, WRITING, EDITING, PHOTO, TRANSLATION)


@dataclass(frozen=True, slots=True)
class Credit:
    """A person, desk or agency a story credits, and for what (one of CREDIT_ROLES)."""

    name: str
    role: str


@dataclass(slots=True)
class StoryDraft:
    """One story as clean-and-split leaves it: its spans and what the rules moved out of the body."""

    spans: list[Span]
    body: str
    title: str | None = None
    highlights: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    ai_disclosed: bool = False
    captions: list[Caption] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    cited_urls: list[str] = field(default_factory=list)
    credit_roles: list[Credit] = field(default_factory=list)
    # Publication and update stamps the cleaning took off the page ("Published 3:45 PM, Jan 13,
    # 2025"): not body, but where the publication time may be written.
    stamps: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    """One story of a document, as enrich leaves it and the writer stores it."""

    article_id: str
    doc_id: str
    story_index: int
    body: str
    title: str | None = None
    url: str | None = None
    site_name: str | None = None
    highlights: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    ai_disclosed: bool = False
    dateline_place: str | None = None
    agency: str | None = None
    published_at: datetime | None = None
    published_at_source: str | None = None
    language: str | None = None
    language_confidence: float | None = None
    word_count: int = 0
    captions: list[Caption] = field(default_factory=list)
    cited_urls: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    body_sha256: str = ""
    run_id: str = ""
    ingested_at: datetime | None = None
    credit_roles: list[Credit] = field(default_factory=list)
    published_at_utc_offset_minutes: int | None = None


@dataclass(frozen=True, slots=True)
class Quarantine:
    """An input that is no document, and why. Whoever builds one, its `detail` is capped and
    its text made writable: a library's error message can quote megabytes of the input (warcio
    on a gzip of zeros: 4 GB) or carry lone surrogates that UTF-8 cannot encode."""

    source_uri: str
    reason: str
    detail: str
    size_bytes: int
    content_sha256: str | None

    def __post_init__(self) -> None:
        object.__setattr__(self, "source_uri", writable_text(self.source_uri))
        object.__setattr__(self, "detail", capped(writable_text(str(self.detail)), MAX_DETAIL_CHARS))


MAX_DETAIL_CHARS = 1000

# Quarantine reasons of a passing cause: the same input may well work next time (a network
# fault, a server error, a folder that could not be listed, a worker that died), so the next run
# tries it again. Every other reason is about the input's own bytes (binary, undecodable, too
# large, no text, extraction timeout, ...): the same bytes fail the same way, so the input is
# remembered like a document and not processed again unless asked (--retry-quarantined).
PASSING_REASONS = frozenset({
    "timeout", "http_408", "http_425", "http_429", "http_error", "fetch_error", "feed_unreachable", "robots_unavailable",
    "robots_disallowed", "blocked_address", "unreadable", "worker_failed",
})


def is_passing(reason: str) -> bool:
    """True for a quarantine reason the next run should try again (see PASSING_REASONS)."""
    return reason in PASSING_REASONS or reason.startswith("http_5") or reason.endswith("_error")
_LONE_SURROGATES = re.compile("[\ud800-\udfff]")


def writable_text(text: str) -> str:
    """`text` with lone surrogates (from JSON escapes or undecodable file names) as U+FFFD."""
    return _LONE_SURROGATES.sub("\ufffd", text)


def capped(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class Entity:
    article_id: str
    text: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class TextFacts:
    """What an article's body alone decides, kept so that a copy of the body reuses it
    (tasks/pipeline/reuse.py): its language, keywords, entities (text, label, count; none for a
    language the NER model does not speak) and MinHash signature (None: too short to compare).
    `body_digest` is the SHA-256 of the exact body: body_sha256 folds whitespace and Unicode
    forms, which the language detector and NER do see."""

    body_digest: str
    language: str | None
    language_confidence: float | None
    keywords: tuple[str, ...]
    entities: tuple[tuple[str, str, int], ...]
    minhash: tuple[int, ...] | None


@dataclass(frozen=True, slots=True)
class ProcessedBatch:
    """What a batch adds to each table, and the seconds each stage took: what a worker sends
    back to the flow. Defined here, not beside the stages: unpickling it in the flow's process
    imports its module, and the stages' module imports spaCy and trafilatura (0.45 CPU s)."""

    tables: dict[str, pa.Table]
    seconds: dict[str, float]


@dataclass(frozen=True, slots=True)
class Link:
    article_id: str
    other_article_id: str
    relation: str
    score: float


@dataclass(frozen=True, slots=True)
class StoryRole:
    article_id: str
    story_id: str
    role: str
    origin_article_id: str | None


_TS = pa.timestamp("us", tz="UTC")
_STR_LIST = pa.list_(pa.string())

DOCUMENTS = pa.schema(
    [
        ("doc_id", pa.string()),
        ("source_uri", pa.string()),
        ("source_kind", pa.string()),
        ("media_type", pa.string()),
        ("content_sha256", pa.string()),
        ("raw_text", pa.string()),
        ("raw_html", pa.string()),
        ("encoding", pa.string()),
        ("n_articles", pa.int32()),
        ("run_id", pa.string()),
        ("ingested_at", _TS),
        ("problems", _STR_LIST),
        ("main_text", pa.string()),
    ]
)

ARTICLES = pa.schema(
    [
        ("article_id", pa.string()),
        ("doc_id", pa.string()),
        ("story_index", pa.int32()),
        ("url", pa.string()),
        ("site_name", pa.string()),
        ("title", pa.string()),
        ("body", pa.string()),
        ("highlights", _STR_LIST),
        ("authors", _STR_LIST),
        ("ai_disclosed", pa.bool_()),
        ("dateline_place", pa.string()),
        ("agency", pa.string()),
        ("published_at", _TS),
        ("published_at_source", pa.string()),
        ("language", pa.string()),
        ("language_confidence", pa.float32()),
        ("word_count", pa.int32()),
        ("captions", pa.list_(pa.struct([("text", pa.string()), ("credit", pa.string())]))),
        ("cited_urls", _STR_LIST),
        ("credits", _STR_LIST),
        ("keywords", _STR_LIST),
        ("body_sha256", pa.string()),
        ("run_id", pa.string()),
        ("ingested_at", _TS),
        # Added columns (docs/DATA_CONTRACT.md: the contract only grows).
        ("credit_roles", pa.list_(pa.struct([("name", pa.string()), ("role", pa.string())]))),
        ("published_at_utc_offset_minutes", pa.int32()),
    ]
)

SPANS = pa.schema(
    [
        ("doc_id", pa.string()),
        ("article_id", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("kind", pa.string()),
        ("rule", pa.string()),
        ("text", pa.string()),
        ("run_id", pa.string()),
    ]
)

ENTITIES = pa.schema(
    [
        ("article_id", pa.string()),
        ("text", pa.string()),
        ("label", pa.string()),
        ("count", pa.int32()),
        ("run_id", pa.string()),
    ]
)

LINKS = pa.schema(
    [
        ("article_id", pa.string()),
        ("other_article_id", pa.string()),
        ("relation", pa.string()),
        ("score", pa.float32()),
    ]
)

STORIES = pa.schema(
    [
        ("article_id", pa.string()),
        ("story_id", pa.string()),
        ("role", pa.string()),
        ("origin_article_id", pa.string()),
    ]
)

# What a copy or rewrite changed against its story's original: one row a difference
# (tasks/drift/). Derived from the articles and `stories`, like links.
DRIFT = pa.schema(
    [
        ("article_id", pa.string()),
        ("origin_article_id", pa.string()),
        ("kind", pa.string()),
        ("change", pa.string()),
        ("origin_value", pa.string()),
        ("value", pa.string()),
        ("origin_sentence", pa.string()),
        ("origin_start", pa.int32()),
        ("origin_end", pa.int32()),
        ("sentence", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("confidence", pa.float32()),
    ]
)

# The (article, origin) pairs whose drift is in `drift`, differences or not: kept in the
# dataset's _state, so that a link step compares only the pairs that are new.
DRIFT_PAIRS = pa.schema([("article_id", pa.string()), ("origin_article_id", pa.string())])

QUARANTINE = pa.schema(
    [
        ("source_uri", pa.string()),
        ("reason", pa.string()),
        ("detail", pa.string()),
        ("size_bytes", pa.int64()),
        ("content_sha256", pa.string()),
        ("run_id", pa.string()),
        ("ingested_at", _TS),
    ]
)

# Per-article MinHash signature and LSH band hashes, so that a run links new articles
# against the whole dataset with a DuckDB join instead of recomputing all pairs.
SIGNATURES = pa.schema(
    [
        ("article_id", pa.string()),
        ("minhash", pa.list_(pa.uint32())),
        ("run_id", pa.string()),
    ]
)
BANDS = pa.schema(
    [
        ("article_id", pa.string()),
        ("band", pa.int16()),
        ("band_hash", pa.uint64()),
    ]
)

# Tables written per run, append-only, partitioned by ingest date.
PARTITIONED_TABLES = {
    "documents": DOCUMENTS,
    "articles": ARTICLES,
    "spans": SPANS,
    "entities": ENTITIES,
    "quarantine": QUARANTINE,
    "signatures": SIGNATURES,
    "bands": BANDS,
}
# Tables derived from all articles, rewritten whole by each link step.
DERIVED_TABLES = {"links": LINKS, "stories": STORIES, "drift": DRIFT}
TABLE_SCHEMAS = {**PARTITIONED_TABLES, **DERIVED_TABLES}


def to_row(record: Any) -> dict[str, Any]:
    """A record as a dict of plain values, nested records (a list of captions) included.

    Not dataclasses.asdict: it deep-copies every value, and took 1.8-1.9x the time of this for
    100k Link records (best of three, on a 2-core x86-64 VM); the values here are strings,
    numbers and lists of them, which need no copy.
    """
    record_type: type = type(record)  # `type`: mypy counts type[Any] as not Hashable
    return {name: _plain(getattr(record, name)) for name in _field_names(record_type)}


@lru_cache(maxsize=64)
def _field_names(record_type: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(record_type))


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)) and value and dataclasses.is_dataclass(value[0]):
        return [to_row(item) for item in value]
    return to_row(value) if dataclasses.is_dataclass(value) else value


def to_table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    """Rows as a table of exactly `schema`: missing keys become nulls, extra keys are ignored."""
    columns = {name: [row.get(name) for row in rows] for name in schema.names}
    return pa.Table.from_pydict(columns, schema=schema)
