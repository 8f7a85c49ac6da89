"""Publication dates: from what the input declares, a publication stamp taken off the page, the URL,
or an explicit date atop the text.

Never invented: a date needs its day, month and year written out; unknown stays None. The time of day and the
UTC offset are kept as the input wrote them: a declared "2025-10-02T08:30:00+02:00" is stored as
06:30 UTC with the offset +120 minutes; a date without a time is 00:00 UTC and has no offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from newsflow.tasks.core.settings import DATE_TEXT_WINDOW
from newsflow.tasks.core.timestamps import as_utc, read_timestamp, utc_offset_minutes
from newsflow.tasks.enrich.text_dates import TextDate, find_text_date

# /2025/01/13/, /2025-01-13/, /20250113/ in a URL path.
URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|-|_|\.|$)")
# A page stamp of when the story was changed, not published ("Updated: ...", "Mis à jour le ...").
# A time of day in a declared timestamp ("2025-10-02T08:30", "2025-10-02 08:30:00").
CLOCK_IN_TIMESTAMP = re.compile(r"\d{1,2}:\d{2}")
UPDATE_STAMP = re.compile(r"\b(?:updated|last modified|aktualisiert|ge[äa]ndert|mis à jour|actualizado|aggiornato|atualizado)\b", re.I)


@dataclass(frozen=True, slots=True)
class PublishedAt:
    """When a story was published (aware UTC), where that came from, and the UTC offset in
    minutes the source wrote the time with (None when it wrote none)."""

    at: datetime | None = None
    source: str | None = None
    utc_offset_minutes: int | None = None


def resolve_published_at(
    *, declared: str | None, declared_source: str | None, url: str | None, text: str, stamps: tuple[str, ...] = ()
) -> PublishedAt:
    """The publication time and where it came from: the input's own field, a publication stamp the
    cleaning took off the page ("Veröffentlicht am 3. März 2024, 18:20 Uhr"), the URL, or the text.
    A field that gives only the day takes the time of a stamp of that day (a page's meta date and
    the time under its byline)."""
    published = [stamp for stamp in stamps if not UPDATE_STAMP.search(stamp)]
    stamped = find_text_date("\n".join(published)) if published else None
    if declared:
        parsed = read_timestamp(declared)
        if parsed is not None and stamped is not None and _timed_on(stamped, parsed) and not CLOCK_IN_TIMESTAMP.search(declared):
            return PublishedAt(stamped.at, "page_stamp", stamped.utc_offset_minutes)  # the declared day, at the stamp's time
        if parsed is not None:
            return PublishedAt(as_utc(parsed), declared_source or "declared", utc_offset_minutes(parsed))
    if stamped is not None:
        return PublishedAt(stamped.at, "page_stamp", stamped.utc_offset_minutes)
    from_url = date_from_url(url)
    if from_url is not None:
        return PublishedAt(from_url, "url")
    from_text = find_text_date(text[:DATE_TEXT_WINDOW])
    if from_text is not None:
        return PublishedAt(from_text.at, "text", from_text.utc_offset_minutes)
    return PublishedAt()


def _timed_on(stamped: TextDate, day: datetime) -> bool:
    """The stamp gives a time of day, on `day` in the stamp's own zone."""
    local = stamped.at + timedelta(minutes=stamped.utc_offset_minutes or 0)
    return local.date() == day.date() and (local.hour, local.minute) != (0, 0)


def date_from_url(url: str | None) -> datetime | None:
    match = URL_DATE.search(url or "")
    return _date(*match.groups()) if match else None


def _date(year: str, month: str, day: str) -> datetime | None:
    try:
        return datetime(int(year), int(month), int(day), tzinfo=UTC)
    except ValueError:
        return None
