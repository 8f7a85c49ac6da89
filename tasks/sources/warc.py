"""WARC and WARC.gz archives (Common Crawl's CC-NEWS format): one document per HTML response.

Every record is accounted for: a usable response is a document, an unusable one (not HTML, not
200, too large, broken) a quarantine row, and records that are no pages by design (request,
metadata, warcinfo, ...) are counted as skipped. A truncated or corrupt archive gives what could
be read and one `bad_archive` row for the rest. Memory stays bounded whatever the archive holds:
a body is read up to the input cap (counting the decompressed bytes of its content encoding),
and no header line is read past HEADER_LINE_CAP (a gzip member of zeros is one endless "line").
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from newsflow.tasks.core.schema import HTML_MEDIA_TYPES, Quarantine, RawDocument, Skipped
from newsflow.tasks.core.settings import MAX_INPUT_BYTES
from newsflow.tasks.sources.streams import READ_CHUNK, open_regular, path_uri

PAGE_RECORDS = ("response",)
# Records that carry no page by design; anything else (no WARC-Type, an unknown one) is quarantined.
NON_PAGE_RECORDS = ("request", "metadata", "warcinfo", "resource", "revisit", "conversion", "continuation")
# WARC and HTTP header lines are short (CC-NEWS: under 8 KB, long URLs included).
HEADER_LINE_CAP = 64 * 1024


DAMAGED = "the record's length or bytes do not match its headers (Content-Length, WARC-Block-Digest)"


class NotAnArchive(Exception):
    """The file starts with neither `WARC/` nor a gzip header."""


def read_warc(path: Path, uri: str | None = None) -> Iterator[RawDocument | Quarantine | Skipped]:
    """The HTML responses of a WARC file as documents, the unusable ones as quarantine rows;
    `uri` names the file in them (its path by default)."""
    uri = uri or path_uri(path)
    size = path.stat().st_size
    read_to, damaged, cut_short = 0, [], False
    try:
        with open_regular(path) as stream:
            head = stream.read(5)
            if not (head.startswith(b"WARC/") or head.startswith(b"\x1f\x8b")):
                raise NotAnArchive("not a WARC file: it starts with neither WARC/ nor gzip")
            stream.seek(0)
            # Digests checked (not raised): a record whose bytes or length do not match its headers
            # is quarantined, and the archive gets a bad_archive row, as records may hide in it.
            records = ArchiveIterator(stream, check_digests=True)
            _cap_header_lines(records)
            _parse_http_without_target(records)
            for record in records:
                misframed_before = records.err_count
                item, offset, length = _record_item(uri, records, record)
                read_to = offset + length
                if records.err_count > misframed_before or _block_digest_failed(record):
                    damaged.append(offset)
                    item = Quarantine(f"{uri}#{offset}", "damaged_record", DAMAGED, length, None)
                cut_short = isinstance(item, Quarantine) and item.reason == "truncated_record"
                yield item
    except Exception as error:  # warcio raises many types on broken input; the rest of the file is lost
        detail = f"the archive could not be read past byte {read_to}: {type(error).__name__}: {error}"
        yield Quarantine(uri, "bad_archive", detail, size, None)
        return
    if cut_short:  # the last record lacks bytes its Content-Length promised
        yield Quarantine(uri, "bad_archive", "the archive ends mid-record: its last record is cut short", size, None)
    elif _has_unread_records(path, read_to) or _gzip_cut_short(path):  # warcio stops quietly there
        detail = f"the archive ends mid-record: {size - read_to} bytes after the last whole record"
        yield Quarantine(uri, "bad_archive", detail, size, None)
    elif read_to == 0:
        yield Quarantine(uri, "bad_archive", "no WARC record could be read from the file", size, None)
    elif damaged:
        detail = f"damaged records at offsets {', '.join(map(str, damaged[:20]))}: records inside them may be lost"
        yield Quarantine(uri, "bad_archive", detail, size, None)


def _cap_header_lines(records: ArchiveIterator) -> None:
    """Make every line warcio reads stop at HEADER_LINE_CAP bytes. warcio reads header lines with
    an unbounded readline, which on a member of compressed zeros read 4 GB into one bytes object;
    a capped line of junk fails the header parser instead, a bad_archive row."""
    reader = records.reader
    readline = reader.readline

    def capped_readline(length: int | None = None) -> bytes:
        return readline(min(length, HEADER_LINE_CAP) if length else HEADER_LINE_CAP)

    reader.readline = capped_readline


def _parse_http_without_target(records: ArchiveIterator) -> None:
    """warcio parses a record's HTTP headers only after testing its WARC-Target-URI for http(s),
    and on a record without one that test raises AttributeError, which ended the whole archive.
    Such a record's HTTP headers are parsed as any response's; the document has no URL."""
    loader = records.loader
    load_http_headers = loader.load_http_headers

    def tolerant(rec_type: str, uri: str | None, stream: Any, length: int | None) -> Any:
        return load_http_headers(rec_type, "http:" if uri is None else uri, stream, length)

    loader.load_http_headers = tolerant


def _block_digest_failed(record: Any) -> bool:
    """The record's bytes differ from its WARC-Block-Digest. (A payload digest fails also for a
    sound record whose HTTP headers warcio did not parse, such as one with no WARC-Type.)"""
    return any(problem.startswith("block digest failed") for problem in record.digest_checker.problems)


def _record_item(uri: str, records: ArchiveIterator, record: Any) -> tuple[RawDocument | Quarantine | Skipped, int, int]:
    """One record as an item, and its offset and length in the file."""
    kind = record.rec_type
    if record.rec_headers.get_header("Content-Length") is None:
        # Without its length a record cannot be told from the next: the rest of the file is lost.
        raise NotAnArchive(f"a {kind} record with no Content-Length")
    body = _read_body(record) if kind in PAGE_RECORDS else None
    # The body must be read before the offset is asked for: asking reads the record to its end.
    offset, length = records.get_record_offset(), records.get_record_length()
    record_uri = f"{uri}#{offset}"
    missing = getattr(record.raw_stream, "limit", 0)  # bytes its Content-Length promised and the file lacks
    if missing > 0:
        detail = f"the record is cut short: {missing} bytes of its Content-Length are missing"
        return Quarantine(record_uri, "truncated_record", detail, length, None), offset, length
    if kind in NON_PAGE_RECORDS:
        return Skipped(record_uri, f"warc_{kind}_record"), offset, length
    if body is None:
        detail = f"a record of WARC-Type {kind!r}; only response records hold pages"
        return Quarantine(record_uri, "unsupported_record", detail, length, None), offset, length
    try:
        return response_item(record_uri, body, record), offset, length
    except Exception as error:  # a record whose headers warcio cannot answer for costs itself only
        return Quarantine(record_uri, "bad_record", f"{type(error).__name__}: {error}", length, None), offset, length


def _read_body(record: Any) -> tuple[bytes | None, int, str | None]:
    """(body, size, sha256) of a response, decoded from its content encoding; a body over the
    input cap is not kept (None) and its size is a lower bound."""
    stream = record.content_stream()
    digest, kept, size = hashlib.sha256(), bytearray(), 0
    while chunk := stream.read(READ_CHUNK):
        size += len(chunk)
        if size > MAX_INPUT_BYTES:
            return None, size, None
        digest.update(chunk)
        kept += chunk
    return bytes(kept), size, digest.hexdigest()


def response_item(uri: str, body: tuple[bytes | None, int, str | None], record: Any) -> RawDocument | Quarantine:
    """One response record as a document, or why it is not one."""
    data, size, digest = body
    headers = record.http_headers
    status = headers.get_statuscode() if headers else None
    content_type = (headers.get_header("Content-Type") or "") if headers else ""
    if data is None:
        return Quarantine(uri, "too_large", f"a body of over {MAX_INPUT_BYTES} bytes; not read whole", size, None)
    if status != "200":
        return Quarantine(uri, f"http_{status or 'unknown'}", "the archived response is not a 200", size, digest)
    if not content_type.lower().startswith(HTML_MEDIA_TYPES):
        return Quarantine(uri, "unsupported_media_type", f"archived {content_type or 'no content type'}", size, digest)
    target = record.rec_headers.get_header("WARC-Target-URI") if record.rec_headers else None
    return RawDocument(source_uri=uri, source_kind="warc", media_type="text/html", data=data, url=target or None)


def _gzip_cut_short(path: Path) -> bool:
    """A .gz archive whose last member ends before its end-of-stream marker."""
    if not path.name.lower().endswith(".gz"):
        return False
    try:
        with gzip.open(path, "rb") as stream:
            while stream.read(READ_CHUNK):
                pass
    except (EOFError, OSError, gzip.BadGzipFile):
        return True
    return False


def _has_unread_records(path: Path, read_to: int) -> bool:
    """Bytes after the last whole record, other than the blank lines that end a record."""
    with open(path, "rb") as stream:
        stream.seek(read_to)
        while chunk := stream.read(READ_CHUNK):
            if chunk.strip():
                return True
    return False
