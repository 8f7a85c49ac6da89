"""Dates of a sentence, absolute ("in 2023", "Jan. 13, 2025", "the 1990s") and relative ("Monday",
"last week", "earlier this year", "recently"), each resolved to a range of days against the
article's reference date: its publication date, else the story's earliest date.

Without any reference date a relative date is still resolved, against a notional day both sides
share, so that two relative dates can be compared; it is then shown unresolved."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from newsflow.tasks.drift import lexicon as lx
from newsflow.tasks.drift import patterns as p

# A Wednesday in mid-year: the reference when an article has no date at all. Weekdays resolve
# around it, and neither month nor year boundaries are near.
NOTIONAL_DAY = date(2001, 6, 13)
INDEPENDENT = "independent"  # a date with its year: needs no reference
REAL = "real"
NOTIONAL = "notional"
# Years further ahead than this of the article's date are numbers (a plan "by 2050" is still a year).
YEARS_AHEAD = 35
LATEST_UNDATED_YEAR = 2030  # the reference year assumed for that bound when an article has no date
FUZZY_COUNTS = frozenset({"several", "a few", "a couple of", "few"})  # "a few years ago"
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}

DayRange = tuple[date, date]


@dataclass(frozen=True, slots=True)
class DateRef:
    """The day relative dates count from, and how sure it is (1 own date, less for a stand-in)."""

    day: date | None
    confidence: float = 1.0

    @property
    def anchor(self) -> date:
        return self.day or NOTIONAL_DAY


@dataclass(frozen=True, slots=True)
class DateFact:
    surface: str
    start: int  # offsets in the body
    end: int
    absolute: bool  # says its date without a reference ("2023", "Jan. 13"), not "last week"
    fuzzy: bool  # approximate: "earlier this year", "late 2023", "recently"
    days: DayRange | None  # the days it may mean; None when open ("recently")
    label: str  # the normalised value: "2023", "2025-01-17", "2025-01-13..2025-01-19"
    anchored: str  # what `days` were resolved against: INDEPENDENT, REAL or NOTIONAL
    confidence: float  # the reference date's, when the date needed one

    @property
    def expression(self) -> str:
        return " ".join(re.sub(r"^(?:on|in|the)\s+", "", self.surface.lower()).split())

    def display(self) -> str:
        """The normalised value: an absolute date as such, a relative one resolved with its words."""
        if self.absolute:
            return self.label
        return f"{self.label} ({self.expression})" if self.anchored == REAL and self.days else self.expression


def date_facts(text: str, offset: int, ref: DateRef, words: frozenset[str] | None = None,
               stops: frozenset[str] = frozenset()) -> list[DateFact]:
    """The dates of `text` (which starts at `offset` in its body), longest patterns first.
    `words`, the sentence's lower-cased words, spare the patterns it cannot match; `stops`, its
    language's stop words, tell "2019 was" (a year) from "2000 troops" (a count)."""
    if words is None:
        words = lower_words(text)
    has_digit = p.DIGIT.search(text) is not None
    found: list[DateFact] = []
    taken: list[tuple[int, int]] = []
    for date_pattern in p.DATE_PATTERNS:
        if not date_pattern.may_match(words, has_digit):
            continue
        for match in date_pattern.pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            fact = date_fact(date_pattern.kind, match, text, ref, stops)
            if fact is not None:
                taken.append((match.start(), match.end()))
                found.append(shifted(fact, offset))
    return sorted(found, key=lambda f: f.start)


def lower_words(text: str) -> frozenset[str]:
    return trigger_words(p.WORD.findall(text))


def trigger_words(words: Iterable[str]) -> frozenset[str]:
    """Words lower-cased without possessives, with the parts of hyphenated ones (mid-January):
    what `DatePattern.may_match` looks for."""
    lowered = {p.POSSESSIVE.sub("", w.lower()) for w in words}
    return frozenset(lowered | {part for w in lowered if "-" in w for part in w.split("-")})


def is_future(text: str, position: int) -> bool:
    """Whether the clause around `position` speaks of the future ("will be signed on Friday",
    not "the Kremlin said Monday" in a sentence that also has a "will")."""
    start = max(text.rfind(",", 0, position), text.rfind(";", 0, position)) + 1
    ends = [i for i in (text.find(",", position), text.find(";", position)) if i >= 0]
    return bool(p.FUTURE_TENSE.search(text, start, min(ends) if ends else len(text)))


def shifted(fact: DateFact, offset: int) -> DateFact:
    return DateFact(fact.surface, fact.start + offset, fact.end + offset, fact.absolute, fact.fuzzy, fact.days,
                    fact.label, fact.anchored, fact.confidence)


def date_fact(kind: str, match: re.Match[str], text: str, ref: DateRef, stops: frozenset[str]) -> DateFact | None:
    """The date one pattern matched, or None when the words turn out to be no date."""
    groups = {k: v for k, v in match.groupdict().items() if v}
    absolute = kind in ("iso", "month_day", "day_month", "month_year", "month", "decade", "year")
    if kind == "year" and not is_year(text, match, ref, stops):
        return None
    if kind == "month" and not (groups.get("prep") or groups.get("qual")):
        return None
    if kind == "weekday" and not groups.get("rel") and p.NAMED_DAY_BEFORE.search(text, 0, match.start()):
        return None  # "Black Friday", "Super Tuesday": a name, not a day of this week
    days = resolved_days(kind, groups, ref.anchor, is_future(text, match.start()))
    if days is None and kind != "vague":
        return None
    fuzzy = bool(groups.get("qual") or groups.get("fuzzy") or kind == "vague"
                 or kind == "ago" and " ".join(groups["count"].lower().split()) in FUZZY_COUNTS)
    independent = "year" in groups or kind == "decade"
    anchored = INDEPENDENT if independent else REAL if ref.day is not None else NOTIONAL
    label = day_label(days, anchored != NOTIONAL) if days else groups.get("vague", "")
    return DateFact(match.group(), match.start(), match.end(), absolute, fuzzy, days, label, anchored,
                    1.0 if independent else ref.confidence)


def is_year(text: str, match: re.Match[str], ref: DateRef, stops: frozenset[str]) -> bool:
    """A four-digit number is a year unless money, a percentage, approximate ("more than 1900"),
    a count of things ("2000 troops") or further ahead than news looks (2097 metric tons)."""
    before = text[max(0, match.start() - 1):match.start()]
    if int(match.group("year")) > (ref.day.year if ref.day else LATEST_UNDATED_YEAR) + YEARS_AHEAD:
        return False
    if before in ("$", "€", "£", "¥", ",", ".") or p.NOT_A_YEAR_AFTER.match(text, match.end()):
        return False
    if p.APPROX_BEFORE.search(text, max(0, match.start() - p.APPROX_REACH), match.start()):
        return False
    if p.YEAR_PREPOSITION.search(text, max(0, match.start() - p.APPROX_REACH), match.start()):
        return True  # "in 2011 aims to": after "in", a year
    noun = p.PLURAL_AFTER.match(text, match.end())
    return noun is None or noun.group(1) in stops or noun.group(1) in lx.VERBS_AFTER_YEARS


def resolved_days(kind: str, groups: dict[str, str], ref: date, future: bool) -> DayRange | None:
    """The days a date means, with `ref` for whatever it leaves out."""
    if kind in ("iso", "month_day", "day_month"):
        return calendar_day(groups, ref, future)
    if kind in ("month_year", "month", "relative_month"):
        return month_days(groups, ref, future, kind)
    if kind == "weekday":
        return weekday_days(groups, ref, future)
    if kind == "day_word":
        shift = {"yesterday": -1, "tomorrow": 1}.get(groups["word"].lower(), 0)
        shift = -1 if groups["word"].lower().startswith("last") else shift
        return (ref + timedelta(shift),) * 2
    if kind in ("fuzzy_period", "period"):
        return period_days(groups, ref)
    if kind == "ago":
        return ago_days(groups, ref)
    if kind == "decade":
        start = int(groups["decade"]) if "decade" in groups else 1900 + int(groups["short"])
        start = start + 100 if "short" in groups and start < 1930 else start
        return date(start, 1, 1), date(start + 9, 12, 31)
    if kind == "year":
        return year_days(groups)
    return None  # "recently": no range


def calendar_day(groups: dict[str, str], ref: date, future: bool) -> DayRange | None:
    month = int(groups["month"]) if "month" in groups else month_number(groups["mon"])
    year = int(groups["year"]) if "year" in groups else nearest_year(month, ref, future)
    try:
        day = date(year, month, int(groups["day"]))
    except ValueError:
        return None
    return day, day


def month_number(name: str) -> int:
    return lx.MONTHS.get(name, lx.MONTHS.get(name[:3], 0))


def nearest_year(month: int, ref: date, future: bool) -> int:
    """The year of a month named without one: this year's, unless that is far on the wrong side."""
    if future and month < ref.month - 2:
        return ref.year + 1
    if not future and month > ref.month + 2:
        return ref.year - 1
    return ref.year


def month_days(groups: dict[str, str], ref: date, future: bool, kind: str) -> DayRange:
    month = month_number(groups["mon"])
    if "year" in groups:
        year = int(groups["year"])
    elif kind == "relative_month":
        rel = groups["rel"].split()[-1]
        year = {"last": ref.year - (month >= ref.month), "past": ref.year - (month >= ref.month),
                "previous": ref.year - (month >= ref.month), "next": ref.year + (month <= ref.month),
                "coming": ref.year + (month <= ref.month)}.get(rel, ref.year)
    else:
        year = nearest_year(month, ref, future)
    first, last = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return part_of((first, last), groups.get("qual") or groups.get("fuzzy"), ref)


def weekday_days(groups: dict[str, str], ref: date, future: bool) -> DayRange:
    weekday = lx.WEEKDAYS[groups["weekday"]]
    rel = (groups.get("rel") or "").split()[-1:] or [""]
    ahead = (weekday - ref.weekday()) % 7
    behind = (ref.weekday() - weekday) % 7
    if rel[0] in ("next", "coming"):
        day = ref + timedelta(ahead or 7)
    elif rel[0] in ("last", "past", "previous"):
        day = ref - timedelta(behind or 7)
    elif rel[0] == "this":
        day = ref + timedelta(weekday - ref.weekday())
    else:
        day = ref + timedelta(ahead) if future else ref - timedelta(behind)
    return day, day


def period_days(groups: dict[str, str], ref: date) -> DayRange:
    """The days of "last week", "this year", "earlier this month", "next summer", ..."""
    period = groups["period"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(groups["rel"].lower().split()[-1], 0)
    whole = shifted_period(period, ref, step)
    return part_of(whole, groups.get("fuzzy"), ref)


def shifted_period(period: str, ref: date, step: int) -> DayRange:
    """The calendar period (week, month, ...) holding `ref`, moved by `step` periods."""
    if period in ("week", "weekend"):
        monday = ref - timedelta(ref.weekday()) + timedelta(7 * step)
        return (monday + timedelta(5), monday + timedelta(6)) if period == "weekend" else (monday, monday + timedelta(6))
    if period == "month":
        index = ref.year * 12 + ref.month - 1 + step
        year, month = divmod(index, 12)
        return date(year, month + 1, 1), date(year, month + 1, calendar.monthrange(year, month + 1)[1])
    if period in SEASONS:
        return season_days(period, ref, step)
    size = {"year": 1, "decade": 10, "century": 100}[period]
    start = ref.year - ref.year % size + step * size
    return date(start, 1, 1), date(start + size - 1, 12, 31)


def season_days(season: str, ref: date, step: int) -> DayRange:
    first, last = SEASONS[season]
    year = ref.year + step
    if first > last:  # winter runs into the next year
        return date(year, first, 1), date(year + 1, last, calendar.monthrange(year + 1, last)[1])
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def part_of(days: DayRange, qualifier: str | None, ref: date) -> DayRange:
    """The part of a range a qualifier picks: "early" the first third, "earlier" up to the reference day."""
    if not qualifier:
        return days
    start, end = days
    third = (end - start) / 3
    word = qualifier.lower().split()[0]
    if word == "earlier":
        return start, min(end, max(start, ref))
    if word == "later":
        return max(start, min(end, ref)), end
    if word in ("early", "the") and not qualifier.lower().endswith("end of"):
        return start, start + third
    if word == "mid":
        return start + third, end - third
    return end - third, end  # late, the end of


def ago_days(groups: dict[str, str], ref: date) -> DayRange:
    count_word = " ".join(groups["count"].lower().split())
    count = int(count_word) if count_word.isdigit() else lx.UNITS_WORDS.get(count_word, 1)
    period = groups["period"].lower()
    if count_word in FUZZY_COUNTS:
        size = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}[period]
        return ref - timedelta(size * 9), ref - timedelta(size * 2)
    if period == "day":
        day = ref - timedelta(count)
        return day, day
    return shifted_period(period, ref, -count)


def year_days(groups: dict[str, str]) -> DayRange:
    year = int(groups["year"])
    last = year
    if "until" in groups:
        until = year - year % 100 + int(groups["until"])
        last = until if until == year + 1 else year
    return part_of((date(year, 1, 1), date(last, 12, 31)), groups.get("qual"), date(year, 7, 1))


def day_label(days: DayRange, has_year: bool) -> str:
    """A range of days as the shortest ISO-like label: 2023, 2023-03, 2025-01-17, or first..last."""
    first, last = days
    if first == last:
        return first.isoformat() if has_year else first.strftime("%m-%d")
    if first == date(first.year, 1, 1) and last == date(last.year, 12, 31):
        return str(first.year) if first.year == last.year else f"{first.year}..{last.year}"
    if first.day == 1 and last == date(first.year, first.month, calendar.monthrange(first.year, first.month)[1]):
        return first.strftime("%Y-%m") if has_year else first.strftime("%m")
    return f"{first.isoformat()}..{last.isoformat()}"


def date_change(origin: DateFact, copy: DateFact) -> str | None:
    """`vaguer`, `changed` or None for an origin date and the copy's date in its place.

    An exact date made relative or approximate is `vaguer` even when it resolves to the same or
    another day (issue 21: "in 2023" -> "earlier this year"), and so is a relative date of a wider
    range ("Monday" -> "last week": which week is meant depends on the writer). Otherwise ranges
    decide: a wider absolute range holding the origin's is vaguer, a disjoint one changed, a
    narrower one no drift."""
    if same_date(origin, copy):
        return None
    if not origin.fuzzy and (copy.fuzzy or origin.absolute and not copy.absolute):
        return "vaguer"
    if origin.days is None or copy.days is None or not comparable(origin, copy):
        return None
    (o_first, o_last), (c_first, c_last) = origin.days, copy.days
    if c_last - c_first > o_last - o_first and (not copy.absolute or c_first <= o_first and o_last <= c_last):
        return "vaguer"  # a wider range: "Monday" -> "last week", "March 5, 2023" -> "2023"
    if c_last < o_first or o_last < c_first:
        return "changed"
    return None


def same_date(origin: DateFact, copy: DateFact) -> bool:
    """The same words, or the same days said the same way ("Jan. 13" and "January 13"; not "in 2018"
    and "last year", which is the year made relative)."""
    return origin.expression == copy.expression or (
        origin.days == copy.days and origin.days is not None and origin.fuzzy == copy.fuzzy
        and origin.absolute == copy.absolute
    )


def comparable(origin: DateFact, copy: DateFact) -> bool:
    """Ranges mean something side by side unless one was resolved against the notional day and
    the other was not."""
    return NOTIONAL not in (origin.anchored, copy.anchored) or origin.anchored == copy.anchored
