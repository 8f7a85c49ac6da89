"""Bytes to text: BOMs, UTF-8, declared HTML charsets and legacy 8-bit encodings.

A document that cannot be text (empty, binary, undecodable) is a result with a `problem`,
not an exception: the caller turns it into a quarantine row and goes on.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

# Longest BOMs first: the UTF-32 LE BOM begins with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of binary formats that sometimes land in a scrape folder under a text name.
BINARY_MAGIC = (
    b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF",
    b"RIFF", b"OggS", b"ID3", b"\x00\x00\x01\x00", b"BZh", b"7z\xbc\xaf",
)
HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
# Share of C0 control characters (other than tab/newline/CR/form feed) above which a decoded
# text is binary junk rather than a document; real pages have none.
MAX_CONTROL_SHARE = 0.01
# Accented letters among all letters in Western European text: about 2% in German, 4% in
# French, 8% in Icelandic; Cyrillic or Greek misread as cp1252 is near 100%.
MAX_ACCENTED_SHARE = 0.25
WESTERN_TYPOGRAPHY = frozenset("\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u00ab\u00bb\u00a0\u00a9\u00ae\u00b0\u00b7\u2022\u20ac\u00a3\u00bd\u00bc\u00be\u2122")
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text and the encoding it came from, or the problem that kept it from being text."""

    text: str | None
    encoding: str | None
    problem: str | None = None  # empty, binary, undecodable
    detail: str = ""


def decode_bytes(data: bytes, media_type: str = "text/plain") -> Decoded:
    """Decode an input's bytes: BOM, then UTF-8, then a declared HTML charset, then detection."""
    if not data.strip():
        return Decoded(None, None, "empty", f"{len(data)} bytes, no visible content")
    if data.startswith(BINARY_MAGIC):
        return Decoded(None, None, "binary", f"starts with the signature {data[:4]!r}")
    for text, encoding in _candidates(data, media_type):
        if _control_share(text) > MAX_CONTROL_SHARE:
            continue
        return Decoded(text, encoding)
    if b"\x00" in data:
        return Decoded(None, None, "binary", "NUL bytes and no text encoding fits")
    return Decoded(None, None, "undecodable", "no encoding decodes it to text")


def _candidates(data: bytes, media_type: str):
    """Decodings to try, most trustworthy first; each is (text, encoding)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            decoded = _try(data[len(bom):], encoding)
            if decoded is not None:
                yield decoded, encoding
            return
    decoded = _try(data, "utf-8")
    if decoded is not None:
        yield decoded, "utf-8"
        return
    declared = _declared_charset(data) if "html" in media_type else None
    if declared:
        decoded = _try(data, declared)
        if decoded is not None:
            yield decoded, declared
    western = _try(data, "cp1252")
    if western is not None and _reads_as_western(western):
        yield western, "cp1252"
    guess = from_bytes(data).best()
    if guess is not None:
        yield str(guess), guess.encoding


def _reads_as_western(text: str) -> bool:
    """True when every non-ASCII character of a windows-1252 decoding is a letter or typography.

    charset-normalizer often calls short Western text cp1257 or cp1250 (seen: French as
    Polish), while windows-1252 is what unlabelled legacy pages almost always are. Text in
    another 8-bit encoding decodes in cp1252 to symbols such as '³' or '¿' and fails here.
    """
    extra = [ch for ch in text if ord(ch) > 127]
    if not all(ch.isalpha() or ch in WESTERN_TYPOGRAPHY for ch in extra):
        return False
    # Cyrillic or Greek read as cp1252 is all accented letters; Western text is mostly ASCII.
    letters = sum(ch.isalpha() for ch in text)
    accented = sum(ch.isalpha() for ch in extra)
    return accented <= MAX_ACCENTED_SHARE * max(letters, 1)


def _declared_charset(data: bytes) -> str | None:
    match = HTML_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _control_share(text: str) -> float:
    if not text:
        return 1.0
    return len(CONTROL_CHARS.findall(text[:20000])) / min(len(text), 20000)
