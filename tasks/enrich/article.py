"""Per-article metadata on top of what clean-and-split found: ids, dateline, dates, language, keywords."""

from __future__ import annotations

import re
from datetime import datetime

from newsflow.tasks.core.ids import article_id, body_sha256
from newsflow.tasks.core.schema import Article, Document, StoryDraft, TextFacts
from newsflow.tasks.enrich.dateline import parse_dateline
from newsflow.tasks.enrich.dates import resolve_published_at
from newsflow.tasks.enrich.keywords import extract_keywords
from newsflow.tasks.enrich.language import detect_language

# A run of word characters (letters, digits, underscore): what `word_count` counts.
WORD_CHAR_RUN = re.compile(r"\w+")


def enrich_story(doc: Document, index: int, draft: StoryDraft, run_id: str, ingested_at: datetime,
                 facts: TextFacts | None = None) -> Article:
    """The article record of one story of a document; `facts`, those of an earlier copy of its
    body, give its language and keywords instead of their being computed again."""
    dateline = parse_dateline(draft.body)
    confidence: float | None
    if facts is None:
        language, confidence = detect_language(draft.body)
        keywords = extract_keywords(draft.body, language)
    else:
        language, confidence, keywords = facts.language, facts.language_confidence, list(facts.keywords)
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
        word_count=len(WORD_CHAR_RUN.findall(draft.body)),
        captions=list(draft.captions),
        cited_urls=list(draft.cited_urls),
        credits=list(draft.credits),
        keywords=keywords,
        body_sha256=body_sha256(draft.body),
        run_id=run_id,
        ingested_at=ingested_at,
    )
