"""Where one story ends and the next begins, in a text that scrapers glued together.

A new story starts at a headline-shaped line. Strong evidence makes it a boundary by itself:
the headline repeated right below (with captions and a site mark between, the layout of
newspaper pages), or a wire dateline opening the next paragraph. Weaker evidence (a gap of
blank lines, a read-more teaser or rule line before it, or nothing but the headline) needs
the text after it to be about something else: the content-word cosine of the windows before
and after must be low, which keeps the subheads of one article from splitting it.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from tasks import patterns as p
from tasks.schema import BODY
from tasks.settings import (
    COHESION_WINDOW_WORDS, MAX_HEADLINE_WORDS, MIN_STORY_WORDS, SPLIT_COSINE_AFTER_GAP, SPLIT_COSINE_LONE_HEADLINE,
    SPLIT_COSINE_AFTER_TEASER,
)
from tasks.terms import content_terms, cosine

if TYPE_CHECKING:
    from tasks.clean import Line

SEPARATOR_RULES = {"read_more", "rule_line", "site_mark", "advertisement", "share_widget", "newsletter_promo"}
REPEAT_LOOKAHEAD = 8  # lines within which a repeated headline counts as the page layout


def is_headline(line: Line) -> bool:
    """Headline-shaped: a short line, capitalised, with no sentence-final punctuation."""
    text = line.text.rstrip("\"'”’»)")
    return (
        2 <= line.words <= MAX_HEADLINE_WORDS
        and len(line.text) <= 200
        and not text.endswith((".", ",", ";", ":", "…"))
        and (line.text[0].isupper() or line.text[0].isdigit() or line.text[0] in "\"'“‘«¿¡")
        and not p.BULLET.match(line.text)
    )


def story_starts(lines: list[Line], counts: Counter, title_hint: str | None) -> list[int]:
    """Indices of the lines that open each story; the first story opens at 0."""
    starts = [0]
    for i, line in enumerate(lines):
        if i > starts[-1] and line.kind == BODY and is_headline(line) and _is_boundary(lines, i, counts, starts[-1]):
            starts.append(i)
    return starts


def _is_boundary(lines: list[Line], i: int, counts: Counter, story_start: int) -> bool:
    before = _body_words(lines[story_start:i])
    after_lines = _until_next_headline(lines, i)
    if before < MIN_STORY_WORDS or _body_words(after_lines) < MIN_STORY_WORDS:
        return False
    if _repeated_below(lines, i, counts) or _dateline_follows(lines, i):
        return True
    similarity = _cohesion(lines, story_start, i)
    previous = lines[i - 1]
    if previous.rule in SEPARATOR_RULES:
        return similarity < SPLIT_COSINE_AFTER_TEASER
    if lines[i].gap >= 2:
        return similarity < SPLIT_COSINE_AFTER_GAP
    return similarity < SPLIT_COSINE_LONE_HEADLINE


def _repeated_below(lines: list[Line], i: int, counts: Counter) -> bool:
    key = lines[i].key
    return counts[key] > 1 and any(line.key == key for line in lines[i + 1 : i + 1 + REPEAT_LOOKAHEAD])


def _dateline_follows(lines: list[Line], i: int) -> bool:
    following = next((line for line in lines[i + 1 : i + 4] if line.kind == BODY and line.key != lines[i].key), None)
    return following is not None and bool(p.DATELINE_START.match(following.text))


def _body_words(lines: list[Line]) -> int:
    return sum(line.words for line in lines if line.kind == BODY and not is_headline(line))


def _until_next_headline(lines: list[Line], i: int) -> list[Line]:
    following = []
    for line in lines[i + 1 :]:
        if line.kind == BODY and is_headline(line) and line.key != lines[i].key and _body_words(following) > 0:
            break
        following.append(line)
    return following


def _cohesion(lines: list[Line], story_start: int, i: int) -> float:
    """Content-word cosine of the body text just before line i and just after it."""
    before = _window(reversed(lines[story_start:i]))
    after = _window(line for line in lines[i + 1 :] if line.key != lines[i].key)
    return cosine(content_terms(before), content_terms(after))


def _window(lines) -> str:
    taken, words = [], 0
    for line in lines:
        if line.kind != BODY or is_headline(line):
            continue
        taken.append(line.text)
        words += line.words
        if words >= COHESION_WINDOW_WORDS:
            break
    return " ".join(taken)
