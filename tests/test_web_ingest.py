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
