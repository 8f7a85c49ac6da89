"""Exactly once through the flow: overlapping sources, settled quarantine, a run's deadline."""

from __future__ import annotations

from pathlib import Path

from dataset_checks import row_counts

from newsflow.flows.cli import main
from newsflow.tasks.store.dataset import connect

IN_PROCESS = ("--workers", "0", "--batch-size", "2")
STORY = ("Officials in {city} said on Monday that the new tram line would open next year, after a decade of delays, "
         "and that tickets would cost the same as on the city's buses for the first year of service.")


def inbox(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True)
    for i in range(count):
        (folder / f"{i:02d}.txt").write_text(f"Tram line {i} approved\n\n{STORY.format(city=f'City{i}')}\n")
    return folder


def test_overlapping_sources_give_each_input_once_and_no_self_link(prefect_server, tmp_path, capsys):
    good, data = inbox(tmp_path / "good", 3), tmp_path / "data"
    assert main(["ingest", str(good), str(good / "01.txt"), str(good), "--data", str(data), *IN_PROCESS]) == 0
    out = capsys.readouterr().out
    assert "3 inputs, 3 new documents" in out and "folder_already_read 1" in out and "file_reached_twice 1" in out
    db = connect(data)
    assert db.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone() == (3, 3)
    assert db.execute("SELECT count(*) FROM links WHERE article_id = other_article_id").fetchone() == (0,)


def test_inputs_quarantined_for_their_bytes_are_not_processed_again(prefect_server, tmp_path, capsys):
    folder, data = inbox(tmp_path / "in", 1), tmp_path / "data"
    (folder / "empty.html").write_text("<html><head><title>Home</title></head><body><div></div></body></html>")
    (folder / "noise.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    assert main(["ingest", str(folder), "--data", str(data), *IN_PROCESS]) == 0
    reasons = sorted(r for (r,) in connect(data).execute("SELECT reason FROM quarantine").fetchall())
    assert reasons == ["binary", "no_text_extracted"]
    capsys.readouterr()
    assert main(["ingest", str(folder), "--data", str(data), *IN_PROCESS]) == 0
    assert "(3 inputs already ingested)" in capsys.readouterr().out and row_counts(data)["quarantine"] == 2
    assert main(["ingest", str(folder), "--data", str(data), "--retry-quarantined", *IN_PROCESS]) == 0
    # Tried again (only the document counts as already ingested), failed the same way, recorded once.
    assert "(1 inputs already ingested)" in capsys.readouterr().out
    assert row_counts(data)["quarantine"] == 2


def test_a_run_past_its_deadline_stops_and_the_next_run_goes_on(prefect_server, tmp_path, capsys):
    folder, data = inbox(tmp_path / "in", 8), tmp_path / "data"
    assert main(["ingest", str(folder), "--data", str(data), "--deadline", "0", *IN_PROCESS]) == 0
    out = capsys.readouterr().out
    assert "STOPPED early (its deadline of 0 minutes passed)" in out
    assert row_counts(data)["documents"] < 8
    assert main(["ingest", str(folder), "--data", str(data), *IN_PROCESS]) == 0
    assert row_counts(data)["documents"] == 8


def test_a_scheduled_run_over_a_missing_inbox_or_feeds_file_completes_with_a_warning(prefect_server, tmp_path):
    from newsflow.flows.ingest import ingest_flow

    data = tmp_path / "data"
    summary = ingest_flow(sources=[str(tmp_path / "inbox")], feeds_file=str(tmp_path / "feeds.txt"),
                          data_dir=str(data), workers=0)
    assert summary.warnings == [f"{tmp_path / 'inbox'} does not exist: nothing was read there",
                                f"{tmp_path / 'feeds.txt'} does not exist: nothing was read there"]
    assert summary.inputs == 0 and row_counts(data)["quarantine"] == 0
    assert "WARNING: " in summary.as_text() and "query it: newsflow sql" in summary.as_text()
