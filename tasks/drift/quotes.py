"""Quotations of a sentence and who says them.

The words are those between quotation marks (“…”, "…", «…», „…“, ‘…’, and '…' around words);
the speaker is the name, pronoun or noun phrase beside a speech verb next to the quotation
("…,” Gharibabadi said", "Mora said, “…”", "according to the ministry"), or else anywhere in the
sentence. A pronoun is resolved to the speaker of a recent quotation or the last full name before.

A quotation's value is "speaker: words" (the words as written; the speaker without offices), or
the words alone when nobody is named."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsflow.tasks.drift import lexicon as lx
from newsflow.tasks.drift import patterns as p
from newsflow.tasks.drift.names import NameFact, name_key, run_names, tokens

QUOTE_WORD = re.compile(r"[^\W_]+")
SPEAKER_WINDOW = 200  # characters before or after a quotation searched for its attribution
# A title-cased quotation with no attribution of its own beside it is a title ("Listen To The
# Music"), not words someone said; one of at most this many words is likely scare quotes or a term
# (a “ground glass” pattern, called “pigeon breeder's lung”), and its rows are less sure.
TITLE_MAX_WORDS = 4


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str  # as written, without offices ("Vladimir Putin", "the ministry", "he")
    key: tuple[str, ...]  # folded words of who is meant; a pronoun's resolution when found
    start: int  # offsets in the body
    end: int
    pronoun: bool
    resolved: bool  # a pronoun traced to a name


@dataclass(frozen=True, slots=True)
class QuoteFact:
    text: str  # the quoted words as written
    words: tuple[str, ...]  # lower-cased
    start: int  # offsets of the quoted words in the body
    end: int
    speaker: Speaker | None
    # A few words without an attribution of their own: scare quotes or a term ("a “ground glass”
    # pattern"), perhaps no one's words: its rows are given at SCARE_QUOTE_FACTOR.
    scare: bool = False

    def display(self) -> str:
        """ "speaker: words", or the words alone when nobody (or an untraced pronoun) says them."""
        text = " ".join(self.text.split())
        named = self.speaker is not None and (self.speaker.resolved or not self.speaker.pronoun)
        return f"{self.speaker.text}: {text}" if self.speaker is not None and named else text


def quote_words(text: str) -> tuple[str, ...]:
    return tuple(QUOTE_WORD.findall(text.lower()))


def quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of the quoted words of each quotation in `text`. A quotation opened and not
    closed on its line runs to the line's end: in news, a quote spanning paragraphs closes only
    on the last of them."""
    spans = []
    for match in p.QUOTATION.finditer(text):
        group = next(name for name, value in match.groupdict().items() if value is not None)
        spans.append((match.start(group), match.end(group)))
    for match in p.UNCLOSED_QUOTATION.finditer(text):
        if not any(start <= match.start(1) < end for start, end in spans):
            spans.append((match.start(1), match.end(1)))
    return sorted(spans)


def quote_facts(text: str, offset: int, spans: list[tuple[int, int]], context: list[NameFact],
                recent: Speaker | None) -> list[QuoteFact]:
    """The quotations at `spans` of `text` (at `offset` in its body). `context` are the names of
    the sentence and those before it, `recent` the last named speaker: both resolve pronouns."""
    if not spans:
        return []
    masked = mask(text, spans)
    shared = speaker_anywhere(masked, offset)
    found = []
    for start, end in spans:
        own = own_speaker(text, masked, start, end, offset)
        words = quote_words(text[start:end])
        if own is None and is_title(text[start:end]):
            continue
        speaker = own or shared
        scare = own is None and len(words) <= TITLE_MAX_WORDS
        if speaker is not None and speaker.pronoun:
            speaker = resolved(speaker, context, recent)
        found.append(QuoteFact(text[start:end], words, start + offset, end + offset, speaker, scare))
    return found


def is_title(quoted: str) -> bool:
    """Quoted words every one of which (but short joining words) is capitalised: a title of a song,
    book or show ("Jesus Is Just Alright With Me"), not words someone said."""
    words = [w for w in QUOTE_WORD.findall(quoted) if w[:1].isalpha()]
    return len(words) > 1 and all(w[:1].isupper() for w in words if len(w) > 3)


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the quoted words blanked, so that attribution is sought outside them."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def own_speaker(text: str, masked: str, start: int, end: int, offset: int) -> Speaker | None:
    """The attribution right after a quotation ("…,” he said") or right before it ("Mora said: “…")."""
    close = end + 1
    after = masked[close:close + SPEAKER_WINDOW]
    for pattern in p.SPEAKER_AFTER:
        match = pattern.match(after)
        if match:
            return speaker(match, close + offset)
    window = max(0, start - 1 - SPEAKER_WINDOW)
    before = masked[window:max(0, start - 1)]
    for pattern in p.SPEAKER_BEFORE:
        match = pattern.search(before)
        if match:
            return speaker(match, window + offset)
    return None


def speaker_anywhere(masked: str, offset: int) -> Speaker | None:
    for pattern in p.SPEAKER_ANYWHERE:
        match = pattern.search(masked)
        if match:
            return speaker(match, offset)
    return None


def speaker(match: re.Match[str], offset: int) -> Speaker | None:
    """The speaker a pattern matched: a name without its offices, a pronoun, or a noun phrase."""
    who = match.group("who")
    start = match.start("who") + offset
    lower = who.lower()
    if lower in lx.PRONOUNS:
        return Speaker(who, (lower,), start, start + len(who), True, False)
    if who[:1].isupper():
        names = run_names(tokens(who, start), "said", frozenset())
        if not names:
            return None
        name = names[-1]
        return Speaker(name.display(), name.key, name.start, name.end, False, False)
    words = [w for w in lower.split() if w not in ("the", "a", "an")]
    return Speaker(who, name_key(words), start, start + len(who), False, False)


def resolved(pronoun: Speaker, context: list[NameFact], recent: Speaker | None) -> Speaker:
    """A pronoun speaker traced to the last named speaker, else the last full name mentioned before
    it; shown as who it stands for, placed where the pronoun is."""
    if pronoun.text.lower() in ("he", "she", "they", "it") and recent is not None:
        return Speaker(recent.text, recent.key, pronoun.start, pronoun.end, True, True)
    people = [n for n in context if len(n.key) > 1 and n.start < pronoun.start]
    if people and pronoun.text.lower() in ("he", "she"):
        return Speaker(people[-1].display(), people[-1].key, pronoun.start, pronoun.end, True, True)
    return pronoun


def same_speaker(left: Speaker | None, right: Speaker | None) -> bool:
    """Whether two attributions may mean the same person: unknown and unresolved pronouns agree
    with anyone; names agree by a shared surname or one's words within the other's."""
    if left is None or right is None or (left.pronoun and not left.resolved) or (right.pronoun and not right.resolved):
        return True
    if not left.key or not right.key:
        return True
    if left.key[-1] == right.key[-1] or set(left.key) <= set(right.key) or set(right.key) <= set(left.key):
        return True
    # "the ministry" against a name: can't tell; "the patient" against "the man": two descriptions
    # of one person as likely as of two.
    return is_noun_phrase(left) or is_noun_phrase(right)


def is_noun_phrase(speaker: Speaker) -> bool:
    return not speaker.pronoun and not speaker.text[:1].isupper()


def contained(words: tuple[str, ...], text_words: tuple[str, ...]) -> bool:
    """Whether `words` occur in a row within `text_words` (a quotation kept, marks or not)."""
    if not words:
        return True
    return f" {' '.join(words)} " in f" {' '.join(text_words)} "
