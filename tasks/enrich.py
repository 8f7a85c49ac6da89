"""Per-article metadata on top of what clean-and-split found: ids, dateline, dates, language, keywords."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime

from tasks.dateline import parse_dateline
from tasks.dates import resolve_published_at
from tasks.keywords import extract_keywords
from tasks.language import detect_language
from tasks.schema import Article, Document, StoryDraft

WORD = re.compile(r"\w+")


def article_id(doc_id: str, story_index: int) -> str:
    """Stable id of the n-th story of a document."""
    return f"{doc_id}-{story_index}"


def body_sha256(body: str) -> str:
    """Hash of a body after Unicode NFC and whitespace folding, so layout changes don't matter."""
    folded = " ".join(unicodedata.normalize("NFC", body).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def enrich_story(doc: Document, index: int, draft: StoryDraft, run_id: str, ingested_at: datetime) -> Article:
    """The article record of one story of a document."""
    dateline = parse_dateline(draft.body)
    language, confidence = detect_language(draft.body)
    published_at, published_source = resolve_published_at(
        declared=doc.published_at,
        declared_source=doc.published_at_source,
        url=doc.url,
        text=draft.body,
    )
    return Article(
        article_id=article_id(doc.doc_id, index),
        doc_id=doc.doc_id,
        story_index=index,
        body=draft.body,
        title=draft.title or (doc.title if index == 0 else None),
        url=doc.url,
        site_name=doc.site_name,
        highlights=list(draft.highlights),
        authors=list(draft.authors) or (list(doc.authors) if index == 0 else []),
        ai_disclosed=draft.ai_disclosed,
        dateline_place=dateline.place,
        agency=dateline.agency,
        published_at=published_at,
        published_at_source=published_source,
        language=language,
        language_confidence=confidence,
        word_count=len(WORD.findall(draft.body)),
        captions=list(draft.captions),
        cited_urls=list(draft.cited_urls),
        credits=list(draft.credits),
        keywords=extract_keywords(draft.body, language),
        body_sha256=body_sha256(draft.body),
        run_id=run_id,
        ingested_at=ingested_at,
    )
