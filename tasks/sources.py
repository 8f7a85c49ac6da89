"""Inputs from the file system: files and folders of .txt, .html/.htm, .jsonl and WARC archives.

Every source yields RawDocument for what can be read and Quarantine for what cannot; no
input raises. Folders are walked recursively in sorted order, so runs are reproducible.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from tasks.schema import Quarantine, RawDocument

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = (".warc", ".warc.gz")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_id(source_uri: str, content_sha256: str) -> str:
    """Stable id of one input version: the same bytes from the same place are the same document."""
    return hashlib.sha256(f"{source_uri}\n{content_sha256}".encode()).hexdigest()[:32]


def iter_paths(sources: Iterable[str | Path]) -> Iterator[Path]:
    """Every file under the given files and folders (recursive, sorted, hidden files skipped).

    Paths are absolute, so an input keeps its identity whatever folder newsflow runs from.
    """
    for source in sources:
        path = Path(source).resolve()
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not _is_hidden(child.relative_to(path)):
                    yield child
        else:
            yield path


def read_sources(sources: Iterable[str | Path]) -> Iterator[RawDocument | Quarantine]:
    """The documents of every file under `sources`, in a stable order."""
    for path in iter_paths(sources):
        yield from read_file(path)


def read_file(path: Path) -> Iterator[RawDocument | Quarantine]:
    """The documents one file holds: one for .txt/.html, one per line for .jsonl, per record for WARC."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        from tasks.warc import read_warc  # warcio is only needed when an archive is read

        yield from read_warc(path)
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield Quarantine(str(path), "unreadable", error.strerror or str(error), 0, None)
        return
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield RawDocument(str(path), "file", "text/plain", data)
    elif suffix in HTML_SUFFIXES:
        yield RawDocument(str(path), "file", "text/html", data)
    elif suffix in JSONL_SUFFIXES:
        yield from read_jsonl(str(path), data)
    else:
        detail = f"files ending in {suffix or '(no suffix)'} are not read; use .txt, .html, .jsonl or .warc"
        yield Quarantine(str(path), "unsupported_file_type", detail, len(data), sha256_hex(data))


def read_jsonl(uri: str, data: bytes) -> Iterator[RawDocument | Quarantine]:
    """One document per JSON line with `text` or `html`, and optional `url`, `title`, `published_at`."""
    for number, line in enumerate(data.splitlines(), start=1):
        if line.strip():
            yield _record_from_line(f"{uri}#L{number}", line)


def _record_from_line(uri: str, line: bytes) -> RawDocument | Quarantine:
    def quarantine(reason: str, detail: str) -> Quarantine:
        return Quarantine(uri, reason, detail, len(line), sha256_hex(line))

    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        return quarantine("bad_json", f"not a JSON object: {error}")
    if not isinstance(record, dict):
        return quarantine("bad_json", f"a JSON {type(record).__name__}, not an object")
    html, text = record.get("html"), record.get("text")
    body = html if isinstance(html, str) and html.strip() else text
    if not isinstance(body, str) or not body.strip():
        return quarantine("missing_text", "the record has no non-empty `text` or `html` field")
    return RawDocument(
        source_uri=uri,
        source_kind="jsonl",
        media_type="text/html" if body is html else "text/plain",
        data=body.encode("utf-8"),
        url=_optional_str(record.get("url")),
        title=_optional_str(record.get("title")),
        published_at=_optional_str(record.get("published_at")),
    )


def _optional_str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
