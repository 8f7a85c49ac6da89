"""Each distinct text cleaned and enriched once. An article's language, keywords, entities and
MinHash signature depend on its body alone, so a body already enriched (earlier in this worker
process, or stored in the dataset by an earlier batch or run) gives its facts to each copy of it:
a wire story republished by fifty sites is run through NER once, not fifty times. A batch looks
its bodies up before enriching and computes the facts of each new distinct body once. In the same
way the drafts that cleaning and splitting make of a text (an HTML page's main text with its
captions and link lines, or a text file's) depend on that text alone: a worker keeps them for the
next copy of the text it cleans.

Only an exact copy reuses (same body_sha256 and the same exact text): the detectors see
whitespace and Unicode forms that body_sha256 folds. The entities reused from the dataset are
those of the NER model the run that stored them used."""

from __future__ import annotations

from collections.abc import Collection
from copy import copy
from dataclasses import fields
from functools import lru_cache
from pathlib import Path

import duckdb

from newsflow.tasks.core.ids import body_digest
from newsflow.tasks.core.recent import RecentItems
from newsflow.tasks.core.schema import Article, StoryDraft, TextFacts
from newsflow.tasks.core.settings import REUSE_CACHE_BODIES, SEGMENT_CACHE_MAX_CHARS, SEGMENT_CACHE_TEXTS
from newsflow.tasks.segment.clean import segment_document
from newsflow.tasks.store.reuse import stored_text_facts


@lru_cache(maxsize=4)
def process_cache(spacy_model: str | None) -> RecentItems[str, TextFacts]:
    """This process's cache for one NER model (the entities depend on it); it lives as long as
    the worker, across the batches it runs, like the models it holds."""
    return RecentItems(REUSE_CACHE_BODIES)


def known_facts(hashes: Collection[str], spacy_model: str | None, data_dir: Path | None) -> dict[str, TextFacts]:
    """The facts already known of these body hashes: this process's, then the dataset's."""
    cache = process_cache(spacy_model)
    known = {h: facts for h in hashes if (facts := cache.get(h)) is not None}
    missing = set(hashes) - known.keys()
    if data_dir is not None and missing:
        try:
            stored = stored_text_facts(data_dir, missing)
        except (duckdb.Error, OSError):  # a file gone under the read (another run merging): compute instead
            stored = {}
        for body_sha256, facts in stored.items():
            cache.put(body_sha256, facts)
        known.update(stored)
    return known


def facts_of(body: str, body_sha256: str, known: dict[str, TextFacts]) -> TextFacts | None:
    """The known facts of this exact body, if any."""
    facts = known.get(body_sha256)
    return facts if facts is not None and facts.body_digest == body_digest(body) else None


def remember(articles: list[Article], entities: dict[str, tuple[tuple[str, str, int], ...]],
             minhashes: dict[str, tuple[int, ...]], spacy_model: str | None) -> None:
    """Keep the facts of newly enriched bodies (`entities` and `minhashes` by body digest) for
    the next copies this process sees."""
    cache = process_cache(spacy_model)
    for article in articles:
        digest = body_digest(article.body)
        cache.put(article.body_sha256, TextFacts(
            body_digest=digest, language=article.language, language_confidence=article.language_confidence,
            keywords=tuple(article.keywords), entities=entities.get(digest, ()), minhash=minhashes.get(digest),
        ))


Segmentable = tuple[str, str | None, tuple[str, ...], tuple[str, ...]]  # segment_document's inputs


@lru_cache(maxsize=1)
def segment_cache() -> RecentItems[Segmentable, list[StoryDraft]]:
    """This process's drafts of the texts it cleaned and split, by segment_document's inputs."""
    return RecentItems(SEGMENT_CACHE_TEXTS)


def segmented_once(text: str, title_hint: str | None = None, caption_lines: tuple[str, ...] = (),
                   link_lines: tuple[str, ...] = ()) -> list[StoryDraft]:
    """segment_document's drafts of these inputs, cleaned and split once per process: a copy
    seen before gets copies of the drafts made then (its own, which it may change). A text longer
    than SEGMENT_CACHE_MAX_CHARS is cleaned each time: not kept, a few such would fill memory."""
    key = (text, title_hint, tuple(caption_lines), tuple(link_lines)) if len(text) <= SEGMENT_CACHE_MAX_CHARS else None
    drafts = segment_cache().get(key) if key is not None else None
    if drafts is None:
        drafts = segment_document(text, title_hint, caption_lines=caption_lines, link_lines=link_lines)
        if key is not None:
            segment_cache().put(key, drafts)
    return [_copied(draft) for draft in drafts]


def _copied(draft: StoryDraft) -> StoryDraft:
    """The draft with lists of its own (their items, spans and captions, are immutable)."""
    copied = copy(draft)
    for field in fields(draft):
        if isinstance(value := getattr(draft, field.name), list):
            setattr(copied, field.name, list(value))
    return copied
