"""Every id and key of the dataset, in one place: every table's keys depend on them."""

from __future__ import annotations

import hashlib
import unicodedata


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_id(source_uri: str, content_sha256: str) -> str:
    """Stable id of one input version: the same bytes from the same place are the same document."""
    return hashlib.sha256(f"{source_uri}\n{content_sha256}".encode()).hexdigest()[:32]


def article_id(doc_id: str, story_index: int) -> str:
    """Stable id of the n-th story of a document."""
    return f"{doc_id}-{story_index}"


def body_sha256(body: str) -> str:
    """Hash of a body after Unicode NFC and whitespace folding, so layout changes don't matter."""
    folded = " ".join(unicodedata.normalize("NFC", body).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def body_digest(body: str) -> str:
    """Hash of a body exactly as it is: two bodies with one digest give the same text to every stage."""
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def story_id(first_article_id: str) -> str:
    """Stable id of a story cluster, from the first of its articles by id."""
    return "story-" + hashlib.sha256(first_article_id.encode()).hexdigest()[:16]


def quarantine_key(source_uri: str, reason: str, content_sha256: str | None) -> str:
    """What makes two quarantine rows the same: the same input failing the same way."""
    return f"{source_uri}\n{reason}\n{content_sha256 or ''}"
