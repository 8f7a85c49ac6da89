"""Numbers compared: a figure changed, made approximate or vague ("32 people" -> "dozens of
people", "about 30 people", "people"), dropped or added. A clock time the copy replaced with a
part of the day is a `date` row: `vaguer` if the part holds the time, else `changed`."""

from __future__ import annotations

import re

from newsflow.tasks.drift import lexicon as lx
from newsflow.tasks.drift import patterns as p
from newsflow.tasks.drift import settings as s
from newsflow.tasks.drift.dates import PART_OF_DAY, part_of_day_change
from newsflow.tasks.drift.numbers import (
    COUNT,
    TIME,
    NumberFact,
    folded_unit,
    number_change,
    ordinal_in_words,
    same_quantity,
)
from newsflow.tasks.drift.pairing import Comparison, Finding, Side, finding, overlaps, pair_up, span, take_equal
from newsflow.tasks.drift.records import ADDED, DATE, DROPPED, NUMBER, VAGUER


def compare_numbers(pair: Comparison) -> list[Finding]:
    origin, copy = take_equal(pair, pair.origin.numbers, pair.copy.numbers,
                              lambda o, c: same_quantity(o, c) and number_change(o, c) is None)
    copy_numbers, origin_numbers = pair.copy.body.all_numbers, pair.origin.body.all_numbers

    def alone(o: NumberFact, c: NumberFact) -> bool:
        """The only two left may stand for each other unless either was moved to another sentence."""
        moved = any(same_quantity(o, x) for x in pair.copy.elsewhere(copy_numbers())) or (
            not c.approximate and any(same_quantity(c, x) for x in pair.origin.elsewhere(origin_numbers())))
        return units_fit(o, c) and not moved

    # The same figure made approximate ("30 saves" -> "about 30 saves") pairs before anything else.
    hedged: list[tuple[NumberFact, NumberFact]] = []
    for o in list(origin):
        c = next((x for x in copy if same_quantity(o, x)), None)
        if c is not None:
            hedged.append((o, c))
            origin.remove(o)
            copy.remove(c)
    near = near_values(origin, copy)
    for o, c in near:
        origin.remove(o)
        copy.remove(c)
    pairs, dropped, added = pair_up(pair, origin, copy, units_fit, alone)
    pairs += [(o, c, 1.0) for o, c in hedged]
    loose = s.LOOSE_PAIRING_FACTOR if pair.score < s.ALONE_MIN_SCORE else 1.0
    pairs += [(o, c, s.FALLBACK_PAIRING_FACTOR * loose) for o, c in near]
    found = []
    for o, c, factor in pairs:
        change = number_change(o, c)
        if change == VAGUER and same_quantity(o, c) and bound_of(pair.origin, o) == bound_of(pair.copy, c) is not None:
            change = None  # "a maximum of 10 years" -> "up to 10 years": the same bound
        if change:
            found.append(finding(pair, NUMBER, change, o, c, (o.display(), c.display()), factor))
    for o in dropped:
        if o.vague or any(same_quantity(o, x) for x in copy_numbers()) or ordinal_in_words(o, pair.copy.body.words()):
            continue
        if o.measure == TIME and o.value is not None:
            part = new_part_of_day(pair)
            if part is not None:  # "at 9 a.m." -> "in the morning": the date made vaguer
                found.append(Finding(DATE, part_of_day_change(o.value, part[0]), o.display(), part[0].lower(),
                                     o.start, part[1], round(s.BASE_CONFIDENCE[VAGUER] * pair.support, 3)))
                continue
        noun = bare_noun(pair, o)
        if noun is not None:  # "three days before" -> "just days before": the figure made vague
            found.append(finding(pair, NUMBER, VAGUER, o, noun, (o.display(), noun.display()), s.FALLBACK_PAIRING_FACTOR))
        else:
            found.append(finding(pair, NUMBER, DROPPED, o, None, (o.display(), None)))
    if pair.score >= s.ADDED_MIN_SCORE:
        for c in added:
            # Figures only: "the two leaders" is how a paraphrase refers to people, not a new fact.
            if not c.approximate and p.DIGIT.search(c.surface) and not any(same_quantity(c, x) for x in origin_numbers()):
                found.append(finding(pair, NUMBER, ADDED, None, c, (None, c.display())))
    return found


def new_part_of_day(pair: Comparison) -> tuple[str, int] | None:
    """A part of the day ("morning", "overnight") the copy's sentences name and the origin's do not,
    with its body offset."""
    said = {m.group().lower() for m in PART_OF_DAY.finditer(pair.origin.text)}
    for i in pair.copy.indices:
        sentence = pair.copy.body.sentences[i]
        for m in PART_OF_DAY.finditer(sentence.text):
            if m.group().lower() not in said:
                return m.group(), sentence.start + m.start()
    return None


def bare_noun(pair: Comparison, origin: NumberFact) -> NumberFact | None:
    """The noun an origin quantity counted, in the copy after a word that leaves the count open
    ("just days", "some stations"): a vague quantity in its place."""
    if origin.unit is None or origin.measure != COUNT or len(origin.unit) < 3:
        return None
    taken = [span(n) for n in pair.copy.numbers]
    for i in pair.copy.indices:
        words = pair.copy.body.tokens_of(i)
        for before, token in zip(words, words[1:], strict=False):
            if before.text.lower() in lx.OPEN_COUNT_WORDS and folded_unit(token.text) == origin.unit \
                    and not any(overlaps(span(token), t) for t in taken):
                return NumberFact(f"{before.text} {token.text}", before.start, token.end, None, COUNT, origin.unit,
                                  True, 0)
    return None


def near_values(origin: list[NumberFact], copy: list[NumberFact]) -> list[tuple[NumberFact, NumberFact]]:
    """Figures of the same measure and unit within NEAR_VALUE_RATIO of each other, each the only
    such partner of the other: one figure the copy gave another value or hedged ("39 percent" ->
    "about 40%"), however much was reworded around it."""
    def close(o: NumberFact, c: NumberFact) -> bool:
        if o.vague or o.value is None or o.measure != c.measure or o.unit != c.unit:
            return False
        if c.vague:  # "45 flybys" -> "dozens of flybys": the figure's order said in words
            return c.unit is not None and bool(c.magnitude) and order_of(o.value) == c.magnitude
        if c.value is None:
            return False
        low, high = sorted((abs(o.value), abs(c.value)))
        return low > 0 and high / low <= s.NEAR_VALUE_RATIO

    found = []
    for o in origin:
        partners = [c for c in copy if close(o, c)]
        if len(partners) == 1 and sum(close(x, partners[0]) for x in origin) == 1:
            found.append((o, partners[0]))
    return found


def order_of(value: float) -> int:
    """The VAGUE_MAGNITUDES order a figure falls in: 1 for dozens (24-99), 2 for hundreds, ..."""
    if value < 24:
        return 0
    order = 1
    while value >= 10 ** (order + 1):
        order += 1
    return order


def units_fit(origin: NumberFact, copy: NumberFact) -> bool:
    """Whether one quantity can stand for the other: the same noun or measure, or one says none."""
    if origin.measure != copy.measure and not (origin.vague or copy.vague) and COUNT not in (origin.measure, copy.measure):
        return False
    return origin.unit is None or copy.unit is None or origin.unit == copy.unit


UPPER_BOUND = re.compile(r"(?:(?:a\s+)?maximum\s+of|up\s+to|at\s+most|no\s+more\s+than|as\s+(?:many|much)\s+as)\s*$", re.I)
LOWER_BOUND = re.compile(r"(?:(?:a\s+)?minimum\s+of|at\s+least|no\s+(?:fewer|less)\s+than)\s*$", re.I)


def bound_of(side: Side, number: NumberFact) -> str | None:
    """ "max" or "min" when words before the figure make it a bound, however worded ("a maximum
    of", "up to", "at most"; "a minimum of", "at least"), else None."""
    body = side.body.body
    digits = p.DIGIT.search(body, number.start, number.end)
    head = body[max(0, number.start - 30):digits.start() if digits else number.start]
    if UPPER_BOUND.search(head):
        return "max"
    if LOWER_BOUND.search(head):
        return "min"
    return None
