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
    COHESION_WINDOW_WORDS, LONE_HEADLINE_MAX_PAST_OVERLAP, LONE_HEADLINE_MAX_STORY_COSINE,
    LONE_HEADLINE_MIN_LEDE_OVERLAP, LONE_HEADLINE_MIN_WORDS, MAX_HEADLINE_WORDS, MIN_STORY_WORDS,
    SPLIT_COSINE_AFTER_GAP, SPLIT_COSINE_AFTER_TEASER, SPLIT_COSINE_LONE_HEADLINE,
)
from tasks.terms import content_terms, cosine

if TYPE_CHECKING:
    from tasks.clean import Line

# Lines that sit between glued stories; rule lines and marks also divide one article's sections.
SEPARATOR_RULES = {"read_more"}
REPEAT_LOOKAHEAD = 8  # lines within which a repeated headline counts as the page layout


def is_headline(line: Line) -> bool:
    """Headline-shaped: a short line, capitalised, with no sentence-final punctuation."""
    # A caption's trailing credit "(Iranian parliament)" hides the period that ends its sentence.
    text = p.TRAILING_CREDIT.sub("", line.text).rstrip("\"'”’»)") or line.text
    first = line.text[0]
    return (
        (line.words >= 2 or len(line.text) >= 12)  # scripts without spaces have one "word"
        and line.words <= MAX_HEADLINE_WORDS
        and len(line.text) <= 200
        and not text.endswith((".", ",", ";", ":", "…", "。", "、"))
        and (first.isalnum() and not first.islower() or first in "\"'“‘«¿¡[")
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
    after_lines = _until_next_headline(lines, i)
    sized = _all_words(lines[story_start:i]) >= MIN_STORY_WORDS and _all_words(lines[i + 1 :]) >= MIN_STORY_WORDS
    if _repeated_below(lines, i, counts) or _dateline_follows(lines, i):
        return sized
    if lines[i].text.rstrip().endswith("?"):
        return False  # a question line without a repeat or dateline is an article's own subhead
    similarity = _cohesion(lines, story_start, i)
    if lines[i - 1].rule in SEPARATOR_RULES:
        # Articles use rule lines and read-more links between their own sections too: the
        # text after must be article-sized as well as about something else.
        return (sized and similarity < SPLIT_COSINE_AFTER_TEASER
                and _all_words(_until_next_separator(lines, i)) >= LONE_HEADLINE_MIN_WORDS)
    if lines[i].gap >= 2:
        return sized and similarity < SPLIT_COSINE_AFTER_GAP
    if _body_words(lines[story_start:i]) < MIN_STORY_WORDS or _body_words(after_lines) < MIN_STORY_WORDS:
        return False
    return similarity < SPLIT_COSINE_LONE_HEADLINE and _reads_as_new_story(lines, i, story_start, after_lines)


def _reads_as_new_story(lines: list[Line], i: int, story_start: int, after: list[Line]) -> bool:
    """A lone headline-shaped line opens a new story only when everything says so.

    Both sides are article-sized (subheads of listicles and interviews sit between short
    sections); the text after it shares little with the whole story so far; and the line is
    about what follows (its words recur there), not about what came before.
    """
    since_heading = _body_words(lines[_previous_heading(lines, i, story_start) + 1 : i])
    if since_heading < LONE_HEADLINE_MIN_WORDS or _body_words(after) < LONE_HEADLINE_MIN_WORDS:
        return False
    before_text = " ".join(line.text for line in lines[story_start:i] if line.kind == BODY)
    after_text = " ".join(line.text for line in after if line.kind == BODY)
    if cosine(content_terms(before_text), content_terms(after_text)) >= LONE_HEADLINE_MAX_STORY_COSINE:
        return False
    heading = set(content_terms(lines[i].text))
    if not heading:
        return False
    lede = set(content_terms(" ".join(after_text.split()[:COHESION_WINDOW_WORDS])))
    return (len(heading & lede) / len(heading) >= LONE_HEADLINE_MIN_LEDE_OVERLAP
            and len(heading & set(content_terms(before_text))) / len(heading) < LONE_HEADLINE_MAX_PAST_OVERLAP)


def _previous_heading(lines: list[Line], i: int, story_start: int) -> int:
    for j in range(i - 1, story_start - 1, -1):
        if lines[j].kind == BODY and is_headline(lines[j]):
            return j
    return story_start - 1


def _repeated_below(lines: list[Line], i: int, counts: Counter) -> bool:
    """The page layout of seed 004: the headline again a few lines below, and between the two
    only repeated captions and at least one mark or caption (or nothing at all)."""
    key = lines[i].key
    if counts[key] < 2:
        return False
    between = []
    for line in lines[i + 1 : i + 1 + REPEAT_LOOKAHEAD]:
        if line.key == key:
            return not between or any(_is_page_furniture(other) for other in between)
        if line.kind == BODY and (counts[line.key] == 1 or is_headline(line)):
            return False
        between.append(line)
    return False


def _is_page_furniture(line: Line) -> bool:
    return line.rule == "site_mark" or bool(p.TRAILING_CREDIT.search(line.text))


def _dateline_follows(lines: list[Line], i: int) -> bool:
    following = next((line for line in lines[i + 1 : i + 4] if line.kind == BODY and line.key != lines[i].key), None)
    return following is not None and bool(p.DATELINE_START.match(following.text))


def _until_next_separator(lines: list[Line], i: int) -> list[Line]:
    following = []
    for line in lines[i + 1 :]:
        if line.rule in SEPARATOR_RULES:
            break
        following.append(line)
    return following


def _all_words(lines: list[Line]) -> int:
    return sum(line.words for line in lines if line.kind == BODY)


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
