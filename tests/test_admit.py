"""Which inputs a run processes: each once, none the dataset already settled, skips counted."""

from __future__ import annotations

from newsflow.tasks.core.ids import document_id, quarantine_key, sha256_hex
from newsflow.tasks.core.schema import Quarantine, RawDocument, Skipped, is_passing
from newsflow.tasks.pipeline.admit import admitted, input_key
from newsflow.tasks.pipeline.report import RunSummary
from newsflow.tasks.store.dataset import KnownKeys


def page(uri: str, text: str = "A story.") -> RawDocument:
    return RawDocument(uri, "file", "text/plain", text.encode())


def run(items, known, retry=False) -> tuple[list, RunSummary]:
    summary = RunSummary(run_id="r", data_dir=".")
    return list(admitted(items, known, summary, retry)), summary


def test_the_same_input_twice_in_one_run_is_processed_once(tmp_path):
    items = [page("/in/a.txt"), page("/in/b.txt"), page("/in/a.txt"), page("/in/a.txt", "New bytes, new version.")]
    kept, summary = run(items, KnownKeys(tmp_path))
    assert [(i.source_uri, i.data[:3]) for i in kept] == [("/in/a.txt", b"A s"), ("/in/b.txt", b"A s"),
                                                          ("/in/a.txt", b"New")]
    assert (summary.inputs, summary.repeated_in_run) == (4, 1)


def test_settled_inputs_are_skipped_and_retried_only_on_request(tmp_path):
    known = KnownKeys(tmp_path)
    binary, flaky, done = page("/in/binary.txt", "\x00\x01"), page("/in/flaky.txt"), page("/in/done.txt")
    known.doc_ids.add(input_key(done))
    known.settled_inputs.add(document_id(binary.source_uri, sha256_hex(binary.data)))  # a lasting quarantine
    kept, summary = run([binary, flaky, done], known)
    assert [i.source_uri for i in kept] == ["/in/flaky.txt"] and summary.skipped_known == 2
    kept, _ = run([binary, flaky, done], known, retry=True)
    assert [i.source_uri for i in kept] == ["/in/binary.txt", "/in/flaky.txt"]


def test_a_readers_quarantine_row_already_written_is_not_written_again(tmp_path):
    known = KnownKeys(tmp_path)
    row = Quarantine("/in/pipe", "not_a_regular_file", "a FIFO", 0, None)
    known.quarantine_keys.add(quarantine_key(row.source_uri, row.reason, row.content_sha256))
    kept, summary = run([row, Quarantine("/in/loop", "symlink_loop", "x", 0, None)], known)
    assert [i.source_uri for i in kept] == ["/in/loop"] and summary.skipped_known == 1


def test_skipped_paths_are_counted_not_processed(tmp_path):
    kept, summary = run([Skipped("/in/.git", "hidden"), Skipped("/a.warc#0", "warc_request_record"), page("/b")],
                        KnownKeys(tmp_path))
    assert len(kept) == 1 and summary.skipped == {"hidden": 1, "warc_request_record": 1} and summary.inputs == 1


def test_passing_and_lasting_reasons():
    assert all(is_passing(r) for r in ["timeout", "http_503", "http_429", "worker_failed", "enrich_error", "unreadable"])
    assert not any(is_passing(r) for r in ["binary", "too_large", "no_text_extracted", "extract_timeout", "http_404",
                                           "bad_json", "empty", "undecodable"])


def test_quarantine_details_are_capped_and_writable():
    row = Quarantine("/in/caf\udce9.txt", "bad_archive", "x" * 10_000_000 + "\ud800", 1, None)
    assert len(row.detail) == 1000 and row.detail.endswith("…")
    assert row.source_uri == "/in/caf\ufffd.txt"
    row.source_uri.encode("utf-8")


def test_every_passing_cause_of_fetching_is_tried_again_next_run():
    from newsflow.tasks.sources.web import TRANSIENT_REASONS

    assert all(is_passing(reason) for reason in TRANSIENT_REASONS)


def test_batches_are_bounded_by_their_bytes_as_well_as_their_count():
    from newsflow.tasks.pipeline.run import chunked

    pages = [page(f"/in/{i}", "x" * 40) for i in range(10)]
    assert [len(c) for c in chunked(iter(pages), size=4, max_bytes=1000)] == [4, 4, 2]
    assert [len(c) for c in chunked(iter(pages), size=4, max_bytes=100)] == [3, 3, 3, 1]
    reader_rows = [Quarantine(f"/in/{i}", "binary", "", 10**9, None) for i in range(3)]  # no bytes held
    assert [len(c) for c in chunked(iter(reader_rows), size=4, max_bytes=100)] == [3]
