"""Datelines and wire agencies: `MOSCOW (AP) —`, `GENEVA, Jan 13 (Reuters) -`, `Berlin (dpa) -`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsflow.tasks.core.agencies import canonical_agency

# Words kept lower case when a capitalised place name is title-cased (RIO DE JANEIRO).
PLACE_PARTICLES = {"de", "da", "do", "dos", "das", "del", "la", "le", "les", "el", "of", "on", "upon", "am", "an", "der", "al"}

# Each word capitalised (or a particle), at most four: "In a significant move" is no place.
_CAPITALISED_WORD = r"[A-ZÀ-ÖØ-Þ][\w.'’\-]*"
_PLACE = rf"{_CAPITALISED_WORD}(?:\s+(?:{_CAPITALISED_WORD}|de|da|del|la|el|am|an|of)){{0,3}}?"
_DATE = r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+\w{3,9}\.?|\d{1,2}\.\d{1,2}\.(?:\d{2,4})?))?"
_DASH = r"\s*[—–\-]{1,2}\s*"
# PLACE[, Region][, date] (AGENCY) —
WITH_AGENCY = re.compile(
    rf"^\s*(?P<place>{_PLACE})(?:,\s*(?P<region>[A-Z][\w.\- ]{{1,30}}?))?{_DATE}\s*\((?P<agency>[^()\n]{{2,30}})\){_DASH}"
)
# PLACE — (no agency): the place must be in capitals, or any capitalised opening would match.
PLACE_ONLY = re.compile(r"^\s*(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’\- ]{2,40}?)(?:,\s*[A-Z][\w.\- ]{1,30}?)?\s+[—–]\s+")


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None
    agency: str | None


def parse_dateline(body: str) -> Dateline:
    """The dateline opening a body, if any: place (title-cased) and canonical agency name."""
    match = WITH_AGENCY.match(body[:200])
    if match:
        agency = canonical_agency(match.group("agency"))
        if agency:
            return Dateline(title_case_place(match.group("place")), agency)
    match = PLACE_ONLY.match(body[:120])
    if match:
        return Dateline(title_case_place(match.group("place")), None)
    return Dateline(None, None)


def title_case_place(place: str) -> str:
    """MOSCOW -> Moscow, RIO DE JANEIRO -> Rio de Janeiro; mixed-case names stay as written."""
    place = " ".join(place.split()).strip(" ,")
    if not place.isupper():
        return place
    words = [word.capitalize() for word in place.lower().split(" ")]
    return " ".join(w.lower() if i and w.lower() in PLACE_PARTICLES else w for i, w in enumerate(words))
