"""Batch wrappers over the per-document steps: each loops, counts and times, and turns a
document that breaks a step into a quarantine row instead of a failed batch."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import pyarrow as pa

from newsflow.tasks.core.ids import article_id, body_digest, body_sha256, sha256_hex
from newsflow.tasks.core.language import detect_language
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
    ProcessedBatch,
    Quarantine,
    RawDocument,
    Span,
    StoryDraft,
    TextFacts,
    to_row,
    to_table,
)
from newsflow.tasks.core.settings import EXTRACT_TIMEOUT_SECONDS
from newsflow.tasks.core.timelimit import TimeLimitExceeded, call_with_time_limit
from newsflow.tasks.enrich.article import enrich_story
from newsflow.tasks.enrich.entities import extract_entities, load_pipeline, model_name, speaks
from newsflow.tasks.extract.page import FALLBACK_EXTRACTION, extracted_again, prepare_document, writable_raw
from newsflow.tasks.link.minhash import MinHashes, signature_table_rows, signatures, signed
from newsflow.tasks.pipeline.memory import keep_large_blocks_off_the_heap, return_freed_memory
from newsflow.tasks.pipeline.reuse import facts_of, known_facts, remember, segmented_once
from newsflow.tasks.segment.clean import segment_document
from newsflow.tasks.segment.page_spans import placed_on_page

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
    # Facts of bodies enriched before (tasks/pipeline/reuse.py), by body_sha256; and the facts each
    # article took from them, by article_id. Empty when the run does not reuse.
    known: dict[str, TextFacts] = field(default_factory=dict)
    reused: dict[str, TextFacts] = field(default_factory=dict)


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


def segment_batch(batch: Batch, reuse: Reuse | None = None) -> Batch:
    """Clean and split every document of the batch into story drafts. An HTML page in whose main
    text the cleaner finds no article is extracted again with FALLBACK_EXTRACTION's settings.
    With `reuse`, a text this process cleaned and split before is not cleaned again."""
    replaced: dict[str, Document] = {}  # documents extracted again, by id
    cleaner = segment_document if reuse is None else segmented_once

    def segment(doc: Document) -> None:
        drafts, left_out = segment_text(doc, cleaner)
        if not any(draft.body.strip() for draft in drafts) and doc.layout is not None:
            again = extracted_again(doc, FALLBACK_EXTRACTION)
            segmented = segment_text(again, cleaner) if again is not None else ([], [])
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


def segment_text(doc: Document, cleaner: Callable[..., list[StoryDraft]] = segment_document,
                 ) -> tuple[list[StoryDraft], list[Span]]:
    """The document's story drafts and (for HTML) the spans of the page's text extraction left
    out; `cleaner` is segment_document or its once-per-text form (tasks/pipeline/reuse.py)."""
    if doc.layout is not None and doc.main_text is not None:  # HTML: the page's whole visible text
        layout = doc.layout
        drafts = cleaner(doc.main_text, doc.title, layout.caption_lines, layout.link_lines)
        return placed_on_page(drafts, doc.raw_text, layout)
    return cleaner(doc.raw_text, doc.title), []


def enrich_batch(batch: Batch, reuse: Reuse | None = None) -> Batch:
    """Build the article records of every story of the batch. With `reuse`, a body enriched
    before (by this process, or stored in its dataset) gives its language and keywords, and later
    its entities and signature, instead of their being computed again."""
    if reuse is not None:
        hashes = {body_sha256(d.body) for drafts in batch.drafts.values() for d in drafts}
        batch.known = _timed(batch, "reuse", lambda: known_facts(hashes, reuse.spacy_model, reuse.data_dir))
    first_copies: dict[str, Article] = {}  # a body's first article in this batch: the next copies take its facts

    def facts(draft: StoryDraft) -> TextFacts | None:
        if reuse is None:
            return None
        found = facts_of(draft.body, body_sha256(draft.body), batch.known)
        first = first_copies.get(body_digest(draft.body))
        return found or (None if first is None else TextFacts(body_digest(first.body), first.language,
                                                              first.language_confidence, tuple(first.keywords), (), None))

    def enrich(doc: Document) -> None:
        drafts = batch.drafts[doc.doc_id]
        # Built whole before it is added: a failure midway leaves no article of this document.
        articles = [enrich_story(doc, i, d, batch.run_id, batch.ingested_at, facts(d)) for i, d in enumerate(drafts)]
        batch.articles.extend(articles)
        for article in articles:
            first_copies.setdefault(body_digest(article.body), article)

    enriched = _each_document(batch, "enrich", enrich)
    if reuse is not None:
        batch.reused = {a.article_id: found for a in batch.articles
                        if (found := facts_of(a.body, a.body_sha256, batch.known)) is not None}
    return enriched


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


def index_batch(batch: Batch, spacy_model: str | None, reuse: Reuse | None = None) -> Batch:
    """Entities of every article (spaCy, batched) and the MinHash signatures that linking joins on;
    with `reuse`, computed once per distinct body that no earlier one gave (`batch.reused`)."""
    new = [a for a in batch.articles if a.article_id not in batch.reused]
    key = _body_key if reuse is not None else _article_key  # what is computed once: a body, or each article
    found_entities: dict[str, tuple[tuple[str, str, int], ...]] = {}
    found_minhashes: MinHashes = {}

    def find_entities() -> None:
        nlp = load_pipeline(spacy_model)
        found_entities.update(_by_document(batch, "entities", lambda articles: entities_by_key(nlp, [
            a for a in articles if a.article_id not in batch.reused and speaks(nlp, a.language)], key)))
        rows = [{"article_id": a.article_id, "text": text, "label": label, "count": count, "run_id": batch.run_id}
                for a in batch.articles for text, label, count in _entities_of(a, batch.reused, found_entities, key)]
        batch.extra_tables["entities"] = to_table(rows, ENTITIES)

    def sign() -> None:
        found_minhashes.update(_by_document(batch, "signatures", lambda articles: signed(
            [a for a in articles if a.article_id not in batch.reused], signatures, key)))
        minhashes = {a.article_id: facts.minhash for a in batch.articles
                     if (facts := batch.reused.get(a.article_id)) is not None and facts.minhash is not None}
        minhashes.update((a.article_id, m) for a in batch.articles if (m := found_minhashes.get(key(a))))
        signature_table, bands = signature_table_rows(minhashes)
        batch.extra_tables["signatures"] = to_table([{**r, "run_id": batch.run_id} for r in signature_table], SIGNATURES)
        batch.extra_tables["bands"] = to_table(bands, BANDS)

    _timed(batch, "entities", find_entities)
    _timed(batch, "signatures", sign)
    if reuse is not None:
        kept = {a.article_id for a in batch.articles}  # without those of a document quarantined on the way
        remember([a for a in new if a.article_id in kept], found_entities, found_minhashes, reuse.spacy_model)
    return batch


def _body_key(article: Article) -> str:
    return body_digest(article.body)


def _article_key(article: Article) -> str:
    return article.article_id


def entities_by_key(nlp, articles: list[Article],
                    key: Callable[[Article], str]) -> dict[str, tuple[tuple[str, str, int], ...]]:
    """The entities (text, label, count) of the articles, NER run once per `key` (a body digest:
    once per distinct body)."""
    bodies = {key(a): a.body for a in articles}
    found: dict[str, list[tuple[str, str, int]]] = {k: [] for k in bodies}
    for entity in extract_entities(nlp, list(bodies.items())):
        found[entity.article_id].append((entity.text, entity.label, entity.count))
    return {k: tuple(entities) for k, entities in found.items()}


def _entities_of(article: Article, reused: dict[str, TextFacts], found: dict[str, tuple[tuple[str, str, int], ...]],
                 key: Callable[[Article], str]) -> tuple[tuple[str, str, int], ...]:
    facts = reused.get(article.article_id)
    return facts.entities if facts is not None else found.get(key(article), ())


@dataclass(frozen=True, slots=True)
class Reuse:
    """Where a batch finds the facts of bodies enriched before: its process's cache for this NER
    model, and the dataset at `data_dir` (None: the process's cache only)."""

    spacy_model: str
    data_dir: Path | None = None


def load_models(spacy_model: str | None) -> None:
    """Load what the stages keep for the process's life: the NER pipeline and the language model."""
    load_pipeline(spacy_model)
    detect_language("The language model is loaded by its first question.")


def process_batch(
    raws: Iterable[RawDocument | Quarantine], run_id: str, ingested_at: datetime, spacy_model: str | None,
    extract_timeout: float = EXTRACT_TIMEOUT_SECONDS, reuse: bool = True, data_dir: str | None = None,
) -> ProcessedBatch:
    """Every CPU stage of a batch in turn: extract, clean and split, enrich, entities and signatures.
    A page whose extraction takes more than `extract_timeout` seconds is quarantined. With `reuse`,
    a body enriched before, by this process or in the dataset at `data_dir`, is not enriched again.

    One call per batch, so that a worker process receives the inputs once and sends back only
    the rows: a task per stage would ship each batch's pages to and fro between stages.
    """
    keep_large_blocks_off_the_heap()  # once per process matters; Dask workers start no other way
    reusing = Reuse(model_name(spacy_model), None if data_dir is None else Path(data_dir)) if reuse else None
    processed = run_stages(raws, run_id, ingested_at, spacy_model, extract_timeout, reusing)
    return_freed_memory()  # the batch's documents and pages are garbage by now
    return processed


def run_stages(raws: Iterable[RawDocument | Quarantine], run_id: str, ingested_at: datetime,
               spacy_model: str | None, extract_timeout: float, reuse: Reuse | None = None) -> ProcessedBatch:
    """The stages in their order; what the batch held is garbage once this returns."""
    batch = prepare_batch(raws, run_id, ingested_at, extract_timeout)  # decode, extract the article text
    batch = segment_batch(batch, reuse)  # clean every line by rule, split into stories
    batch = enrich_batch(batch, reuse)  # per-article metadata: ids, language, dates, dateline, keywords
    batch = index_batch(batch, spacy_model, reuse)  # named entities, MinHash signatures
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
