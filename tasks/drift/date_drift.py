"""Dates compared: a date shifted, made relative or approximate ("in 2023" -> "earlier this
year", "November 19" -> "November", "in May" -> "in the spring"), dropped or added. A date the
copy cut or extended in place pairs with its origin first; one said against the story's own time
("that year") is never reported dropped. A clock time made a part of the day ("at 9 a.m." ->
"in the morning") is found with the numbers (`number_drift.py`), where clock times are read."""

from __future__ import annotations

import re

from newsflow.tasks.drift import settings as s
from newsflow.tasks.drift.dates import DateFact, date_change, same_date
from newsflow.tasks.drift.pairing import Comparison, Finding, anything, finding, overlaps, pair_up, span, take_equal
from newsflow.tasks.drift.records import ADDED, DATE, DROPPED, VAGUER

YEAR = re.compile(r"\b\d{4}\b")


def compare_dates(pair: Comparison) -> list[Finding]:
    origin, copy = take_equal(pair, pair.origin.dates, pair.copy.dates, dates_agree)

    def alone(o: DateFact, c: DateFact) -> bool:
        """The only two left may stand for each other unless either was moved to another sentence:
        the origin's said elsewhere in the copy, or the copy's the very date of another origin sentence."""
        return not any(dates_agree(o, x) for x in pair.copy.elsewhere(pair.copy.body.all_dates())) and (
            c.fuzzy or not c.absolute or not any(x.days == c.days or same_date(x, c)
                                                 for x in pair.origin.elsewhere(pair.origin.body.all_dates())))

    # A date the diff cut or extended in place ("on November 19" -> "on November") pairs first.
    trimmed = []
    for o in list(origin):
        c = next((x for x in copy if pair.kept_in(span(o), span(x))), None)
        if c is not None:
            trimmed.append((o, c, 1.0))
            origin.remove(o)
            copy.remove(c)
    pairs, dropped, added = pair_up(pair, origin, copy, anything, alone)
    pairs += trimmed
    found = []
    for o, c, factor in pairs:
        change = date_change(o, c)
        if change:
            factor *= min(o.confidence, c.confidence)
            if change == VAGUER and o.days == c.days and o.days is not None:
                factor *= s.SAME_DAY_RELATIVE_FACTOR
            found.append(finding(pair, DATE, change, o, c, (o.display(), c.display()), factor))
    copy_dates = pair.copy.body.all_dates() if dropped else ()
    for o in dropped:
        if o.days is not None and not any(dates_agree(o, x) or yearless_within(o, x) for x in copy_dates):
            found.append(finding(pair, DATE, DROPPED, o, None, (o.display(), None), o.confidence))
    if pair.score >= s.ADDED_MIN_SCORE:
        origin_dates = pair.origin.body.all_dates() if added else ()
        for c in added:
            if not c.fuzzy and not any(dates_agree(x, c) for x in origin_dates):
                found.append(finding(pair, DATE, ADDED, None, c, (None, c.display()), c.confidence))
    return found


def dates_agree(origin: DateFact, copy: DateFact) -> bool:
    """The same date, or the copy's a more precise statement of it (no drift either way)."""
    if same_date(origin, copy):
        return True
    if origin.days is None or copy.days is None or date_change(origin, copy) is not None:
        return False
    return overlaps((origin.days[0].toordinal(), origin.days[1].toordinal() + 1),
                    (copy.days[0].toordinal(), copy.days[1].toordinal() + 1))


def yearless_within(origin: DateFact, copy: DateFact) -> bool:
    """A day or month the copy gives without its year, within the origin's date but for the year
    it was resolved to ("June 2020" and "kicks off June 9th" in an article of November 2019)."""
    if not copy.absolute or copy.days is None or origin.days is None or YEAR.search(copy.surface):
        return False
    for shift in (-1, 1):
        try:
            first, last = (day.replace(year=day.year + shift) for day in copy.days)
        except ValueError:  # February 29th
            continue
        if origin.days[0] <= first and last <= origin.days[1]:
            return True
    return False
