"""WARC archives: HTML responses become documents; the rest is passed over or quarantined."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tasks.schema import Quarantine, RawDocument
from tasks.sources import read_sources
from tasks.warc import read_warc

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
