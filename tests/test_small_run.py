"""A small run (a few small files) processes its batch in the newsflow process, its stages loaded
while Prefect starts; anything larger, or fetched, goes to worker processes."""

from __future__ import annotations

import threading

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


def test_a_small_run_loads_its_stages_on_a_thread_and_a_large_or_fetched_one_does_not(tmp_path, monkeypatch):
    loaded = []
    monkeypatch.setattr(warmup, "_load_stages", lambda model: loaded.append((model, threading.current_thread().name)))
    folder = str(inbox(tmp_path, 3))
    warmup.warm_up_small_run([folder], from_web=True, batch_size=100, spacy_model=None)
    warmup.warm_up_small_run([folder], from_web=False, batch_size=2, spacy_model=None)
    assert loaded == []
    warmup.warm_up_small_run([folder], from_web=False, batch_size=100, spacy_model="xx_model")
    for thread in threading.enumerate():
        if thread.name == "newsflow-warm-up":
            thread.join(10)
    assert loaded == [("xx_model", "newsflow-warm-up")]
