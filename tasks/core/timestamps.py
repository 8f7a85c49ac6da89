"""Timestamps as aware UTC datetimes: shared by the readers (a JSONL record's `published_at`)
and by enrichment (the publication date it resolves, and the UTC offset the source wrote)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from dateutil import parser as dateutil_parser


def _zone(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


# Zone abbreviations that news pages and feeds write after a time ("10:30 EST", "18:20 MESZ"),
# each with one meaning; dateutil knows only UTC and GMT and reads any other as no zone at all.
# Ambiguous ones (IST: India, Israel or Ireland; CST: US or China) are left out: no offset is
# better than a wrong one.
ZONE_ABBREVIATIONS = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2,
    "EET": 2, "EEST": 3, "MSK": 3, "EST": -5, "EDT": -4, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8,
    "PDT": -7, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "HKT": 8, "SGT": 8,
}
_ZONES = {name: _zone(hours) for name, hours in ZONE_ABBREVIATIONS.items()}


def read_timestamp(value: str) -> datetime | None:
    """An ISO or human timestamp as written: aware when it names an offset or a known zone."""
    try:
        return dateutil_parser.parse(value.strip(), tzinfos=_ZONES)
    except (ValueError, OverflowError):
        return None


def parse_timestamp(value: str) -> datetime | None:
    """An ISO or human timestamp as an aware UTC datetime (naive ones are taken as UTC)."""
    parsed = read_timestamp(value)
    return None if parsed is None else as_utc(parsed)


def utc_offset_minutes(value: datetime) -> int | None:
    """The UTC offset a timestamp was written with, in minutes east of UTC; None for a naive one."""
    offset = value.utcoffset()
    return None if offset is None else int(offset.total_seconds() // 60)


def as_utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
