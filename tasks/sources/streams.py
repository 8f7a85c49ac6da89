"""Reading bytes safely, shared by every reader: regular files only, capped reads, hashes in a
stream, lines with a cap on each."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

READ_CHUNK = 1 << 20


def path_uri(path: Path | str) -> str:
    """A path as a source URI. A file name that is not valid UTF-8 (kept by Python as lone
    surrogates) is written with backslash escapes: stable, readable, and encodable."""
    raw = os.fsencode(str(path))
    return raw.decode("utf-8", "backslashreplace")


def open_regular(path: Path) -> BinaryIO:
    """A regular file opened for reading; raises OSError for anything else. O_NONBLOCK: a file
    swapped for a FIFO after the walk looked at it must not block the run."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise OSError(errno.EINVAL, "not a regular file")
    return os.fdopen(descriptor, "rb")


def read_capped(stream: BinaryIO, cap: int) -> bytes:
    """At most `cap` bytes: a file that grew after its size was checked is cut, never unbounded."""
    return stream.read(cap)


def hash_stream(stream: BinaryIO) -> str:
    """The sha256 of the rest of a stream, a chunk at a time (constant memory), so an input too
    large to read is still known by its bytes and not read again by the next run."""
    digest = hashlib.sha256()
    while chunk := stream.read(READ_CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def capped_lines(stream: BinaryIO, cap: int) -> Iterator[tuple[bytes | None, int, str]]:
    """(line, size, sha256) for each line of a stream; a line longer than `cap` comes as
    (None, size, sha256) and is never held whole."""
    pending = b""
    digest, size, over = hashlib.sha256(), 0, False
    while True:
        chunk = stream.read(READ_CHUNK)
        pieces = (pending + chunk).split(b"\n") if chunk else [pending]
        pending = pieces.pop() if chunk else b""
        for piece in pieces:
            digest.update(piece)
            size += len(piece)
            yield (None if over or size > cap else piece), size, digest.hexdigest()
            digest, size, over = hashlib.sha256(), 0, False
        if not chunk:
            return
        if len(pending) > cap:  # a line with no end in sight: hash it on the way, keep nothing
            digest.update(pending)
            size += len(pending)
            over, pending = True, b""
