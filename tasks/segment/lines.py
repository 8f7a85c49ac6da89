"""The lines of a document's text, the unit every cleaning and splitting rule classifies."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from newsflow.tasks.core.schema import BODY, Credit
from newsflow.tasks.segment.rules import kind_of

# Chinese, Japanese and Korean characters: their text has few or no spaces between words.
UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


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


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text` with their offsets (leading and trailing space excluded)."""
    lines, offset, blanks = [], 0, 0
    for raw in text.splitlines(keepends=True):
        content = raw.strip()
        if content:
            start = offset + (len(raw) - len(raw.lstrip()))
            lines.append(Line(start, start + len(content), content, blanks, fold(content), words=count_words(content)))
            blanks = 0
        else:
            blanks += 1
        offset += len(raw)
    return lines
