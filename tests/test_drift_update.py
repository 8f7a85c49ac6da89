"""The `drift` table kept by each link step (tasks/drift/update.py): every copy compared with its
origin once, nothing compared twice, and after a step killed midway the table a clean run leaves."""

from __future__ import annotations

import pyarrow.parquet as pq

from newsflow.tasks.drift import pairs as pairs_module
from newsflow.tasks.drift import update
from newsflow.tasks.drift.update import DRIFT_PAIRS_FILE, update_drift
from newsflow.tasks.store.dataset import connect


def drift_rows(data) -> list[tuple]:
    return connect(data).execute("SELECT * EXCLUDE (confidence) FROM drift ORDER BY ALL").fetchall()


def pairs(data) -> set[tuple]:
    query = "SELECT article_id, origin_article_id FROM stories WHERE origin_article_id IS NOT NULL"
    return set(connect(data).execute(query).fetchall())


def counting(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = pairs_module.find_drift
    monkeypatch.setattr(pairs_module, "find_drift", lambda *args, **kwargs: calls.append(1) or real(*args, **kwargs))
    return calls


def test_every_copy_is_compared_with_its_origin_once(example_dataset, monkeypatch):
    assert pairs(example_dataset)  # the example inbox holds a syndicated copy and a rewrite
    compared = pq.read_table(example_dataset / DRIFT_PAIRS_FILE).to_pylist()
    assert {(row["article_id"], row["origin_article_id"]) for row in compared} == pairs(example_dataset)
    before = drift_rows(example_dataset)
    calls = counting(monkeypatch)
    update_drift(example_dataset)
    assert calls == [] and drift_rows(example_dataset) == before


def test_a_step_killed_before_recording_its_pairs_leaves_the_table_of_a_clean_run(example_dataset, monkeypatch):
    before = drift_rows(example_dataset)
    assert before, "the example rewrite changes facts of its origin"
    (example_dataset / DRIFT_PAIRS_FILE).unlink()  # killed after writing drift, before the pairs
    calls = counting(monkeypatch)
    update_drift(example_dataset)
    assert len(calls) == len(pairs(example_dataset))
    assert drift_rows(example_dataset) == before  # compared again, old rows replaced, none twice


def test_from_scratch_equals_incremental(example_dataset):
    before = drift_rows(example_dataset)
    counts = update_drift(example_dataset, from_scratch=True)
    assert drift_rows(example_dataset) == before
    assert sum(counts.values()) == len(before)


def test_pairs_compared_on_worker_processes_give_the_same_table(example_dataset, monkeypatch):
    before = drift_rows(example_dataset)
    assert len(pairs(example_dataset)) >= 2
    monkeypatch.setattr(update, "PAIRS_AT_ONCE", 1)  # a group a pair
    monkeypatch.setattr(update, "POOL_FROM_PAIRS", 1)  # and a pool from two pairs
    counts = update_drift(example_dataset, from_scratch=True, workers=2)
    assert drift_rows(example_dataset) == before
    assert sum(counts.values()) == len(before)


def test_bodies_read_for_a_few_pairs_a_query_give_the_same_table(example_dataset, monkeypatch):
    """The pending pairs' bodies are read a group of pairs a query (at 100k articles every body in
    one query ran out of DuckDB's memory limit): one pair a query changes no row."""
    before = drift_rows(example_dataset)
    assert len(pairs(example_dataset)) >= 2
    queries: list[int] = []
    real = update.sql_text
    monkeypatch.setattr(update, "sql_text", lambda name: queries.append(name == "drift_pairs") or real(name))
    monkeypatch.setattr(update, "PAIRS_AT_ONCE", 1)
    monkeypatch.setattr(update, "BODIES_PER_QUERY", 1)  # every pair is longer: one pair a query
    update_drift(example_dataset, from_scratch=True)
    assert sum(queries) == len(pairs(example_dataset)) and drift_rows(example_dataset) == before


def test_a_few_pairs_are_compared_in_this_process(example_dataset, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("worker processes started for a few pairs")

    before = drift_rows(example_dataset)
    assert 2 <= len(pairs(example_dataset)) <= update.POOL_FROM_PAIRS
    monkeypatch.setattr(update, "PAIRS_AT_ONCE", 1)  # several groups, still a few pairs
    monkeypatch.setattr(update, "ProcessPoolExecutor", no_pool)
    update_drift(example_dataset, from_scratch=True, workers=2)
    assert drift_rows(example_dataset) == before


def test_the_run_report_lists_the_rewrites_that_changed_facts(example_dataset_once):
    """The example run's markdown artifact for the dashboard, read back through Prefect's API."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["ingest-drift"])))
    run_id = example_dataset_once.output.split("run ", 1)[1].split(":", 1)[0]
    reports = [str(artifact.data) for artifact in found if f"(run {run_id})" in str(artifact.data)]
    assert len(reports) == 1, "the example run published no drift report, or more than one"
    report = reports[0]
    assert "| changes | kinds |" in report
    changed = connect(example_dataset_once.path).execute(
        "SELECT count(DISTINCT article_id) FROM drift").fetchone()[0]
    assert changed >= 1 and report.count("\n| ") - 1 == changed  # one line per changed article (at most 10)


def test_the_drift_report_says_when_nothing_changed():
    from newsflow.tasks.pipeline.report import RunSummary, drift_markdown

    report = drift_markdown(RunSummary(run_id="r", data_dir="."), [])
    assert "no copy or rewrite of this run changed a fact" in report


def test_a_copy_with_its_origins_body_is_not_compared_and_changes_nothing(tmp_path, monkeypatch):
    """A republished copy, word for word, has no drift (find_drift finds none between equal
    bodies): the pair is recorded as checked without comparing it, and the table is the one
    comparing every pair gives."""
    from datetime import UTC, datetime
    from pathlib import Path

    from newsflow.tasks.core.schema import RawDocument
    from newsflow.tasks.link.update import update_links
    from newsflow.tasks.pipeline.batches import process_batch
    from newsflow.tasks.store.dataset import commit_batch

    wire = (Path(__file__).resolve().parents[1] / "examples" / "inbox" / "01-portal-wire-story.txt").read_bytes()
    changed = wire.replace(b"by 2031, the two governments said", b"by 2033, the governments said")
    assert changed != wire  # a word shorter: not the story's original (tasks/link/stories.py origin_key)
    copies = {"wire.txt": wire, "site-a/wire.txt": wire, "site-b/wire.txt": changed}
    raws = [RawDocument(f"file:///inbox/{name}", "file", "text/plain", data) for name, data in copies.items()]
    now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    data = tmp_path / "data"
    commit_batch(data, "run-00000", now.date(), process_batch(raws, "run", now, None).tables)
    update_links(data)
    assert len(pairs(data)) == 2  # the word-for-word copy and the changed one, each with the origin
    calls = counting(monkeypatch)
    update_drift(data)
    assert len(calls) == 1  # the changed copy only
    compared = pq.read_table(data / DRIFT_PAIRS_FILE).to_pylist()
    assert {(row["article_id"], row["origin_article_id"]) for row in compared} == pairs(data)
    skipped = drift_rows(data)
    changed_id = connect(data).execute("SELECT article_id FROM articles WHERE body LIKE '%2033%'").fetchone()[0]
    assert skipped and {row[0] for row in skipped} == {changed_id}  # 2031 -> 2033
    monkeypatch.setattr(update, "sql_text", lambda name, real=update.sql_text: real(name).replace(
        "WHERE copy.body IS DISTINCT FROM origin.body", "") if name == "drift_pairs" else real(name))
    update_drift(data, from_scratch=True)
    assert len(calls) == 3 and drift_rows(data) == skipped


def test_the_reports_wait_for_a_run_that_holds_the_data_folder(example_dataset):
    """The run's reports read stories and drift only when no other run is rewriting them."""
    import threading

    from newsflow.flows.artifacts import report_rows
    from newsflow.tasks.store.dataset import data_lock

    articles = [row[0] for row in connect(example_dataset).execute("SELECT article_id FROM articles").fetchall()]
    read: list[tuple] = []
    holding, release = threading.Event(), threading.Event()

    def other_run() -> None:
        with data_lock(example_dataset):
            holding.set()
            release.wait(30)

    writer = threading.Thread(target=other_run)
    writer.start()
    holding.wait(30)
    reader = threading.Thread(target=lambda: read.append(report_rows(example_dataset, articles)))
    reader.start()
    reader.join(0.5)
    assert reader.is_alive() and not read  # waiting for the lock
    release.set()
    reader.join(30)
    writer.join(30)
    stories, drift = read[0]
    assert stories and drift
