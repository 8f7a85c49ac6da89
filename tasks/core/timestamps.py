"""Timestamps as aware UTC datetimes: shared by the readers (a JSONL record's `published_at`)
and by enrichment (the publication date it resolves)."""

from __future__ import annotations

from datetime import UTC, datetime

from dateutil import parser as dateutil_parser


def parse_timestamp(value: str) -> datetime | None:
    """An ISO or human timestamp as an aware UTC datetime (naive ones are taken as UTC)."""
    try:
        parsed = dateutil_parser.parse(value.strip())
    except (ValueError, OverflowError):
        return None
    return as_utc(parsed)


def as_utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
