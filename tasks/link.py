"""Links across the dataset: exact duplicates, near-duplicates and same-story pairs.

Candidates come from a DuckDB join (sql/link_candidates.sql: body hash, LSH bands, shared
distinctive entities) between a run's new articles and the whole dataset; each candidate pair
is then judged on its own two articles only, so linking incrementally or from scratch makes
the same decision for the same pair.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tasks.minhash import estimated_jaccard
from tasks.schema import (
    EXACT_DUPLICATE,
    LINKS,
    NEAR_DUPLICATE,
    SAME_STORY,
    STORIES,
    Link,
    to_row,
    to_table,
)
from tasks.settings import (
    MAX_ENTITY_ARTICLES,
    MAX_ENTITY_PARTNERS,
    MIN_SHARED_ENTITIES,
    NAMES_PER_ARTICLE,
    NEAR_DUPLICATE_JACCARD,
    SAME_STORY_COSINE_ALONE,
    SAME_STORY_SCORE,
    SAME_STORY_WINDOW_DAYS,
)
from tasks.store import connect, sql_text, write_derived
from tasks.stories import StoryMember, story_roles
from tasks.terms import content_terms, cosine, norm


@dataclass(frozen=True, slots=True)
class LinkedArticle:
    """What a pair decision looks at."""

    article_id: str
    body_sha256: str
    published_at: datetime | None
    agency: str | None
    word_count: int
    minhash: np.ndarray | None
    terms: Counter
    names: frozenset[str] = frozenset()
    terms_norm: float = 0.0


def candidate_pairs(db: duckdb.DuckDBPyConnection, new_ids: list[str]) -> pa.Table:
    """Pairs worth judging (article_id, other_article_id), each once, with at least one article
    among `new_ids`, sorted."""
    db.register("new_articles", pa.table({"article_id": pa.array(new_ids, pa.string())}))
    params = {"max_entity_articles": MAX_ENTITY_ARTICLES, "min_shared_entities": MIN_SHARED_ENTITIES,
              "max_entity_partners": MAX_ENTITY_PARTNERS, "window_days": SAME_STORY_WINDOW_DAYS,
              "names_per_article": NAMES_PER_ARTICLE}
    return db.sql(sql_text("link_candidates"), params=params).to_arrow_table()


def load_articles(db: duckdb.DuckDBPyConnection, article_ids: set[str]) -> dict[str, LinkedArticle]:
    """The articles of the candidate pairs, with their content terms."""
    db.register("link_ids", pa.table({"article_id": pa.array(sorted(article_ids), pa.string())}))
    cursor = db.execute(sql_text("link_articles"))
    columns = [c[0] for c in cursor.description]
    loaded = {}
    for row in cursor.fetchall():
        record = dict(zip(columns, row))
        loaded[record["article_id"]] = LinkedArticle(
            article_id=record["article_id"],
            body_sha256=record["body_sha256"],
            published_at=record["published_at"],
            agency=record["agency"],
            word_count=record["word_count"] or 0,
            minhash=None if record["minhash"] is None else np.asarray(record["minhash"], dtype=np.uint32),
            terms=(terms := content_terms(record["body"] or "", record["language"])),
            names=frozenset(record["names"] or ()),
            terms_norm=norm(terms),
        )
    return loaded


def judge_pair(left: LinkedArticle, right: LinkedArticle) -> Link | None:
    """The strongest relation between two articles, or None when they are not related."""
    if left.body_sha256 == right.body_sha256:
        return Link(left.article_id, right.article_id, EXACT_DUPLICATE, 1.0)
    if left.minhash is not None and right.minhash is not None:
        jaccard = estimated_jaccard(left.minhash, right.minhash)
        if jaccard >= NEAR_DUPLICATE_JACCARD:
            return Link(left.article_id, right.article_id, NEAR_DUPLICATE, round(jaccard, 4))
    if not within_window(left.published_at, right.published_at):
        return None
    similarity = story_similarity(left, right)
    if similarity >= SAME_STORY_SCORE:
        return Link(left.article_id, right.article_id, SAME_STORY, round(similarity, 4))
    return None


def story_similarity(left: LinkedArticle, right: LinkedArticle) -> float:
    """How likely two texts tell the same event: content words and named entities in common.

    The mean of the content-word cosine and the Jaccard overlap of the names. Where neither
    article has names (a language the NER model does not read), the cosine alone, scaled so
    that the same threshold applies.
    """
    words = cosine(left.terms, right.terms, left.terms_norm, right.terms_norm)
    if not left.names and not right.names:
        return words * SAME_STORY_SCORE / SAME_STORY_COSINE_ALONE
    names = len(left.names & right.names) / len(left.names | right.names)
    return (words + names) / 2


def within_window(left: datetime | None, right: datetime | None) -> bool:
    """Same story only within a few days; an unknown date does not rule a pair out."""
    if left is None or right is None:
        return True
    return abs(left - right) <= timedelta(days=SAME_STORY_WINDOW_DAYS)


def find_links(db: duckdb.DuckDBPyConnection, new_ids: list[str]) -> pa.Table:
    """Every link between a new article and any article of the dataset, as rows of LINKS."""
    pairs = candidate_pairs(db, new_ids)
    lefts, rights = pairs.column("article_id").to_pylist(), pairs.column("other_article_id").to_pylist()
    articles = load_articles(db, set(lefts) | set(rights))
    links = (judge_pair(articles[a], articles[b]) for a, b in zip(lefts, rights) if a in articles and b in articles)
    return to_table([to_row(link) for link in links if link is not None], LINKS)


def merge_links(existing: pa.Table, found: pa.Table, new_ids: list[str]) -> pa.Table:
    """The links table after a run: old links not touching new articles, plus what was found,
    sorted by the pair."""
    new = pa.array(new_ids, pa.string())
    untouched = pc.invert(pc.or_(pc.is_in(existing["article_id"], new), pc.is_in(existing["other_article_id"], new)))
    merged = pa.concat_tables([existing.filter(untouched).cast(LINKS), found.cast(LINKS)])
    return merged.sort_by([("article_id", "ascending"), ("other_article_id", "ascending")])


def links_among(members: dict[str, StoryMember], links: pa.Table) -> list[Link]:
    """The links table as records whose ids are the members' own strings: a link costs its
    record, not two more copies of its ids (281k links for 10k articles in bench/throughput.py)."""
    ids = {article_id: article_id for article_id in members}
    columns = [links[name].to_pylist() for name in ("article_id", "other_article_id", "relation", "score")]
    return [Link(ids.get(a, a), ids.get(b, b), relation, score) for a, b, relation, score in zip(*columns)]


def members(db: duckdb.DuckDBPyConnection) -> dict[str, StoryMember]:
    cursor = db.execute(sql_text("story_members"))
    return {row[0]: StoryMember(*row[:3], row[3] or 0) for row in cursor.fetchall()}


def update_links(data_dir: Path, new_ids: list[str] | None) -> Counter:
    """Link `new_ids` (None: every article, from scratch) and rewrite links and stories; counts by relation.

    The caller holds the data folder's lock, so no other run rewrites the tables meanwhile.
    """
    db = connect(data_dir)
    if new_ids is None:
        existing, new_ids = LINKS.empty_table(), [row[0] for row in db.execute(sql_text("link_all_article_ids")).fetchall()]
    else:
        existing = db.sql(sql_text("links_current")).to_arrow_table().cast(LINKS)
    links_table = merge_links(existing, find_links(db, new_ids), new_ids)
    write_derived(data_dir, "links", links_table)
    story_members = members(db)
    roles = story_roles(story_members, links_among(story_members, links_table))
    write_derived(data_dir, "stories", to_table([to_row(r) for r in roles], STORIES))
    return Counter(links_table["relation"].to_pylist())
