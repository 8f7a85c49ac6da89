"""Batch wrappers over the per-document steps: each loops, counts and times, and turns a
document that breaks a step into a quarantine row instead of a failed batch."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

import pyarrow as pa

from newsflow.tasks.core.ids import article_id, sha256_hex
from newsflow.tasks.core.schema import (
    ARTICLES,
    BANDS,
    DOCUMENTS,
    ENTITIES,
    MAX_DETAIL_CHARS,
    QUARANTINE,
    SIGNATURES,
    SPANS,
    Article,
    Document,
    Quarantine,
    RawDocument,
    Span,
    StoryDraft,
    to_row,
    to_table,
)
from newsflow.tasks.core.settings import EXTRACT_TIMEOUT_SECONDS
from newsflow.tasks.core.timelimit import TimeLimitExceeded, call_with_time_limit
from newsflow.tasks.enrich.article import enrich_story
from newsflow.tasks.enrich.entities import extract_entities, load_pipeline, speaks
from newsflow.tasks.extract.page import FALLBACK_EXTRACTION, extracted_again, prepare_document, writable_raw
from newsflow.tasks.link.minhash import signature_rows
from newsflow.tasks.pipeline.memory import keep_large_blocks_off_the_heap, return_freed_memory
from newsflow.tasks.segment.clean import segment_document
from newsflow.tasks.segment.page_spans import segment_page

R = TypeVar("R")


@dataclass(slots=True)
class Batch:
    """One batch as it moves through the stages; stages fill it in and record their cost."""

    run_id: str
    ingested_at: datetime
    documents: list[Document] = field(default_factory=list)
    drafts: dict[str, list[StoryDraft]] = field(default_factory=dict)
    # Spans of a document that belong to no story (a document of boilerplate only).
    loose_spans: dict[str, list[Span]] = field(default_factory=dict)
    articles: list[Article] = field(default_factory=list)
    quarantined: list[Quarantine] = field(default_factory=list)
    extra_tables: dict[str, pa.Table] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    # Seconds a document may spend in each per-document stage (the extraction's limit): cleaning,
    # splitting and enriching are Python that a hostile text can make slow too.
    time_limit: float | None = None


def _timed(batch: Batch, stage: str, step: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    result = step()
    batch.seconds[stage] = batch.seconds.get(stage, 0.0) + time.perf_counter() - started
    return result


def error_detail(stage: str, error: BaseException) -> str:
    """`<stage> failed: <type>: <message> (<file>:<line> where it was raised)`; Quarantine caps it."""
    frame = error.__traceback__
    while frame is not None and frame.tb_next is not None:  # the innermost frame, without reading sources
        frame = frame.tb_next
    where = f" ({frame.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{frame.tb_lineno})" if frame else ""
    try:
        message = str(error)
    except Exception as unprintable:  # an exception whose __str__ fails must still be reported
        message = f"<message unprintable: {type(unprintable).__name__}>"
    return f"{stage} failed: {type(error).__name__}: {message[:MAX_DETAIL_CHARS]}{where}"


def _size(text: str) -> int:
    return len(text.encode("utf-8", "replace"))


def _failure(doc: Document, stage: str, error: Exception) -> Quarantine:
    return Quarantine(doc.source_uri, f"{stage}_error", error_detail(stage, error), _size(doc.raw_text),
                      doc.content_sha256)


def _no_story(doc: Document) -> Quarantine:
    detail = "every line of the text was classified as boilerplate or metadata; see its spans"
    return Quarantine(doc.source_uri, "no_article_text", detail, _size(doc.raw_text), doc.content_sha256)


def prepare_batch(raws: Iterable[RawDocument | Quarantine], run_id: str, ingested_at: datetime,
                  extract_timeout: float = EXTRACT_TIMEOUT_SECONDS) -> Batch:
    """Decode and extract a batch of inputs; unusable ones become quarantine rows, and so does
    an input whose extraction fails or takes more than `extract_timeout` seconds."""
    batch = Batch(run_id=run_id, ingested_at=ingested_at, time_limit=extract_timeout)

    def run() -> None:
        for raw in raws:
            result = raw if isinstance(raw, Quarantine) else prepared(raw, extract_timeout)
            if isinstance(result, Quarantine):
                batch.quarantined.append(result)
            else:
                batch.documents.append(result)

    _timed(batch, "extract", run)
    return batch


def prepared(raw: RawDocument, extract_timeout: float = EXTRACT_TIMEOUT_SECONDS) -> Document | Quarantine:
    """`prepare_document` under a time limit, in whatever thread runs the batch; any exception
    it raises (RecursionError, MemoryError, UnicodeError, ...) quarantines this input only."""
    started = time.perf_counter()
    try:
        return call_with_time_limit(extract_timeout, prepare_document, raw)
    except TimeLimitExceeded:
        reason = "extract_timeout"
        detail = (f"extraction stopped after {time.perf_counter() - started:.1f} s, over the {extract_timeout:g} s "
                  "limit (EXTRACT_TIMEOUT_SECONDS, the flow's extract_timeout)")
    except Exception as error:  # counted and reported as a quarantine row, not lost
        reason, detail = "extract_error", error_detail("extract", error)
    raw = writable_raw(raw)
    return Quarantine(raw.source_uri, reason, detail, len(raw.data),
                      sha256_hex(raw.data))


def _each_document(batch: Batch, stage: str, step: Callable[[Document], None]) -> Batch:
    """Run `step` on every document, timed as `stage`; a document it fails on, or that takes it
    longer than the batch's time limit, is quarantined and leaves the batch, so one document
    never costs the others."""

    def run() -> None:
        kept = []
        for doc in batch.documents:
            try:
                call_with_time_limit(batch.time_limit, step, doc)
                kept.append(doc)
            except TimeLimitExceeded:
                detail = f"{stage} stopped after the {batch.time_limit:g} s limit (the flow's extract_timeout)"
                batch.quarantined.append(Quarantine(doc.source_uri, f"{stage}_timeout", detail, _size(doc.raw_text),
                                                    doc.content_sha256))
            except Exception as error:  # counted and reported as a quarantine row, not lost
                batch.quarantined.append(_failure(doc, stage, error))
        batch.documents = kept

    _timed(batch, stage, run)
    return batch


def segment_batch(batch: Batch) -> Batch:
    """Clean and split every document of the batch into story drafts. An HTML page in whose main
    text the cleaner finds no article is extracted again with FALLBACK_EXTRACTION's settings."""
    replaced: dict[str, Document] = {}  # documents extracted again, by id

    def segment(doc: Document) -> None:
        drafts, left_out = segment_text(doc)
        if not any(draft.body.strip() for draft in drafts) and doc.layout is not None:
            again = extracted_again(doc, FALLBACK_EXTRACTION)
            segmented = segment_text(again) if again is not None else ([], [])
            if again is not None and any(draft.body.strip() for draft in segmented[0]):
                drafts, left_out = segmented
                replaced[doc.doc_id] = again
        stories = [draft for draft in drafts if draft.body.strip()]
        batch.drafts[doc.doc_id] = stories
        batch.loose_spans[doc.doc_id] = [s for d in drafts if not d.body.strip() for s in d.spans] + left_out
        if not stories:
            batch.quarantined.append(_no_story(doc))

    _each_document(batch, "clean_split", segment)
    batch.documents = [replaced.get(doc.doc_id, doc) for doc in batch.documents]
    return batch


def segment_text(doc: Document) -> tuple[list[StoryDraft], list[Span]]:
    """The document's story drafts and (for HTML) the spans of the page's text extraction left out."""
    if doc.layout is not None and doc.main_text is not None:  # HTML: the page's whole visible text
        return segment_page(doc.raw_text, doc.main_text, doc.layout, title_hint=doc.title)
    return segment_document(doc.raw_text, title_hint=doc.title), []


def enrich_batch(batch: Batch) -> Batch:
    """Build the article records of every story of the batch."""

    def enrich(doc: Document) -> None:
        drafts = batch.drafts[doc.doc_id]
        # Built whole before it is added: a failure midway leaves no article of this document.
        batch.articles.extend([enrich_story(doc, i, d, batch.run_id, batch.ingested_at) for i, d in enumerate(drafts)])

    return _each_document(batch, "enrich", enrich)


def _by_document(batch: Batch, stage: str, work: Callable[[list[Article]], R]) -> R:
    """`work` on the articles of the batch at once; should it fail, on each document's articles
    alone, so that a document it fails on is quarantined, its articles dropped, and the rest go
    on. (An error that is no document's fails every one of them, then the batch.)"""
    try:
        return work(batch.articles)
    except Exception:  # which document? asked below, one at a time
        pass
    for doc in list(batch.documents):
        try:
            work([a for a in batch.articles if a.doc_id == doc.doc_id])
        except Exception as error:  # counted and reported as a quarantine row, not lost
            batch.documents.remove(doc)
            batch.articles = [a for a in batch.articles if a.doc_id != doc.doc_id]
            batch.quarantined.append(_failure(doc, stage, error))
    return work(batch.articles)


def index_batch(batch: Batch, spacy_model: str | None) -> Batch:
    """Entities of every article (spaCy, batched) and the MinHash signatures that linking joins on."""

    def find_entities() -> None:
        nlp = load_pipeline(spacy_model)
        entities = _by_document(batch, "entities", lambda articles: extract_entities(
            nlp, [(a.article_id, a.body) for a in articles if speaks(nlp, a.language)]))
        batch.extra_tables["entities"] = to_table(
            [{**to_row(e), "run_id": batch.run_id} for e in entities], ENTITIES
        )

    def sign() -> None:
        signatures, bands = _by_document(batch, "signatures", signature_rows)
        batch.extra_tables["signatures"] = to_table([{**r, "run_id": batch.run_id} for r in signatures], SIGNATURES)
        batch.extra_tables["bands"] = to_table(bands, BANDS)

    _timed(batch, "entities", find_entities)
    _timed(batch, "signatures", sign)
    return batch


@dataclass(frozen=True, slots=True)
class ProcessedBatch:
    """What a batch adds to each table, and the seconds each stage took."""

    tables: dict[str, pa.Table]
    seconds: dict[str, float]


def process_batch(
    raws: Iterable[RawDocument | Quarantine], run_id: str, ingested_at: datetime, spacy_model: str | None,
    extract_timeout: float = EXTRACT_TIMEOUT_SECONDS,
) -> ProcessedBatch:
    """Every CPU stage of a batch in turn: extract, clean and split, enrich, entities and signatures.
    A page whose extraction takes more than `extract_timeout` seconds is quarantined.

    One call per batch, so that a worker process receives the inputs once and sends back only
    the rows: a task per stage would ship each batch's pages to and fro between stages.
    """
    keep_large_blocks_off_the_heap()  # once per process matters; Dask workers start no other way
    processed = run_stages(raws, run_id, ingested_at, spacy_model, extract_timeout)
    return_freed_memory()  # the batch's documents and pages are garbage by now
    return processed


def run_stages(raws: Iterable[RawDocument | Quarantine], run_id: str, ingested_at: datetime,
               spacy_model: str | None, extract_timeout: float) -> ProcessedBatch:
    """The stages in their order; what the batch held is garbage once this returns."""
    batch = prepare_batch(raws, run_id, ingested_at, extract_timeout)  # decode, extract the article text
    batch = segment_batch(batch)  # clean every line by rule, split into stories
    batch = enrich_batch(batch)  # per-article metadata: ids, language, dates, dateline, keywords
    batch = index_batch(batch, spacy_model)  # named entities, MinHash signatures
    tables = _timed(batch, "tables", lambda: batch_tables(batch))
    return ProcessedBatch(tables, dict(batch.seconds))


def batch_tables(batch: Batch) -> dict[str, pa.Table]:
    """The rows a batch adds to each table, as tables of the contract's schemas."""
    stamp = {"run_id": batch.run_id, "ingested_at": batch.ingested_at}
    documents = [
        {**to_row(doc), "n_articles": len(batch.drafts[doc.doc_id]), **stamp} for doc in batch.documents
    ]
    spans = [
        {**to_row(span), "doc_id": doc.doc_id, "article_id": article_id(doc.doc_id, i), "run_id": batch.run_id}
        for doc in batch.documents
        for i, draft in enumerate(batch.drafts[doc.doc_id])
        for span in draft.spans
    ] + [
        {**to_row(span), "doc_id": doc.doc_id, "article_id": None, "run_id": batch.run_id}
        for doc in batch.documents
        for span in batch.loose_spans.get(doc.doc_id, [])
    ]
    quarantine = [{**to_row(q), **stamp} for q in batch.quarantined]
    return {
        "documents": to_table(documents, DOCUMENTS),
        "articles": to_table([to_row(a) for a in batch.articles], ARTICLES),
        "spans": to_table(spans, SPANS),
        "quarantine": to_table(quarantine, QUARANTINE),
        **batch.extra_tables,
    }
