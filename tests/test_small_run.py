"""A small run (a few small files) processes its batch in the newsflow process, its stages loaded
while Prefect starts; anything larger, or fetched, goes to worker processes."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from newsflow.tasks.core.settings import SMALL_RUN_BYTES
from newsflow.tasks.pipeline import warmup
from newsflow.tasks.sources.files import small_run, walk

STORY = "Harbour bridge reopens\n\nThe harbour bridge reopened on Monday after three weeks of repairs.\n"


def inbox(tmp_path, files: int):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for number in range(files):
        (folder / f"story-{number}.txt").write_text(STORY)
    (folder / ".hidden.txt").write_text(STORY)  # skipped: not an input
    return folder


def test_at_most_a_batch_of_files_of_at_most_small_run_bytes_is_small(tmp_path):
    entries = list(walk([inbox(tmp_path, 3)]))
    assert small_run(entries, batch_size=3) and not small_run(entries, batch_size=2)
    with (tmp_path / "inbox" / "archive.warc").open("wb") as big:  # one file, but many documents' bytes
        big.truncate(SMALL_RUN_BYTES)
    assert not small_run(list(walk([tmp_path / "inbox"])), batch_size=100)


def test_a_small_run_is_known_before_the_flow_walks_and_the_walk_stops_past_a_batch(tmp_path, monkeypatch):
    folder = str(inbox(tmp_path, 3))
    assert warmup.known_small_run([folder], from_web=False, batch_size=100)
    assert not warmup.known_small_run([folder], from_web=False, batch_size=2)
    assert not warmup.known_small_run([folder], from_web=True, batch_size=100)  # a URL list gives what it fetches
    walked = []
    monkeypatch.setattr(warmup, "walk", lambda sources: (walked.append(entry) or entry for entry in walk(sources)))
    (tmp_path / "big").mkdir()
    assert not warmup.known_small_run([str(inbox(tmp_path / "big", 50))], from_web=False, batch_size=5)
    assert len(walked) <= 7  # the first file past the batch (and the hidden one, skipped) ends it


def test_the_warm_up_runs_every_stage_on_its_page_on_a_thread(monkeypatch):
    from newsflow.tasks.pipeline import batches

    processed = []

    def process_batch(raws, *args, **kwargs):
        processed.append(threading.current_thread().name)
        return real_process_batch(raws, *args, **kwargs)

    real_process_batch = batches.process_batch
    monkeypatch.setattr(batches, "process_batch", process_batch)
    warmup.warm_up_on_a_thread("xx_model_not_installed")  # a failure is the first batch's to report
    warmup.warm_up_on_a_thread(None)
    for thread in threading.enumerate():
        if thread.name == "newsflow-warm-up":
            thread.join(60)
    assert processed == ["newsflow-warm-up", "newsflow-warm-up"]
    result = real_process_batch([warmup.WARM_UP_PAGE], "warm-up", datetime.now(UTC), None, reuse=False)
    (article,) = result.tables["articles"].to_pylist()
    assert article["title"] == "Harbour bridge reopens after repairs" and article["authors"] == ["Jane Walker"]
    assert article["captions"] and result.tables["quarantine"].num_rows == 0  # every stage had work
