"""The ingest flow end to end on the example inbox and on bad inputs, through a Prefect test server."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from dataset_checks import lossless_violations, row_counts

from newsflow.flows.cli import main
from newsflow.tasks.store.dataset import connect

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "inbox"
QUERIES = sorted((Path(__file__).resolve().parents[1] / "sql" / "queries").glob("*.sql"))


@pytest.fixture(scope="module")
def example_dataset(prefect_server, tmp_path_factory):
    data = tmp_path_factory.mktemp("examples") / "data"
    assert main(["ingest", str(EXAMPLES), "--data", str(data)]) == 0
    return data


def test_example_inbox_is_ingested(example_dataset):
    db = connect(example_dataset)
    reasons = dict(db.execute("SELECT reason, count(*) FROM quarantine GROUP BY 1").fetchall())
    assert reasons == {"empty": 1, "binary": 1, "bad_json": 1, "missing_text": 1}
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 9
    titles = [t for (t,) in db.execute("SELECT title FROM articles ORDER BY doc_id, story_index").fetchall()]
    assert "Central Bank Holds Rates Steady as Inflation Cools" in titles
    assert "Wildfire Forces Evacuation of Mountain Villages in Northern Portugal" in titles


def test_example_inbox_is_lossless(example_dataset):
    assert lossless_violations(example_dataset) == []


def test_reingest_adds_no_row(example_dataset, capsys):
    before = row_counts(example_dataset)
    assert main(["ingest", str(EXAMPLES), "--data", str(example_dataset)]) == 0
    assert row_counts(example_dataset) == before
    assert "0 new documents" in capsys.readouterr().out


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_example_queries_run(example_dataset, query, capsys):
    assert main(["sql", str(query), "--data", str(example_dataset), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) >= 2, "every ready-made query has rows on the example inbox"  # a header alone is not an answer


def test_bad_inputs_become_quarantine_rows_or_documents(prefect_server, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inbox / "latin1.txt").write_bytes("Genève: la cité accueille des négociations très attendues.\n".encode("latin-1"))
    (inbox / "utf16.txt").write_bytes("Zürich: Der Stadtrat beschließt neue Velowege für die Stadt.\n".encode("utf-16"))
    (inbox / "broken.html").write_text("<html><body><p>Unclosed <b>bold <div>Firefighters battled a blaze in "
                                       "the old town on Sunday night, the fire service said, and no one was hurt."
                                       " Residents were allowed back by morning.<p>More details later")
    (inbox / "no-text.html").write_text("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")
    data = tmp_path / "data"
    assert main(["ingest", str(inbox), "--data", str(data)]) == 0
    db = connect(data)
    quarantined = dict(db.execute("SELECT regexp_extract(source_uri, '[^/]+$'), reason FROM quarantine").fetchall())
    assert quarantined == {"empty.txt": "empty", "binary.txt": "binary", "no-text.html": "no_text_extracted"}
    bodies = dict(db.execute("SELECT regexp_extract(d.source_uri, '[^/]+$'), a.body FROM articles a "
                             "JOIN documents d USING (doc_id)").fetchall())
    assert "Genève" in bodies["latin1.txt"] and "beschließt" in bodies["utf16.txt"]
    assert "Firefighters battled a blaze" in bodies["broken.html"]
    assert lossless_violations(data) == []


def test_a_folder_copy_is_new_documents_but_the_same_bodies(prefect_server, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        shutil.copy(EXAMPLES / "01-portal-wire-story.txt", folder)
    data = tmp_path / "data"
    assert main(["ingest", str(first), str(second), "--data", str(data)]) == 0
    hashes = connect(data).execute("SELECT count(*), count(DISTINCT body_sha256) FROM articles").fetchone()
    assert hashes == (2, 1)
