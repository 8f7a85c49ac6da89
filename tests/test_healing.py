"""Healing: whatever moment a run dies at (kill -9 while streaming batches, compacting or linking)
or runs out of disk, the next run leaves every input once, and links and stories equal to what
`newsflow relink` makes of the same dataset (the same pairs and relations, the same stories and
roles), because each link step links every article not yet in `stories` (tasks/link/update.py).

Each fault hits the second run of a dataset: a first clean run of `early/` is linked, then a run
of `early/` and `late/` dies, then a normal run of both completes it. The reference is one clean
run of both. Article ids derive from document ids, so datasets compare by id.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import subprocess
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest
from test_link import COPY, REWRITE, WIRE

from newsflow.flows.cli import main
from newsflow.tasks.core.schema import LINKS, PARTITIONED_TABLES, to_row, to_table
from newsflow.tasks.store.dataset import STAGING, STATE, connect, part_files, write_derived

REPO = Path(__file__).resolve().parents[1]
RUN_OPTIONS = ("--batch-size", "4", "--workers", "0")

# The wire story, its syndicated copy and an AI-style rewrite of tests/test_link.py.
RAIL, RAIL_EDIT, RAIL_REWRITE = WIRE, COPY, REWRITE
BANK = ("The central bank left its benchmark interest rate unchanged at 4.25% on Thursday, saying inflation was "
        "slowing faster than it had expected in the spring. Governor Laila Haddad said the bank would wait for "
        "more data on wages before deciding whether to cut rates at its next meeting in December. Economists "
        "polled before the decision had expected the pause, although two of them had forecast a cut of a quarter "
        "point, and the currency barely moved after the announcement in the capital.")
TRAM = ("Officials in {city} said on Monday that the new tram line would open in {year}, after a decade of "
        "delays, and that tickets would cost the same as on the city's buses for the first year of service.")
SYLLABLES = ("ka", "lo", "mi", "ren", "tu", "vos", "pel", "dri", "nax", "sho", "qui", "bel", "tor", "fen", "gu", "zim")


def unrelated(rng: random.Random) -> str:
    """A text of made-up words that links to nothing."""
    words = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(70)]
    return "The council " + " ".join(words[:35]) + ". The mayor " + " ".join(words[35:]) + "."


def make_inbox(root: Path) -> tuple[Path, Path]:
    """40 text files in two folders: exact copies, near-duplicates and a rewrite of two stories,
    four near-identical tram notes, and unrelated fillers, each story split across the folders."""
    rng = random.Random(7)
    rail, bank = "Norway and Sweden sign Arctic rail deal", "Central bank holds rates"
    trams = {f"tram-{i}": (f"Tram line {i} approved", "\n\n".join(TRAM.format(city=f"Tramcity{i}", year=2030 + j)
                                                                   for j in range(3))) for i in range(4)}
    fillers = {f"filler-{i:02d}": (f"Council notes {i}", unrelated(rng)) for i in range(29)}
    early = {"rail-wire": (rail, RAIL), "bank": (bank, BANK), "tram-0": trams["tram-0"], "tram-1": trams["tram-1"],
             **{name: fillers[name] for name in sorted(fillers)[:12]}}
    late = {"rail-copy": (rail, RAIL), "rail-edit": ("Nordic rail deal signed", RAIL_EDIT),
            "rail-rewrite": ("A new Arctic railway", RAIL_REWRITE), "bank-copy": (bank, BANK),
            "bank-edit": ("Rates on hold", BANK.replace("Thursday", "Wednesday").replace("barely", "hardly")),
            "tram-2": trams["tram-2"], "tram-3": trams["tram-3"], **{name: fillers[name] for name in sorted(fillers)[12:]}}
    folders = []
    for name, texts in (("early", early), ("late", late)):
        folder = root / name
        folder.mkdir(parents=True)
        for stem, (title, body) in texts.items():
            (folder / f"{stem}.txt").write_text(f"{title}\n\n{body}\n")
        folders.append(folder)
    return folders[0], folders[1]


def linked_pairs(data: Path) -> set[tuple[str, str, str]]:
    rows = connect(data).execute("SELECT article_id, other_article_id, relation FROM links").fetchall()
    return {(min(a, b), max(a, b), relation) for a, b, relation in rows}


def story_partition(data: Path) -> tuple[set[frozenset[str]], dict[str, tuple[str, str | None]]]:
    """The stories as a set of sets of articles, and each article's role and original."""
    rows = connect(data).execute("SELECT article_id, story_id, role, origin_article_id FROM stories").fetchall()
    groups: dict[str, set[str]] = {}
    for article_id, story_id, _, _ in rows:
        groups.setdefault(story_id, set()).add(article_id)
    return {frozenset(group) for group in groups.values()}, {a: (role, origin) for a, _, role, origin in rows}


def linking(data: Path) -> tuple:
    return linked_pairs(data), story_partition(data)


def relinked(data: Path, where: Path) -> tuple:
    """What `newsflow relink` makes of a copy of the dataset."""
    shutil.copytree(data, where)
    assert main(["relink", "--data", str(where)]) == 0
    return linking(where)


@pytest.fixture(scope="module")
def corpus(prefect_server, tmp_path_factory):
    """The inbox, the reference (one clean run of both folders) and a dataset of `early/` alone."""
    from prefect.settings import PREFECT_API_URL

    root = tmp_path_factory.mktemp("healing")
    early, late = make_inbox(root / "inbox")
    reference, base = root / "reference", root / "base"
    assert main(["ingest", str(early), str(late), "--data", str(reference), *RUN_OPTIONS]) == 0
    assert main(["ingest", str(early), "--data", str(base), *RUN_OPTIONS]) == 0
    expected = linking(reference)
    pairs, (stories, _) = expected
    relations = Counter(relation for _, _, relation in pairs)
    assert relations["exact_duplicate"] >= 2 and relations["near_duplicate"] >= 3 and relations["same_story"] >= 1
    assert sorted(len(story) for story in stories)[-3:] == [3, 4, 4]  # bank; rail, tram
    assert relinked(reference, root / "reference-relinked") == expected
    return {"sources": [str(early), str(late)], "inputs": 40, "base": base, "expected": expected,
            "api_url": PREFECT_API_URL.value(), "root": root}


def assert_healed(data: Path, corpus: dict, relink_dir: Path) -> None:
    """Every input once, no debris, every partition merged, links and stories as a relink makes them."""
    db = connect(data)
    inputs = corpus["inputs"]
    assert db.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone() == (inputs, inputs)
    articles = db.execute("SELECT count(*), count(DISTINCT article_id) FROM articles").fetchone()
    assert articles[0] == articles[1]
    assert db.execute("SELECT count(*), count(DISTINCT article_id) FROM stories").fetchone() == articles
    assert db.execute("SELECT count(*) FROM links WHERE article_id = other_article_id").fetchone() == (0,)
    assert not list((data / STAGING).glob("*"))
    assert not list((data / STATE).glob("link-groups-*"))
    assert not [p for table in ("links", "stories") for p in (data / table).glob(".*")]
    for table in PARTITIONED_TABLES:
        folders = Counter(path.parent for path in part_files(data, table))
        assert all(count == 1 for count in folders.values()), (table, folders)
    found = linking(data)
    assert found == corpus["expected"]
    assert relinked(data, relink_dir) == found


# A child run that calls os._exit(137), as kill -9 would end it (no finally, no atexit), at a
# chosen moment: the count-th time the patched function is reached.
CHILD = r"""
import os, sys
point, count = sys.argv[1], int(sys.argv[2])
reached = [0]

def reach():
    reached[0] += 1
    if reached[0] >= count:
        os._exit(137)

import newsflow.flows.cli, newsflow.flows.ingest, newsflow.tasks.store.compact, newsflow.tasks.link.update, newsflow.tasks.store.dataset

def patch(module, name, make):
    # Wherever the function was imported by name (flows and tasks import them so).
    original = getattr(module, name)
    replacement = make(original)
    for loaded in list(sys.modules.values()):
        if getattr(loaded, "__dict__", {}).get(name) is original:
            setattr(loaded, name, replacement)

if point == "after-batch-commit":
    def make(commit):
        def commit_batch(*args, **kwargs):
            result = commit(*args, **kwargs)
            reach()
            return result
        return commit_batch
    patch(newsflow.tasks.store.dataset, "commit_batch", make)
elif point == "compaction-before-marker":  # the merged file is staged, its COMMIT marker not written
    def make(mark):
        def mark_and_finish(data_dir, batch_dir, plan):
            if batch_dir.name.startswith("compact-"):
                reach()
            mark(data_dir, batch_dir, plan)
        return mark_and_finish
    patch(newsflow.tasks.store.dataset, "mark_and_finish", make)
elif point == "compaction-after-marker":  # marked, nothing moved yet
    def make(finish):
        def finish_commit(data_dir, batch_dir, plan):
            if batch_dir.name.startswith("compact-"):
                reach()
            finish(data_dir, batch_dir, plan)
        return finish_commit
    patch(newsflow.tasks.store.dataset, "finish_commit", make)
elif point == "compaction-after-rename":  # the merged file in place, the files it replaces still there
    def make(replace):
        def moved(source, target):
            replace(source, target)
            if os.path.basename(target).startswith("compact-"):
                reach()
        return moved
    patch(os, "replace", make)
elif point == "writing-links":  # group part files written, the links file half written
    def make(merged):
        def merged_links(*args):
            for piece in merged(*args):
                yield piece
                reach()
        return merged_links
    patch(newsflow.tasks.link.update, "merged_links", make)
elif point == "before-stories":  # links written, stories not
    def make(write):
        def write_derived(data_dir, table, rows):
            if table == "stories":
                reach()
            return write(data_dir, table, rows)
        return write_derived
    patch(newsflow.tasks.store.dataset, "write_derived", make)
else:
    raise SystemExit(f"no such point: {point}")

sys.exit(newsflow.flows.cli.main(sys.argv[3:]))
"""

KILLS = [("after-batch-commit", 2), ("compaction-before-marker", 3), ("compaction-after-marker", 2),
         ("compaction-after-rename", 4), ("writing-links", 1), ("before-stories", 1)]


@pytest.mark.slow
@pytest.mark.parametrize(("point", "count"), KILLS, ids=[point for point, _ in KILLS])
def test_a_run_killed_at_any_moment_is_completed_by_the_next(corpus, tmp_path, point, count):
    data = tmp_path / "data"
    shutil.copytree(corpus["base"], data)
    env = {**os.environ, "PREFECT_API_URL": corpus["api_url"], "PYTHONPATH": str(REPO)}
    killed = subprocess.run([sys.executable, "-c", CHILD, point, str(count), "ingest", *corpus["sources"],
                             "--data", str(data), *RUN_OPTIONS], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=300)
    assert killed.returncode == 137, f"{point} was never reached:\n{killed.stderr[-2000:]}"
    assert main(["ingest", *corpus["sources"], "--data", str(data), *RUN_OPTIONS]) == 0
    assert_healed(data, corpus, tmp_path / "relinked")


def full_disk(monkeypatch, where, count: int = 1) -> list[Path]:
    """Make the count-th file write that `where(path)` selects fail with ENOSPC, the file left as
    a full disk leaves it (the failure surfaces at its fsync, after the bytes went out); returns
    the files it failed."""
    import newsflow.tasks.store.dataset

    real, seen, failed = newsflow.tasks.store.dataset.fsync_path, [0], []

    def fsync_path(path: Path) -> None:
        if where(Path(path)):
            seen[0] += 1
            if seen[0] == count:
                failed.append(Path(path))
                Path(path).write_bytes(Path(path).read_bytes()[:20])  # torn
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real(path)

    for module in list(sys.modules.values()):  # wherever it was imported by name
        if getattr(module, "__dict__", {}).get("fsync_path") is real:
            monkeypatch.setattr(module, "fsync_path", fsync_path)
    return failed


def in_batch(path: Path) -> bool:
    return path.parent.parent.name == STAGING and not path.parent.name.startswith("compact-")


def in_compaction(path: Path) -> bool:
    return path.parent.parent.name == STAGING and path.parent.name.startswith("compact-")


# Where the disk fills: which write (the count-th that the test selects) fails.
FULL_DISKS = {
    "part-file": (lambda p: in_batch(p) and p.suffix == ".parquet", 8),  # in the second batch
    "batch-marker": (lambda p: in_batch(p) and p.name.startswith("COMMIT"), 2),  # torn: unreadable JSON
    "compaction": (lambda p: in_compaction(p) and p.name == "merged.parquet", 2),
    "compaction-marker": (lambda p: in_compaction(p) and p.name.startswith("COMMIT"), 3),
    "links": (lambda p: p.name.startswith(".links.parquet"), 1),
    "stories": (lambda p: p.name.startswith(".stories.parquet"), 1),
}


@pytest.mark.slow
@pytest.mark.parametrize("where", sorted(FULL_DISKS))
def test_a_run_that_fills_the_disk_is_completed_by_the_next(corpus, tmp_path, monkeypatch, where):
    data = tmp_path / "data"
    shutil.copytree(corpus["base"], data)
    failed = full_disk(monkeypatch, *FULL_DISKS[where])
    assert main(["ingest", *corpus["sources"], "--data", str(data), *RUN_OPTIONS]) != 0
    assert failed, f"no write matched {where}"
    monkeypatch.undo()
    assert main(["ingest", *corpus["sources"], "--data", str(data), *RUN_OPTIONS]) == 0
    assert_healed(data, corpus, tmp_path / "relinked")


@pytest.mark.slow
def test_a_run_that_ingests_nothing_links_what_an_unlinked_run_left(corpus, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(corpus["base"], data)
    assert main(["ingest", *corpus["sources"], "--data", str(data), *RUN_OPTIONS, "--no-link"]) == 0
    assert main(["ingest", *corpus["sources"], "--data", str(data), *RUN_OPTIONS]) == 0  # 0 new documents
    assert_healed(data, corpus, tmp_path / "relinked")


def commit_articles(data_dir: Path, batch: str, bodies: list[tuple[str, str]]) -> None:
    """Commit articles (id, body) as one batch, with the names, signatures and bands linking reads."""
    from datetime import UTC, datetime

    from newsflow.tasks.core.schema import ARTICLES, BANDS, ENTITIES, SIGNATURES, Article
    from newsflow.tasks.link.minhash import signature_rows
    from newsflow.tasks.store.dataset import commit_batch

    published = datetime(2030, 6, 1, tzinfo=UTC)
    articles = [Article(article_id=k, doc_id=k, story_index=0, body=body, published_at=published, run_id="r",
                        ingested_at=published, body_sha256=str(hash(body)), word_count=len(body.split()))
                for k, body in bodies]
    signature_table, band_table = signature_rows(articles)
    entities = [{"article_id": a.article_id, "text": name, "label": "PLACE", "count": 1, "run_id": "r"}
                for a in articles for name in ("Kiruna", "Narvik", "Ofoten", "Oslo") if "Narvik" in a.body]
    commit_batch(data_dir, batch, date(2030, 6, 1), {
        "articles": to_table([to_row(a) for a in articles], ARTICLES),
        "entities": to_table(entities, ENTITIES),
        "signatures": to_table([{**row, "run_id": "r"} for row in signature_table], SIGNATURES),
        "bands": to_table(band_table, BANDS)})


# Article "a" twice (one input ingested twice in a run): every route sees its twin rows, the hash
# route as an exact copy, the bands route as a near one, the names route as four shared names.
TWINS = [("a", RAIL), ("b", RAIL), ("c", RAIL_EDIT), ("a", RAIL)]
TWIN_LINKS = [("a", "b", "exact_duplicate"), ("a", "c", "near_duplicate"), ("b", "c", "near_duplicate")]


def link_rows(data: Path) -> list[tuple]:
    return connect(data).execute("SELECT article_id, other_article_id, relation FROM links ORDER BY ALL").fetchall()


def test_no_article_is_ever_linked_to_itself(tmp_path):
    from newsflow.tasks.core.schema import Link
    from newsflow.tasks.link import update as link

    commit_articles(tmp_path, "r-0", TWINS)
    ids = ["a", "b", "c"]
    db = connect(tmp_path)
    db.register("new_articles", pa.table({"article_id": ids}))
    settings = {"max_entity_articles": 100, "min_shared_entities": 3, "max_entity_partners": 50, "window_days": 7,
                "names_per_article": 8, "max_copy_partners": 20}
    for route in link.CANDIDATE_ROUTES:  # each route alone finds pairs, none of one article with itself
        query = link.sql_text(route)
        pairs = db.sql(query, params={k: v for k, v in settings.items() if f"${k}" in query}).fetchall()
        assert pairs and all(a != b for a, b in pairs), (route, pairs)
    # Python does not judge a pair of one article with itself either.
    judged = link.judge_pairs(db, pa.table({"article_id": ["a", "a"], "other_article_id": ["a", "b"]}),
                              link.Vocabulary())
    assert [(row["article_id"], row["other_article_id"]) for t in judged for row in t.to_pylist()] == [("a", "b")]

    assert sum(link.update_links(tmp_path, ()).values()) == 3 and link_rows(tmp_path) == TWIN_LINKS
    assert connect(tmp_path).execute("SELECT count(*), count(DISTINCT article_id) FROM stories").fetchone() == (3, 3)
    # A self-link in a links file written before this rule is dropped by the next step's merge,
    # though its article is not linked again.
    old = [Link(a, b, r, 1.0) for a, b, r in TWIN_LINKS] + [Link("a", "a", "exact_duplicate", 1.0)]
    write_derived(tmp_path, "links", to_table([to_row(x) for x in old], LINKS))
    commit_articles(tmp_path, "r-1", [("d", BANK)])
    assert link.update_links(tmp_path, ()) and link_rows(tmp_path) == TWIN_LINKS
    assert connect(tmp_path).execute("SELECT count(*) FROM stories").fetchone() == (4,)


def test_a_link_step_with_nothing_pending_writes_nothing_and_is_cheap(tmp_path):
    from newsflow.tasks.link import update as link

    commit_articles(tmp_path, "r-0", TWINS)
    assert sum(link.update_links(tmp_path, ()).values()) == 3  # every article was pending
    files = {path: path.stat().st_mtime_ns for table in ("links", "stories") for path in part_files(tmp_path, table)}
    started = time.perf_counter()
    assert link.update_links(tmp_path, ()) == Counter()
    assert time.perf_counter() - started < 2
    assert {path: path.stat().st_mtime_ns for path in files} == files


def test_a_torn_commit_marker_is_an_uncommitted_change(tmp_path):
    from newsflow.tasks.store import dataset as store

    staged = tmp_path / STAGING / "r-00001"
    staged.mkdir(parents=True)
    (staged / "documents.parquet").write_bytes(b"PAR1")
    (staged / "COMMIT.tmp").write_text('{"place": {"documents": "documents/ingest')  # the rename never came
    assert store.recover(tmp_path) == 0
    assert not (tmp_path / STAGING / "r-00001").exists() and not (tmp_path / "documents").exists()
