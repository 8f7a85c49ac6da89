"""Acceptance: `newsflow ingest ../shared/seeds` meets every expectation of seeds/expected.json."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlparse

import pytest
from dataset_builds import BuiltDataset, build_dataset
from dataset_checks import lossless_violations, row_counts

from newsflow.flows.cli import main
from newsflow.tasks.store.dataset import connect

IN_PROCESS = ("--workers", "0")


def fold(text: str | None) -> str | None:
    """Unicode NFC and whitespace folding, as expected.json says strings are compared."""
    return None if text is None else " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module")
def expected(shared_dir) -> dict:
    return json.loads((shared_dir / "seeds" / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeds_once(prefect_server, shared_dir, tmp_path_factory) -> BuiltDataset:
    """`newsflow ingest ../shared/seeds`, once for the module (in this process: test_dask.py shows
    the runners make the same tables). Never change it: take `seeds_dataset`, a copy."""
    return build_dataset(tmp_path_factory.mktemp("seeds") / "data", [shared_dir / "seeds"], *IN_PROCESS)


@pytest.fixture()
def seeds_dataset(seeds_once, tmp_path) -> Path:
    """This test's own copy of the seeds dataset."""
    return seeds_once.copy_to(tmp_path / "seeds-data")


@pytest.fixture(scope="module")
def articles(seeds_once) -> dict[str, dict]:
    """Articles keyed like expected.json: '<file name>#<story index>'."""
    db = connect(seeds_once.path)
    cursor = db.execute("SELECT d.source_uri, d.raw_text, a.* FROM articles a JOIN documents d USING (doc_id)")
    columns = [c[0] for c in cursor.description]
    rows = [dict(zip(columns, row)) for row in cursor.fetchall()]
    return {f"{Path(r['source_uri']).name}#{r['story_index']}": r for r in rows}


def check_story(article: dict, expect: dict) -> list[str]:
    """What of one story's expectations the article misses (empty when all hold)."""
    body = fold(article["body"])
    checks = {
        "title": lambda v: fold(article["title"]) == fold(v),
        "body_starts_with_any": lambda v: any(body.startswith(fold(s)) for s in v),
        "body_ends_with": lambda v: body.endswith(fold(v)),
        "body_excludes": lambda v: not [s for s in v if fold(s) in body],
        "body_is_whole_input": lambda v: (body == fold(article["raw_text"])) == v,
        "dateline_place": lambda v: article["dateline_place"] == v,
        "agency": lambda v: article["agency"] == v,
        "credits_include": lambda v: all(any(name in c for c in article["credits"]) for name in v),
        "language": lambda v: article["language"] == v,
        "highlights_count": lambda v: len(article["highlights"]) == v,
        "highlights_first_starts_with": lambda v: fold(article["highlights"][0]).startswith(fold(v)),
        "authors": lambda v: [fold(a) for a in article["authors"]] == v,
        "ai_disclosed": lambda v: article["ai_disclosed"] is v,
        "cited_domains": lambda v: sorted({_domain(u) for u in article["cited_urls"]}) == sorted(v),
        "captions": lambda v: len(article["captions"]) == len(v) and all(
            fold(c["text"]).startswith(fold(e["starts_with"])) and c["credit"] == e["credit"]
            for c, e in zip(article["captions"], v)
        ),
    }
    unknown = set(expect) - set(checks)
    assert not unknown, f"expected.json asks for {unknown}, which this test does not check yet"
    return [f"{key}: expected {value!r}" for key, value in expect.items() if not checks[key](value)]


def _domain(url: str) -> str:
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


def test_every_story_meets_its_expectations(expected, articles):
    failures = {}
    for name, document in expected["documents"].items():
        stories = sorted(key for key in articles if key.startswith(f"{name}#"))
        assert len(stories) == len(document["stories"]), f"{name}: {len(stories)} stories, expected {len(document['stories'])}"
        for index, expect in enumerate(document["stories"]):
            missed = check_story(articles[f"{name}#{index}"], expect)
            if missed:
                failures[f"{name}#{index}"] = missed
    assert failures == {}


def test_seeds_are_lossless(seeds_dataset):
    assert lossless_violations(seeds_dataset) == []


def test_relations(expected, articles, seeds_dataset):
    db = connect(seeds_dataset)
    ids = {key: row["article_id"] for key, row in articles.items()}
    relations = expected["relations"]
    links = {(a, b, r) for a, b, r in db.execute("SELECT article_id, other_article_id, relation FROM links").fetchall()}
    for left, right in relations["near_duplicate_pairs"]:
        pair = {ids[left], ids[right]}
        assert any({a, b} == pair and r == "near_duplicate" for a, b, r in links), (left, right)
    stories = {a: (s, role, origin) for a, s, role, origin in db.execute("SELECT * FROM stories").fetchall()}
    cluster = {stories[ids[key]][0] for key in relations["same_story_cluster"]}
    assert len(cluster) == 1
    members = {a for a, (s, _, _) in stories.items() if s in cluster}
    assert members == {ids[key] for key in relations["same_story_cluster"]}
    for key in relations["singleton_clusters"]:
        story = stories[ids[key]][0]
        assert [a for a, (s, _, _) in stories.items() if s == story] == [ids[key]]
    original = ids[relations["original"]]
    assert stories[original][1] == "original"
    for key in relations["syndicated_copies_of_original"]:
        assert stories[ids[key]][1:] == ("syndicated_copy", original)
    for key in relations["rewrites_of_original"]:
        assert stories[ids[key]][1:] == ("rewrite", original)


def test_entities(expected, articles, seeds_dataset):
    db = connect(seeds_dataset)
    missing = {}
    for key, by_label in expected["entities_include"].items():
        found = set(db.execute("SELECT label, text FROM entities WHERE article_id = ?", [articles[key]["article_id"]]).fetchall())
        gaps = [(label, text) for label, texts in by_label.items() for text in texts if (label, text) not in found]
        if gaps:
            missing[key] = gaps
    assert missing == {}


def test_second_run_adds_no_row_and_changes_no_link(shared_dir, seeds_dataset):
    before = row_counts(seeds_dataset)
    links_before = connect(seeds_dataset).execute("SELECT * FROM links ORDER BY ALL").fetchall()
    assert main(["ingest", str(shared_dir / "seeds"), "--data", str(seeds_dataset), *IN_PROCESS]) == 0
    assert row_counts(seeds_dataset) == before
    assert connect(seeds_dataset).execute("SELECT * FROM links ORDER BY ALL").fetchall() == links_before


def test_relink_from_scratch_gives_the_same_links_and_stories(seeds_dataset, capsys):
    db = connect(seeds_dataset)
    links = db.execute("SELECT * FROM links ORDER BY ALL").fetchall()
    stories = db.execute("SELECT * FROM stories ORDER BY ALL").fetchall()
    assert main(["relink", "--data", str(seeds_dataset)]) == 0
    assert re.search(r"\bnear_duplicate 1\b", capsys.readouterr().out)  # not 10 or 12
    db = connect(seeds_dataset)
    assert db.execute("SELECT * FROM links ORDER BY ALL").fetchall() == links
    assert db.execute("SELECT * FROM stories ORDER BY ALL").fetchall() == stories
