"""WARC and WARC.gz archives (Common Crawl's CC-NEWS format): one document per HTML response.

Request and metadata records are not documents and are passed over; a response that cannot
be used (not HTML, not 200) is a quarantine row; a truncated or corrupt archive gives what
could be read and one quarantine row for the rest.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from tasks.schema import Quarantine, RawDocument

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path) -> Iterator[RawDocument | Quarantine]:
    """The HTML responses of a WARC file as documents, the unusable ones as quarantine rows."""
    size = path.stat().st_size
    read_to = 0
    try:
        with open(path, "rb") as stream:
            head = stream.read(5)
            if not (head.startswith(b"WARC/") or head.startswith(b"\x1f\x8b")):
                raise ArchiveLoadFailed("not a WARC file: it starts with neither WARC/ nor gzip")
            stream.seek(0)
            records = ArchiveIterator(stream)
            for record in records:
                # The body must be read before the offset is asked for: asking skips the record.
                body = record.content_stream().read() if record.rec_type == "response" else b""
                read_to = records.get_record_offset() + records.get_record_length()
                if record.rec_type == "response":
                    yield response_document(f"{path}#{records.get_record_offset()}", body, record)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as error:
        yield Quarantine(str(path), "bad_archive", f"the archive could not be read to its end: {error}", size, None)
        return
    if _has_unread_records(path, read_to) or _gzip_cut_short(path):  # warcio stops quietly there
        detail = f"the archive ends mid-record: {size - read_to} bytes after the last whole record"
        yield Quarantine(str(path), "bad_archive", detail, size, None)


def _gzip_cut_short(path: Path) -> bool:
    """A .gz archive whose last member ends before its end-of-stream marker."""
    if not path.name.lower().endswith(".gz"):
        return False
    try:
        with gzip.open(path, "rb") as stream:
            while stream.read(1 << 20):
                pass
    except (EOFError, OSError):
        return True
    return False


def _has_unread_records(path: Path, read_to: int) -> bool:
    """Bytes after the last whole record, other than the blank lines that end a record."""
    with open(path, "rb") as stream:
        stream.seek(read_to)
        return bool(stream.read().strip())


def response_document(uri: str, body: bytes, record) -> RawDocument | Quarantine:
    """One response record as a document, or why it is not one."""
    digest = hashlib.sha256(body).hexdigest()
    status = record.http_headers.get_statuscode() if record.http_headers else None
    content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
    if status != "200":
        return Quarantine(uri, f"http_{status or 'unknown'}", "the archived response is not a 200", len(body), digest)
    if not content_type.lower().startswith(HTML_TYPES):
        return Quarantine(uri, "unsupported_media_type", f"archived {content_type or 'no content type'}", len(body), digest)
    target = record.rec_headers.get_header("WARC-Target-URI")
    return RawDocument(source_uri=uri, source_kind="warc", media_type="text/html", data=body, url=target)
