"""A run outside its batches (tasks/pipeline/run.py, inputs.py): inputs walked once and counted,
missing sources as warnings, batches cut at the deadline, commits counted, the HTTP cache saved
last. Plain functions: no Prefect."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from newsflow.tasks.core.ids import document_id, sha256_hex
from newsflow.tasks.core.schema import Quarantine, RawDocument
from newsflow.tasks.pipeline import inputs as inputs_module
from newsflow.tasks.pipeline.batches import process_batch
from newsflow.tasks.pipeline.run import HTTP_CACHE, IngestRun, new_run_id
from newsflow.tasks.sources.web import FetchOptions

STORY = "Harbour bridge reopens\n\n" + "The harbour bridge reopened on Monday after three weeks of repairs. " * 6


def make_inbox(tmp_path, files: int):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for number in range(files):
        (inbox / f"story-{number}.txt").write_text(STORY.replace("Monday", f"day {number}"))
    (inbox / ".hidden.txt").write_text(STORY)  # skipped: not counted in the progress total
    return inbox


def test_the_inputs_are_walked_once_and_counted_before_any_is_read(tmp_path, monkeypatch):
    inbox = make_inbox(tmp_path, 3)
    walks = []
    real_walk = inputs_module.walk
    monkeypatch.setattr(inputs_module, "walk", lambda sources: walks.append(1) or real_walk(sources))
    run = IngestRun.open(tmp_path / "data")
    inputs = run.inputs([str(inbox)], None, None, FetchOptions())
    assert inputs.files == 3
    read = list(inputs.admitted(run.known, retry_quarantined=False))
    inputs.close()
    assert len(read) == 3 and walks == [1]
    assert run.summary.files_read == 3 and run.summary.skipped["hidden"] == 1


def test_missing_sources_are_warnings_and_the_rest_is_read(tmp_path):
    inbox = make_inbox(tmp_path, 1)
    run = IngestRun.open(tmp_path / "data")
    inputs = run.inputs([str(tmp_path / "absent"), str(inbox)], str(tmp_path / "urls.txt"), None, None)
    assert len(list(inputs.admitted(run.known, retry_quarantined=False))) == 1
    assert run.summary.warnings == [f"{tmp_path / 'absent'} does not exist: nothing was read there",
                                    f"{tmp_path / 'urls.txt'} does not exist: nothing was read there"]


def test_no_batch_starts_after_the_deadline(tmp_path):
    run = IngestRun.open(tmp_path / "data")
    pages = [RawDocument(f"/in/{n}.txt", "file", "text/plain", b"text") for n in range(5)]
    assert [name for name, _ in run.batches(pages, size=2)] == [f"{run.summary.run_id}-{n:05d}" for n in range(3)]
    assert run.summary.stopped is None
    assert list(run.batches(pages, size=2, deadline_minutes=0)) == []
    assert run.summary.stopped == "its deadline of 0 minutes passed"


def test_a_committed_batch_is_counted_and_known_to_the_next_run(tmp_path):
    run = IngestRun.open(tmp_path / "data")
    raws = [RawDocument("/in/bridge.txt", "file", "text/plain", STORY.encode())]
    processed = process_batch(raws, run.summary.run_id, run.ingested_at, None)
    run.commit("batch-0", processed.tables, processed.seconds)
    assert (run.summary.documents, run.summary.articles, run.summary.batches) == (1, 1, 1)
    again = IngestRun.open(tmp_path / "data")
    assert again.known.doc_ids == {document_id(raws[0].source_uri, sha256_hex(raws[0].data))}


def test_an_input_that_fails_alone_is_quarantined_and_retried_next_run(tmp_path):
    run = IngestRun.open(tmp_path / "data")
    raw = RawDocument("https://news.example/a", "url", "text/html", b"<html>page</html>")
    run.commit_failure("batch-0-000", raw, MemoryError("worker killed"))
    assert run.summary.quarantined == {"worker_failed": 1}
    assert run.retry_next_run == {"https://news.example/a"}


def test_the_http_cache_is_saved_only_when_the_run_finishes_and_forgets_what_to_refetch(tmp_path):
    run = IngestRun.open(tmp_path / "data")
    run.cache.remember("https://news.example/a", '"v1"', None)
    run.cache.remember("https://news.example/b", '"v2"', None)
    assert not (tmp_path / "data" / HTTP_CACHE).exists()
    run.retry_next_run.add("https://news.example/a")
    summary = run.finish()
    assert summary is run.summary
    saved = json.loads((tmp_path / "data" / HTTP_CACHE).read_text())
    assert "https://news.example/b" in json.dumps(saved) and "https://news.example/a" not in json.dumps(saved)


def test_a_run_id_sorts_by_time_and_is_unique_to_the_microsecond():
    first = new_run_id(datetime(2026, 3, 1, 9, 5, 7, 42, tzinfo=UTC))
    assert first == "20260301T090507-000042"
    assert first < new_run_id(datetime(2026, 3, 1, 9, 5, 7, 43, tzinfo=UTC))


def test_a_reader_quarantine_row_that_fails_alone_is_kept_as_it_is(tmp_path):
    run = IngestRun.open(tmp_path / "data")
    row = Quarantine("/in/x.bin", "binary", "not text", 10, None)
    run.commit_failure("batch-1-000", row, RuntimeError("unused"))
    assert run.summary.quarantined == {"binary": 1} and run.retry_next_run == set()
    assert IngestRun.open(tmp_path / "data").known.quarantine_keys  # settled: not read again
