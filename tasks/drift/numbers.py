"""Quantities of a sentence: numbers in digits or words with what they count ("32 people",
"$5 million", "12%", "3.5 km", "10:30 a.m."), and vague quantities ("dozens of people", "several").

A value is normalised: thousands separators and scale words folded in ("$1.2bn" = 1,200,000,000
USD), units folded to one spelling (km, %), currencies to ISO codes. Years and the days of dates
belong to `dates.py`, which claims them first."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsflow.tasks.drift import lexicon as lx
from newsflow.tasks.drift import patterns as p

COUNT = "count"
PERCENT = "%"
TIME = "time"
ORDINAL = "ordinal"
# Unit letters glued to digits ("5km", "10kg") that keep the number a quantity.
GLUED_UNITS = frozenset({"km", "kg", "mm", "cm", "ml", "mph", "kph", "kmh", "mw", "gw", "kw", "kwh", "ft", "lb", "lbs",
                         "g", "t", "h", "s", "x", "sq", "m"})


@dataclass(frozen=True, slots=True)
class NumberFact:
    surface: str
    start: int  # offsets in the body
    end: int
    value: float | None  # None for a vague quantity ("dozens", "several")
    measure: str  # count, %, time, ordinal or a currency code
    unit: str | None  # the noun counted, folded ("people", "km")
    approximate: bool  # "about 30", "more than 30", or a vague quantity
    magnitude: int | None = None  # a vague quantity's order (lexicon.VAGUE_MAGNITUDES); 0: none said

    @property
    def vague(self) -> bool:
        return self.value is None

    def display(self) -> str:
        """The normalised value: "32 people", "~30 people", "USD 5,000,000", "12%", "dozens of people"."""
        if self.value is None:
            return " ".join(self.surface.lower().split())
        prefix = "~" if self.approximate else ""
        if self.measure == PERCENT:
            return f"{prefix}{number_text(self.value)}%"
        if self.measure == TIME:
            return f"{prefix}{int(self.value) // 60:02d}:{int(self.value) % 60:02d}"
        if self.measure not in (COUNT, ORDINAL):
            return f"{prefix}{self.measure} {number_text(self.value)}"
        return f"{prefix}{number_text(self.value)} {self.unit or ''}".strip()


def number_text(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.10g}"


def number_facts(text: str, offset: int, taken: Iterable[tuple[int, int]], stops: frozenset[str],
                 words: list[tuple[str, int, int]] | None = None) -> list[NumberFact]:
    """The quantities of `text` (which starts at `offset` in its body), outside the `taken` spans;
    `words` are its lower-cased words with offsets in `text`, when already at hand."""
    claimed = [(start - offset, end - offset) for start, end in taken]
    for start, end in claimed:  # blanked, so that no quantity reads a date's words as its noun
        text = text[:start] + " " * (end - start) + text[end:]
    found: list[NumberFact] = []
    if p.DIGIT.search(text):
        for match in p.NUMBER.finditer(text):
            found.extend(keep_free(digits_fact(text, match, stops), claimed))
    if words is None:
        words = [(m.group().lower(), m.start(), m.end()) for m in p.WORD.finditer(text)]
    for i, (word, _, _) in enumerate(words):
        if word in WORD_STARTS:
            found.extend(keep_free(word_quantity(text, words, i, stops), claimed))
    return sorted((shifted(fact, offset) for fact in found), key=lambda f: f.start)


# First words of quantities in words: number words, "a"/"one" before a scale, vague quantities.
WORD_STARTS = frozenset({*lx.UNITS_WORDS, *lx.TENS_WORDS, "a", "one", *(phrase[0] for phrase in p.VAGUE_PHRASES)})
SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
QUANTITY_WORDS = frozenset({*WORD_STARTS, *SCALE_WORDS, *(w for phrase in p.VAGUE_PHRASES for w in phrase)}) - {"a", "of"}


def word_quantity(text: str, words: list[tuple[str, int, int]], i: int, stops: frozenset[str]) -> NumberFact | None:
    """The quantity in words starting at word `i`: "three days", "two million", "a dozen",
    "dozens of people", "a few", or None."""
    following = [w for w, _, _ in words[i:i + 3]]
    for phrase in p.VAGUE_PHRASES:
        if tuple(following[:len(phrase)]) == phrase:
            last = i + len(phrase) - (phrase[-1] == "of") - 1
            return vague_fact(text, words[i][1], words[last][2], stops)
    word, start, end = words[i]
    nxt = following[1] if len(following) > 1 else ""
    if word in ("a", "one"):
        if nxt not in SCALE_WORDS and not (word == "a" and nxt == "dozen"):
            return None
        return counted(text, start, words[i + 1][2], 12.0 if nxt == "dozen" else lx.SCALES[nxt], stops)
    base = word_value(word)
    if base is None:
        return None
    if nxt in SCALE_WORDS:
        return counted(text, start, words[i + 1][2], base * lx.SCALES[nxt], stops)
    return counted(text, start, end, base, stops)


def counted(text: str, start: int, end: int, value: float, stops: frozenset[str]) -> NumberFact:
    """A quantity in words with its approximator, percent sign or counted noun."""
    percent = p.PERCENT_AFTER.match(text, end)
    if percent:
        unit, end, measure = None, percent.end(), PERCENT
    else:
        unit, end, measure = unit_after(text, end, COUNT, stops)
    approx = approximator_before(text, start)
    return NumberFact(text[start - len(approx):end], start - len(approx), end, value, measure, unit, bool(approx))


def approximator_before(text: str, start: int) -> str:
    """The approximator right before position `start` ("about ", "more than "), or ""."""
    match = p.APPROX_BEFORE.search(text, max(0, start - p.APPROX_REACH), start)
    return match.group() if match else ""


def keep_free(fact: NumberFact | None, claimed: list[tuple[int, int]]) -> list[NumberFact]:
    """[fact] unless it is None or overlaps a claimed span (which it then claims in turn)."""
    if fact is None or any(fact.start < end and start < fact.end for start, end in claimed):
        return []
    claimed.append((fact.start, fact.end))
    return [fact]


def shifted(fact: NumberFact, offset: int) -> NumberFact:
    return NumberFact(fact.surface, fact.start + offset, fact.end + offset, fact.value, fact.measure, fact.unit,
                      fact.approximate, fact.magnitude)


def digits_fact(text: str, match: re.Match[str], stops: frozenset[str]) -> NumberFact | None:
    """A quantity in digits, or None for a designation (Su-35, G7, COVID-19)."""
    if is_designation(text, match.start("digits") if match.group("digits") else match.start(), match.end()):
        return None
    approx = approximator_before(text, match.start())
    start = match.start() - len(approx)
    if match.group("time"):
        return NumberFact(text[start:match.end()], start, match.end(), clock_minutes(match.group("time")), TIME, None,
                          bool(approx))
    value = float(match.group("digits").replace(",", ""))
    measure = currency_code(match.group("currency"))
    letter = (match.group("letter") or "").lower()
    if match.group("scale"):
        value *= lx.SCALES[match.group("scale").lower()]
    elif letter and measure != COUNT:
        value *= lx.LETTER_SCALES[letter]
    if match.group("percent"):
        return NumberFact(text[start:match.end()], start, match.end(), value, PERCENT, None, bool(approx))
    unit, end, measure = unit_after(text, match.end(), measure, stops)
    if letter and measure == COUNT:
        unit = letter  # 5m without a currency: metres
    if match.group("ordinal"):
        measure = ORDINAL
    return NumberFact(text[start:end], start, end, value, measure, unit, bool(approx))


def is_designation(text: str, start: int, end: int) -> bool:
    """Whether digits belong to a name or code: glued to letters, or after a letter and a hyphen."""
    before = text[start - 1] if start else " "
    if before.isalnum() or before == "_":
        return True
    if before in "-/." and start >= 2 and text[start - 2].isalnum():
        return True
    glued = re.match(r"[^\W\d_]+", text[end:])
    return glued is not None and glued.group().lower() not in GLUED_UNITS


def clock_minutes(time: str) -> float:
    hours, _, rest = time.partition(":")
    digits = re.match(r"\d+", hours)
    hour = int(digits.group()) if digits else 0
    minutes = int(rest[:2]) if rest[:2].isdigit() else 0
    if "p" in time.lower() and hour < 12:
        hour += 12
    return float(hour * 60 + minutes)


def currency_code(sign: str | None) -> str:
    if not sign:
        return COUNT
    sign = sign.strip()
    return lx.CURRENCY_SIGNS.get(sign, sign.upper())


def unit_after(text: str, end: int, measure: str, stops: frozenset[str]) -> tuple[str | None, int, str]:
    """The noun a quantity counts, where the quantity's surface ends, and its measure."""
    code = p.CURRENCY_AFTER.match(text, end)
    if code:
        return None, code.end(), code.group("code").upper()
    word = p.UNIT_AFTER.match(text, end)
    if not word:
        return None, end, measure
    unit = folded_unit(word.group("unit"))
    if unit in stops or unit in lx.SPEECH_VERBS or word.group("unit").lower() in QUANTITY_WORDS:
        return None, end, measure  # "six of the dozens": the next quantity is no noun of this one
    if unit in lx.CURRENCY_WORDS and measure == COUNT:
        return None, word.end(), lx.CURRENCY_WORDS[unit]
    return unit, word.end(), measure


def folded_unit(word: str) -> str:
    """A unit or counted noun in one spelling: lower case, singular, aliases folded."""
    unit = p.POSSESSIVE.sub("", word.lower())
    if unit in lx.UNIT_ALIASES:
        return lx.UNIT_ALIASES[unit]
    singular = unit[:-1] if len(unit) > 3 and unit.endswith("s") and not unit.endswith("ss") else unit
    if singular.endswith("ie") and len(singular) > 4:
        singular = singular[:-2] + "y"  # casualties -> casualty
    return lx.UNIT_ALIASES.get(singular, singular)


def word_value(word: str) -> float | None:
    """The value of a number word ("three", "twenty-five"), or None."""
    if word in lx.UNITS_WORDS:
        return float(lx.UNITS_WORDS[word])
    tens, _, digit = word.partition("-")
    if tens in lx.TENS_WORDS and (not digit or digit in lx.DIGIT_WORDS):
        return float(lx.TENS_WORDS[tens] + lx.DIGIT_WORDS.get(digit, 0))
    return None


def vague_fact(text: str, start: int, end: int, stops: frozenset[str]) -> NumberFact:
    phrase = " ".join(text[start:end].lower().split())
    unit, end, measure = unit_after(text, end, COUNT, stops)
    if unit == PERCENT:
        unit, measure = None, PERCENT  # "dozens of percent"
    return NumberFact(text[start:end], start, end, None, measure, unit, True, lx.VAGUE_MAGNITUDES.get(phrase, 0))


def same_quantity(left: NumberFact, right: NumberFact) -> bool:
    """Whether two quantities state the same value (vague ones: the same order of magnitude)."""
    if left.vague or right.vague:
        return left.vague and right.vague and left.magnitude == right.magnitude
    if not measures_agree(left.measure, right.measure):
        return False
    assert left.value is not None and right.value is not None
    return abs(left.value - right.value) <= 1e-9 * max(abs(left.value), abs(right.value), 1.0)


def ordinal_in_words(number: NumberFact, words: tuple[str, ...]) -> bool:
    """Whether an ordinal ("14th") is written out among `words` ("fourteenth")."""
    if number.measure != ORDINAL or number.value is None:
        return False
    return any(lx.ORDINAL_WORDS.get(w) == number.value for w in words)


def measures_agree(left: str, right: str) -> bool:
    """Same measure, or a currency against a bare count ("5 million" beside "$5 million")."""
    return left == right or COUNT in (left, right) and not {PERCENT, TIME} & {left, right}


def number_change(origin: NumberFact, copy: NumberFact) -> str | None:
    """`vaguer`, `changed` or None for an origin quantity and the copy's quantity in its place."""
    if origin.vague and copy.vague:
        if origin.magnitude == copy.magnitude or not origin.magnitude and not copy.magnitude:
            return None
        return "vaguer" if not copy.magnitude else "changed"
    if copy.vague or (copy.approximate and not origin.approximate):
        return None if origin.vague else "vaguer"
    if origin.vague:
        return "changed"  # "hundreds" made into a figure the origin never gave
    if origin.approximate and not copy.approximate and same_quantity(origin, copy):
        return "changed"  # "nearly 25 years" -> "25 years": the hedge gone, the figure claimed exact
    return None if same_quantity(origin, copy) else "changed"
