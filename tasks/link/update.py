"""Links across the dataset: exact duplicates, near-duplicates and same-story pairs.

Candidates come from a DuckDB join (sql/link_candidates_*.sql: body hash, LSH bands, shared
distinctive entities) between the articles being linked and the whole dataset; each candidate
pair is then judged on its own two articles only, so linking incrementally or from scratch makes
the same decision for the same pair.

Which articles a link step links is read from the dataset, not handed over by the run that
committed them: the *pending* articles, those absent from `stories` (sql/link_pending_article_ids.sql).
A step writes `links`, then `stories` with a row for every article, each file whole and
atomically; so an article is in `stories` only once its links are in `links`, and whatever a
killed or failed step, a run killed before it could link, or a run with linking off left out
is still pending, and the next step (of any run, even one that ingested nothing) links it. A
run's memory of what it committed would die with it: the rerun of a run killed while compacting
had no new article, so it linked nothing and left `stories` empty. Linking an article again
gives the same links (the decision is the pair's), so linking too much is only slower, never
wrong. When nothing is pending a step reads two id columns and writes nothing: 0.04-0.05 s on
bench/linking.py's 100k-article dataset once linked (three runs on a 2-core x86-64 VM), so a
scheduled run over an unchanged inbox pays next to nothing for linking.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from newsflow.tasks.core.schema import (
    EXACT_DUPLICATE,
    LINKS,
    NEAR_DUPLICATE,
    SAME_STORY,
    STORIES,
    Link,
    to_row,
    to_table,
)
from newsflow.tasks.core.settings import (
    LINK_GROUP_ARTICLES,
    MAX_COPY_PARTNERS,
    MAX_ENTITY_ARTICLES,
    MAX_ENTITY_PARTNERS,
    MIN_SHARED_ENTITIES,
    NAMES_PER_ARTICLE,
    NEAR_DUPLICATE_JACCARD,
    SAME_STORY_COSINE_ALONE,
    SAME_STORY_SCORE,
    SAME_STORY_WINDOW_DAYS,
)
from newsflow.tasks.core.terms import content_terms
from newsflow.tasks.link.minhash import estimated_jaccard
from newsflow.tasks.link.stories import StoryMember, story_roles
from newsflow.tasks.store.dataset import (
    PARQUET_OPTIONS,
    clear_leftovers,
    connect,
    recover,
    scratch_folder,
    sql_text,
    write_derived,
    write_parquet_atomic,
)

# Rows of an Arrow table or reader turned into Python objects at a time: the articles read for
# linking, the candidate pairs judged, the links read back for stories.
LOAD_BATCH_ROWS = 2_000
SLICE_ROWS = 100_000


@dataclass(frozen=True, slots=True)
class TermVector:
    """Counts of an article's content words as sorted word numbers and their counts: a tenth of
    the memory of a Counter of strings, which is what lets a run hold every candidate article."""

    words: np.ndarray  # uint32, sorted, unique
    counts: np.ndarray  # float32, aligned with words
    norm: float


class Vocabulary:
    """Numbers for the words and names of the articles linked in one run."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        # A new item takes the next number; a known one keeps its own (and skips a number).
        self._next = itertools.count()

    def encode(self, items: Iterable[str]) -> np.ndarray:
        """The items' numbers, in their order."""
        return np.fromiter(map(self.numbers.setdefault, items, self._next), np.uint32)

    def term_vector(self, text: str, language: str | None) -> TermVector:
        counts = content_terms(text, language)
        words = self.encode(counts)
        values = np.fromiter(counts.values(), np.float32, len(counts))
        order = np.argsort(words)
        return TermVector(words[order], values[order], float(np.sqrt(values @ values)))


@dataclass(frozen=True, slots=True)
class LinkedArticle:
    """What a pair decision looks at."""

    article_id: str
    body_sha256: str
    published_at: datetime | None
    agency: str | None
    word_count: int
    minhash: np.ndarray | None
    terms: TermVector
    names: np.ndarray  # the vocabulary's numbers of its names, sorted


def linked_article(vocabulary: Vocabulary, article_id: str, body: str, language: str | None = None, *,
                   body_sha256: str, published_at: datetime | None = None, agency: str | None = None,
                   word_count: int = 0, minhash: np.ndarray | None = None, names: Iterable[str] = ()) -> LinkedArticle:
    """An article as linking holds it; the body itself is not kept."""
    return LinkedArticle(article_id, body_sha256, published_at, agency, word_count, minhash,
                         vocabulary.term_vector(body, language),
                         # Prefixed: a name and a word spelled alike ("apple") are different items.
                         np.unique(vocabulary.encode("name:" + n for n in names)))


LINK_PARTS_PREFIX = "link-groups-"  # temporary folders of one link step's part files, in <data>/_state

CANDIDATE_ROUTES = ("link_candidates_hash", "link_candidates_bands", "link_candidates_names")


def candidate_pairs(db: duckdb.DuckDBPyConnection, new_ids: list[str]) -> pa.Table:
    """Pairs worth judging (article_id, other_article_id), each once, with at least one article
    among `new_ids`, sorted. The routes run one after the other: at 100k articles, joined
    in one query, they outgrow DUCKDB_MEMORY_LIMIT together, not alone."""
    db.register("new_articles", pa.table({"article_id": pa.array(new_ids, pa.string())}))
    params = {"max_entity_articles": MAX_ENTITY_ARTICLES, "min_shared_entities": MIN_SHARED_ENTITIES,
              "max_entity_partners": MAX_ENTITY_PARTNERS, "window_days": SAME_STORY_WINDOW_DAYS,
              "names_per_article": NAMES_PER_ARTICLE, "max_copy_partners": MAX_COPY_PARTNERS}
    routes = []
    for route in CANDIDATE_ROUTES:
        query = sql_text(route)
        routes.append(db.sql(query, params={k: v for k, v in params.items() if f"${k}" in query}).to_arrow_table())
    return distinct_pairs(pa.concat_tables(routes))


def load_articles(db: duckdb.DuckDBPyConnection, article_ids: Iterable[str], vocabulary: Vocabulary) -> dict[str, LinkedArticle]:
    """The articles of the candidate pairs, with their content terms; read a record batch at a
    time, so only one batch's bodies are ever in Python."""
    db.register("link_ids", pa.table({"article_id": pa.array(sorted(article_ids), pa.string())}))
    loaded = {}
    for batch in db.sql(sql_text("link_articles")).to_arrow_reader(LOAD_BATCH_ROWS):
        for record in batch.to_pylist():
            minhash = record["minhash"]
            loaded[record["article_id"]] = linked_article(
                vocabulary, record["article_id"], record["body"] or "", record["language"],
                body_sha256=record["body_sha256"], published_at=record["published_at"], agency=record["agency"],
                word_count=record["word_count"] or 0, names=record["names"] or (),
                minhash=None if minhash is None else np.asarray(minhash, dtype=np.uint32))
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
    words = vector_cosine(left.terms, right.terms)
    if not left.names.size and not right.names.size:
        return words * SAME_STORY_SCORE / SAME_STORY_COSINE_ALONE
    shared = len(np.intersect1d(left.names, right.names, assume_unique=True))
    return (words + shared / (len(left.names) + len(right.names) - shared)) / 2


def vector_cosine(left: TermVector, right: TermVector) -> float:
    """Cosine similarity of two term vectors (0 when either is empty)."""
    if not left.norm or not right.norm:
        return 0.0
    _, in_left, in_right = np.intersect1d(left.words, right.words, assume_unique=True, return_indices=True)
    return float(left.counts[in_left] @ right.counts[in_right]) / (left.norm * right.norm)


def within_window(left: datetime | None, right: datetime | None) -> bool:
    """Same story only within a few days; an unknown date does not rule a pair out."""
    if left is None or right is None:
        return True
    return abs(left - right) <= timedelta(days=SAME_STORY_WINDOW_DAYS)


def find_links(db: duckdb.DuckDBPyConnection, new_ids: list[str], parts_dir: Path) -> list[Path]:
    """Every link between a new article and any article of the dataset, as LINKS part files
    in `parts_dir`, one per group of new articles (at least one, perhaps empty).

    The new articles are linked LINK_GROUP_ARTICLES at a time, so the candidate pairs in
    DuckDB and in memory are those of one group, and a group's links go to disk before the
    next: at 100k articles the links of all groups (2.3M) and their sorted copies in memory
    were the linking step's peak. A pair of two new articles of different groups can be found
    by both; `merged_links` keeps it once."""
    vocabulary = Vocabulary()
    parts = []
    for number, start in enumerate(range(0, max(len(new_ids), 1), LINK_GROUP_ARTICLES)):
        group = new_ids[start : start + LINK_GROUP_ARTICLES]
        parts.append(parts_dir / f"group-{number:05d}.parquet")
        links = judge_pairs(db, candidate_pairs(db, group), vocabulary) if group else []
        write_parquet_atomic(links, LINKS, parts[-1])
    return parts


def judge_pairs(db: duckdb.DuckDBPyConnection, pairs: pa.Table, vocabulary: Vocabulary) -> list[pa.Table]:
    """The links among candidate pairs. The pairs stay in Arrow and are judged a slice at a
    time: their ids as Python strings would take more memory than the articles themselves."""
    ids = pc.unique(pa.concat_arrays([pairs["article_id"].combine_chunks(), pairs["other_article_id"].combine_chunks()]))
    articles = load_articles(db, ids.to_pylist(), vocabulary)
    found = []
    for start in range(0, pairs.num_rows, SLICE_ROWS):
        piece = pairs.slice(start, SLICE_ROWS)
        lefts, rights = piece["article_id"].to_pylist(), piece["other_article_id"].to_pylist()
        # a != b: the routes never pair an article with itself; two rows of one article must not either.
        links = [link for a, b in zip(lefts, rights) if a != b and a in articles and b in articles
                 and (link := judge_pair(articles[a], articles[b])) is not None]
        found.append(pa.Table.from_pydict({name: [getattr(link, name) for link in links] for name in LINKS.names},
                                          schema=LINKS))
    return found


def distinct_pairs(pairs: pa.Table) -> pa.Table:
    """One row per pair of a table of candidate pairs, sorted by the pair. Sorted and compared
    with the row before: hashing millions of pairs of ids (pyarrow's group_by) takes four
    times the memory of the pairs."""
    pairs = pairs.sort_by([("article_id", "ascending"), ("other_article_id", "ascending")])
    if pairs.num_rows < 2:
        return pairs
    ids = [pairs[name].combine_chunks() for name in ("article_id", "other_article_id")]
    changed = pc.or_(*(pc.not_equal(column.slice(1), column.slice(0, len(column) - 1)) for column in ids))
    return pairs.filter(pa.concat_arrays([pa.array([True]), changed]))


def merged_links(db: duckdb.DuckDBPyConnection, found_parts: list[Path], linked_ids: list[str] | None) -> Iterator[pa.Table]:
    """The links table after a link step, streamed in row groups sorted by the pair: old links
    not touching `linked_ids` (None: a relink from scratch keeps none), plus those found."""
    db.register("linked_articles", pa.table({"article_id": pa.array(linked_ids or [], pa.string())}))
    params = {"keep_old": linked_ids is not None, "found_parts": [str(path) for path in found_parts]}
    reader = db.sql(sql_text("links_merged"), params=params).to_arrow_reader(PARQUET_OPTIONS["row_group_size"])
    return (pa.Table.from_batches([batch]) for batch in reader)


def file_links(path: Path) -> Iterator[Link]:
    """The links of a links file as records, a row group at a time: story_roles reads them once,
    and a list of millions of records is never built."""
    for batch in pq.ParquetFile(path).iter_batches(SLICE_ROWS, columns=LINKS.names):
        columns = [batch[name].to_pylist() for name in LINKS.names]
        yield from (Link(*values) for values in zip(*columns))


def members(db: duckdb.DuckDBPyConnection) -> dict[str, StoryMember]:
    cursor = db.execute(sql_text("story_members"))
    return {article_id: StoryMember(article_id, agency, published_at, word_count or 0)
            for article_id, agency, published_at, word_count in cursor.fetchall()}


def pending_article_ids(db: duckdb.DuckDBPyConnection) -> list[str]:
    """The articles no link step has linked yet (absent from `stories`), sorted."""
    return [row[0] for row in db.execute(sql_text("link_pending_article_ids")).fetchall()]


def update_links(data_dir: Path, new_ids: Iterable[str] | None = ()) -> Counter:
    """Link the pending articles, plus `new_ids` (None: every article, from scratch), and
    rewrite links and stories; counts of the links table by relation. With nothing to link,
    nothing is written and the counts are empty.

    The caller holds the data folder's lock, so no other run rewrites the tables meanwhile. A
    batch or compaction that a killed run left committed but unfinished is finished first, so
    the articles linked are whole (a relink does not start from an ingest).
    """
    data_dir = Path(data_dir)
    recover(data_dir)
    clear_leftovers(data_dir, LINK_PARTS_PREFIX, ("links", "stories"))
    db = connect(data_dir)
    if new_ids is None:
        linked_ids = None
        to_link = [row[0] for row in db.execute(sql_text("link_all_article_ids")).fetchall()]
    else:
        to_link = linked_ids = sorted(set(pending_article_ids(db)).union(new_ids))
        if not to_link:
            return Counter()
    with scratch_folder(data_dir, LINK_PARTS_PREFIX) as parts_dir:
        found = find_links(db, to_link, parts_dir)
        links_path = write_derived(data_dir, "links", merged_links(db, found, linked_ids))
    # A kill here leaves the new links with the old stories: the articles just linked are
    # still absent from stories, so the next step links them again, and writes both.
    roles = story_roles(members(db), file_links(links_path))
    write_derived(data_dir, "stories", to_table([to_row(r) for r in roles], STORIES))
    relations = pq.read_table(links_path, columns=["relation"], read_dictionary=["relation"])["relation"]
    return Counter({row["values"]: row["counts"] for row in pc.value_counts(relations).to_pylist()})
