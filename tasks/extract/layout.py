"""An HTML page's text for the span audit: the extractor's lines put back in their place among the
page's visible text, so that what extraction left out is accounted for too.

Why an alignment and not a second extractor: trafilatura decides what the main text is, and its
lines are what newsflow's rules classify (bench/QUALITY.md measures that combination). The page's
visible text (tasks/extract/visible.py) is read once more, cheaply, and each extracted line is
found in it by its words, in order; the visible blocks no extracted line covers are what extraction
left out. The document's `raw_text` is then the page laid out line by line: the extracted lines
verbatim, the figure captions inside the main text (trafilatura drops `<figure>`), and every
left-out block (or left-out words of a block) on a line of its own. `main_text` is what the cleaner
classifies: the extracted lines and those captions, which is trafilatura's main text as
`raw_text` held it before this layout existed.

The words are matched, not the characters: trafilatura folds whitespace, writes list items and
table rows in its own way, and may join inline elements differently from the page.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from newsflow.tasks.core.schema import TextLayout
from newsflow.tasks.extract.visible import Page

WORD = re.compile(r"\w+")
# How far ahead in the page an extracted line's next word may be and still continue the line (words
# the extractor dropped inside a paragraph: a link, a footnote mark).
MAX_SKIPPED_WORDS = 6
# Words of an extracted line tried as the start of its place in the page: a line whose first words
# the extractor changed (a list bullet, a joined label) is still found by a later n-gram.
MAX_START_TRIES = 8
NGRAM = 3


@dataclass(frozen=True, slots=True)
class PageText:
    """`text` (the document's raw_text), `main_text` (what the cleaner classifies) and where each
    line of the one sits in the other."""

    text: str
    main_text: str
    layout: TextLayout


@dataclass(slots=True)
class _Words:
    """The page's words, casefolded, and the block each is in."""

    words: list[str]
    block: list[int]


def lay_out(page: Page, extracted: str) -> PageText:
    """The page's text with the extracted lines in place, figure captions of the main text included."""
    words = _page_words(page)
    lines = [line.strip() for line in extracted.splitlines()]
    covered = [False] * len(words.words)
    anchors = _place_lines(words, [line for line in lines if line], covered)
    return _compose(page, words, lines, anchors, covered)


def _page_words(page: Page) -> _Words:
    found = _Words([], [])
    for index, block in enumerate(page.blocks):
        words = " ".join(WORD.findall(block.text)).casefold().split()  # casefolding never makes two words of one
        found.words += words
        found.block += [index] * len(words)
    return found


def _word_offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word of a block's text, in the order _page_words counts them."""
    return [match.span() for match in WORD.finditer(text)]


def _place_lines(words: _Words, lines: list[str], covered: list[bool]) -> list[int | None]:
    """For each non-blank extracted line, the index of its first page word found (None when the
    line's words are not in the page after the previous line: text the extractor made up, such as
    a title from the metadata); the page words each line matches are marked `covered`."""
    index: dict[str, list[int]] = {}
    for i, word in enumerate(words.words):
        index.setdefault(word, []).append(i)
    cursor = 0
    anchors: list[int | None] = []
    for line in lines:
        tokens = " ".join(WORD.findall(line)).casefold().split()
        start = _find_start(words.words, index, tokens, cursor)
        if start is None:
            anchors.append(None)
            continue
        page_at, line_at = start
        first = page_at
        position = page_at
        for token in tokens[line_at:]:
            ahead = _next_equal(words.words, token, position, position + MAX_SKIPPED_WORDS)
            if ahead is None:
                continue
            covered[ahead] = True
            position = ahead + 1
        anchors.append(first)
        cursor = max(cursor, position)
    return anchors


def _find_start(page: list[str], index: dict[str, list[int]], tokens: list[str],
                cursor: int) -> tuple[int, int] | None:
    """Where the line begins in the page at or after `cursor`: (page word, line word) of the first
    of its n-grams (its first words, or a later run when the extractor changed those) found there."""
    if not tokens:
        return None
    size = min(NGRAM, len(tokens))
    for offset in range(min(MAX_START_TRIES, len(tokens) - size + 1)):
        gram = tokens[offset : offset + size]
        positions = index.get(gram[0], [])
        for at in range(bisect.bisect_left(positions, cursor), len(positions)):
            start = positions[at]
            if page[start : start + size] == gram:
                return start, offset
    return None


def _next_equal(page: list[str], token: str, start: int, stop: int) -> int | None:
    for i in range(start, min(stop, len(page))):
        if page[i] == token:
            return i
    return None


def _compose(page: Page, words: _Words, lines: list[str], anchors: list[int | None],
             covered: list[bool]) -> PageText:
    """Lay the page out: blocks in order; an extracted line at its first page word; a figure caption
    inside the main text (between the first and the last covered block) as a main line; the rest of
    the visible text as lines outside the main text."""
    anchor_blocks = [words.block[a] if a is not None else None for a in anchors]
    placed = [b for b in anchor_blocks if b is not None]
    first_main, last_main = (min(placed), max(placed)) if placed else (0, -1)
    by_block: dict[int, list[int]] = {}
    for line_no, anchor in enumerate(anchor_blocks):
        if anchor is not None:
            by_block.setdefault(anchor, []).append(line_no)
    block_words: dict[int, list[int]] = {}
    for i, in_block in enumerate(words.block):
        block_words.setdefault(in_block, []).append(i)

    out = _Writer()
    pending = 0  # the next extracted (non-blank) line to write
    nonblank = [i for i, line in enumerate(lines) if line]
    kept = _figures_kept(page, block_words, covered)
    for figure in kept:  # a caption the extractor kept as a line of its own is still a caption
        out.kept_caption(page.figures[figure].caption, page.figures[figure].credit)
    figures_done: set[int] = set()
    for b, block in enumerate(page.blocks):
        if block.figure is not None and block.figure not in kept and first_main <= b <= last_main:
            if block.figure not in figures_done:
                figures_done.add(block.figure)
                out.caption(page.figures[block.figure].caption, page.figures[block.figure].credit)
            continue
        for line_no in by_block.get(b, []):
            while pending <= line_no:
                out.main(lines, nonblank, pending)
                pending += 1
            if block.linked and _covered_block(block_words.get(b), covered):
                out.link_lines.append(lines[nonblank[line_no]])
        for start, end in _uncovered_runs(block.text, block_words.get(b, []), covered):
            out.outside(block.text[start:end])
        if not block_words.get(b):
            out.outside(block.text)  # punctuation only: a separator, a bullet
    while pending < len(nonblank):
        out.main(lines, nonblank, pending)
        pending += 1
    return out.result()


def _figures_kept(page: Page, block_words: dict[int, list[int]], covered: list[bool]) -> set[int]:
    """The figures a block of which the extractor kept: their text is among its lines already."""
    return {block.figure for b, block in enumerate(page.blocks)
            if block.figure is not None and _covered_block(block_words.get(b), covered)}


def _covered_block(word_ids: list[int] | None, covered: list[bool]) -> bool:
    """True when the extractor kept (most of) the block itself: then it is one of its lines already."""
    return word_ids is not None and sum(covered[i] for i in word_ids) * 2 > len(word_ids)


def _uncovered_runs(text: str, word_ids: list[int], covered: list[bool]) -> list[tuple[int, int]]:
    """(start, end) in the block's text of each run of words no extracted line covers, with the
    punctuation around it up to the covered words on either side (or the block's edges)."""
    if not any(covered[i] for i in word_ids):
        return [(0, len(text))] if word_ids else []
    offsets = _word_offsets(text)
    runs: list[tuple[int, int]] = []
    run_start: int | None = None
    previous_end = 0  # where the last covered word ended
    for (start, end), i in zip(offsets, word_ids):
        if covered[i]:
            if run_start is not None:
                runs.append((run_start, start))
                run_start = None
            previous_end = end
        elif run_start is None:
            run_start = previous_end
    if run_start is not None:
        runs.append((run_start, len(text)))
    return runs


class _Writer:
    """Builds raw_text and main_text line by line, recording where each main line sits in raw_text."""

    def __init__(self) -> None:
        self.raw: list[str] = []
        self.raw_length = 0
        self.main_lines: list[str] = []
        self.main_length = 0
        self.main_starts: list[int] = []
        self.raw_starts: list[int] = []
        self.outside_ranges: list[tuple[int, int]] = []
        self.captions: list[str] = []
        self.link_lines: list[str] = []  # main lines that are a link's text on the page
        self.blank_before = 0

    def _raw_line(self, text: str) -> int:
        start = self.raw_length
        self.raw.append(text)
        self.raw_length += len(text) + 1
        return start

    def _main_line(self, text: str) -> None:
        self.main_lines.append("\n" * self.blank_before + text)
        self.main_starts.append(self.main_length + self.blank_before)
        self.raw_starts.append(self._raw_line(text))
        self.main_length += self.blank_before + len(text) + 1
        self.blank_before = 0

    def main(self, lines: list[str], nonblank: list[int], n: int) -> None:
        """The n-th non-blank extracted line, after as many blank lines as the extractor put before it."""
        line_index = nonblank[n]
        previous = nonblank[n - 1] if n > 0 else -1
        self.blank_before = line_index - previous - 1
        self._main_line(lines[line_index])

    def caption(self, caption: str, credit: str | None) -> None:
        """A figure's caption as a main line; a credit the page gives apart follows in parentheses,
        where the cleaner reads a caption's credit (tasks/segment/credits.py split_caption)."""
        text = f"{caption} ({credit})" if credit else caption
        self.captions.append(text)
        self._main_line(text)

    def kept_caption(self, caption: str, credit: str | None) -> None:
        """A figure's caption the extractor kept among its lines: the cleaner marks that line a caption."""
        self.captions.append(caption)
        if credit:
            self.captions.append(f"{caption} {credit}")

    def outside(self, text: str) -> None:
        text = text.strip()
        if text:
            start = self._raw_line(text)
            self.outside_ranges.append((start, start + len(text)))

    def result(self) -> PageText:
        layout = TextLayout(tuple(self.main_starts), tuple(self.raw_starts), tuple(self.outside_ranges),
                            tuple(self.captions), tuple(self.link_lines))
        return PageText("\n".join(self.raw), "\n".join(self.main_lines), layout)
