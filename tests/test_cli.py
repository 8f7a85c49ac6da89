"""The CLI's edges: help for every command, one-sentence errors, output formats."""

import json
import os
from datetime import date
from pathlib import Path

import pytest

from newsflow.flows.cli import build_parser, main
from newsflow.tasks.core.schema import ARTICLES, to_table
from newsflow.tasks.store.compact import merge_part_files
from newsflow.tasks.store.dataset import commit_batch, data_lock

REPO = Path(__file__).resolve().parents[1]
COMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert "usage: newsflow " + command in capsys.readouterr().out


def test_ingest_of_a_missing_source_is_one_sentence(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "nope"), "--data", str(tmp_path / "d")]) == 2
    assert capsys.readouterr().err == f"newsflow: no such source: {tmp_path / 'nope'} (give existing files or folders)\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_ingest_into_an_unwritable_data_folder_is_one_sentence(tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    (tmp_path / "a.txt").write_text("text")
    assert main(["ingest", str(tmp_path / "a.txt"), "--data", str(locked / "data")]) == 2
    assert "is not writable" in capsys.readouterr().err


def test_ingest_into_a_data_path_that_is_a_file_is_one_sentence(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("text")
    (tmp_path / "data").write_text("I am a file")
    assert main(["ingest", str(tmp_path / "a.txt"), "--data", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"newsflow: the data folder {tmp_path / 'data'} is not writable") and err.count("\n") == 1


@pytest.fixture()
def small_dataset(tmp_path):
    rows = [{"article_id": "a-0", "doc_id": "a", "story_index": 0, "body": "x", "agency": "AP"},
            {"article_id": "b-0", "doc_id": "b", "story_index": 0, "body": "y", "agency": None}]
    commit_batch(tmp_path, "r-00000", date(2030, 1, 2), {"articles": to_table(rows, ARTICLES)})
    return tmp_path


def test_sql_formats(small_dataset, capsys):
    query = "SELECT article_id, agency FROM articles ORDER BY 1"
    assert main(["sql", query, "--data", str(small_dataset), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"article_id": "a-0", "agency": "AP"}, {"article_id": "b-0", "agency": None}]
    assert main(["sql", query, "--data", str(small_dataset), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["article_id,agency", "a-0,AP", "b-0,"]
    assert main(["sql", query, "--data", str(small_dataset)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "article_id  agency", "----------  ------", "a-0         AP", "b-0", "(2 rows)"
    ]


QUERIES_DURING_A_RUN = 21  # as many as a quiet machine made in the 6 s this test ran before


def test_sql_reads_whole_batches_once_while_a_run_commits_and_merges(tmp_path, capsys):
    """A query during an ingest: batches committed and merged under it. Without the shared lock,
    some queries failed on a part file merged away between their listing and their reading
    (a few in a hundred); with it, each sees every committed batch once and whole."""
    import threading
    import time

    def batch(number: int):
        rows = [{"article_id": f"{number}-{k}", "doc_id": f"{number}", "story_index": k, "body": "x" * 100}
                for k in range(100)]
        return {"articles": to_table(rows, ARTICLES)}

    commit_batch(tmp_path, "r-00000", date(2030, 1, 2), batch(0))
    running = True

    def run() -> None:
        number = 1
        while running:
            with data_lock(tmp_path):
                commit_batch(tmp_path, f"r-{number:05d}", date(2030, 1, 2), batch(number))
            number += 1
            if number % 3 == 0:
                merge_part_files(tmp_path)

    writer = threading.Thread(target=run)
    writer.start()
    answers = []
    try:
        # A number of queries, not a time: on a loaded machine (a parallel suite) 6 s held only 20.
        deadline = time.monotonic() + 120
        while len(answers) < QUERIES_DURING_A_RUN and time.monotonic() < deadline:
            code = main(["sql", "SELECT count(*) - count(DISTINCT article_id), count(*) % 100 FROM articles",
                         "--data", str(tmp_path), "--format", "csv"])
            answers.append((code, capsys.readouterr().out.splitlines()[1:]))
    finally:
        running = False
        writer.join(30)
    assert len(answers) == QUERIES_DURING_A_RUN
    assert all(answer == (0, ["0,0"]) for answer in answers), [a for a in answers if a != (0, ["0,0"])][:3]


def test_sql_runs_a_query_file(small_dataset, capsys):
    query = REPO / "sql" / "queries" / "articles_by_agency.sql"
    assert main(["sql", str(query), "--data", str(small_dataset), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == ["(none),1,0,1", "AP,1,0,1"]


def test_a_ready_made_query_is_found_from_any_folder(small_dataset, tmp_path, monkeypatch, capsys):
    """As an installed wheel runs it: no sql/ folder where the user is."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["sql", "sql/queries/articles_by_agency.sql", "--data", str(small_dataset), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == ["(none),1,0,1", "AP,1,0,1"]
    assert main(["sql", "sql/queries/no_such_query.sql", "--data", str(small_dataset)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsflow: no such query file: sql/queries/no_such_query.sql") and "story_clusters.sql" in err


def test_sql_errors_are_one_sentence(small_dataset, tmp_path, capsys):
    assert main(["sql", "SELECT nope FROM articles", "--data", str(small_dataset)]) == 2
    assert capsys.readouterr().err.startswith("newsflow: the query failed: Binder Error")
    assert main(["sql", "SELECT 1", "--data", str(tmp_path / "missing")]) == 2
    assert "no dataset at" in capsys.readouterr().err


def test_progress_bar_follows_the_flows_progress_records():
    import logging

    from newsflow.flows.cli import _ProgressHandler

    seen = []
    now = iter([100.0, 104.0, 110.0])
    handler = _ProgressHandler(lambda done, total, counts: seen.append((done, total, counts)), clock=lambda: next(now))
    logger = logging.getLogger("newsflow.progress")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        logger.info("%d of %d inputs done", 0, 100, extra={"done": 0, "total": 100})  # the run starts: t=100
        logger.info("%d of %d inputs done", 8, 100, extra={"done": 8, "total": 100})
        logger.info("no numbers here")
        logger.info("%d inputs done", 30, extra={"done": 30, "total": None})
    finally:
        logger.removeHandler(handler)
    assert seen == [(0, 100, "0 of 100 inputs, 0.0/s"), (8, 100, "8 of 100 inputs, 2.0/s, 0:00:46 left"),
                    (30, None, "30 inputs, 3.0/s")]


def test_progress_counts_say_the_time_left_only_when_the_total_is_known():
    from newsflow.flows.cli import progress_counts

    assert progress_counts(0, 10, 0.0) == "0 of 10 inputs, 0.0/s"
    assert progress_counts(10, 10, 5.0) == "10 of 10 inputs, 2.0/s"
    assert progress_counts(1, 7201, 1.0) == "1 of 7201 inputs, 1.0/s, 2:00:00 left"
    assert progress_counts(500, None, 10.0) == "500 inputs, 50.0/s"


@pytest.mark.slow
def test_the_progress_bar_in_a_terminal_counts_inputs_and_nothing_is_printed_over_it(prefect_server, tmp_path):
    """As a user sees it: the CLI in a terminal (a pseudo-terminal here) over the example inbox,
    whose JSONL file holds 4 records: 13 inputs from 10 files."""
    import pty
    import subprocess
    import sys

    master, terminal = pty.openpty()
    env = {**os.environ, "PREFECT_API_URL": prefect_server, "COLUMNS": "160", "TERM": "xterm"}
    run = subprocess.Popen([sys.executable, "-m", "newsflow.flows.cli", "ingest", str(REPO / "examples" / "inbox"),
                            "--data", str(tmp_path / "data"), "--workers", "0"], cwd=REPO, env=env,
                           stdin=terminal, stdout=terminal, stderr=terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal is closed once the run has exited
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert run.wait(60) == 0
    text = shown.decode(errors="replace")
    assert "13 inputs, " in text and "/s" in text
    assert "of 10" not in text  # the files are not what is counted
    assert "INFO" not in text and "newsflow.progress" not in text
    assert text.rstrip().splitlines()[-1].startswith('query it: newsflow sql "SELECT')


@pytest.mark.parametrize("statement", [
    "COPY (SELECT 'x' AS junk) TO '{data}/documents/ingest_date=2030-01-02/compact-x.parquet'",
    "ATTACH '{data}/new.duckdb' AS other",
    "INSTALL httpfs",
    "LOAD httpfs",
    "CREATE TABLE junk AS SELECT 1",
    "INSERT INTO articles SELECT * FROM articles",
    "EXPORT DATABASE '{data}/export'",
    "SET memory_limit = '100GB'",
    "PRAGMA enable_profiling",
    "SELECT 1; COPY (SELECT 1) TO '{data}/x.csv'",
])
def test_sql_refuses_what_is_not_a_query_and_writes_nothing(small_dataset, capsys, statement):
    before = sorted(p.relative_to(small_dataset) for p in small_dataset.rglob("*") if "_state" not in p.parts)
    assert main(["sql", statement.format(data=small_dataset), "--data", str(small_dataset)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsflow: `newsflow sql` runs queries only") and err.count("\n") == 1
    assert sorted(p.relative_to(small_dataset) for p in small_dataset.rglob("*") if "_state" not in p.parts) == before


def test_sql_shows_the_result_of_every_statement(small_dataset, capsys):
    query = "SELECT count(*) AS n FROM articles; WITH a AS (SELECT agency FROM articles) SELECT * FROM a ORDER BY 1"
    assert main(["sql", query, "--data", str(small_dataset), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "2", "", "agency", "AP", '""']  # csv quotes a lone NULL


def test_sql_errors_keep_duckdbs_whole_message(small_dataset, capsys):
    assert main(["sql", "SELECT agnecy FROM articles", "--data", str(small_dataset)]) == 2
    err = capsys.readouterr().err
    assert "agnecy" in err and "Candidate bindings" in err and "LINE 1" in err  # the hints, not only line one


def test_a_url_list_that_is_not_a_regular_file_is_one_sentence(tmp_path, capsys):
    fifo = tmp_path / "urls.fifo"
    os.mkfifo(fifo)
    assert main(["ingest", "--urls", str(fifo), "--data", str(tmp_path / "d")]) == 2
    assert capsys.readouterr().err == f"newsflow: {fifo} is not a regular file; give a text file of URLs, one a line\n"


def test_version(capsys):
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out == f"newsflow {version('newsflow')}\n"


