"""The lines of a document's text, the unit every cleaning and splitting rule classifies."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from newsflow.tasks.core.schema import BODY, Credit
from newsflow.tasks.segment.rules import kind_of

# Chinese, Japanese and Korean characters: their text has few or no spaces between words.
UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")

# Markdown's marks around a whole line. Scrapers that write Markdown mark headlines with them ("## Storm
# closes the port", "**Storm closes the port**"), and bylines and labels too ("*By Ana Ruiz*",
# "_Advertisement_"). Every rule reads the line without them: behind "## " a headline is not
# headline-shaped (its first character is no letter), and 60 documents of two to four glued stories
# under such headings came out with the right number of stories 7 times (bench/split_notes.md).
ATX_HEADING = re.compile(r"(?:>[ \t]*)*#{1,6}[ \t]+|(?:>[ \t]*)+(?=[^\s>])")  # a heading, or a quote's "> "
ATX_CLOSING = re.compile(r"[ \t]+#+$")
EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=[^\s*_])(.*[^\s*_])\1")
# Bold or italic inside a line ("**Read more:** [...](...)", "*Photo:* AP"): the line rules read the
# line without these marks (`unemphasised`); the marks stay in the text, like the rest of the line.
INLINE_EMPHASIS = re.compile(r"(\*\*|__|\*)(?=[^\s*_])(.+?)(?<=[^\s*_])\1")


@dataclass(slots=True)
class Line:
    """One non-blank line of the text: its stripped content, offsets and classification."""

    start: int
    end: int
    text: str
    gap: int  # blank lines before it
    key: str  # the text folded for comparing repeats
    kind: str = BODY
    rule: str | None = None
    words: int = 0
    authors: list[str] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)  # who a byline signs with, and as what
    ai: bool = False
    marks: tuple[tuple[int, int], ...] = ()  # offsets of the Markdown marks around it (markdown_marks)

    def mark(self, rule: str) -> None:
        """Give the line to the rule `rule` (a name of tasks/segment/rules.py), as the rule's kind."""
        self.kind, self.rule = kind_of(rule), rule

    @property
    def is_body(self) -> bool:
        return self.kind == BODY


def fold(text: str) -> str:
    """Text compared for repeats: NFC, case-folded, whitespace folded."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def count_words(text: str) -> int:
    """Words of a line; in scripts written without spaces, two characters count as a word."""
    return len(text.split()) + len(UNSPACED_SCRIPT.findall(text)) // 2


def markdown_marks(content: str) -> tuple[int, int]:
    """Lengths of the Markdown marks that open and close a line: a heading's "#"s (and its closing
    ones) or a block quote's ">", then bold or italic around all the rest. (0, 0) when there are none, or nothing but
    marks would be left ("***", "# # #" are rule lines)."""
    heading = ATX_HEADING.match(content)
    lead = heading.end() if heading else 0
    closing = ATX_CLOSING.search(content, lead) if heading and "#" in heading.group() else None
    trail = len(content) - closing.start() if closing else 0
    emphasis = EMPHASIS.fullmatch(content, lead, len(content) - trail)
    if emphasis:
        lead, trail = emphasis.start(2), len(content) - emphasis.end(2)
    inner = content[lead : len(content) - trail]
    return (lead, trail) if inner.strip() and any(c.isalnum() for c in inner) else (0, 0)


def unemphasised(text: str) -> str:
    """The text without Markdown's bold and italic marks inside it."""
    return INLINE_EMPHASIS.sub(r"\2", text) if "*" in text or "__" in text else text


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text` with their offsets (leading and trailing space and a line's
    Markdown marks excluded; the marks' offsets are kept in `marks`)."""
    lines, offset, blanks = [], 0, 0
    for raw in text.splitlines(keepends=True):
        content = raw.strip()
        if content:
            start = offset + (len(raw) - len(raw.lstrip()))
            end = start + len(content)
            lead, trail = markdown_marks(content)
            inner = content[lead : len(content) - trail]
            marks = tuple((a, b) for a, b in ((start, start + lead), (end - trail, end)) if b > a)
            lines.append(Line(start + lead, end - trail, inner, blanks, fold(inner), words=count_words(inner), marks=marks))
            blanks = 0
        else:
            blanks += 1
        offset += len(raw)
    return lines
