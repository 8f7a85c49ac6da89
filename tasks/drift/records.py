"""The record types of fact drift: the two texts compared and one row per difference.

`detect.py` re-exports them; they live here so that the comparison modules can build rows
without importing the module that calls them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# Kinds of fact.
NUMBER = "number"
DATE = "date"
NAME = "name"
QUOTE = "quote"
KINDS = (NUMBER, DATE, NAME, QUOTE)

# Changes.
CHANGED = "changed"
DROPPED = "dropped"
ADDED = "added"
VAGUER = "vaguer"
CHANGES = (CHANGED, DROPPED, ADDED, VAGUER)


@dataclass(frozen=True, slots=True)
class DriftText:
    """One side of a comparison: a cleaned article body and what dates it."""

    body: str
    published_at: datetime | None  # aware UTC or None
    language: str | None = "en"


@dataclass(frozen=True, slots=True)
class Drift:
    """One difference between a copy and its origin (issue 21)."""

    kind: str  # number | date | name | quote
    change: str  # changed | dropped | added | vaguer
    origin_value: str | None
    value: str | None
    origin_sentence: str | None
    origin_start: int | None  # offsets of origin_sentence in origin.body
    origin_end: int | None
    sentence: str | None
    start: int | None  # offsets of sentence in copy.body
    end: int | None
    confidence: float  # 0..1
