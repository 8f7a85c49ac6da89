"""Each distinct text enriched once (tasks/pipeline/reuse.py): a copy of a body enriched before,
in the same batch, an earlier batch of the same worker or the dataset, takes its language,
keywords, entities and signature; and the tables are the same as when every copy is enriched."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_dask import snapshot

from newsflow.tasks.core.ids import body_digest, body_sha256
from newsflow.tasks.core.schema import RawDocument, TextFacts
from newsflow.tasks.pipeline import batches, reuse
from newsflow.tasks.pipeline.batches import process_batch
from newsflow.tasks.pipeline.reuse import facts_of, process_cache, segment_cache, segmented_once
from newsflow.tasks.store.dataset import commit_batch, part_files

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "inbox"
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
RUN_COLUMNS = {"run_id", "ingested_at"}
WIRE = (EXAMPLES / "01-portal-wire-story.txt").read_bytes()
PAGE = (EXAMPLES / "05-news-page.html").read_bytes()
GERMAN = (EXAMPLES / "07-legacy-cp1252-german.txt").read_bytes()


def raw(name: str, data: bytes) -> RawDocument:
    media_type = "text/html" if name.endswith(".html") else "text/plain"
    return RawDocument(f"file:///inbox/{name}", "file", media_type, data)


# The wire story republished by three sites, one of them with a word changed (a near copy:
# enriched anew), the news page twice, and a German story twice (no NER).
FIRST_BATCH = [raw("wire.txt", WIRE), raw("page.html", PAGE), raw("site-a/wire.txt", WIRE), raw("german.txt", GERMAN)]
SECOND_BATCH = [raw("site-b/wire.txt", WIRE), raw("site-c/wire.txt", WIRE.replace(b"Tuesday", b"Wednesday")),
                raw("site-b/page.html", PAGE), raw("site-b/german.txt", GERMAN)]


def rows(processed, table: str) -> list[tuple]:
    data = processed.tables[table]
    columns = [c for c in data.column_names if c not in RUN_COLUMNS]
    return sorted(tuple(str(row[c]) for c in columns) for row in data.select(columns).to_pylist())


def same_tables(left, right) -> None:
    assert left.tables.keys() == right.tables.keys()
    for table in left.tables:
        assert rows(left, table) == rows(right, table), table


@pytest.fixture()
def ner_calls(monkeypatch) -> list[str]:
    """The bodies NER is run on, with an empty cache in this process before and after."""
    process_cache.cache_clear()
    seen: list[str] = []
    original = batches.extract_entities

    def counting(nlp, articles):
        seen.extend(body for _, body in articles)
        return original(nlp, articles)

    monkeypatch.setattr(batches, "extract_entities", counting)
    yield seen
    process_cache.cache_clear()


def test_copies_in_a_batch_and_on_the_same_worker_are_enriched_once(ner_calls):
    first = process_batch(FIRST_BATCH, "run", NOW, None)
    assert len(ner_calls) == 2  # the wire story and the page, once each; German is not NER's language
    second = process_batch(SECOND_BATCH, "run", NOW, None)
    assert len(ner_calls) == 3  # only the near copy
    assert second.seconds["reuse"] >= 0
    without = [process_batch(batch, "run", NOW, None, reuse=False) for batch in (FIRST_BATCH, SECOND_BATCH)]
    assert len(ner_calls) == 3 + 6
    same_tables(first, without[0])
    same_tables(second, without[1])
    assert len(rows(second, "entities")) > 0 and len(rows(second, "signatures")) == 4


def test_copies_of_bodies_in_the_dataset_take_their_facts(ner_calls, tmp_path):
    data = tmp_path / "data"
    first = process_batch(FIRST_BATCH, "run", NOW, None, data_dir=str(data))
    commit_batch(data, "run-00000", NOW.date(), first.tables)
    process_cache.cache_clear()  # another worker: only the dataset knows the first batch
    ner_calls.clear()
    second = process_batch(SECOND_BATCH, "run", NOW, None, data_dir=str(data))
    assert len(ner_calls) == 1  # the near copy
    process_cache.cache_clear()
    same_tables(second, process_batch(SECOND_BATCH, "run", NOW, None, reuse=False))


def test_a_dataset_that_cannot_be_read_costs_the_reuse_only(ner_calls, tmp_path):
    data = tmp_path / "data"
    (data / "articles" / "ingest_date=2026-03-02").mkdir(parents=True)
    (data / "articles" / "ingest_date=2026-03-02" / "broken.parquet").write_bytes(b"not parquet")
    processed = process_batch(FIRST_BATCH, "run", NOW, None, data_dir=str(data))
    assert len(ner_calls) == 2 and not processed.tables["quarantine"].num_rows


@pytest.fixture()
def cleanings(monkeypatch) -> list[str]:
    """The texts the cleaner is run on, with an empty cache of drafts before and after."""
    segment_cache().clear()
    seen: list[str] = []
    original = reuse.segment_document

    def counting(text, *args, **kwargs):
        seen.append(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(reuse, "segment_document", counting)
    yield seen
    segment_cache().clear()


def test_a_text_cleaned_before_gives_its_drafts_to_the_next_copy(cleanings):
    text = WIRE.decode("utf-8")
    first = segmented_once(text, "A title", ("a caption",), ())
    expected = [replace(draft, spans=list(draft.spans), authors=list(draft.authors)) for draft in first]
    first[0].spans.clear()  # a copy's drafts are its own: what a caller does to them stays with it
    first[0].authors.append("Someone Else")
    again = segmented_once(text, "A title", ("a caption",), ())
    assert cleanings == [text]
    assert again == expected and again[0].spans
    segmented_once(text, "Another title", ("a caption",), ())  # another input: cleaned anew
    segmented_once(text, "A title", (), ())
    assert len(cleanings) == 3


def test_a_text_too_long_to_keep_is_cleaned_each_time(cleanings, monkeypatch):
    monkeypatch.setattr(reuse, "SEGMENT_CACHE_MAX_CHARS", 100)
    text = WIRE.decode("utf-8")
    assert len(text) > 100 and segmented_once(text) == segmented_once(text)
    assert len(cleanings) == 2 and not segment_cache()._items


def test_copies_in_a_batch_are_cleaned_once_and_make_the_same_rows(cleanings):
    processed = process_batch(FIRST_BATCH + SECOND_BATCH, "run", NOW, None)
    # The wire story's text and its copy with a word changed, the page's main text, the German text.
    assert len(cleanings) == 4
    same_tables(processed, process_batch(FIRST_BATCH + SECOND_BATCH, "run", NOW, None, reuse=False))
    assert len(cleanings) == 4  # without reuse the cleaner is not asked through the cache


def test_only_the_exact_text_reuses_facts_not_one_that_folds_to_the_same_hash():
    body = "Norway and Sweden signed a railway deal.\n\nThe line opens in 2031."
    facts = TextFacts(body_digest(body), "en", 0.99, ("railway",), (), None)
    known = {body_sha256(body): facts}
    assert facts_of(body, body_sha256(body), known) is facts
    respaced = body.replace("\n\n", "\n")
    assert body_sha256(respaced) == body_sha256(body) and facts_of(respaced, body_sha256(respaced), known) is None


@pytest.mark.slow
def test_ingesting_republished_copies_makes_the_same_tables_with_and_without_reuse(prefect_server, tmp_path):
    """Two runs on the default runner (worker processes, three inputs a batch): the example inbox,
    then three sites that republished it byte for byte and one that changed a word of the wire
    story. Every table, links, stories and drift included, is the same both ways."""
    from newsflow.flows.ingest import ingest_flow

    sites = tmp_path / "sites"
    for site in ("a", "b", "c"):
        shutil.copytree(EXAMPLES, sites / site)
    edited = sites / "d"
    edited.mkdir()
    (edited / "wire.txt").write_bytes(WIRE.replace(b"Tuesday", b"Wednesday"))
    datasets = {}
    for reusing in (True, False):
        data = tmp_path / f"data-{reusing}"
        for sources in ([EXAMPLES], [sites]):
            ingest_flow(sources=[str(s) for s in sources], data_dir=str(data), batch_size=3, reuse_enrichment=reusing)
        datasets[reusing] = snapshot(data)
    assert len(datasets[True]["articles"]) == 4 * 10 + 1
    assert datasets[True] == datasets[False]


def test_a_batch_whose_bodies_the_dataset_does_not_hold_asks_no_query(tmp_path, monkeypatch):
    """The article files' hashes are read once each (tasks/store/reuse.py StoredBodies): a query
    runs only for bodies a file holds; a file merged away is forgotten and the merged file read."""
    from newsflow.tasks.store import reuse as stored
    from newsflow.tasks.store.compact import merge_part_files

    data = tmp_path / "data"
    first = process_batch(FIRST_BATCH, "run", NOW, None, data_dir=str(data))
    commit_batch(data, "run-00000", NOW.date(), first.tables)
    second = process_batch([raw("other.txt", GERMAN.replace(b"e", b"a"))], "run", NOW, None, data_dir=str(data))
    commit_batch(data, "run-00001", NOW.date(), second.tables)
    queries = recorded_reads(stored, monkeypatch)
    index = stored.stored_bodies(data)
    wire_hash = first.tables["articles"].to_pylist()[0]["body_sha256"]
    assert stored.stored_text_facts(data, ["0" * 64, "f" * 64]) == {} and queries == []
    assert set(stored.stored_text_facts(data, [wire_hash, "0" * 64])) == {wire_hash}
    assert [query for query, _ in queries] == ["reuse_articles", "reuse_entities", "reuse_signatures"]
    assert len(index.files) == 2
    merge_part_files(data, partition=f"ingest_date={NOW.date().isoformat()}")
    assert set(stored.stored_text_facts(data, [wire_hash])) == {wire_hash}
    assert len(index.files) == 1 and "compact" in next(iter(index.files))[0]


def test_a_lookup_reads_only_the_article_files_holding_its_bodies(tmp_path, monkeypatch):
    """Each batch's look-up reads the article files that hold its bodies, not every article file
    of the run (tasks/store/reuse.py). The facts found are those read from every file."""
    from newsflow.tasks.store import reuse as stored

    data = tmp_path / "data"
    first = process_batch(FIRST_BATCH, "run", NOW, None, data_dir=str(data))
    commit_batch(data, "run-00000", NOW.date(), first.tables)
    for n in range(1, 4):
        text = GERMAN + f"\n\nNachtrag {n}: Die Stadt meldet {n * 7} weitere Faelle.\n".encode()
        other = process_batch([raw(f"other{n}.txt", text)], "run", NOW, None, data_dir=str(data))
        commit_batch(data, f"run-{n:05d}", NOW.date(), other.tables)
    wire_hash = first.tables["articles"].to_pylist()[0]["body_sha256"]
    queries = recorded_reads(stored, monkeypatch)
    found = stored.stored_text_facts(data, [wire_hash, "0" * 64])
    assert set(found) == {wire_hash} and found[wire_hash].entities and found[wire_hash].minhash
    assert queries[0] == ("reuse_articles", ["run-00000.parquet"])
    monkeypatch.setattr(stored.StoredBodies, "files_holding", lambda self, hashes: part_files(data, "articles"))
    assert stored.stored_text_facts(data, [wire_hash, "0" * 64]) == found
    assert queries[3][0] == "reuse_articles" and len(queries[3][1]) == 4


def test_an_article_file_of_another_form_costs_the_reuse_not_the_batch(tmp_path):
    """A file in the articles folder that holds a batch's body but not the columns the look-up
    reads (written by another tool) makes the look-up fail: the batch computes the facts itself,
    as it would without reuse; once the file is gone the stored facts are found again."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = tmp_path / "data"
    first = process_batch(FIRST_BATCH, "run", NOW, None, data_dir=str(data))
    commit_batch(data, "run-00000", NOW.date(), first.tables)
    wire_hash = first.tables["articles"].to_pylist()[0]["body_sha256"]
    odd = data / "articles" / f"ingest_date={NOW.date().isoformat()}" / "other-tool.parquet"
    pq.write_table(pa.table({"body_sha256": pa.array([wire_hash], pa.string())}), odd)
    assert reuse.known_facts([wire_hash], "a model of this test", data) == {}
    odd.unlink()
    assert set(reuse.known_facts([wire_hash], "another model of this test", data)) == {wire_hash}


def recorded_reads(stored, monkeypatch) -> list[tuple[str, list[str]]]:
    """The queries tasks/store/reuse.py runs from now on, each with the names of the files it reads."""
    queries: list[tuple[str, list[str]]] = []
    real_read = stored._read

    def read(db, query, files):
        queries.append((query, [path.name for path in files]))
        return real_read(db, query, files)

    monkeypatch.setattr(stored, "_read", read)
    return queries


def test_stored_hashes_of_any_form_only_decide_whether_to_ask(tmp_path):
    """An article file written by another tool, its body_sha256 not hex or empty, is indexed
    like any other: no error, and a body it does not hold asks no query."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsflow.tasks.store import reuse as stored

    data = tmp_path / "data"
    first = process_batch(FIRST_BATCH, "run", NOW, None, data_dir=str(data))
    commit_batch(data, "run-00000", NOW.date(), first.tables)
    odd = data / "articles" / f"ingest_date={NOW.date().isoformat()}" / "other-tool.parquet"
    pq.write_table(pa.table({"body_sha256": pa.array(["not a hex digest", "", None], pa.string())}), odd)
    index = stored.stored_bodies(data)
    assert index.files_holding(["0" * 64]) == [] and len(index.files) == 2
    wire_hash = first.tables["articles"].to_pylist()[0]["body_sha256"]
    assert index.files_holding(["not a hex digest"]) == [odd]
    assert [p.name for p in index.files_holding([wire_hash, "0" * 64])] == ["run-00000.parquet"]
