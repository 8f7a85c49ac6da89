"""The facts of aligned sentences compared, kind by kind (`pairing.py` says how), and the facts
of sentences that have no partner: left out of the copy, or put into it."""

from __future__ import annotations

from dataclasses import replace

from newsflow.tasks.drift import patterns as p
from newsflow.tasks.drift import settings as s
from newsflow.tasks.drift.align import Group
from newsflow.tasks.drift.date_drift import compare_dates, dates_agree, yearless_within
from newsflow.tasks.drift.facts import BodyFacts
from newsflow.tasks.drift.name_drift import compare_names
from newsflow.tasks.drift.names import carries
from newsflow.tasks.drift.number_drift import compare_numbers
from newsflow.tasks.drift.numbers import ordinal_in_words, same_quantity
from newsflow.tasks.drift.pairing import Comparison, Finding, Side
from newsflow.tasks.drift.quote_drift import compare_quotes
from newsflow.tasks.drift.quotes import contained
from newsflow.tasks.drift.records import ADDED, DATE, DROPPED, NAME, NUMBER, QUOTE


def compare_group(group: Group, origin: BodyFacts, copy: BodyFacts) -> list[Finding]:
    """The differences between one group's origin sentences and copy sentences."""
    if sorted(w for i in group.origin for w in origin.signature(i)) == sorted(
            w for i in group.copy for w in copy.signature(i)):
        return []  # reworded around the same facts
    pair = Comparison(Side(origin, group.origin), Side(copy, group.copy), group.score)
    found, speakers = compare_quotes(pair)
    found += compare_numbers(pair)
    found += compare_dates(pair)
    found += compare_names(pair, speakers)
    if not loosely_followed(group, origin, found):
        return found
    return [replace(f, confidence=round(f.confidence * s.UNFOLLOWED_FACTOR, 3)) if f.change == DROPPED else f
            for f in found]


def loosely_followed(group: Group, origin: BodyFacts, found: list[Finding]) -> bool:
    """Whether the copy's sentences only loosely follow the origin's: they align on a few words
    (under LOOSE_GROUP_SCORE) and keep under FOLLOWED_FACTS_SHARE of the origin's facts (the rest
    changed or left out). Such a copy sentence says something else with some words in common, and a
    fact it lacks is not surely a fact it dropped; a close copy keeps full confidence."""
    if group.score >= s.LOOSE_GROUP_SCORE or not any(f.change == DROPPED for f in found):
        return False
    facts = sum(len(origin.numbers_of(i)) + len(origin.dates_of(i)) + len(origin.quotes_of(i))
                + sum(1 for n in origin.names_of(i) if not n.weak) for i in group.origin)
    lost = sum(1 for f in found if f.origin_value is not None)
    return facts > 0 and (facts - lost) / facts < s.FOLLOWED_FACTS_SHARE


def dropped_sentence(index: int, origin: BodyFacts, copy: BodyFacts, support: float = 1.0) -> list[Finding]:
    """The facts of an origin sentence the copy left out, where the copy says them nowhere else;
    `support`: how sure it is that the copy follows the origin there."""
    factor = s.DROPPED_SENTENCE_CONFIDENCE * support
    found = []
    for n in origin.numbers_of(index):
        if (not n.vague or n.magnitude) and not any(same_quantity(n, x) for x in copy.all_numbers()) \
                and not ordinal_in_words(n, copy.words()):
            found.append(Finding(NUMBER, DROPPED, n.display(), None, n.start, None, factor))
    for d in origin.dates_of(index):
        if d.days is not None and not any(dates_agree(d, x) or yearless_within(d, x) for x in copy.all_dates()):
            found.append(Finding(DATE, DROPPED, d.display(), None, d.start, None, round(factor * d.confidence, 3)))
    for name in origin.names_of(index):
        if not name.weak and not carries(copy.all_names(), name):
            found.append(Finding(NAME, DROPPED, name.display(), None, name.start, None, factor))
    for q in origin.quotes_of(index):
        if not contained(q.words, copy.words()):
            found.append(Finding(QUOTE, DROPPED, q.display(), None, q.start, None,
                                 round(factor * (s.SCARE_QUOTE_FACTOR if q.scare else 1.0), 3)))
    return found


def inserted_sentence(index: int, origin: BodyFacts, copy: BodyFacts) -> list[Finding]:
    """The exact facts of a copy sentence inserted between two followed ones, new to the origin."""
    factor = s.BASE_CONFIDENCE[ADDED]
    found = []
    for n in copy.numbers_of(index):
        if not n.approximate and p.DIGIT.search(n.surface) and not any(same_quantity(n, x) for x in origin.all_numbers()):
            found.append(Finding(NUMBER, ADDED, None, n.display(), None, n.start, factor))
    for d in copy.dates_of(index):
        if not d.fuzzy and not any(dates_agree(x, d) for x in origin.all_dates()):
            found.append(Finding(DATE, ADDED, None, d.display(), None, d.start, round(factor * d.confidence, 3)))
    for name in copy.names_of(index):
        if not name.weak and not carries(origin.all_names(), name):
            found.append(Finding(NAME, ADDED, None, name.display(), None, name.start, factor))
    for q in copy.quotes_of(index):
        if not contained(q.words, origin.words()):
            found.append(Finding(QUOTE, ADDED, None, q.display(), None, q.start,
                                 round(factor * (s.SCARE_QUOTE_FACTOR if q.scare else 1.0), 3)))
    return found
