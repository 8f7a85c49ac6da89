"""Inputs from the file system: files and folders of .txt (and Markdown), .html/.htm, .jsonl and WARC archives.

Every path met ends as a RawDocument, a Quarantine row or a counted Skipped (hidden files);
nothing raises and nothing is silent. Sizes are checked on `stat` before a byte is read, JSONL
is read a line at a time with a cap on each line, and only regular files are ever opened (a
FIFO opened for reading blocks forever). Folders are walked in sorted order, symlinked folders
followed once, so runs are reproducible and a symlink loop ends.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsflow.tasks.core.schema import Quarantine, RawDocument, Skipped, writable_text
from newsflow.tasks.core.settings import MAX_INPUT_BYTES, SMALL_RUN_BYTES
from newsflow.tasks.core.timestamps import parse_timestamp
from newsflow.tasks.sources.streams import capped_lines, hash_stream, open_regular, path_uri, read_capped

# Markdown is text: the cleaning reads its headings and bold lines without their marks (tasks/segment/lines.py).
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = (".warc", ".warc.gz")

Item = RawDocument | Quarantine | Skipped


def read_sources(sources: Iterable[str | Path]) -> Iterator[Item]:
    """The documents of every file under `sources`, in a stable order; each path once."""
    return read_walked(walk(sources))


def read_walked(entries: Iterable[Path | Quarantine | Skipped]) -> Iterator[Item]:
    """The documents of the entries of a walk: a file's documents, any other entry as it is."""
    for entry in entries:
        yield from read_file(entry) if isinstance(entry, Path) else (entry,)


def walk(sources: Iterable[str | Path]) -> Iterator[Path | Quarantine | Skipped]:
    """Every path under the given files and folders: a regular file as its Path, anything else
    (FIFO, socket, device, dangling link, symlink loop, unreadable folder) as a Quarantine row,
    hidden dot-files as Skipped. Paths are absolute, so an input keeps its identity whatever
    folder newsflow runs from; a path reached twice (overlapping sources, a second link to a
    folder) is given once."""
    walker = _Walker()
    for source in sources:
        # realpath, as the walk has always named a source by its real path (the identity of the
        # inputs already in a dataset); unlike Path.resolve it does not raise on a link loop.
        yield from walker.entry(Path(os.path.realpath(source)), top=True)


class _Walker:
    """One walk's memory: the files given, the folders walked and those being walked (by real path)."""

    def __init__(self) -> None:
        self.files: set[str] = set()
        self.folders: set[str] = set()
        self.open_folders: set[str] = set()

    def entry(self, path: Path, top: bool = False) -> Iterator[Path | Quarantine | Skipped]:
        uri = path_uri(path)
        if not top and path.name.startswith("."):
            yield Skipped(uri, "hidden")
            return
        try:
            info = path.stat()  # follows links: a loop raises ELOOP, a dangling link ENOENT
        except OSError as error:
            yield _unreachable(uri, path, error)
            return
        if stat.S_ISDIR(info.st_mode):
            yield from self.folder(path, uri)
        elif not stat.S_ISREG(info.st_mode):
            kind = _file_kind(info.st_mode)
            yield Quarantine(uri, "not_a_regular_file", f"a {kind}, never opened for reading", 0, None)
        elif uri in self.files:
            yield Skipped(uri, "file_reached_twice")  # overlapping sources: one input, read once
        else:
            self.files.add(uri)
            yield path

    def folder(self, path: Path, uri: str) -> Iterator[Path | Quarantine | Skipped]:
        real = os.path.realpath(path)
        if real in self.open_folders:
            yield Quarantine(uri, "symlink_loop", f"links back to {path_uri(real)}, which holds it", 0, None)
            return
        if real in self.folders:
            # A second way into a folder already walked: its files are not read again under
            # other names (they would become second documents of the same bytes).
            yield Skipped(uri, "folder_already_read")
            return
        self.folders.add(real)
        self.open_folders.add(real)
        try:
            try:
                children = sorted(os.scandir(path), key=lambda child: child.name)
            except OSError as error:
                yield Quarantine(uri, "unreadable", f"the folder cannot be listed: {error.strerror or error}", 0, None)
                return
            for child in children:
                yield from self.entry(Path(child.path))
        finally:
            self.open_folders.discard(real)


def _unreachable(uri: str, path: Path, error: OSError) -> Quarantine:
    if error.errno == errno.ELOOP:
        return Quarantine(uri, "symlink_loop", "a symbolic link that points back to itself", 0, None)
    if error.errno == errno.ENOENT and path.is_symlink():
        return Quarantine(uri, "dangling_link", f"a symbolic link to {os.readlink(path)!r}, which does not exist", 0, None)
    return Quarantine(uri, "unreadable", error.strerror or str(error), 0, None)


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device")):
        if test(mode):
            return kind
    return "special file"


def holds_several(path: Path) -> bool:
    """Whether the file may hold more than one input: a JSONL file or a WARC archive."""
    name = path.name.lower()
    return name.endswith(WARC_SUFFIXES) or path.suffix.lower() in JSONL_SUFFIXES


def read_file(path: Path) -> Iterator[RawDocument | Quarantine | Skipped]:
    """The documents one regular file holds: one for .txt/.html, one per line for .jsonl, one per
    record for WARC. Any failure to read becomes a quarantine row of the file."""
    uri = path_uri(path)
    try:
        yield from _read_file(path, uri)
    except Exception as error:  # a reader's bug or an OS error costs this file only, and is recorded
        yield Quarantine(uri, "unreadable", f"{type(error).__name__}: {error}", _size(path), None)


def _read_file(path: Path, uri: str) -> Iterator[RawDocument | Quarantine | Skipped]:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        from newsflow.tasks.sources.warc import read_warc  # warcio is only needed when an archive is read

        yield from read_warc(path, uri)
        return
    suffix = path.suffix.lower()
    with open_regular(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(uri, stream)
        elif size > MAX_INPUT_BYTES:
            yield Quarantine(uri, "too_large", f"{size} bytes, over the {MAX_INPUT_BYTES} byte cap; not read",
                             size, hash_stream(stream))
        elif suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
            media_type = "text/plain" if suffix in TEXT_SUFFIXES else "text/html"
            yield RawDocument(uri, "file", media_type, read_capped(stream, MAX_INPUT_BYTES))
        else:
            detail = f"files ending in {suffix or '(no suffix)'} are not read; use .txt, .md, .html, .jsonl or .warc"
            yield Quarantine(uri, "unsupported_file_type", detail, size, hash_stream(stream))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def read_jsonl(uri: str, stream: BinaryIO) -> Iterator[RawDocument | Quarantine]:
    """One document per JSON line with `text` or `html`, and optional `url`, `title`, `published_at`.

    A record is identified by its file and its bytes (`<file>#<sha256 of the line, 16 hex>`), not
    its line number, so lines added above it leave it the same input; a line repeated in the file
    is one input. A file of no record at all is one quarantine row, so that it is not silent."""
    records = 0
    for line, size, digest in capped_lines(stream, MAX_INPUT_BYTES):
        record_uri = f"{uri}#{digest[:16]}"
        if line is None:
            detail = f"a line of {size} bytes, over the {MAX_INPUT_BYTES} byte cap; not read"
            yield Quarantine(record_uri, "too_large", detail, size, digest)
        elif line.strip():
            yield record_from_line(record_uri, line, digest)
        else:
            continue
        records += 1
    if not records:
        yield Quarantine(uri, "empty", "a JSONL file with no record (no non-blank line)", 0, None)


def record_from_line(uri: str, line: bytes, digest: str) -> RawDocument | Quarantine:
    def quarantine(reason: str, detail: str) -> Quarantine:
        return Quarantine(uri, reason, detail, len(line), digest)

    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as error:  # ValueError: bad JSON, bad UTF-8, a 5,000-digit integer
        return quarantine("bad_json", f"not a JSON object: {type(error).__name__}: {error}")
    if not isinstance(record, dict):
        return quarantine("bad_json", f"a JSON {type(record).__name__}, not an object")
    html, text = record.get("html"), record.get("text")
    body = html if isinstance(html, str) and html.strip() else text
    if not isinstance(body, str) or not body.strip():
        return quarantine("missing_text", "the record has no non-empty `text` or `html` field")
    problems: list[str] = []
    return RawDocument(
        source_uri=uri,
        source_kind="jsonl",
        media_type="text/html" if body is html else "text/plain",
        data=writable_text(body).encode("utf-8"),
        url=optional_text(record, "url", problems),
        title=optional_text(record, "title", problems),
        published_at=optional_date(record, problems),
        problems=tuple(problems),
    )


def optional_text(record: dict, key: str, problems: list[str]) -> str | None:
    """A record's optional text field; a value of another type is noted as a problem."""
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        problems.append(f"{key}: a JSON {type(value).__name__}, not text; ignored")
        return None
    return writable_text(value.strip())


def optional_date(record: dict, problems: list[str]) -> str | None:
    """`published_at` when it reads as a date; otherwise None and a problem saying why."""
    value = optional_text(record, "published_at", problems)
    if value is not None and _parsed(value) is None:
        problems.append(f"published_at: {value[:80]!r} is not a date; ignored")
        return None
    return value


def _parsed(value: str) -> object:
    try:
        return parse_timestamp(value)
    except Exception:  # dateutil raises more than ValueError on hostile strings; unparsed is the answer
        return None


def small_run(entries: list[Path | Quarantine | Skipped], batch_size: int) -> bool:
    """Whether walked files make a small run: at most a batch of them, of at most SMALL_RUN_BYTES
    in all (a JSONL or WARC file holds many documents)."""
    if sum(not isinstance(entry, Skipped) for entry in entries) > batch_size:
        return False
    try:
        return sum(entry.stat().st_size for entry in entries if isinstance(entry, Path)) <= SMALL_RUN_BYTES
    except OSError:  # gone or changed since the walk: reading it will say what happened
        return False
