"""Publication dates: from what the input declares, the URL, or an explicit date atop the text.

Never invented: a date needs its year written out; unknown stays None. The time of day and the
UTC offset are kept as the input wrote them: a declared "2025-10-02T08:30:00+02:00" is stored as
06:30 UTC with the offset +120 minutes; a date without a time is 00:00 UTC and has no offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from dateutil import parser as dateutil_parser

from newsflow.tasks.core.settings import DATE_TEXT_WINDOW
from newsflow.tasks.core.timestamps import as_utc, read_timestamp, utc_offset_minutes

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# /2025/01/13/, /2025-01-13/, /20250113/ in a URL path.
URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|-|_|\.|$)")
TEXT_DATES = (
    re.compile(rf"\b(\d{{1,2}})\s+({MONTHS})\.?,?\s+((?:19|20)\d{{2}})\b", re.I),  # 08 January 2025
    re.compile(rf"\b({MONTHS})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d{{2}})\b", re.I),  # Jan. 13, 2025
    re.compile(r"\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b"),  # 2025-01-13
)


@dataclass(frozen=True, slots=True)
class PublishedAt:
    """When a story was published (aware UTC), where that came from, and the UTC offset in
    minutes the source wrote the time with (None when it wrote none)."""

    at: datetime | None = None
    source: str | None = None
    utc_offset_minutes: int | None = None


def resolve_published_at(*, declared: str | None, declared_source: str | None, url: str | None, text: str) -> PublishedAt:
    """The publication time and where it came from: the input's own field, the URL, or the text."""
    if declared:
        parsed = read_timestamp(declared)
        if parsed is not None:
            return PublishedAt(as_utc(parsed), declared_source or "declared", utc_offset_minutes(parsed))
    from_url = date_from_url(url)
    if from_url is not None:
        return PublishedAt(from_url, "url")
    from_text = date_from_text(text[:DATE_TEXT_WINDOW])
    if from_text is not None:
        return PublishedAt(from_text, "text")
    return PublishedAt()


def date_from_url(url: str | None) -> datetime | None:
    match = URL_DATE.search(url or "")
    return _date(*match.groups()) if match else None


def date_from_text(text: str) -> datetime | None:
    """The first explicit date with a year in `text`, or None."""
    found = [match for pattern in TEXT_DATES if (match := pattern.search(text))]
    if not found:
        return None
    match = min(found, key=lambda m: m.start())
    try:
        return as_utc(dateutil_parser.parse(match.group(0).replace(".", " ")))
    except (ValueError, OverflowError):
        return None


def _date(year: str, month: str, day: str) -> datetime | None:
    try:
        return datetime(int(year), int(month), int(day), tzinfo=UTC)
    except ValueError:
        return None
