"""Per-article metadata on top of what clean-and-split found: ids, dateline, dates, language, keywords."""

from __future__ import annotations

import re
from datetime import datetime

from newsflow.tasks.core.agencies import AGENCIES
from newsflow.tasks.core.ids import article_id, body_sha256
from newsflow.tasks.core.language import detect_language
from newsflow.tasks.core.schema import AUTHOR_ROLE, REPORTING, WRITING, Article, Credit, Document, StoryDraft, TextFacts
from newsflow.tasks.enrich.dateline import parse_dateline
from newsflow.tasks.enrich.dates import resolve_published_at
from newsflow.tasks.enrich.keywords import extract_keywords

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
    published = resolve_published_at(
        declared=doc.published_at,
        declared_source=doc.published_at_source,
        url=doc.url,
        text=draft.body,
        stamps=tuple(draft.stamps),
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
        authors=list(draft.authors) or (list(doc.authors) if index == 0 else []) or reporters(draft.credit_roles),
        ai_disclosed=draft.ai_disclosed,
        dateline_place=dateline.place,
        agency=dateline.agency or signing_agency(draft.credit_roles),
        published_at=published.at,
        published_at_source=published.source,
        published_at_utc_offset_minutes=published.utc_offset_minutes,
        language=language,
        language_confidence=confidence,
        word_count=len(WORD_CHAR_RUN.findall(draft.body)),
        captions=list(draft.captions),
        cited_urls=list(draft.cited_urls),
        credits=list(draft.credits),
        credit_roles=list(draft.credit_roles),
        keywords=keywords,
        body_sha256=body_sha256(draft.body),
        run_id=run_id,
        ingested_at=ingested_at,
    )


def reporters(credits: list[Credit]) -> list[str]:
    """The people a credit line names as reporting or writing the story ("Reporting by A and B;
    Editing by C" -> [A, B]): its authors when no byline names any."""
    names: list[str] = []
    for credit in credits:
        if credit.role in (REPORTING, WRITING) and credit.name not in names:
            names.append(credit.name)
    return names


WIRE_AGENCIES = frozenset(AGENCIES.values())


def signing_agency(credits: list[Credit]) -> str | None:
    """The wire agency a byline signs with ("By The Associated Press", "Par Le Monde avec AFP"), for
    a story whose dateline names none; a photo credit's agency took the picture, not the story."""
    return next((c.name for c in credits if c.role == AUTHOR_ROLE and c.name in WIRE_AGENCIES), None)
