"""Ingesting a feed from the fake site through the CLI; a second run finds nothing changed."""

from __future__ import annotations

from dataset_checks import row_counts
from fakesite import fake_site

from newsflow.flows.cli import main
from newsflow.tasks.store.dataset import connect

IN_PROCESS = ("--workers", "0")  # the runner is not what this test is about; test_dask.py compares runners


def test_feed_ingest_and_unchanged_rerun(prefect_server, tmp_path, capsys):
    with fake_site() as site:
        feeds = tmp_path / "feeds.txt"
        feeds.write_text(f"{site.base}/feed.xml\n")
        data = tmp_path / "data"
        assert main(["ingest", "--allow-private-hosts", "--feeds", str(feeds), "--data", str(data), *IN_PROCESS]) == 0
        db = connect(data)
        titles = sorted(t for (t,) in db.execute("SELECT title FROM articles").fetchall())
        assert titles == ["Ferry strike called", "Tram line approved"]
        kinds = db.execute("SELECT DISTINCT source_kind FROM documents").fetchall()
        assert kinds == [("rss",)]
        assert sorted(r for (r,) in db.execute("SELECT reason FROM quarantine").fetchall()) == ["http_404", "robots_disallowed"]
        before = row_counts(data)
        capsys.readouterr()
        assert main(["ingest", "--allow-private-hosts", "--feeds", str(feeds), "--data", str(data), *IN_PROCESS]) == 0
        assert row_counts(data) == before
        assert "1 web pages or feeds unchanged" in capsys.readouterr().out
        assert site.hits["/feed.xml"] == 2 and site.hits["/news/tram"] == 1


def test_nothing_to_ingest_is_one_sentence(tmp_path, capsys):
    assert main(["ingest", "--allow-private-hosts", "--data", str(tmp_path)]) == 2
    assert capsys.readouterr().err == "newsflow: nothing to ingest: give a SOURCE, --urls FILE or --feeds FILE\n"


def test_a_successful_web_run_logs_no_error(prefect_server, tmp_path):
    """Every log line of a --urls and --feeds run, at INFO: no ERROR, no traceback. (Prefect logged a
    30-line HashError on every such run while it computed a cache key for a task whose input held
    the HTTP cache: the batch task has no cache key, flows/batch.py.)"""
    import os
    import subprocess
    import sys

    from test_faults import REPO

    with fake_site() as site:
        (tmp_path / "feeds.txt").write_text(f"{site.base}/feed.xml\n")
        (tmp_path / "urls.txt").write_text(f"{site.base}/news/tram\n")
        env = {**os.environ, "PREFECT_API_URL": prefect_server, "PREFECT_LOGGING_LEVEL": "INFO"}
        run = subprocess.run([sys.executable, "-m", "newsflow.flows.cli", "ingest", "--allow-private-hosts", "--feeds",
                              str(tmp_path / "feeds.txt"), "--urls", str(tmp_path / "urls.txt"), "--data",
                              str(tmp_path / "data"), *IN_PROCESS], cwd=REPO, env=env, capture_output=True, text=True,
                             timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Finished in state Completed" in run.stderr  # the log is there, at INFO
    assert [line for line in run.stderr.splitlines() if "ERROR" in line or "Traceback" in line] == []
