"""Sentences of a body with their offsets: split at end punctuation followed by a capital, but not
after abbreviations (Mr., U.S., Jan.) or initials, never inside a quotation, always at a line break.
A wire dateline ("MOSCOW (AP) —") is left out of the first sentence: copies drop it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsflow.tasks.drift import patterns as p


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int  # offsets in the body
    end: int
    text: str


def split_sentences(body: str) -> list[Sentence]:
    """The body's sentences in order, each `body[start:end] == text`, stripped of outer space."""
    spans: list[tuple[int, int]] = []
    for line in p.LINE.finditer(body):
        spans.extend(line_sentences(line.group(), line.start()))
    if spans:
        spans[0] = without_dateline(body, *spans[0])
    return [Sentence(i, start, end, body[start:end]) for i, (start, end) in enumerate(spans) if end > start]


def line_sentences(line: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of the sentences of one line, as body offsets."""
    cuts = [0]
    quotes = quoted_stretches(line) if p.DOUBLE_QUOTE_MARK.search(line) else []
    for boundary in p.SENTENCE_END.finditer(line):
        end = boundary.end()
        if is_sentence_end(line, boundary.start(), end, quotes):
            cuts.append(end)
    cuts.append(len(line))
    spans = []
    for begin, end in zip(cuts, cuts[1:]):
        piece = line[begin:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            spans.append((offset + begin + lead, offset + begin + lead + len(stripped)))
    return spans


def is_sentence_end(line: str, mark: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    """Whether the punctuation run at line[mark:end] closes a sentence."""
    rest = line[end:].lstrip()
    if not rest or any(first <= end <= last for first, last in quotes):
        return False
    first = rest.lstrip("\"“‘'([«")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if line[mark] != ".":
        return True
    word = p.WORD_BEFORE_PERIOD.search(line, 0, mark)
    return word is None or not is_abbreviation(word.group(1), first)


def is_abbreviation(word: str, next_char: str) -> bool:
    """Whether `word.` is an abbreviation or an initial rather than the end of a sentence."""
    if "." in word or (len(word) == 1 and word.isupper()):
        return True  # U.S., a.m., J. Smith
    lower = word.lower()
    if lower in p.NUMBER_ABBREVIATIONS:
        return next_char.isdigit()  # No. 5, but "said no. The"
    return lower in p.ABBREVIATIONS


def quoted_stretches(line: str) -> list[tuple[int, int]]:
    """(first, last) positions of the line that lie inside double quotation marks. A line with
    unbalanced marks (a quote running on into the next paragraph) is treated as having none."""
    opens, closes = p.quote_marks(line)
    if line.count('"') % 2 or line.count(opens) != line.count(closes):
        return []
    stretches = []
    depth, begin, straight = 0, -1, False
    for mark in p.DOUBLE_QUOTE_MARK.finditer(line):
        char, at = mark.group(), mark.start()
        was_inside = depth > 0 or straight
        if char == opens:
            depth += 1
        elif char == closes and depth:
            depth -= 1
        elif char == '"':
            straight = not straight
        inside = depth > 0 or straight
        if inside and not was_inside:
            begin = at + 1
        elif was_inside and not inside:
            stretches.append((begin, at))
    return stretches


def without_dateline(body: str, start: int, end: int) -> tuple[int, int]:
    """The first sentence's span without a leading wire dateline."""
    match = p.DATELINE.match(body, start, end)
    return (match.end(), end) if match and match.end() < end else (start, end)


def normalised(text: str) -> str:
    """A sentence folded for identity: quotes, dashes, apostrophes and spacing made uniform."""
    return re.sub(r"\s+", " ", text.translate(p.FOLD_PUNCTUATION)).strip()
