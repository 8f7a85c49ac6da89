"""Ids of inputs: one place, as every table's keys depend on them."""

from __future__ import annotations

import hashlib


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_id(source_uri: str, content_sha256: str) -> str:
    """Stable id of one input version: the same bytes from the same place are the same document."""
    return hashlib.sha256(f"{source_uri}\n{content_sha256}".encode()).hexdigest()[:32]
