import json
from datetime import UTC, date, datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsflow.tasks.core.schema import ARTICLES, DOCUMENTS, LINKS, QUARANTINE, SPANS, to_table
from newsflow.tasks.store.dataset import (
    COMMIT_MARKER,
    STAGING,
    KnownKeys,
    commit_batch,
    connect,
    data_lock,
    part_files,
    read_lock,
    recover,
    without_known,
    write_derived,
)

NOW = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)


def batch_tables(*doc_ids, quarantined=()):
    docs = [{"doc_id": d, "source_uri": f"/in/{d}.txt", "raw_text": "text", "n_articles": 1,
             "run_id": "r1", "ingested_at": NOW} for d in doc_ids]
    articles = [{"article_id": f"{d}-0", "doc_id": d, "story_index": 0, "body": "text"} for d in doc_ids]
    spans = [{"doc_id": d, "article_id": f"{d}-0", "start": 0, "end": 4, "kind": "body", "text": "text"} for d in doc_ids]
    quarantine = [{"source_uri": uri, "reason": "empty", "detail": "", "size_bytes": 0, "content_sha256": "e3b0"}
                  for uri in quarantined]
    return {
        "documents": to_table(docs, DOCUMENTS),
        "articles": to_table(articles, ARTICLES),
        "spans": to_table(spans, SPANS),
        "quarantine": to_table(quarantine, QUARANTINE),
    }


def test_commit_places_files_by_table_and_ingest_date(tmp_path):
    counts = commit_batch(tmp_path, "r1-00000", date(2030, 1, 2), batch_tables("d1", "d2"))
    assert counts == {"documents": 2, "articles": 2, "spans": 2}
    assert [p.relative_to(tmp_path).as_posix() for p in part_files(tmp_path, "articles")] == [
        "articles/ingest_date=2030-01-02/r1-00000.parquet"
    ]
    assert not list((tmp_path / STAGING).glob("*"))
    assert pq.read_metadata(part_files(tmp_path, "documents")[0]).row_group(0).column(0).compression == "ZSTD"


def test_recover_finishes_committed_and_discards_uncommitted_batches(tmp_path):
    committed = tmp_path / STAGING / "r1-00001"
    committed.mkdir(parents=True)
    pq.write_table(batch_tables("d9")["documents"], committed / "documents.parquet")
    (committed / COMMIT_MARKER).write_text(json.dumps(
        {"place": {"documents": "documents/ingest_date=2030-01-02/r1-00001.parquet"}, "remove": []}))
    torn = tmp_path / STAGING / "r1-00002"
    torn.mkdir()
    (torn / "documents.parquet").write_bytes(b"PAR1 half a file")
    assert recover(tmp_path) == 1
    assert [p.name for p in part_files(tmp_path, "documents")] == ["r1-00001.parquet"]
    assert not list((tmp_path / STAGING).iterdir())


def test_known_rows_are_dropped_from_a_batch(tmp_path):
    commit_batch(tmp_path, "r1-00000", date(2030, 1, 2), batch_tables("d1", quarantined=["/in/empty.txt"]))
    known = KnownKeys(tmp_path)
    known.refresh()
    tables = without_known(batch_tables("d1", "d2", quarantined=["/in/empty.txt", "/in/other.txt"]), known)
    assert tables["documents"].column("doc_id").to_pylist() == ["d2"]
    assert tables["articles"].column("article_id").to_pylist() == ["d2-0"]
    assert tables["spans"].column("doc_id").to_pylist() == ["d2"]
    assert tables["quarantine"].column("source_uri").to_pylist() == ["/in/other.txt"]


def test_views_exist_for_every_table_even_when_empty(tmp_path):
    commit_batch(tmp_path, "r1-00000", date(2030, 1, 2), batch_tables("d1", "d2"))
    write_derived(tmp_path, "links", pa.table({"article_id": ["d1-0"], "other_article_id": ["d2-0"],
                                               "relation": ["near_duplicate"], "score": [0.9]}, schema=LINKS))
    db = connect(tmp_path)
    assert db.execute("SELECT count(*), min(ingest_date) FROM articles").fetchone() == (2, date(2030, 1, 2))
    assert db.execute("SELECT relation FROM links").fetchall() == [("near_duplicate",)]
    assert db.execute("SELECT count(*) FROM entities").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM stories").fetchone() == (0,)
    columns = [row[0] for row in db.execute("DESCRIBE quarantine").fetchall()]
    assert columns[:2] == ["source_uri", "reason"] and "ingest_date" in columns


def test_a_derived_table_written_from_pieces_that_fail_midway_leaves_the_old_file_whole(tmp_path):
    from newsflow.tasks.store.dataset import write_derived

    def piece(pair):
        return pa.table({"article_id": [pair[0]], "other_article_id": [pair[1]], "relation": ["same_story"],
                         "score": [0.5]})

    path = write_derived(tmp_path, "links", piece("ab"))
    assert write_derived(tmp_path, "links", (piece(p) for p in ("ab", "bc"))) == path
    assert pq.read_table(path).cast(LINKS)["other_article_id"].to_pylist() == ["b", "c"]

    def dying():
        yield piece("cd")
        raise RuntimeError("the link step died")

    with pytest.raises(RuntimeError):
        write_derived(tmp_path, "links", dying())
    assert pq.read_table(path)["article_id"].to_pylist() == ["a", "b"]
    assert [p.name for p in path.parent.iterdir()] == ["links.parquet"]


def test_readers_share_the_data_folder_and_a_writer_waits_for_them(tmp_path):
    """`read_lock` holders read side by side; `data_lock` (a commit, a merge) waits until the
    last of them is done, and a reader that comes while it changes the folder waits for it."""
    import threading

    events: list[str] = []
    first_reading, second_reading, writing = threading.Event(), threading.Event(), threading.Event()

    def reader(holding: threading.Event, name: str) -> None:
        with read_lock(tmp_path):
            holding.set()
            (second_reading if name == "first" else first_reading).wait(10)  # both inside at once
            events.append(f"{name} read")

    def writer() -> None:
        first_reading.wait(10)
        with data_lock(tmp_path):
            writing.set()
            events.append("written")

    threads = [threading.Thread(target=reader, args=(first_reading, "first")),
               threading.Thread(target=reader, args=(second_reading, "second")), threading.Thread(target=writer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert sorted(events[:2]) == ["first read", "second read"] and events[2] == "written"

    late: list[str] = []

    def late_read() -> None:
        with read_lock(tmp_path):
            late.append("read")

    with data_lock(tmp_path):
        late_reader = threading.Thread(target=late_read)
        late_reader.start()
        late_reader.join(0.5)
        assert late_reader.is_alive() and not late  # waits for the change to end
    late_reader.join(10)
    assert late == ["read"]
