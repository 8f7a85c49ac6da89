"""WARC archives: HTML responses become documents; the rest is passed over or quarantined."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsflow.tasks.core.schema import Quarantine, RawDocument
from newsflow.tasks.sources.files import read_sources
from newsflow.tasks.sources.warc import read_warc

PAGE = b"<html><head><title>Ferry strike</title></head><body><article><p>Ferry workers will strike for 48 hours.</p></article></body></html>"


def write_warc(path: Path, gzip: bool) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)

        def response(url, status, content_type, body):
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))

        writer.write_record(writer.create_warc_record("https://news.example/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))
        response("https://news.example/a", "200 OK", "text/html; charset=utf-8", PAGE)
        response("https://news.example/b.pdf", "200 OK", "application/pdf", b"%PDF-1.7")
        response("https://news.example/gone", "404 Not Found", "text/html", b"<p>not found</p>")
        response("https://news.example/c", "200 OK", "text/html", PAGE.replace(b"Ferry", b"Tram"))


@pytest.mark.parametrize("gzip, name", [(True, "cc-news.warc.gz"), (False, "crawl.warc")])
def test_html_responses_are_documents(tmp_path, gzip, name):
    path = tmp_path / name
    write_warc(path, gzip)
    items = list(read_sources([path]))
    documents = [i for i in items if isinstance(i, RawDocument)]
    assert [(d.url, d.source_kind, d.media_type) for d in documents] == [
        ("https://news.example/a", "warc", "text/html"), ("https://news.example/c", "warc", "text/html")]
    assert documents[0].data == PAGE and documents[0].source_uri.startswith(f"{path}#")
    assert sorted(q.reason for q in items if isinstance(q, Quarantine)) == ["http_404", "unsupported_media_type"]


def test_a_truncated_archive_gives_what_it_can_and_one_quarantine_row(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, gzip=True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    items = list(read_warc(cut))
    assert any(isinstance(i, RawDocument) for i in items)
    assert [i.reason for i in items if isinstance(i, Quarantine) and i.reason == "bad_archive"] == ["bad_archive"]


def test_not_an_archive_is_one_quarantine_row(tmp_path):
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not a warc file at all\n" * 10)
    assert [(type(i).__name__, i.reason) for i in read_warc(path)] == [("Quarantine", "bad_archive")]


def rows(path: Path) -> list[tuple[str, str]]:
    """(offset or '', reason or 'document') of every row an archive gives; skipped records aside."""
    return [(i.source_uri.partition("#")[2], getattr(i, "reason", "document"))
            for i in read_sources([path]) if isinstance(i, (Quarantine, RawDocument))]


def test_a_record_whose_length_was_damaged_is_quarantined_and_flags_the_archive(tmp_path):
    whole = tmp_path / "whole.warc"
    write_warc(whole, gzip=False)
    data = whole.read_bytes()
    first_page = data.index(b"Content-Length: ", data.index(b"WARC-Type: response"))
    digits = data[first_page + 16:data.index(b"\r\n", first_page)]
    damaged = tmp_path / "damaged.warc"  # the first response's Content-Length 30 bytes too long
    damaged.write_bytes(data.replace(b"Content-Length: " + digits, b"Content-Length: " + str(int(digits) + 30).encode(), 1))
    reasons = [reason for _, reason in rows(damaged)]
    assert reasons[0] == "damaged_record" and reasons[-1] == "bad_archive" and "document" not in reasons[:1]


def test_a_record_without_content_length_ends_the_archive_with_a_row(tmp_path):
    whole = tmp_path / "whole.warc"
    write_warc(whole, gzip=False)
    data = whole.read_bytes()
    start = data.index(b"Content-Length: ", data.index(b"WARC-Type: response"))
    cut = tmp_path / "no-length.warc"
    cut.write_bytes(data[:start] + data[data.index(b"\r\n", start) + 2:])
    assert rows(cut)[-1][1] == "bad_archive" and "no Content-Length" in list(read_sources([cut]))[-1].detail


def test_records_without_target_uri_or_type_are_rows_not_a_crash(tmp_path):
    path = tmp_path / "odd.warc"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=False)
        for drop in ("WARC-Target-URI", "WARC-Type"):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record("https://news.example/a", "response", payload=io.BytesIO(PAGE),
                                               http_headers=headers)
            record.rec_headers.remove_header(drop)
            writer.write_record(record)
    items = [i for i in read_sources([path])]
    assert [getattr(i, "reason", "document") for i in items] == ["document", "unsupported_record"]
    assert items[0].url is None and items[0].data == PAGE


def test_a_gzip_of_zeros_is_one_bad_archive_row_with_a_short_detail(tmp_path):
    import gzip

    path = tmp_path / "zeros.warc.gz"
    path.write_bytes(gzip.compress(b"\0" * 20_000_000))
    (row,) = list(read_sources([path]))
    assert row.reason == "bad_archive" and len(row.detail) <= 1000


def test_an_uncompressed_archive_cut_mid_record_gives_the_record_and_the_archive_a_row(tmp_path):
    whole = tmp_path / "whole.warc"
    write_warc(whole, gzip=False)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: len(data) - 40])  # inside the last response's body
    found = rows(cut)
    assert found[-2:] == [(found[-2][0], "truncated_record"), ("", "bad_archive")]
    assert [reason for _, reason in found[:-2]].count("document") == 1  # the first page; the pdf and 404 are rows
