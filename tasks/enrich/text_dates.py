"""Dates written out in text, with the time of day and the zone when they stand beside them:
"Jan. 13, 2025", "3. März 2024, 18:20 Uhr", "14 de marzo de 2024 09:45 CET", "2025-10-02 08:30".

Month names in en, de, fr, es, it, pt; a day, month and year must all be written (never guessed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo

from newsflow.tasks.core.timestamps import ZONE_ABBREVIATIONS, as_utc, utc_offset_minutes

# Month names and abbreviations of the six languages, by month number.
MONTH_NAMES = {
    1: "january jan januar jänner janvier enero gennaio janeiro", 2: "february feb februar février fevrier febrero febbraio fevereiro",
    3: "march mar märz maerz mars marzo março marco", 4: "april apr avril abril aprile", 5: "may mai mayo maggio maio",
    6: "june jun juni juin junio giugno junho", 7: "july jul juli juillet julio luglio julho",
    8: "august aug août aout agosto", 9: "september sep sept septembre septiembre setiembre settembre setembro",
    10: "october oct oktober octobre octubre ottobre outubro", 11: "november nov novembre noviembre novembro",
    12: "december dec dezember décembre decembre diciembre dicembre dezembro",
}
MONTH_NUMBER = {name: number for number, names in MONTH_NAMES.items() for name in names.split()}
_MONTH = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
_YEAR = r"((?:19|20)\d{2})"
# 08 January 2025, 3. März 2024, 14 de marzo de 2024, 1er mai 2025, 1º de maio de 2025
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:\.|er|º|°)?\s+(?:de\s+)?({_MONTH})\.?,?\s+(?:de\s+)?{_YEAR}\b", re.I)
# Jan. 13, 2025; March 3rd, 2024
MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I)
# 2025-01-13
ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=T|\b)")
# 13.01.2025 (day first: the order of every language here that writes dates with dots)
DOTTED_DATE = re.compile(r"\b(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:19|20)\d{2})\b")

_ZONE = "|".join(sorted(ZONE_ABBREVIATIONS, key=len, reverse=True))
# 18:20, 8.30 a.m., 09h45, 10:30 PM EST, 08:30 +02:00, 14:00 GMT+1, 18.20 Uhr MESZ (a dot only before
# "Uhr" or a.m./p.m.: "12.50 per cent" is no time)
CLOCK = (
    r"(\d{1,2})(?:[:h]|\.(?=\d{2}\s*(?:uhr|[ap]\.?m)))(\d{2})(?::\d{2})?\s*(a\.?m\.?|p\.?m\.?)?(?:\s*(?:uhr|hs?|horas|hrs?)\b)?"
    rf"\s*(?:(?:gmt|utc)\s?([+-]\s?\d{{1,2}}(?::?\d{{2}})?)|(?-i:({_ZONE}))\b|([+-]\d{{2}}:?\d{{2}}))?"
)
# A time right after the date ("..., 18:20 Uhr", "... at 10:30 a.m.", "..., às 9h15", "...T08:30") ...
TIME_AFTER = re.compile(rf"\s*(?:[,|/–—T-]\s*)?(?:\bat\b|\bum\b|à|às|a las|alle(?: ore)?|ore)?\s*{CLOCK}", re.I)
# ... or right before it ("Published 3:45 PM, Jan 13, 2025").
TIME_BEFORE = re.compile(rf"{CLOCK}\s*(?:[,|/–—-]|\bon\b|\bam\b|\ble\b|\bel\b|\bil\b)?\s*$", re.I)


@dataclass(frozen=True, slots=True)
class TextDate:
    """A date found in text: aware UTC, and the UTC offset in minutes when a zone was written."""

    at: datetime
    utc_offset_minutes: int | None


def find_text_date(text: str) -> TextDate | None:
    """The first explicit date with a year in `text`, with the time of day and zone beside it."""
    found = [(match, kind) for kind, pattern in enumerate((DAY_MONTH_YEAR, MONTH_DAY_YEAR, ISO_DATE, DOTTED_DATE))
             if (match := pattern.search(text))]
    if not found:
        return None
    match, kind = min(found, key=lambda item: item[0].start())
    day = _day(match, kind)
    if day is None:
        return None
    after = TIME_AFTER.match(text, match.end())
    before = TIME_BEFORE.search(text[max(0, match.start() - 30) : match.start()])
    clock = after or before
    moment = _at_time(day, clock) if clock else None
    moment = moment or day
    return TextDate(as_utc(moment), utc_offset_minutes(moment))


def _day(match: re.Match[str], kind: int) -> datetime | None:
    groups = match.groups()
    if kind == 0:
        day, month, year = int(groups[0]), MONTH_NUMBER[groups[1].lower()], int(groups[2])
    elif kind == 1:
        day, month, year = int(groups[1]), MONTH_NUMBER[groups[0].lower()], int(groups[2])
    elif kind == 2:
        year, month, day = int(groups[0]), int(groups[1]), int(groups[2])
    else:
        day, month, year = int(groups[0]), int(groups[1]), int(groups[2])
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def _at_time(day: datetime, clock: re.Match[str]) -> datetime | None:
    hour, minute, half, gmt, zone, offset = clock.groups()
    hour, minute = int(hour), int(minute)
    if half:
        if hour > 12 or hour == 0:
            return None
        hour = hour % 12 + (12 if half.lower().startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return day.replace(hour=hour, minute=minute, tzinfo=_zone(zone, offset, gmt))


def _zone(name: str | None, offset: str | None, gmt: str | None) -> tzinfo | None:
    if name:
        return timezone(timedelta(hours=ZONE_ABBREVIATIONS[name]))
    written = offset or gmt
    if not written:
        return None
    sign = -1 if written.strip().startswith("-") else 1
    digits = re.sub(r"[^\d]", "", written)
    hours, minutes = (int(digits[:-2] or 0), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))
