"""Hostile inputs for newsflow's readers, shared by tests/test_fuzz.py and bench/fuzz.py.

Three parts:
- builders of good inputs by kind (`.txt`, `.html`, `.jsonl`, `.warc`, `.warc.gz`; the archives
  are written with warcio's WARCWriter, a record at a time, so a record can be mangled alone);
- the faults: byte-level mangling (truncate, flip), structural ones (a WARC header line
  deleted, records or lines duplicated, huge fields, JSON nested 1,000 deep, integers past
  Python's 4,300-digit limit, lone surrogates, file names that are not UTF-8, empty files,
  binary junk, gzip bombs, a WARC cut mid-record, a tag of 50,000 attributes, dates that are
  not dates) and file-system ones (symlinked folders, symlink loops, dangling symlinks,
  FIFOs, sparse giants);
- the accounting: `run_pipeline` reads a folder and runs the batch stages in this process, as
  a worker would, and `account` checks that every input written ended as a document or a
  quarantine row.

Every builder takes a `random.Random`, so a seed reproduces an input byte for byte.

What "accounted" means (the promise: bad input never fails a run, never is lost silently):
- a `.txt`/`.html` file, a FIFO, a dangling symlink, a link of a loop: at least one row
  (document or quarantine) whose `source_uri` names it;
- a `.jsonl` file: a row per distinct non-blank line (`<path>#...`; a line repeated in a file
  may be one input), or, for a file that has none (empty, blank lines only), a row for the
  file: the file is an input too;
- a WARC file: a row per response record (and per record that lost its `WARC-Type`) that is
  whole in the bytes written; a cut or corrupt archive may instead hold fewer record rows
  and one `bad_archive` row for the file, which accounts for the rest;
- for any file, a row naming the file itself (no `#`), such as `too_large` or `unreadable`,
  accounts for the whole file.
"""

from __future__ import annotations

import gzip
import io
import json
import math
import os
import random
import signal
import urllib.parse
import uuid
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

KINDS = ("txt", "html", "jsonl", "warc", "warc.gz")
# Faults that apply to a file of any kind.
GENERIC_FAULTS = ("none", "truncate", "flip", "duplicate", "huge_field", "bad_name", "empty", "binary_junk",
                  "lone_surrogate")
FAULTS_BY_KIND = {
    "txt": GENERIC_FAULTS,
    "html": GENERIC_FAULTS + ("deep_nesting", "many_attributes"),
    "jsonl": GENERIC_FAULTS + ("deep_nesting", "big_int", "bad_published_at"),
    "warc": GENERIC_FAULTS + ("drop_header", "cut_mid_record", "gzip_zeros", "deep_nesting", "many_attributes"),
    "warc.gz": GENERIC_FAULTS + ("drop_header", "cut_mid_record", "gzip_zeros", "many_attributes"),
}
# Faults of the file system rather than of a file's bytes (kind "fs").
FS_FAULTS = ("symlinked_folder", "symlink_loop", "dir_loop", "dangling_symlink", "fifo")
# WARC header lines that `drop_header` deletes from a response record.
DROPPABLE_HEADERS = ("WARC-Target-URI", "WARC-Type", "Content-Length", "WARC-Record-ID", "WARC-Date")
MAX_DETAIL_CHARS = 1000
DEEP = 1000  # JSON nesting depth: CPython's json module recurses once a level
BIG_INT_DIGITS = 5000  # over sys.get_int_max_str_digits()'s default of 4300
MANY_ATTRIBUTES = 50_000


@dataclass(frozen=True)
class Scale:
    """Sizes of the big faults: small in tests, large in the benchmarks."""

    huge_bytes: int = 9 * 2**20  # a field over newsflow.tasks.core.settings.MAX_INPUT_BYTES (8 MiB)
    huge_header_bytes: int = 2**20  # a WARC header line (WARC-Target-URI) of this many bytes
    gzip_zeros_bytes: int = 4 * 2**20  # decompressed size of a .warc.gz of zeros
    html_depth: int = 5000  # nested <div>s
    attributes: int = MANY_ATTRIBUTES
    # Vary the costly sizes below their maximum (the benchmark's thousands of inputs): parsing a
    # tag's attributes costs their square (50,000: ~8 s), cleaning text its length.
    vary: bool = False


def attribute_count(rng: random.Random, scale: Scale) -> int:
    """`scale.attributes`, or when the scale varies, log-uniform from 1,000 (the maximum 1 time in 10)."""
    if not scale.vary or rng.random() < 0.1:
        return scale.attributes
    return int(math.exp(rng.uniform(math.log(1000), math.log(scale.attributes))))


TEST_SCALE = Scale()
BENCH_SCALE = Scale(gzip_zeros_bytes=32 * 2**20, vary=True)


@dataclass
class Input:
    """One file (or special file) written into an inbox, and what it must end as."""

    path: bytes  # absolute, as os.fsencode spells it (a name need not be UTF-8)
    kind: str  # txt, html, jsonl, warc, warc.gz, fs
    fault: str
    units: int  # rows it must end as at least (lines, response records), unless a file-level row covers it
    good: bool = False  # every unit must be a document, not a quarantine row
    aliases: tuple[bytes, ...] = ()  # other paths a reader may name it by (a symlink's target)
    note: str = ""

    @property
    def name(self) -> str:
        return os.fsdecode(os.path.basename(self.path))

    @property
    def min_rows(self) -> int:
        if self.kind in ("txt", "html", "jsonl", "fs"):  # a file with no line left is still an input
            return max(1, self.units)
        return self.units

    def spellings(self) -> set[str]:
        """The strings a source_uri may use for this path."""
        names = set()
        for raw in (self.path, *self.aliases):
            names |= {os.fsdecode(raw), raw.decode("utf-8", "replace"), raw.decode("utf-8", "backslashreplace"),
                      raw.decode("latin-1"), urllib.parse.quote(raw, safe="/"),
                      os.path.realpath(raw).decode("utf-8", "backslashreplace")}
        return names


# ---------------------------------------------------------------------------------------------
# Good content.

CITIES = ("Lisbon", "Tallinn", "Valencia", "Gdansk", "Porto", "Utrecht", "Bergen", "Ghent", "Turku", "Bilbao")
SUBJECTS = ("the tram line", "the harbour bridge", "the new library", "the flood barrier", "the night bus network",
            "the district heating plant", "the cycle lanes", "the market hall")
VERBS = ("would open", "would close for repairs", "would cost more than planned", "would be finished",
         "would be extended", "would need a second vote")


def story_text(rng: random.Random, paragraphs: int = 3) -> str:
    """A plain-text news story: a headline, then paragraphs long enough to survive cleaning."""
    city = rng.choice(CITIES)
    subject = rng.choice(SUBJECTS)
    headline = f"{city} council says {subject} {rng.choice(VERBS)} in {rng.randint(2026, 2040)}"
    body = []
    for _ in range(paragraphs):
        body.append(
            f"Officials in {city} said on {rng.choice(('Monday', 'Tuesday', 'Friday'))} that {subject} "
            f"{rng.choice(VERBS)} in {rng.randint(2026, 2040)}, after {rng.randint(2, 19)} years of delays, and that "
            f"residents of the {rng.choice(('northern', 'eastern', 'old'))} districts would be consulted on the "
            f"plans before the council takes its final decision on the budget of {rng.randint(3, 900)} million euros."
        )
    return headline + "\n\n" + "\n\n".join(body) + "\n"


def page_html(rng: random.Random, text: str | None = None, body_attributes: str = "", head_extra: str = "") -> str:
    """An HTML news page around a story, with the markup trafilatura looks for."""
    lines = (text or story_text(rng)).strip().split("\n\n")
    paragraphs = "".join(f"<p>{line}</p>" for line in lines[1:])
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{lines[0]}</title>{head_extra}</head>"
            f"<body{body_attributes}><article><h1>{lines[0]}</h1>{paragraphs}</article></body></html>")


def jsonl_record(rng: random.Random, number: int) -> dict:
    text = story_text(rng)
    record: dict = {"url": f"https://news.example/{number}", "title": text.split("\n", 1)[0],
                    "published_at": f"2030-01-{rng.randint(1, 28):02d}"}
    if rng.random() < 0.3:
        record["html"] = page_html(rng, text)
    else:
        record["text"] = text
    return record


def jsonl_line(record: object) -> bytes:
    return json.dumps(record).encode()


@dataclass
class WarcRecord:
    """A record of an archive being built: its bytes (uncompressed) and whether it is a response."""

    data: bytes
    response: bool


def warc_record(rng: random.Random, url: str, record_type: str, body: bytes, content_type: str = "text/html",
                status: str = "200 OK") -> WarcRecord:
    """One record as WARCWriter writes it (uncompressed), with a seeded id and date."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    headers = {"WARC-Record-ID": f"<urn:uuid:{uuid.UUID(int=rng.getrandbits(128))}>",
               "WARC-Date": f"2030-01-{rng.randint(1, 28):02d}T12:00:00Z"}
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1") if record_type == "response" else None
    record = writer.create_warc_record(url, record_type, payload=io.BytesIO(body), warc_headers_dict=headers,
                                       http_headers=http)
    writer.write_record(record)
    return WarcRecord(out.getvalue(), record_type == "response")


def warc_records(rng: random.Random, pages: int | None = None) -> list[WarcRecord]:
    """A small CC-NEWS-like crawl: for each page a request and an HTML 200 response."""
    records = []
    for number in range(pages or rng.randint(1, 4)):
        url = f"https://news.example/{rng.randint(0, 10**6)}/{number}"
        records.append(warc_record(rng, url, "request", f"GET /{number} HTTP/1.1\r\nHost: news.example\r\n\r\n".encode()))
        records.append(warc_record(rng, url, "response", page_html(rng).encode()))
    return records


def join_records(records: list[WarcRecord], compressed: bool) -> tuple[bytes, list[int]]:
    """An archive's bytes and the offset at which each record's content ends (before the
    blank lines that close it), so a cut can be judged: a record whole before the cut counts."""
    data, ends = bytearray(), []
    for record in records:
        if compressed:
            data += gzip.compress(record.data, mtime=0)  # a gzip member a record, as WARCWriter writes
            ends.append(len(data))
        else:
            data += record.data
            ends.append(len(data) - len(record.data) + len(record.data.rstrip(b"\r\n")))
    return bytes(data), ends


def drop_header(record: bytes, name: str) -> bytes:
    """The record without its header line `name` (the WARC header block only)."""
    head, sep, rest = record.partition(b"\r\n\r\n")
    lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(name.lower().encode() + b":")]
    return b"\r\n".join(lines) + sep + rest


# ---------------------------------------------------------------------------------------------
# Byte-level mangling.

def truncate(data: bytes, rng: random.Random) -> bytes:
    """`data` cut at a random offset (never to nothing unless it was one byte)."""
    return data[: rng.randrange(1, len(data))] if len(data) > 1 else data


def flip_bytes(data: bytes, rng: random.Random, count: int | None = None) -> bytes:
    """`data` with 1-8 bytes XORed with a random non-zero value."""
    if not data:
        return data
    mangled = bytearray(data)
    for _ in range(count or rng.randint(1, 8)):
        mangled[rng.randrange(len(mangled))] ^= rng.randint(1, 255)
    return bytes(mangled)


def binary_junk(rng: random.Random) -> bytes:
    junk = rng.randbytes(rng.randint(1, 65536))
    magic = rng.choice((b"", b"", b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"\x1f\x8b\x08\x00", b"PK\x03\x04", b"WARC/1.0\r\n"))
    return magic + junk


def gzip_of_zeros(size: int, chunk: int = 2**20) -> bytes:
    """A gzip member of `size` zero bytes: ~1/1000 of that on disk."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = bytes(chunk)
    parts = []
    for start in range(0, size, chunk):
        parts.append(packer.compress(zeros[: min(chunk, size - start)]))
    parts.append(packer.flush())
    return b"".join(parts)


def write_gzip_of_zeros(path: Path | bytes, size: int, chunk: int = 2**22) -> None:
    """A gzip of `size` zero bytes written streaming (1 GiB decompressed: ~1 MB on disk)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = bytes(chunk)
    with open(path, "wb") as out:
        for start in range(0, size, chunk):
            out.write(packer.compress(zeros[: min(chunk, size - start)]))
        out.write(packer.flush())


def nested_json(depth: int = DEEP, rng: random.Random | None = None) -> str:
    """A JSON value nested `depth` deep: lists or objects."""
    if rng is not None and rng.random() < 0.5:
        return '{"a": ' * depth + "1" + "}" * depth
    return "[" * depth + "1" + "]" * depth


def big_int(digits: int = BIG_INT_DIGITS) -> str:
    return "1" + "0" * (digits - 1)


def many_attributes_html(rng: random.Random, count: int = MANY_ATTRIBUTES) -> str:
    """A news page whose <div> has `count` attributes."""
    attributes = " ".join(f'data-a{i}="{i}"' for i in range(count))
    text = story_text(rng).strip().split("\n\n")
    return (f"<html><head><title>{text[0]}</title></head><body><div {attributes}><article><h1>{text[0]}</h1>"
            + "".join(f"<p>{p}</p>" for p in text[1:]) + "</article></div></body></html>")


def deep_html(rng: random.Random, depth: int) -> str:
    text = story_text(rng).strip().split("\n\n")
    inner = "".join(f"<p>{p}</p>" for p in text[1:])
    return f"<html><head><title>{text[0]}</title></head><body>" + "<div>" * depth + inner + "</div>" * depth + "</body></html>"


# ---------------------------------------------------------------------------------------------
# Writing files (names may be bytes that are not UTF-8).

SUFFIX = {"txt": b".txt", "html": b".html", "jsonl": b".jsonl", "warc": b".warc", "warc.gz": b".warc.gz"}
BAD_NAME_BYTES = (b"\xff\xfe", b"caf\xe9", b"\xed\xa0\x80", b"\x80", b"\xc3\x28")


def write_file(folder: Path | bytes, name: bytes, data: bytes) -> bytes:
    """Write `data` as `folder/name` through a bytes path; returns the absolute bytes path."""
    path = os.path.join(os.path.abspath(os.fsencode(folder)), name)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
    return path


def count_lines(data: bytes) -> int:
    """Distinct non-blank lines of a JSONL file: the least a reader must account for.

    Lines are split at b"\\n" only (a reader splitting at \\r too finds more, never fewer); a
    line is blank when it is whitespace to bytes.strip() or, decoded, to str.strip(); a line
    repeated in the file may be one input (a reader may identify a record by its bytes)."""
    return len({line.strip() for line in data.split(b"\n")
                if line.strip() and line.decode("utf-8", "replace").strip()})


def build(folder: Path, kind: str, fault: str, rng: random.Random, index: int = 0,
          scale: Scale = TEST_SCALE) -> list[Input]:
    """Write one hostile input of `kind` with `fault` into `folder`; the Inputs written (a
    duplicated file is two)."""
    if kind == "fs":
        return build_fs(folder, fault, rng, index)
    if fault not in FAULTS_BY_KIND[kind]:
        raise ValueError(f"no fault {fault} for {kind}")
    stem = f"{index:05d}-{kind.replace('.', '_')}-{fault}".encode()
    name = stem + (b"-" + rng.choice(BAD_NAME_BYTES) if fault == "bad_name" else b"") + SUFFIX[kind]
    builder = {"txt": _text_file, "html": _html_file, "jsonl": _jsonl_file, "warc": _warc_file,
               "warc.gz": _warc_file}[kind]
    data, units, note = builder(kind, fault, rng, scale)
    # Good inputs must be documents, every unit of them. A duplicated line or record may be
    # quarantined as a duplicate; a copied file is a new document (README: a folder copy is).
    good = fault in ("none", "bad_name", "bad_published_at") or fault == "duplicate" and kind in ("txt", "html")
    inputs = [Input(write_file(folder, name, data), kind, fault, units, good=good, note=note)]
    if fault == "duplicate" and kind in ("txt", "html"):  # the same bytes under a second name
        copy = write_file(folder, stem + b"-copy" + SUFFIX[kind], data)
        inputs.append(Input(copy, kind, fault, units, good=True, note="copy of " + inputs[0].name))
    return inputs


def _text_file(kind: str, fault: str, rng: random.Random, scale: Scale) -> tuple[bytes, int, str]:
    good = story_text(rng).encode()
    if fault == "huge_field":  # one line over the input cap, or just under it
        under = rng.randint(2**20, 7 * 2**20) if scale.vary else 7 * 2**20
        size = scale.huge_bytes if rng.random() < 0.7 else under
        return (b"word " * (size // 5 + 1))[:size], 1, f"{size} bytes"
    if fault == "lone_surrogate":  # a surrogate encoded in "UTF-8" (CESU), which strict UTF-8 refuses
        return good.replace(b" that ", b" that \xed\xa0\x80 ", 1), 1, "CESU-8 surrogate bytes"
    return _generic(good, fault, rng) + (1, "")


def _html_file(kind: str, fault: str, rng: random.Random, scale: Scale) -> tuple[bytes, int, str]:
    if fault == "many_attributes":
        count = attribute_count(rng, scale)
        return many_attributes_html(rng, count).encode(), 1, f"{count} attributes"
    if fault == "deep_nesting":
        return deep_html(rng, scale.html_depth).encode(), 1, f"{scale.html_depth} nested divs"
    if fault == "huge_field":
        size = scale.huge_bytes
        if rng.random() < 0.5:
            return page_html(rng, head_extra=f'<meta name="x" content="{"x" * size}">').encode(), 1, "huge attribute"
        return page_html(rng, text="Huge\n\n" + "word " * (size // 5)).encode(), 1, "huge paragraph"
    if fault == "lone_surrogate":
        page = page_html(rng).replace(" that ", " that &#xd800; \udcff ", 1)  # entity and a raw surrogate byte
        return page.encode("utf-8", "surrogateescape"), 1, "surrogate entity and a stray byte"
    return _generic(page_html(rng).encode(), fault, rng) + (1, "")


def _generic(good: bytes, fault: str, rng: random.Random) -> tuple[bytes]:
    if fault == "truncate":
        return (truncate(good, rng),)
    if fault == "flip":
        return (flip_bytes(good, rng),)
    if fault == "empty":
        return (rng.choice((b"", b"\n", b"   \r\n\t")),)
    if fault == "binary_junk":
        return (binary_junk(rng),)
    return (good,)  # none, bad_name, duplicate


def _jsonl_file(kind: str, fault: str, rng: random.Random, scale: Scale) -> tuple[bytes, int, str]:
    records = [jsonl_record(rng, n) for n in range(rng.randint(1, 5))]
    lines = [jsonl_line(r) for r in records]
    position = rng.randrange(len(lines) + 1)
    note = ""
    if fault == "deep_nesting":
        where = rng.choice(("field", "top"))
        nested = nested_json(DEEP, rng)
        line = ('{"text": "A story with deep metadata.", "meta": ' + nested + "}") if where == "field" else nested
        lines.insert(position, line.encode())
        note = f"nested {DEEP} deep ({where})"
    elif fault == "big_int":
        field_name = rng.choice(("views", "published_at", "text"))
        record = {"text": story_text(rng)}
        line = json.dumps(record)[:-1] + f', "{field_name}": {big_int()}' + "}"
        lines.insert(position, line.encode())
        note = f"{BIG_INT_DIGITS}-digit integer in {field_name}"
    elif fault == "lone_surrogate":
        field_name = rng.choice(("text", "title", "url", "published_at", "html"))
        record = jsonl_record(rng, 99)
        value = "a \ud800 b" if field_name != "html" else "<p>a \udfff b</p>" + page_html(rng)
        record[field_name] = value if field_name != "text" else value + " " + story_text(rng)
        lines.insert(position, json.dumps(record).encode())  # ensure_ascii: the surrogate as the escape \ud800
        note = f"lone surrogate in {field_name}"
    elif fault == "bad_published_at":
        record = jsonl_record(rng, 98)
        record["published_at"] = rng.choice((12, "not a date", 1e308, [], {"year": 2030}, "2030-02-30", "99999-99-99",
                                             -1, True, "", "0000-00-00T00:00:00Z"))
        lines.insert(position, json.dumps(record).encode())
        note = f"published_at {record['published_at']!r}"
    elif fault == "huge_field":
        field_name = rng.choice(("text", "title", "url", "html"))
        record = jsonl_record(rng, 97)
        record[field_name] = "x" * scale.huge_bytes if field_name != "text" else "word " * (scale.huge_bytes // 5)
        lines.insert(position, json.dumps(record).encode())
        note = f"huge {field_name}"
    elif fault == "duplicate":
        lines.insert(position, lines[rng.randrange(len(lines))])
    data = b"\n".join(lines) + rng.choice((b"\n", b"", b"\r\n"))
    if fault in ("truncate", "flip", "empty", "binary_junk"):
        data = _generic(data, fault, rng)[0]
    return data, count_lines(data), note


def _warc_file(kind: str, fault: str, rng: random.Random, scale: Scale) -> tuple[bytes, int, str]:
    compressed = kind == "warc.gz"
    if fault == "gzip_zeros":  # decompresses to zeros: a bomb (small on disk, huge decompressed)
        return gzip_of_zeros(scale.gzip_zeros_bytes), 0, f"{scale.gzip_zeros_bytes} zero bytes gzipped"
    if fault in ("empty", "binary_junk"):
        return _generic(b"", fault, rng)[0], 0, ""
    records = warc_records(rng)
    note = ""
    responses = [i for i, r in enumerate(records) if r.response]
    if fault == "drop_header":
        target = rng.choice(responses)
        header = rng.choice(DROPPABLE_HEADERS)
        records[target] = WarcRecord(drop_header(records[target].data, header), True)
        note = f"{header} deleted from record {target}"
    elif fault == "duplicate":
        target = rng.choice(responses)
        records.insert(target + 1, records[target])
        note = f"record {target} twice"
    elif fault == "huge_field":
        url = "https://news.example/" + "a" * scale.huge_header_bytes
        if rng.random() < 0.5:
            records.append(warc_record(rng, url, "response", page_html(rng).encode()))
            note = "huge WARC-Target-URI"
        else:
            body = page_html(rng, text="Huge\n\n" + "word " * (scale.huge_bytes // 5)).encode()
            records.append(warc_record(rng, "https://news.example/huge", "response", body))
            note = "huge body"
    elif fault == "lone_surrogate":
        bad_url = "https://news.example/caf\udce9/\udced\udca0\udc80"  # raw bytes \xe9 and \xed\xa0\x80
        body = page_html(rng).replace(" that ", " that &#xd800; ", 1).encode()
        record = warc_record(rng, "https://news.example/placeholder", "response", body)
        record.data = record.data.replace(b"https://news.example/placeholder",
                                          bad_url.encode("utf-8", "surrogateescape"), 1)
        records.append(WarcRecord(record.data, True))
        note = "non-UTF-8 target URI, surrogate entity"
    elif fault == "deep_nesting":
        records.append(warc_record(rng, "https://news.example/deep", "response", deep_html(rng, scale.html_depth).encode()))
    elif fault == "many_attributes":
        count = attribute_count(rng, scale)
        records.append(warc_record(rng, "https://news.example/attrs", "response", many_attributes_html(rng, count).encode()))
        note = f"{count} attributes"
    data, ends = join_records(records, compressed)
    units = sum(r.response for r in records)
    if fault == "cut_mid_record":  # inside a response record's body
        target = rng.choice([i for i, r in enumerate(records) if r.response])
        start = ends[target - 1] if target else 0
        cut = rng.randrange(start + (ends[target] - start) // 2, ends[target] - 8)
        data = data[:cut]
        units = sum(r.response for r in records[:target])
        note = f"cut in record {target} at byte {cut}"
    elif fault == "truncate":
        data = truncate(data, rng)
        units = sum(r.response for r, end in zip(records, ends) if end <= len(data))
        note = f"cut at byte {len(data)}"
    elif fault == "flip":
        data = flip_bytes(data, rng)
    return data, units, note


# ---------------------------------------------------------------------------------------------
# File-system faults.

def build_fs(folder: Path, fault: str, rng: random.Random, index: int = 0, outside: Path | None = None) -> list[Input]:
    """A file-system fault in `folder`; `outside` (default: a sibling of `folder`) holds what a
    symlinked folder points to."""
    folder = Path(folder)
    tag = f"{index:05d}-fs-{fault}"
    if fault == "symlinked_folder":  # a link to a folder outside the inbox: its files are inputs, read once
        target = (outside or folder.parent / f"{folder.name}-outside") / tag
        target.mkdir(parents=True)
        link = folder / tag
        link.symlink_to(target, target_is_directory=True)
        inputs = []
        for n in range(2):
            (target / f"story-{n}.txt").write_text(story_text(rng))
            inputs.append(Input(os.fsencode(link / f"story-{n}.txt"), "fs", fault, 1, good=True,
                                aliases=(os.fsencode(target / f"story-{n}.txt"),), note="via a symlinked folder"))
        return inputs
    if fault == "symlink_loop":  # a.txt -> b.txt -> a.txt
        a, b = folder / f"{tag}-a.txt", folder / f"{tag}-b.txt"
        a.symlink_to(b.name)
        b.symlink_to(a.name)
        return [Input(os.fsencode(a), "fs", fault, 1, note="symlink loop"),
                Input(os.fsencode(b), "fs", fault, 1, note="symlink loop")]
    if fault == "dir_loop":  # d/again -> d: must end, and d's file must still be read
        loop = folder / tag
        loop.mkdir()
        (loop / "story.txt").write_text(story_text(rng))
        (loop / "again").symlink_to(".", target_is_directory=True)
        return [Input(os.fsencode(loop / "story.txt"), "fs", fault, 1, good=True, note="beside a folder loop")]
    if fault == "dangling_symlink":
        link = folder / f"{tag}.txt"
        link.symlink_to(folder / f"{tag}-gone.txt")
        return [Input(os.fsencode(link), "fs", fault, 1, note="dangling symlink")]
    if fault == "fifo":
        path = folder / f"{tag}.txt"
        os.mkfifo(path)
        return [Input(os.fsencode(path), "fs", fault, 1, note="a FIFO (opening it to read blocks)")]
    raise ValueError(f"no file-system fault {fault}")


def write_sparse(path: Path, size: int) -> None:
    """A sparse file of `size` bytes (a hole: no disk used, zeros when read)."""
    with open(path, "wb"):
        pass
    os.truncate(path, size)


def write_warc_with_huge_body(path: Path, body_bytes: int, chunk: int = 2**22) -> None:
    """An uncompressed WARC of one HTML 200 response whose body is `body_bytes` long, written
    streaming: the record header by hand (warcio's writer would read the payload to digest it)."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = b"<html><body><article><p>"
    tail = b"</p></article></body></html>"
    filler = body_bytes - len(head) - len(tail)
    length = len(http) + body_bytes
    warc = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
            b"WARC-Target-URI: https://news.example/huge\r\nWARC-Date: 2030-01-01T00:00:00Z\r\n"
            b"Content-Type: application/http; msgtype=response\r\n" + f"Content-Length: {length}\r\n\r\n".encode())
    words = (b"word " * (chunk // 5 + 1))[:chunk]
    with open(path, "wb") as out:
        out.write(warc + http + head)
        for start in range(0, filler, chunk):
            out.write(words[: min(chunk, filler - start)])
        out.write(tail + b"\r\n\r\n")


# ---------------------------------------------------------------------------------------------
# Running the reading code and accounting for every input.

@dataclass(frozen=True)
class Row:
    """A row a run produced: a document or a quarantine row."""

    source_uri: str
    table: str  # documents, quarantine, or skipped (no input by design: a WARC request record)
    reason: str | None = None
    detail: str | None = None
    sha256: str | None = None  # a document's content_sha256


@dataclass
class Account:
    """What became of one input."""

    input: Input
    rows: list[Row] = field(default_factory=list)
    problem: str | None = None  # why it is not accounted for, None when it is


@dataclass
class PipelineRun:
    """The rows a run in this process produced, and (when kept) the tables of its batches."""

    rows: list[Row] = field(default_factory=list)
    tables: dict[str, list] = field(default_factory=dict)

    def table(self, name: str):
        import pyarrow as pa

        return pa.concat_tables(self.tables[name]) if self.tables.get(name) else None

    def documents(self) -> list[Row]:
        return [row for row in self.rows if row.table == "documents"]

    def quarantined(self) -> list[Row]:
        return [row for row in self.rows if row.table == "quarantine"]


def run_pipeline(sources: list[Path], spacy_model: str | None = None, batch_size: int = 50,
                 keep_tables: bool = False) -> PipelineRun:
    """read_sources over `sources`, then the batch stages (newsflow.tasks.pipeline.batches.process_batch, as a
    worker runs them: extract, clean and split, enrich, entities, and the batch's Parquet-schema
    tables) a batch at a time. Skipped items (no input by design) are kept as rows of their own,
    as the flow counts them, and not sent to the stages."""
    from newsflow.tasks.pipeline.batches import process_batch
    from newsflow.tasks.sources.files import read_sources

    run = PipelineRun()
    batch: list = []

    def flush() -> None:
        processed = process_batch(batch, "fuzz", datetime(2030, 1, 1, tzinfo=UTC), spacy_model)
        documents = processed.tables["documents"].select(["source_uri", "content_sha256"]).to_pylist()
        run.rows.extend(Row(d["source_uri"], "documents", sha256=d["content_sha256"]) for d in documents)
        quarantine = processed.tables["quarantine"].select(["source_uri", "reason", "detail"]).to_pylist()
        run.rows.extend(Row(q["source_uri"], "quarantine", q["reason"], q["detail"]) for q in quarantine)
        if keep_tables:
            for name, table in processed.tables.items():
                run.tables.setdefault(name, []).append(table)
        batch.clear()

    for item in read_sources(sources):
        if not hasattr(item, "reason") and not hasattr(item, "data"):  # newsflow.tasks.core.schema.Skipped: counted by the flow
            run.rows.append(Row(item.source_uri, "skipped", getattr(item, "why", None)))
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return run


def dataset_rows(data: Path) -> list[Row]:
    """The document and quarantine rows of a dataset folder (after `newsflow ingest`)."""
    from newsflow.tasks.store.dataset import connect

    db = connect(Path(data))
    rows = [Row(uri, "documents", sha256=sha) for uri, sha in
            db.execute("SELECT source_uri, content_sha256 FROM documents").fetchall()]
    rows += [Row(uri, "quarantine", reason, detail) for uri, reason, detail in
             db.execute("SELECT source_uri, reason, detail FROM quarantine").fetchall()]
    return rows


def _file_part(uri: str) -> str:
    uri = uri.removeprefix("file://")
    return uri.split("#", 1)[0]


def account(inputs: list[Input], rows: list[Row]) -> list[Account]:
    """What became of each input; `problem` says what is missing. Rows are matched to an input
    by the path they name (before any #fragment; any of `Input.spellings`); rows naming no
    input but an inbox folder are given to the inputs whose names are not UTF-8, which a
    reader may spell in ways not foreseen here."""
    by_file: dict[str, list[Row]] = {}
    for row in (row for row in rows if row.table != "skipped"):
        by_file.setdefault(_file_part(row.source_uri), []).append(row)
    accounts, claimed = [], set()
    for item in inputs:
        mine = [row for spelling in item.spellings() for row in by_file.get(spelling, [])]
        claimed.update(spelling for spelling in item.spellings() if spelling in by_file)
        accounts.append(Account(item, list(dict.fromkeys(mine))))
    orphans = {key: found for key, found in by_file.items() if key not in claimed}
    for entry in accounts:
        if not entry.rows and not _utf8(entry.input.path):
            folder = os.fsdecode(os.path.dirname(entry.input.path))
            for key in [k for k in orphans if k.startswith(folder + "/") or k.startswith(folder + os.sep)]:
                entry.rows.extend(orphans.pop(key))
    for entry in accounts:
        entry.problem = _problem(entry)
    return accounts


def _utf8(path: bytes) -> bool:
    try:
        path.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _problem(entry: Account) -> str | None:
    item, rows = entry.input, entry.rows
    long = [row for row in rows if row.detail is not None and len(row.detail) > MAX_DETAIL_CHARS]
    if long:
        return f"a quarantine detail of {len(long[0].detail)} characters ({long[0].reason})"
    file_level = any("#" not in row.source_uri.removeprefix("file://") for row in rows if row.table == "quarantine")
    if item.good:
        documents = {row.source_uri for row in rows if row.table == "documents"}
        if len(documents) < item.units:
            reasons = sorted({row.reason for row in rows if row.table == "quarantine"})
            return f"a good input: {len(documents)} document(s) of {item.units}; quarantined as {reasons}"
        return None
    if file_level or item.kind in ("warc", "warc.gz") and any(row.reason == "bad_archive" for row in rows):
        return None
    distinct = len({row.source_uri for row in rows})
    if distinct < item.min_rows:
        return f"{distinct} row(s) for {item.min_rows} input(s)"
    return None


# ---------------------------------------------------------------------------------------------
# Guards.

@contextmanager
def deadline(seconds: float, what: str = "reading") -> Iterator[None]:
    """Raise TimeoutError in this (main) thread after `seconds`: a reader that opens a FIFO
    blocks forever, and a test must fail rather than hang."""
    def expire(signum, frame):
        raise TimeoutError(f"{what} took more than {seconds} s (a FIFO opened for reading, or a hang)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def one_of_each(folder: Path, rng: random.Random, scale: Scale = TEST_SCALE) -> list[Input]:
    """An inbox holding every fault of every kind once, and every file-system fault."""
    inputs, index = [], 0
    for kind in KINDS:
        for fault in FAULTS_BY_KIND[kind]:
            inputs += build(folder, kind, fault, rng, index, scale)
            index += 1
    for fault in FS_FAULTS:
        inputs += build_fs(folder, fault, rng, index)
        index += 1
    return inputs
