"""Bad input never fails a run and is never lost silently.

Every input (file, WARC record, JSONL line, special file) ends as a document or a quarantine
row whose detail is at most 1,000 characters; a run exits 0 whatever the inputs; a rerun adds
nothing. Property tests mangle inputs of each kind (tests/hostile.py) and run the same reading
and batch code a run does, in this process (read_sources, then process_batch as a worker runs
it); fixed regression tests hold each reproduction of the reliability issue; CLI tests run
`newsflow ingest` over an inbox of every hostile input at once, twice.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
import tracemalloc
from pathlib import Path

import hostile
import pytest
from dataset_checks import row_counts
from hostile import FAULTS_BY_KIND, FS_FAULTS, KINDS, MAX_DETAIL_CHARS, Input, account, build, run_pipeline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Faults whose inputs cost seconds each (a 50,000-attribute tag, fields of megabytes): the slow tests.
HEAVY_FAULTS = ("many_attributes", "huge_field")
LIGHT = [(kind, fault) for kind in KINDS for fault in FAULTS_BY_KIND[kind] if fault not in HEAVY_FAULTS]
HEAVY = [(kind, fault) for kind in KINDS for fault in FAULTS_BY_KIND[kind] if fault in HEAVY_FAULTS]
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                print_blob=True)
READ_SECONDS = 120  # a reader that blocks (a FIFO opened) or hangs fails the test instead


def inbox() -> tuple[tempfile.TemporaryDirectory, Path]:
    """A fresh inbox (hypothesis runs a test body many times; tmp_path is one folder a test)."""
    holder = tempfile.TemporaryDirectory(prefix="newsflow-fuzz-")
    folder = Path(holder.name).resolve() / "inbox"
    folder.mkdir()
    return holder, folder


def assert_accounted(inputs: list[Input], folder: Path) -> hostile.PipelineRun:
    """Run the reading and batch code over `folder`; every input must be accounted for."""
    assert inputs, "nothing was built to account for"
    with hostile.deadline(READ_SECONDS):
        run = run_pipeline([folder])
    problems = [f"{a.input.name} ({a.input.kind}/{a.input.fault}, {a.input.note}): {a.problem}; rows "
                f"{[(r.table, r.reason) for r in a.rows]}" for a in account(inputs, run.rows) if a.problem]
    assert problems == []
    long = [row for row in run.rows if row.detail is not None and len(row.detail) > MAX_DETAIL_CHARS]
    assert long == []
    return run


# ---------------------------------------------------------------------------------------------
# Properties.

# Example counts sized for the fast lane; bench/fuzz.py mangles 10,000 inputs the same way.
@settings(FUZZ, max_examples=30)
@given(case=st.sampled_from(LIGHT), rng=st.randoms(use_true_random=False))
def test_a_mangled_input_of_any_kind_is_accounted_for(case, rng):
    kind, fault = case
    holder, folder = inbox()
    with holder:
        assert_accounted(build(folder, kind, fault, rng), folder)


@settings(FUZZ, max_examples=40)
@given(kind=st.sampled_from(("warc", "warc.gz")), fault=st.sampled_from(("truncate", "flip", "drop_header",
                                                                         "cut_mid_record", "duplicate")),
       rng=st.randoms(use_true_random=False))
def test_a_mangled_archive_gives_a_row_per_record_or_a_bad_archive_row(kind, fault, rng):
    holder, folder = inbox()
    with holder:
        assert_accounted(build(folder, kind, fault, rng), folder)


@settings(FUZZ, max_examples=15)
@given(faults=st.lists(st.sampled_from(LIGHT + [("fs", f) for f in FS_FAULTS]), min_size=2, max_size=8),
       rng=st.randoms(use_true_random=False))
def test_an_inbox_of_several_hostile_inputs_is_accounted_for(faults, rng):
    holder, folder = inbox()
    with holder:
        inputs = [item for index, (kind, fault) in enumerate(faults) for item in build(folder, kind, fault, rng, index)]
        assert_accounted(inputs, folder)


@settings(FUZZ, max_examples=25)
@given(lines=st.lists(st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
                 lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                     st.sampled_from(("text", "html", "title", "url", "published_at", "x")), inner, max_size=5),
                 max_leaves=12).map(lambda v: json.dumps(v).encode()),
), max_size=12))
def test_any_jsonl_lines_are_accounted_for(lines):
    holder, folder = inbox()
    with holder:
        data = b"\n".join(lines)
        path = hostile.write_file(folder, b"lines.jsonl", data)
        assert_accounted([Input(path, "jsonl", "generated", hostile.count_lines(data))], folder)


@pytest.mark.slow
@settings(FUZZ, max_examples=300)
@given(case=st.sampled_from(LIGHT), rng=st.randoms(use_true_random=False))
def test_many_mangled_inputs_are_accounted_for(case, rng):
    kind, fault = case
    holder, folder = inbox()
    with holder:
        assert_accounted(build(folder, kind, fault, rng), folder)


@pytest.mark.slow
@settings(FUZZ, max_examples=12)
@given(case=st.sampled_from(HEAVY), rng=st.randoms(use_true_random=False))
def test_heavy_inputs_are_accounted_for(case, rng):
    kind, fault = case
    holder, folder = inbox()
    with holder:
        assert_accounted(build(folder, kind, fault, rng), folder)


# ---------------------------------------------------------------------------------------------
# The reproductions of the reliability issue, one test each.

def rows_of(run: hostile.PipelineRun, path: Path | bytes, tables=("documents", "quarantine")) -> list[hostile.Row]:
    """The rows naming `path` or one of its records (`path#...`)."""
    name = os.fsdecode(path) if isinstance(path, bytes) else str(path)
    return [r for r in run.rows if r.table in tables and (r.source_uri == name or r.source_uri.startswith(name + "#"))]


def write_jsonl(folder: Path, name: str, lines: list[bytes]) -> Path:
    path = folder / name
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def good_lines(count: int, seed: int = 1) -> list[bytes]:
    rng = random.Random(seed)
    return [hostile.jsonl_line({"text": hostile.story_text(rng), "url": f"https://news.example/good-{n}"})
            for n in range(count)]


def one_bad_line_among_good(tmp_path: Path, bad: bytes, error: str | None = None) -> None:
    """A JSONL file of a good line, the bad one and another good line: no exception, the good
    lines are documents, the bad one a document or a quarantine row (whose detail names the
    exception `error` when the line broke the JSON parser)."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    first, last = good_lines(2)
    path = write_jsonl(folder, "export.jsonl", [first, bad, last])
    run = assert_accounted([Input(os.fsencode(path), "jsonl", "regression", 3)], folder)
    rows = rows_of(run, path)
    assert len({r.source_uri for r in rows}) == 3
    assert len({r.source_uri for r in rows if r.table == "documents"}) >= 2
    if error:
        assert all(error in r.detail for r in rows if r.table == "quarantine")


def test_a_jsonl_line_nested_1000_deep_is_a_row(tmp_path):
    one_bad_line_among_good(tmp_path, ('{"text": "Deep.", "meta": ' + "[" * 1000 + "1" + "]" * 1000 + "}").encode(),
                            "RecursionError")


def test_a_jsonl_line_nested_1000_deep_at_the_top_is_a_row(tmp_path):
    one_bad_line_among_good(tmp_path, ("[" * 1000 + "]" * 1000).encode(), "RecursionError")


def test_a_jsonl_integer_of_more_than_4300_digits_is_a_row(tmp_path):
    one_bad_line_among_good(tmp_path, b'{"text": "Big numbers.", "views": 1' + b"0" * 5000 + b"}", "ValueError")


def test_a_lone_surrogate_in_jsonl_text_is_a_row(tmp_path):
    one_bad_line_among_good(tmp_path, b'{"text": "a \\ud800 b"}')
    text = tmp_path / "inbox" / "surrogate.jsonl"
    text.write_bytes(b'{"text": "Tram line opens. a \\ud800 b ' + b"More words. " * 20 + b'"}\n')
    run = run_pipeline([text], keep_tables=True)
    assert [r.table for r in rows_of(run, text)] == ["documents"]  # the surrogate is replaced, the text kept
    [raw_text] = run.table("documents").column("raw_text").to_pylist()
    assert raw_text.startswith("Tram line opens. a \ufffd b")
    raw_text.encode("utf-8")  # what the Parquet writer must do


def test_a_lone_surrogate_in_a_jsonl_title_is_a_row(tmp_path):
    line = hostile.jsonl_line({"text": hostile.story_text(random.Random(3)), "title": "Tram \ud800 line"})
    assert b"\\ud800" in line
    one_bad_line_among_good(tmp_path, line)


def test_a_file_name_that_is_not_utf8_is_read_and_writable(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    path = hostile.write_file(folder, b"caf\xe9-\xff.txt", hostile.story_text(random.Random(4)).encode())
    run = assert_accounted([Input(path, "txt", "bad_name", 1, good=True)], folder)
    assert len(run.documents()) == 1
    run.documents()[0].source_uri.encode("utf-8")  # the Parquet writer encodes every string as UTF-8


def warc(folder: Path, name: str, records: list[hostile.WarcRecord], compressed: bool = False) -> Path:
    data, _ = hostile.join_records(records, compressed)
    path = folder / name
    path.write_bytes(data)
    return path


def crawl(seed: int, pages: int) -> list[hostile.WarcRecord]:
    return hostile.warc_records(random.Random(seed), pages)


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
def test_a_warc_response_without_target_uri_costs_no_other_record(tmp_path, compressed):
    records = crawl(5, 3)
    records[1] = hostile.WarcRecord(hostile.drop_header(records[1].data, "WARC-Target-URI"), True)
    path = warc(tmp_path, "crawl.warc" + (".gz" if compressed else ""), records, compressed)
    run = assert_accounted([Input(os.fsencode(path), "warc", "no target", 3)], tmp_path)
    rows = rows_of(run, path)
    assert len({r.source_uri for r in rows if "#" in r.source_uri}) == 3  # a row per response record
    assert len(run.documents()) >= 2  # the two whole records after it at least
    assert not [r for r in rows if r.reason == "bad_archive"]  # nothing is wrong with the archive


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
def test_a_warc_record_without_warc_type_is_still_counted(tmp_path, compressed):
    records = crawl(6, 2)
    records[1] = hostile.WarcRecord(hostile.drop_header(records[1].data, "WARC-Type"), True)
    path = warc(tmp_path, "crawl.warc" + (".gz" if compressed else ""), records, compressed)
    run = assert_accounted([Input(os.fsencode(path), "warc", "no type", 2)], tmp_path)
    record_rows = {r.source_uri for r in rows_of(run, path) if "#" in r.source_uri}
    assert len(record_rows) == 2  # the typeless record is a row of its own, and the next one a document
    assert len(run.documents()) >= 1


def test_a_gzip_of_zeros_is_one_bad_archive_row_with_a_capped_detail(tmp_path):
    path = tmp_path / "bomb.warc.gz"
    hostile.write_gzip_of_zeros(path, 64 * 2**20)
    tracemalloc.start()
    try:
        run = assert_accounted([Input(os.fsencode(path), "warc.gz", "gzip_zeros", 0)], tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    rows = rows_of(run, path)
    assert [r.reason for r in rows] == ["bad_archive"]
    assert len(rows[0].detail) <= MAX_DETAIL_CHARS
    assert peak < 48 * 2**20, f"reading a gzip of 64 MiB of zeros peaked at {peak / 2**20:.0f} MiB"


def test_an_uncompressed_warc_cut_mid_record_says_so(tmp_path):
    records = crawl(7, 3)
    data, ends = hostile.join_records(records, compressed=False)
    cut = ends[3] - len(records[3].data) // 3  # inside the second response's body
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:cut])
    run = assert_accounted([Input(os.fsencode(path), "warc", "cut_mid_record", 1)], tmp_path)
    rows = rows_of(run, path)
    assert len(run.documents()) >= 1  # the whole record before the cut
    # The cut record is a quarantine row: a bad_archive row for the file, or a row of the record.
    cut_rows = [r for r in rows if r.table == "quarantine"]
    assert cut_rows, f"the cut is silent: {[(r.table, r.reason) for r in rows]}"


def test_a_fifo_dangling_symlink_and_symlink_loop_are_rows(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    rng = random.Random(8)
    inputs = [item for index, fault in enumerate(("fifo", "dangling_symlink", "symlink_loop"))
              for item in hostile.build_fs(folder, fault, rng, index)]
    run = assert_accounted(inputs, folder)
    assert len(run.quarantined()) == len(inputs) == 4


def test_a_symlinked_folder_is_read_and_a_folder_loop_ends(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    rng = random.Random(9)
    inputs = hostile.build_fs(folder, "symlinked_folder", rng, 0) + hostile.build_fs(folder, "dir_loop", rng, 1)
    run = assert_accounted(inputs, folder)
    by_bytes: dict[str, int] = {}
    for row in run.documents():
        by_bytes[row.sha256] = by_bytes.get(row.sha256, 0) + 1
    assert len(by_bytes) == 3  # the two files behind the link and the one beside the loop
    assert max(by_bytes.values()) <= 2  # a loop is followed once at most


@pytest.mark.parametrize("published_at", [12, "not a date"])
def test_a_jsonl_published_at_that_is_no_date_keeps_the_document(tmp_path, published_at):
    line = hostile.jsonl_line({"text": hostile.story_text(random.Random(10)), "published_at": published_at})
    path = write_jsonl(tmp_path, "dates.jsonl", [line])
    run = assert_accounted([Input(os.fsencode(path), "jsonl", "bad_published_at", 1, good=True)], tmp_path)
    assert len(run.documents()) == 1


# ---------------------------------------------------------------------------------------------
# Through the CLI: one inbox of every hostile input, run twice.

def ingest_twice(folder: Path, data: Path, inputs: list[Input]) -> None:
    from newsflow.flows.cli import main

    command = ["ingest", str(folder), "--data", str(data), "--workers", "0", "--batch-size", "20"]
    with hostile.deadline(600, "newsflow ingest"):
        assert main(command) == 0
    problems = [f"{a.input.name}: {a.problem}" for a in account(inputs, hostile.dataset_rows(data)) if a.problem]
    assert problems == []
    before = row_counts(data)
    with hostile.deadline(600, "newsflow ingest (rerun)"):
        assert main(command) == 0
    assert row_counts(data) == before


@pytest.mark.slow
def test_cli_over_one_of_each_hostile_input_exits_0_and_a_rerun_adds_nothing(prefect_server, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    rng = random.Random(11)
    inputs = [item for index, (kind, fault) in enumerate(LIGHT) for item in build(folder, kind, fault, rng, index)]
    inputs += [item for index, fault in enumerate(FS_FAULTS, start=len(LIGHT))
               for item in hostile.build_fs(folder, fault, rng, index)]
    ingest_twice(folder, tmp_path / "data", inputs)


@pytest.mark.slow
def test_cli_over_every_hostile_input_with_the_heavy_ones(prefect_server, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    ingest_twice(folder, tmp_path / "data", hostile.one_of_each(folder, random.Random(12)))


def test_cli_keeps_a_document_whose_published_at_is_no_date(prefect_server, tmp_path):
    from newsflow.flows.cli import main
    from newsflow.tasks.store.dataset import connect

    rng = random.Random(13)
    not_dates = {"https://news.example/a-number": 12, "https://news.example/not-a-date": "not a date"}
    lines = [hostile.jsonl_line({"text": hostile.story_text(rng), "url": url, "published_at": published_at})
             for url, published_at in not_dates.items()]
    folder = tmp_path / "inbox"
    folder.mkdir()
    write_jsonl(folder, "dates.jsonl", lines)
    data = tmp_path / "data"
    assert main(["ingest", str(folder), "--data", str(data), "--workers", "0", "--no-link"]) == 0
    db = connect(data)
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    assert db.execute("SELECT url, published_at FROM articles ORDER BY url").fetchall() == [
        (url, None) for url in sorted(not_dates)]
