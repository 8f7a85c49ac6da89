"""Near-duplicates, same-story pairs and provenance, on small articles written for the purpose."""

from collections import Counter
from datetime import UTC, datetime

import numpy as np
import pyarrow as pa

from newsflow.tasks.core.schema import LINKS, Link, StoryRole, to_row, to_table
from newsflow.tasks.core.terms import content_terms, cosine
from newsflow.tasks.link.minhash import band_hashes, estimated_jaccard, shingles, signatures
from newsflow.tasks.link.stories import StoryMember, story_roles
from newsflow.tasks.link.update import Vocabulary, judge_pair, linked_article, merged_links, vector_cosine

WIRE = ("OSLO (Reuters) - Norway and Sweden on Tuesday signed an agreement to build a freight and passenger "
        "railway linking the Swedish mining town of Kiruna with the Norwegian port of Narvik by 2031, the two "
        "governments said. The 2.4 billion euro project will double the capacity of the existing Ofoten line, "
        "which carries iron ore from Swedish mines to the ice-free harbour, Norwegian Transport Minister "
        "Jon-Ivar Nygard told reporters in Oslo. Sweden's state-owned miner LKAB, which ships most of its ore "
        "through Narvik, has long complained that the single-track line is a bottleneck for exports.")
COPY = WIRE.replace("OSLO (Reuters) - ", "").replace("told reporters in Oslo", "said on Tuesday").replace(
    "has long complained", "has complained for years")
REWRITE = ("In a landmark step for Nordic cooperation, the governments of Norway and Sweden committed to a new "
           "Arctic railway connecting the Swedish iron ore town of Kiruna with the Norwegian harbour of Narvik. "
           "The 2.4 billion euro scheme would relieve the overloaded Ofoten line, on which the miner LKAB depends "
           "for its ore exports, and Norway's transport minister Nygard said the double track should open in 2031.")
OTHER = ("The central bank left its benchmark interest rate unchanged at 4.25% on Thursday, saying inflation was "
         "slowing faster than it had expected in the spring. Governor Laila Haddad said the bank would wait for "
         "more data on wages before deciding whether to cut rates at its next meeting in December.")


VOCABULARY = Vocabulary()


def linked(article_id, body, published_at=None, agency=None, names=()):
    return linked_article(VOCABULARY, article_id, body, "en", body_sha256=str(hash(body)), published_at=published_at,
                          agency=agency, word_count=len(body.split()), minhash=signatures([body])[0], names=names)


def test_minhash_estimates_jaccard():
    a, b = shingles(WIRE), shingles(COPY)
    exact = len(a & b) / len(a | b)
    left, right = signatures([WIRE, COPY])
    assert abs(estimated_jaccard(left, right) - exact) < 0.12
    assert len(band_hashes(left)) == 42 and band_hashes(left) == band_hashes(signatures([WIRE])[0])


def test_pair_judgements():
    wire, copy, rewrite, other = (linked(i, t) for i, t in [("a", WIRE), ("b", COPY), ("c", REWRITE), ("d", OTHER)])
    same = linked_article(VOCABULARY, "e", "", body_sha256=wire.body_sha256)
    assert judge_pair(wire, same).relation == "exact_duplicate"
    assert judge_pair(wire, copy).relation == "near_duplicate"
    assert judge_pair(wire, rewrite).relation == "same_story"
    assert judge_pair(wire, other) is None


def test_same_story_needs_dates_within_a_window():
    early, late = datetime(2030, 1, 1, tzinfo=UTC), datetime(2030, 3, 1, tzinfo=UTC)
    assert judge_pair(linked("a", WIRE, early), linked("c", REWRITE, early)).relation == "same_story"
    assert judge_pair(linked("a", WIRE, early), linked("c", REWRITE, late)) is None


def test_shared_names_carry_a_rewrite_that_shares_fewer_words():
    names = {"norway", "sweden", "kiruna", "narvik", "lkab", "ofoten", "nygard"}
    loose = REWRITE.replace("railway", "rail link").replace("Arctic", "northern").replace("ore", "metal")
    assert judge_pair(linked("a", WIRE), linked("c", loose)) is None
    assert judge_pair(linked("a", WIRE, names=names), linked("c", loose, names=names - {"nygard"})).relation == "same_story"
    assert judge_pair(linked("a", WIRE, names=names), linked("d", OTHER, names={"laila haddad"})) is None


def test_cosine_of_content_terms():
    assert cosine(content_terms("Railway railway Kiruna", "en"), content_terms("the railway to Kiruna", "en")) > 0.9
    assert cosine(Counter(), Counter({"x": 1})) == 0.0


def test_term_vectors_give_the_cosine_of_the_counts():
    texts = [WIRE, COPY, REWRITE, OTHER, "", "Railway railway Kiruna"]
    vocabulary = Vocabulary()
    vectors = [vocabulary.term_vector(text, "en") for text in texts]
    for left, left_vector in zip(texts, vectors):
        for right, right_vector in zip(texts, vectors):
            expected = cosine(content_terms(left, "en"), content_terms(right, "en"))
            assert abs(vector_cosine(left_vector, right_vector) - expected) < 1e-6


def test_clusters_and_roles():
    links = [Link("a", "b", "near_duplicate", 0.6), Link("b", "f", "exact_duplicate", 1.0),
             Link("a", "c", "same_story", 0.6)]
    members = {
        "a": StoryMember("a", "Reuters", None, 300),
        "b": StoryMember("b", None, datetime(2030, 1, 1, tzinfo=UTC), 290),
        "c": StoryMember("c", None, datetime(2030, 1, 1, tzinfo=UTC), 200),
        "d": StoryMember("d", None, None, 100),
        "f": StoryMember("f", None, None, 290),
    }
    roles = {r.article_id: r for r in story_roles(members, links)}
    assert len({roles[a].story_id for a in "abcf"}) == 1  # one story: the components of all links
    assert (roles["a"].role, roles["a"].origin_article_id) == ("original", None)
    assert (roles["b"].role, roles["b"].origin_article_id) == ("syndicated_copy", "a")
    assert (roles["f"].role, roles["f"].origin_article_id) == ("syndicated_copy", "a")
    assert (roles["c"].role, roles["c"].origin_article_id) == ("rewrite", "a")
    assert roles["d"] == StoryRole("d", roles["d"].story_id, "original", None) and roles["d"].story_id != roles["a"].story_id


def test_without_a_wire_dateline_the_earliest_is_the_original():
    links = [Link("a", "b", "same_story", 0.6)]
    members = {"a": StoryMember("a", None, datetime(2030, 1, 2, tzinfo=UTC), 500),
               "b": StoryMember("b", None, datetime(2030, 1, 1, tzinfo=UTC), 100)}
    roles = {r.article_id: r.role for r in story_roles(members, links)}
    assert roles == {"a": "rewrite", "b": "original"}


def test_merge_keeps_old_links_and_replaces_those_of_new_articles(tmp_path):
    from newsflow.tasks.store.dataset import connect, write_derived, write_parquet_atomic

    old = [Link("c", "z", "same_story", 0.1), Link("a", "b", "near_duplicate", 0.5)]
    write_derived(tmp_path, "links", to_table([to_row(link) for link in old], LINKS))
    found = to_table([to_row(Link("b", "z", "same_story", 0.4)), to_row(Link("a", "z", "same_story", 0.7))], LINKS)
    # The second group found a pair the first found too: judged alike, kept once.
    parts = [tmp_path / "group-0.parquet", tmp_path / "group-1.parquet"]
    write_parquet_atomic([found], LINKS, parts[0])
    write_parquet_atomic([found.slice(1)], LINKS, parts[1])
    merged = pa.concat_tables(merged_links(connect(tmp_path), parts, ["z"]))
    assert merged.cast(LINKS).to_pylist() == [
        {"article_id": "a", "other_article_id": "b", "relation": "near_duplicate", "score": np.float32(0.5)},
        {"article_id": "a", "other_article_id": "z", "relation": "same_story", "score": np.float32(0.7)},
        {"article_id": "b", "other_article_id": "z", "relation": "same_story", "score": np.float32(0.4)},
    ]
    relinked = pa.concat_tables(merged_links(connect(tmp_path), parts[:1], None))  # from scratch: no old link kept
    assert relinked["article_id"].to_pylist() == ["a", "b"]


def test_names_propose_partners_within_the_same_story_window_only(tmp_path):
    from datetime import date

    from newsflow.tasks.core.schema import ARTICLES, ENTITIES, Article, to_row, to_table
    from newsflow.tasks.link.update import candidate_pairs
    from newsflow.tasks.store.dataset import commit_batch, connect

    ingested = datetime(2030, 6, 1, tzinfo=UTC)
    dates = {"a": datetime(2030, 1, 1, tzinfo=UTC), "b": datetime(2030, 1, 4, tzinfo=UTC),
             "c": datetime(2030, 3, 1, tzinfo=UTC), "d": None}  # d: undated, ingested in June
    articles = [Article(article_id=k, doc_id=k, story_index=0, body="text", published_at=v, run_id="r",
                        ingested_at=ingested, body_sha256=k) for k, v in dates.items()]
    entities = [{"article_id": k, "text": name, "label": "PLACE", "count": 1, "run_id": "r"}
                for k in dates for name in ("Kiruna", "Narvik", "Ofoten")]
    commit_batch(tmp_path, "r-0", date(2030, 6, 1), {"articles": to_table([to_row(a) for a in articles], ARTICLES),
                                                     "entities": to_table(entities, ENTITIES)})
    assert candidate_pairs(connect(tmp_path), list(dates)).to_pylist() == [{"article_id": "a", "other_article_id": "b"}]



def commit_copies(data_dir) -> list[str]:
    """Eight sites' articles of one wire text: four exact copies, four lightly edited ones."""
    from datetime import date

    from newsflow.tasks.core.schema import ARTICLES, BANDS, SIGNATURES, Article
    from newsflow.tasks.link.minhash import signature_rows
    from newsflow.tasks.store.dataset import commit_batch

    published = datetime(2030, 6, 1, tzinfo=UTC)
    bodies = [WIRE] * 4 + [WIRE.replace("Tuesday", day) for day in ("Monday", "Wednesday", "Friday", "Sunday")]
    articles = [Article(article_id=f"a{i}", doc_id=f"d{i}", story_index=0, body=body, published_at=published,
                        run_id="r", ingested_at=published, body_sha256=str(hash(body)), word_count=len(body.split()))
                for i, body in enumerate(bodies)]
    signature_table, band_table = signature_rows(articles)
    commit_batch(data_dir, "r-0", date(2030, 6, 1), {
        "articles": to_table([to_row(a) for a in articles], ARTICLES),
        "signatures": to_table([{**row, "run_id": "r"} for row in signature_table], SIGNATURES),
        "bands": to_table(band_table, BANDS)})
    return [a.article_id for a in articles]


def test_a_text_copied_many_times_links_each_copy_to_a_few_and_stays_one_story(tmp_path, monkeypatch):
    from newsflow.tasks.link import update as link
    from newsflow.tasks.store.dataset import connect

    monkeypatch.setattr(link, "MAX_COPY_PARTNERS", 2)
    ids = commit_copies(tmp_path)
    pairs = link.candidate_pairs(connect(tmp_path), ids).to_pylist()
    partners = Counter(p["article_id"] for p in pairs) + Counter(p["other_article_id"] for p in pairs)
    assert len(pairs) < 8 * 7 / 2 and max(partners.values()) <= 2 * 2 * 2  # own two per route, plus chosen by others

    link.update_links(tmp_path, ids)
    stories = connect(tmp_path).execute("SELECT story_id, role FROM stories").fetchall()
    assert len({story for story, _ in stories}) == 1
    assert sorted(role for _, role in stories) == ["original"] + ["syndicated_copy"] * 7


def test_linking_new_articles_a_group_at_a_time_finds_the_same_links_once(tmp_path, monkeypatch):
    from newsflow.tasks.link import update as link
    from newsflow.tasks.store.dataset import connect

    monkeypatch.setattr(link, "MAX_COPY_PARTNERS", 2)
    ids = commit_copies(tmp_path)
    def links_found(parts_dir):
        db = connect(tmp_path)
        return pa.concat_tables(link.merged_links(db, link.find_links(db, ids, parts_dir), ids)).cast(LINKS)

    at_once = links_found(tmp_path / "at_once")
    monkeypatch.setattr(link, "LINK_GROUP_ARTICLES", 3)
    in_groups = links_found(tmp_path / "in_groups")
    assert len(list((tmp_path / "in_groups").glob("group-*.parquet"))) == 3 and at_once.num_rows > 8
    pairs = list(zip(in_groups["article_id"].to_pylist(), in_groups["other_article_id"].to_pylist()))
    assert len(pairs) == len(set(pairs)) and pairs == sorted(pairs)
    assert in_groups.equals(at_once)


def test_a_link_step_leaves_no_part_files_and_clears_those_of_a_killed_one(tmp_path):
    from newsflow.tasks.link import update as link
    from newsflow.tasks.store.dataset import STATE, connect

    ids = commit_copies(tmp_path)
    killed = tmp_path / STATE / f"{link.LINK_PARTS_PREFIX}dead"  # what a SIGKILL while linking leaves
    killed.mkdir(parents=True)
    (killed / "group-00000.parquet").write_bytes(b"half")
    counts = link.update_links(tmp_path, ids)
    assert sum(counts.values()) == connect(tmp_path).execute("SELECT count(*) FROM links").fetchone()[0] > 8
    assert list((tmp_path / STATE).glob(f"{link.LINK_PARTS_PREFIX}*")) == []
