"""Dates of a sentence, absolute ("in 2023", "Jan. 13, 2025", "the 1990s", "in the spring", "the
first half of 2024", "Q3 2024") and relative ("Monday", "last week", "earlier this year", "the end
of the year", "in the coming weeks", "recently"), each resolved to a range of days against the
article's reference date: its publication date, else the story's earliest date. Seasons are the
northern hemisphere's. Open relative dates ("recently", "soon") get the days they may mean at most
and only say on which side of the reference day they lie; dates said against the story's own time
("that year", "a week later", "at the time") get none.

Without any reference date a relative date is still resolved, against a notional day both sides
share, so that two relative dates can be compared; it is then shown unresolved."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
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
# Prepositions after which "May" is the month ("in May"), not the name ("to May").
STRONG_PREPOSITIONS = frozenset({"in", "since", "until", "till", "by", "from", "through", "throughout", "during",
                                 "before", "after", "of", "for"})
OPEN_AHEAD = re.compile(r"coming|next|soon|future", re.I)
ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "final": 3, "last": 3}
PRECISE_PART = re.compile(r"half|quarter|week|months|days|^q", re.I)  # a part with exact bounds, not "the end of"
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
    open: bool = False  # an open relative date ("recently"): its days are a reach, shown as its words

    @property
    def expression(self) -> str:
        return " ".join(re.sub(r"^(?:on|in|the)\s+", "", self.surface.lower()).split())

    def display(self) -> str:
        """The normalised value: an absolute date as such, a relative one resolved with its words."""
        if self.absolute:
            return self.label
        resolved = self.anchored == REAL and self.days and not self.open
        return f"{self.label} ({self.expression})" if resolved else self.expression


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
    return in_stated_year(with_stated_days(sorted(found, key=lambda f: f.start), text, offset))


YEAR_LABEL = re.compile(r"\d{4}")
YEAR_WORDS = re.compile(r"\b\d{4}\b")


def in_stated_year(found: list[DateFact]) -> list[DateFact]:
    """A day or month given without its year ("kicking off June 9th") in a sentence that states
    one year ("will tour in 2020") is of that year, not of the one nearest the reference."""
    years = {f.label for f in found if f.absolute and YEAR_LABEL.fullmatch(f.label)}
    if len(years) != 1:
        return found
    year = int(next(iter(years)))
    out = []
    for fact in found:
        days = fact.days
        if fact.absolute and days is not None and not YEAR_WORDS.search(fact.surface) \
                and days[0].year == days[1].year != year and fact.label[:4].isdigit():
            try:
                days = (days[0].replace(year=year), days[1].replace(year=year))
            except ValueError:  # February 29th
                out.append(fact)
                continue
            fact = replace(fact, days=days, label=str(year) + fact.label[4:])
        out.append(fact)
    return out


STATED_DAY = re.compile(r"\s*\(\s*$")


def with_stated_days(found: list[DateFact], text: str, offset: int) -> list[DateFact]:
    """A relative date followed by the date it means in parentheses ("today (Nov. 18)", "Monday
    night (Nov. 18)") is one date: the words, meaning the stated days whatever the reference."""
    merged: list[DateFact] = []
    for fact in found:
        last = merged[-1] if merged else None
        if last is not None and not last.absolute and fact.absolute and fact.days is not None \
                and STATED_DAY.match(text[last.end - offset:fact.start - offset]) \
                and text[fact.end - offset:fact.end - offset + 1] == ")":
            anchored = REAL if fact.anchored == INDEPENDENT else fact.anchored
            merged[-1] = replace(last, surface=f"{last.surface} ({fact.surface})", end=fact.end + 1, days=fact.days, label=fact.label, anchored=anchored,
                                 confidence=fact.confidence, fuzzy=False, open=False)
        else:
            merged.append(fact)
    return merged


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
    end = min(ends) if ends else len(text)
    if PAST_BEFORE.search(text, start, position):
        # "held a July 10 meeting where it will decide": a relative clause after the date says
        # what is to come after it, not when it is.
        relative = RELATIVE_CLAUSE.search(text, position, end)
        end = relative.start() if relative else end
    return bool(p.FUTURE_TENSE.search(text, start, end))


# A verb in the past tense, and the word opening a relative clause.
PAST_BEFORE = re.compile(r"\b(?:was|were|had|did|held|met|said|announced|agreed|[a-z]{3,}ed)\b", re.I)
RELATIVE_CLAUSE = re.compile(r"\b(?:where|which|who|that|when|at\s+which)\b", re.I)


def shifted(fact: DateFact, offset: int) -> DateFact:
    return DateFact(fact.surface, fact.start + offset, fact.end + offset, fact.absolute, fact.fuzzy, fact.days,
                    fact.label, fact.anchored, fact.confidence, fact.open)


def date_fact(kind: str, match: re.Match[str], text: str, ref: DateRef, stops: frozenset[str]) -> DateFact | None:
    """The date one pattern matched, or None when the words turn out to be no date."""
    groups = {k: v for k, v in match.groupdict().items() if v}
    absolute = kind in ("iso", "month_day", "day_month", "month_year", "month", "decade", "year", "season", "quarter") \
        or kind == "part" and "period" not in groups
    absolute = absolute and "rel" not in groups and "yearrel" not in groups
    if kind == "year" and not is_year(text, match, ref, stops):
        return None
    if kind == "season" and not (groups.get("prep") or groups.get("qual") or groups.get("year") or groups.get("rel")
                                 or groups.get("yearrel")):
        return None
    if kind == "month" and not (groups.get("prep") and (groups["prep"].lower() in STRONG_PREPOSITIONS or groups["mon"] != "May")
                                or groups.get("qual") or lone_month(text, match)):
        return None  # "and May", "to May": the name; "and November", "on November": the month
    if kind == "vague" and groups["vague"].lower() == "soon" and not is_future(text, match.start()):
        return None  # "soon after": after some event, not the article's day
    if kind == "weekday" and not groups.get("rel") and p.NAMED_DAY_BEFORE.search(text, 0, match.start()):
        return None  # "Black Friday", "Super Tuesday": a name, not a day of this week
    days = resolved_days(kind, groups, ref.anchor, is_future(text, match.start()))
    if days is None and kind not in ("vague", "anaphoric"):
        return None
    fuzzy = bool(groups.get("qual") or groups.get("fuzzy") or kind in ("vague", "year_end", "anaphoric")
                 or kind in ("ago", "span") and " ".join(groups["count"].lower().split()) in FUZZY_COUNTS
                 or kind == "part" and not PRECISE_PART.search(groups["part"]))
    independent = "year" in groups or "yearonly" in groups or kind == "decade"
    anchored = INDEPENDENT if independent else REAL if ref.day is not None else NOTIONAL
    label = day_label(days, anchored != NOTIONAL) if days and not groups.get("vague") else groups.get("vague", "")
    return DateFact(match.group(), match.start(), match.end(), absolute, fuzzy, days, label, anchored,
                    1.0 if independent else ref.confidence, kind in ("vague", "anaphoric"))


def lone_month(text: str, match: re.Match[str]) -> bool:
    """Whether a month named without a preposition is the month ("the November vote", "November's
    figures"), not a name or a verb: a full name but May and March, no capitalised word beside it."""
    if match.group("mon") in ("May", "March") or len(match.group("mon")) < 4:
        return False
    after = p.WORD.match(text, match.end() + 1) if text[match.end():match.end() + 1] == " " else None
    before = text[:match.start("mon")].rstrip().rsplit(None, 1)[-1:] or [""]
    capital_after = after is not None and after.group()[:1].isupper()
    capital_before = before[0][:1].isupper() and not before[0].endswith((".", "!", "?", ":", "—"))
    return not capital_after and not capital_before


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
    return noun is None or noun.group(1) in stops or noun.group(1) in lx.VERBS_AFTER_YEARS \
        or noun.group(1).lower() in lx.NOUNS_AFTER_YEARS


def resolved_days(kind: str, groups: dict[str, str], ref: date, future: bool) -> DayRange | None:
    """The days a date means, with `ref` for whatever it leaves out."""
    if kind in ("iso", "month_day", "day_month"):
        return calendar_day(groups, ref, future)
    if kind in ("month_year", "month", "relative_month", "month_rel_year"):
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
        return part_of((date(start, 1, 1), date(start + 9, 12, 31)), groups.get("qual"), ref)
    if kind == "year":
        return year_days(groups)
    if kind in ("part", "quarter"):
        return part_days(groups, ref, future)
    if kind == "season":
        return season_occurrence(groups, ref, future)
    if kind == "weekend":
        return weekend_days(ref, future)
    if kind == "span":
        return span_days(groups, ref)
    if kind == "year_end":
        return part_of(shifted_period("year", ref, relative_step(groups.get("rel"))), "late", ref)
    if kind == "vague":
        return vague_days(groups["vague"], ref, future)
    return None


def relative_step(rel: str | None) -> int:
    """-1 for "last", 1 for "next", 0 for "this" or none."""
    word = (rel or "").lower().split()[-1:] or [""]
    return {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(word[0], 0)


def part_days(groups: dict[str, str], ref: date, future: bool) -> DayRange:
    """The days of "the first half of 2023", "the end of the year", "Q3 2024", "the last week of May"."""
    if "yearonly" in groups:
        whole = date(int(groups["yearonly"]), 1, 1), date(int(groups["yearonly"]), 12, 31)
    elif "mon" in groups:
        whole = month_days({k: v for k, v in groups.items() if k in ("mon", "year")}, ref, future, "month")
    else:
        rel = groups["rel"].lower()
        step = 0 if rel == "the" else relative_step(rel)
        period = groups["period"].lower()
        whole = season_occurrence({"season": period, "rel": rel}, ref, future) if period in SEASONS \
            else shifted_period(period, ref, step)
    part = " ".join(groups["part"].lower().split())
    start, end = whole
    length = (end - start).days + 1
    if part.startswith("q") or "quarter" in part or "half" in part:
        pieces = 2 if "half" in part else 4
        index = int(part[1]) - 1 if part.startswith("q") else min(pieces - 1, ORDINALS.get(part.split()[1], 3))
        if length >= 365:  # a year's halves and quarters are its months'
            months = 12 // pieces
            first = date(start.year, 1 + index * months, 1)
            last_month = index * months + months
            return first, date(start.year, last_month, calendar.monthrange(start.year, last_month)[1])
        return start + timedelta(round(length * index / pieces)), \
            start + timedelta(round(length * (index + 1) / pieces) - 1)
    if part.endswith("week"):
        return (end - timedelta(6), end) if part.split()[1] in ("last", "final") else (start, start + timedelta(6))
    if part.endswith(("months", "weeks", "days")):  # "the first six months of 2024"
        count_word = part.split()[2]
        count = int(count_word) if count_word.isdigit() else lx.UNITS_WORDS.get(count_word, 1)
        if part.endswith("months") and start.day == 1 and start.month == 1 and count <= 12:
            if part.split()[1] == "first":  # a year's first months, whole
                return start, date(start.year, count, calendar.monthrange(start.year, count)[1])
            return date(start.year, 13 - count, 1), end
        count *= 30 if part.endswith("months") else 1
        size = timedelta(count * (7 if part.endswith("weeks") else 1))
        return (max(start, end - size + timedelta(1)), end) if part.split()[1] in ("last", "final") \
            else (start, min(end, start + size - timedelta(1)))
    word = part.split()[-2] if part.endswith("part") else part.split()[-1]
    qualifier = {"start": "early", "beginning": "early", "early": "early", "middle": "mid", "turn": "late",
                 "end": "late", "close": "late", "late": "late", "later": "late"}[word]
    if word == "turn":  # "the turn of the year": its last days and the next one's first
        return end - timedelta(length // 12), end + timedelta(length // 12)
    return part_of(whole, qualifier, ref)


def season_occurrence(groups: dict[str, str], ref: date, future: bool) -> DayRange:
    """The days of a season (northern hemisphere): of the year given; "this" the one holding the
    reference day, else the nearest; "last" the latest over, "next" the first to come; bare ("in
    the spring") the latest begun, or in a future clause the first not over."""
    season = groups["season"].lower()
    if "year" in groups or "yearrel" in groups:
        year = int(groups["year"]) if "year" in groups else ref.year + relative_step(groups["yearrel"])
        return part_of(season_days(season, date(year, 7, 1), 0), groups.get("qual"), ref)
    words = (groups.get("rel") or "").lower().split()
    word = words[-1] if words else ""
    occurrences = [season_days(season, ref, step) for step in (-2, -1, 0, 1)]
    if word in ("last", "past", "previous"):
        days = [d for d in occurrences if d[1] < ref][-1]
    elif word in ("next", "coming"):
        days = next(d for d in occurrences if d[0] > ref)
    elif word in ("this", "the"):
        days = min(occurrences, key=lambda d: 0 if d[0] <= ref <= d[1] else min(abs((d[0] - ref).days),
                                                                                  abs((d[1] - ref).days)))
    elif future:
        days = next(d for d in occurrences if d[1] >= ref)
    else:
        days = [d for d in occurrences if d[0] <= ref][-1]
    return part_of(days, groups.get("qual"), ref)


def weekend_days(ref: date, future: bool) -> DayRange:
    """"Over the weekend": the last one begun, or in a future clause the next not over."""
    saturday = ref + timedelta(5 - ref.weekday())
    if future:
        return (saturday, saturday + timedelta(1)) if ref <= saturday + timedelta(1) else \
            (saturday + timedelta(7), saturday + timedelta(8))
    if saturday > ref:
        saturday -= timedelta(7)
    return saturday, saturday + timedelta(1)


def span_days(groups: dict[str, str], ref: date) -> DayRange:
    """"In the past two weeks", "over the next three months": from or up to the reference day."""
    count_word = " ".join(groups["count"].lower().split())
    count = int(count_word) if count_word.isdigit() else lx.UNITS_WORDS.get(count_word, 1 if count_word in (
        "a", "an", "one") else 3)
    size = {"day": 1, "week": 7, "month": 31, "year": 366, "decade": 3653}[groups["period"].lower()] * count
    if relative_step(groups["rel"]) < 0:
        return ref - timedelta(size), ref
    return ref, ref + timedelta(size)


def vague_days(words: str, ref: date, future: bool) -> DayRange | None:
    """Open relative dates as the days they may mean at most, so that one on the wrong side of the
    reference day reads as moved: "recently" the past year, "in the coming weeks" the next three months."""
    words = " ".join(words.lower().split())
    unit = next((u for u in ("days", "weeks", "months", "years") if u in words), None)
    reach = {"days": 14, "weeks": 91, "months": 366, "years": 3653}.get(unit or "", 366)
    if words in ("recently", "lately", "the other day"):
        return ref - timedelta(366 if words != "the other day" else 14), ref
    if words == "overnight":
        return (ref, ref + timedelta(1)) if future else (ref - timedelta(1), ref)
    if words in ("soon", "in the near future"):
        return ref + timedelta(1), ref + timedelta(366)
    if "this" in words or "today" in words:
        return ref, ref
    if words.endswith(" ago"):
        return ref - timedelta(reach * 4), ref - timedelta(2)
    if any(w in words for w in ("coming", "next")):
        return ref + timedelta(1), ref + timedelta(reach)
    return ref - timedelta(reach), ref  # in recent weeks, in the past few days


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
    elif kind == "month_rel_year":
        year = ref.year + relative_step(groups["rel"])
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
    whole = season_occurrence({"season": period, "rel": groups["rel"]}, ref, False) if period in SEASONS \
        else shifted_period(period, ref, step)
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

    A date that keeps its reference but loses precision is `vaguer`: a range that holds the
    origin's and is wider ("November 19" -> "in November", "in May" -> "in the spring"), or an
    exact date made approximate or relative, even when the relative one resolves elsewhere (issue
    21: "in 2023" -> "earlier this year": which year is meant depends on the writer's day). A date
    moved out of its range is `changed` ("in May" -> "in the autumn"); a narrower one inside it is
    no drift (the copy is more precise)."""
    if same_date(origin, copy):
        return None
    ranged = origin.days is not None and copy.days is not None and comparable(origin, copy)
    if ranged and apart(origin, copy) and not made_relative(origin, copy):
        return "changed"
    if not origin.fuzzy and (copy.fuzzy or origin.absolute and not copy.absolute):
        if ranged and not copy.fuzzy and inside(copy, origin) and width(copy) < width(origin):
            return None  # "in November" -> "on Monday", a day of it: more precise
        return "vaguer"
    if not ranged:
        return None
    if width(copy) > width(origin) and not copy.open and (not copy.absolute or inside(origin, copy)):
        return "vaguer"  # a wider range: "Monday" -> "last week", "March 5, 2023" -> "2023"
    return None


def width(fact: DateFact) -> int:
    assert fact.days is not None
    return (fact.days[1] - fact.days[0]).days


def inside(inner: DateFact, outer: DateFact) -> bool:
    assert inner.days is not None and outer.days is not None
    return outer.days[0] <= inner.days[0] and inner.days[1] <= outer.days[1]


def made_relative(origin: DateFact, copy: DateFact) -> bool:
    """An exact date said relative to the copy's own day: where it lands depends on that day."""
    return origin.absolute and not origin.fuzzy and not copy.absolute and copy.anchored != INDEPENDENT


def apart(origin: DateFact, copy: DateFact) -> bool:
    """Whether two ranges are disjoint beyond the slack of their loose ends: an approximate or
    relative range ("late 2023", "last week") may reach a little past its nominal bounds."""
    (o_first, o_last), (c_first, c_last) = reach(origin), reach(copy)
    slack_o, slack_c = slack(origin), slack(copy)
    return (c_last + slack_c < o_first - slack_o) or (o_last + slack_o < c_first - slack_c)


def reach(fact: DateFact) -> DayRange:
    """A date's days, an open one's ("recently", "in the coming weeks") without its far bound: it
    says only on which side of the reference day it lies."""
    assert fact.days is not None
    if not fact.open:
        return fact.days
    if OPEN_AHEAD.search(fact.surface):
        return fact.days[0], date.max - timedelta(3653)
    return date.min + timedelta(3653), fact.days[1]


def slack(fact: DateFact) -> timedelta:
    if fact.open or not fact.fuzzy and fact.absolute:
        return timedelta(0)
    return timedelta(days=(width(fact) + 1) // (4 if fact.fuzzy else 2))


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


# Parts of a day and the hours (from, to; wrapping past midnight) they may name.
PARTS_OF_DAY = {"morning": (4, 12), "afternoon": (12, 18), "evening": (17, 23), "night": (19, 6),
                "overnight": (19, 7), "tonight": (17, 6), "midday": (11, 14), "noon": (11, 13), "midnight": (23, 1),
                "dawn": (4, 8), "daybreak": (4, 8), "dusk": (17, 21), "lunchtime": (11, 15)}
PART_OF_DAY = re.compile(rf"\b(?:{'|'.join(PARTS_OF_DAY)})\b", re.I)


def part_of_day_change(minutes: float, part: str) -> str:
    """`vaguer` when a part of the day holds a clock time ("9 a.m." -> "in the morning"), else `changed`."""
    first, last = PARTS_OF_DAY[part.lower()]
    hour = minutes / 60
    held = first <= hour <= last if first <= last else hour >= first or hour <= last
    return "vaguer" if held else "changed"
