"""Faults: retried batches, a failed batch that costs only itself, kill -9, two runs at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from dataset_checks import row_counts

from newsflow.flows.cli import main
from newsflow.tasks.pipeline import batches
from newsflow.tasks.store.dataset import STAGING, connect, part_files

REPO = Path(__file__).resolve().parents[1]
PARAGRAPH = ("Officials in {city} said on Monday that the new tram line would open in {year}, after a decade of "
             "delays, and that tickets would cost the same as on the city's buses for the first year of service.")


# The batches run in this process (threads), where the monkeypatched stage is the one they call.
IN_PROCESS = ("--batch-size", "3", "--workers", "0")


def make_inbox(folder: Path, count: int, poison: set[int] = frozenset()) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = "\n\n".join(PARAGRAPH.format(city=f"City{i}", year=2030 + j) for j in range(3))
        if i in poison:
            text = "POISON " + text  # the batch holding it fails in the test below
        (folder / f"story-{i:04d}.txt").write_text(f"Tram line {i} approved\n\n{text}\n")
    return folder


def test_a_batch_that_fails_once_is_retried(prefect_server, tmp_path, monkeypatch):
    real, failed = batches.segment_batch, []

    def flaky(batch, *rest):
        if not failed:
            failed.append(True)
            raise RuntimeError("a worker lost its connection")
        return real(batch, *rest)

    monkeypatch.setattr(batches, "segment_batch", flaky)
    data = tmp_path / "data"
    assert main(["ingest", str(make_inbox(tmp_path / "in", 6)), "--data", str(data), *IN_PROCESS]) == 0
    assert failed and row_counts(data)["documents"] == 6


def test_a_failed_batch_is_run_input_by_input_and_costs_only_its_poisoned_input(prefect_server, tmp_path,
                                                                              monkeypatch, capsys):
    real = poison_segmenting(monkeypatch)
    inbox, data = make_inbox(tmp_path / "in", 9, poison={4}), tmp_path / "data"
    assert main(["ingest", str(inbox), "--data", str(data), *IN_PROCESS]) == 0
    assert "8 new documents" in capsys.readouterr().out
    assert row_counts(data)["documents"] == 8
    (reason, detail, uri), = connect(data).execute("SELECT reason, detail, source_uri FROM quarantine").fetchall()
    assert (reason, uri.rsplit("/", 1)[-1]) == ("worker_failed", "story-0004.txt")
    assert "RuntimeError: this batch always fails" in detail
    # A worker's failure is a passing cause: once the stage is mended, the next run takes the input.
    monkeypatch.setattr(batches, "segment_batch", real)
    assert main(["ingest", str(inbox), "--data", str(data), *IN_PROCESS]) == 0
    assert row_counts(data)["documents"] == 9


def test_a_direct_caller_gets_the_counts_of_a_run_with_a_poisoned_input(prefect_server, tmp_path, monkeypatch):
    from newsflow.flows.ingest import ingest_flow

    poison_segmenting(monkeypatch)
    inbox = make_inbox(tmp_path / "in", 6, poison={1})
    summary = ingest_flow(sources=[str(inbox)], data_dir=str(tmp_path / "data"), batch_size=3, workers=0, link=False)
    assert summary.documents == 5 and summary.quarantined == {"worker_failed": 1}


def poison_segmenting(monkeypatch):
    """Make every batch holding a POISON document fail; returns the real stage."""
    real = batches.segment_batch

    def poisoned(batch, *rest):
        if any("POISON" in doc.raw_text for doc in batch.documents):
            raise RuntimeError("this batch always fails")
        return real(batch, *rest)

    monkeypatch.setattr(batches, "segment_batch", poisoned)
    return real


def ingest_command(inbox: Path, data: Path, home: Path) -> list[str]:
    return [sys.executable, "-m", "newsflow.flows.cli", "ingest", str(inbox), "--data", str(data), "--batch-size", "5", "--no-link"]


def child_env(home: Path) -> dict[str, str]:
    # Two temporary servers starting at once on two cores can take longer than Prefect's 20 s.
    return {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PYTHONPATH": str(REPO), "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180"}


def finish(run: subprocess.Popen, seconds: float) -> tuple[str, str]:
    """A run's output once it ends; if it outlives `seconds`, its whole process group is
    killed, so its worker processes do not outlive the test."""
    try:
        return run.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        run.communicate()
        raise


def ingest(inbox: Path, data: Path, home: Path) -> subprocess.Popen:
    """`newsflow ingest` started in a session of its own, output captured."""
    return subprocess.Popen(ingest_command(inbox, data, home), cwd=REPO, env=child_env(home), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def assert_each_input_once(data: Path, inputs: int) -> None:
    for path in [p for table in ("documents", "articles", "spans") for p in part_files(data, table)]:
        pq.read_metadata(path)  # every visible file is whole
    db = connect(data)
    assert db.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone() == (inputs, inputs)
    assert db.execute("SELECT count(*) = count(DISTINCT article_id) FROM articles").fetchone() == (True,)


@pytest.mark.slow
def test_kill_9_mid_run_then_rerun_ingests_everything_once(tmp_path):
    inbox, data, home = make_inbox(tmp_path / "in", 200), tmp_path / "data", tmp_path / "home"
    run = subprocess.Popen(ingest_command(inbox, data, home), cwd=REPO, env=child_env(home),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(part_files(data, "documents")) < 3 and run.poll() is None:
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    assert len(part_files(data, "documents")) < 40, "the run finished before it could be killed"
    rerun = ingest(inbox, data, home)
    _, err = finish(rerun, 300)
    assert rerun.returncode == 0, err[-2000:]
    assert_each_input_once(data, 200)
    assert not list((data / STAGING).glob("*"))


@pytest.mark.slow
def test_two_runs_at_once_on_one_data_folder(tmp_path):
    inbox, data = make_inbox(tmp_path / "in", 60), tmp_path / "data"
    runs = [ingest(inbox, data, tmp_path / f"home{i}") for i in range(2)]
    for run in runs:
        _, err = finish(run, 300)
        assert run.returncode == 0, err[-2000:]
    assert_each_input_once(data, 60)
