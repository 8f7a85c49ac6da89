"""Each distinct text enriched once. An article's language, keywords, entities and MinHash
signature depend on its body alone, so a body already enriched (earlier in this worker process,
or stored in the dataset by an earlier batch or run) gives its facts to each copy of it: a wire
story republished by fifty sites is run through NER once, not fifty times. A batch looks its
bodies up before enriching and computes the facts of each new distinct body once.

Only an exact copy reuses (same body_sha256 and the same exact text): the detectors see
whitespace and Unicode forms that body_sha256 folds. The entities reused from the dataset are
those of the NER model the run that stored them used."""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from pathlib import Path

import duckdb

from newsflow.tasks.core.ids import body_digest
from newsflow.tasks.core.recent import RecentItems
from newsflow.tasks.core.schema import Article, TextFacts
from newsflow.tasks.core.settings import REUSE_CACHE_BODIES
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
