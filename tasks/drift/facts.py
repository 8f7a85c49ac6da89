"""The facts of one body's sentences (numbers, dates, names, quotations), extracted when first
asked for: an unedited copy has its sentences aligned by identity and needs none of them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from newsflow.tasks.drift import lexicon as lx
from newsflow.tasks.drift import patterns as p
from newsflow.tasks.drift.dates import DateFact, DateRef, date_facts, trigger_words
from newsflow.tasks.drift.names import (
    NameFact,
    NameIndex,
    Token,
    capitalised_words,
    name_facts,
    name_index,
    tokens,
    word_keys,
)
from newsflow.tasks.drift.numbers import SCALE_WORDS, WORD_STARTS, NumberFact, number_facts
from newsflow.tasks.drift.quotes import QuoteFact, Speaker, is_title, quotations, quote_facts, quote_words
from newsflow.tasks.drift.sentences import Sentence

LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])")
TITLE_JOINERS = frozenset({"a", "an", "the", "of", "and", "in", "on", "at", "for", "to", "by", "with", "or", "vs"})
HEADING_END = re.compile(r"[.!?\"”’')]\s*$")


def is_heading(text: str) -> bool:
    """A heading or table row: no end punctuation, no comma, and every word capitalised but the
    small ones that join title words ("The Doobie Brothers Tour Dates", "SCORES QUARANTINED",
    "Ticker Security Last Change Change %"). Its capitals say nothing of names."""
    if HEADING_END.search(text) or "," in text:
        return False
    words = [w for w in p.WORD.findall(text) if w[:1].isalpha()]
    return len(words) >= 2 and all(w[:1].isupper() or w in TITLE_JOINERS for w in words)


def is_lower_word(name: NameFact, lower: frozenset[str]) -> bool:
    """A name of one word that a text also writes in lower case ("Get", "Me", "Amendment"): maybe no
    name, so never reported dropped or added (`NameFact.weak`), though a name put in its place is."""
    word = p.POSSESSIVE.sub("", name.surface)
    return len(name.key) == 1 and " " not in name.surface and not word.isupper() and word.lower() in lower


# Sentences back from a quotation in which a pronoun's speaker is sought.
SPEAKER_LOOKBACK = 3
# Lower-case words that make or modify facts: number words, vague quantities, approximators,
# date words. A sentence's facts change only if these, its capitalised words, numbers or quoted
# words do.
FACT_WORDS = frozenset({
    *WORD_STARTS, *(w for phrase in p.VAGUE_PHRASES for w in phrase),
    *(w for a in lx.APPROXIMATORS for w in a.split()), *SCALE_WORDS, "dozen", "percent", "cent",
    *(w for pattern in p.DATE_PATTERNS if pattern.needs_word for w in pattern.needs_word),
    "last", "next", "this", "past", "coming", "previous", "earlier", "later", "early", "late", "mid", "ago",
    "yesterday", "today", "tonight", "tomorrow", "recently", "lately", "recent", "a.m", "p.m",
})


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    numbers: tuple[NumberFact, ...]
    dates: tuple[DateFact, ...]
    names: tuple[NameFact, ...]
    quotes: tuple[QuoteFact, ...]


class Capitals:
    """The words two texts capitalise mid-sentence (evidence that a capitalised sentence opener is
    a name), found when a name is first sought: an unedited copy never asks."""

    def __init__(self, *bodies: str) -> None:
        self._bodies = bodies
        self._words: frozenset[str] | None = None
        self._lower: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(w for body in self._bodies for w in capitalised_words(body))
        return self._words

    @property
    def lower_words(self) -> frozenset[str]:
        """The words either text writes in lower case: a capitalised one of them may be no name
        ("Get", "Me" of a title, "Amendment" of a heading)."""
        if self._lower is None:
            self._lower = frozenset(w for body in self._bodies for w in LOWER_WORD.findall(body))
        return self._lower

    def in_every(self, word: str) -> bool:
        """Whether every text writes `word` as it is (an acronym both use)."""
        pattern = re.compile(rf"(?<![\w@/#]){re.escape(word)}(?![\w/])")
        return all(pattern.search(body) for body in self._bodies)


@dataclass(frozen=True, slots=True)
class Reading:
    """How a body is read: its reference date, its language's stop words, the words the two
    compared texts capitalise mid-sentence, and whether capitals mark names in its language."""

    ref: DateRef
    stops: frozenset[str]
    capitals: Capitals
    names: bool


class BodyFacts:
    """The facts of one body, sentence by sentence and kind by kind, each extracted once when
    first asked for: a copy that changed one sentence costs that sentence's extraction."""

    def __init__(self, body: str, sentences: list[Sentence], reading: Reading) -> None:
        self.body = body
        self.sentences = sentences
        self.reading = reading
        self._tokens: dict[int, list[Token]] = {}
        self._keys: dict[int, frozenset[str]] = {}
        self._dates: dict[int, tuple[DateFact, ...]] = {}
        self._numbers: dict[int, tuple[NumberFact, ...]] = {}
        self._names: dict[int, tuple[NameFact, ...]] = {}
        self._quotes: dict[int, tuple[QuoteFact, ...]] = {}
        self._signatures: dict[int, tuple[str, ...]] = {}
        self._name_index: NameIndex | None = None
        self._quotations: list[tuple[int, int]] | None = None
        self._words: tuple[str, ...] | None = None

    def of(self, index: int) -> SentenceFacts:
        """Every fact of sentence `index`."""
        return SentenceFacts(self.numbers_of(index), self.dates_of(index), self.names_of(index), self.quotes_of(index))

    def tokens_of(self, index: int) -> list[Token]:
        """The words of sentence `index`, with body offsets."""
        if index not in self._tokens:
            sentence = self.sentences[index]
            self._tokens[index] = tokens(sentence.text, sentence.start)
        return self._tokens[index]

    def signature(self, index: int) -> tuple[str, ...]:
        """The words of sentence `index` that facts are made of, sorted: capitalised words,
        numbers, date and quantity words, quoted words. Two groups of sentences with equal
        signatures state the same facts, however else they are worded."""
        if index not in self._signatures:
            sentence = self.sentences[index]
            stops = self.reading.stops
            words = [t.text.lower() for t in self.tokens_of(index)]
            kept = [w for w, t in zip(words, self.tokens_of(index), strict=True)
                    if w in FACT_WORDS or p.DIGIT.search(w) or t.text[:1].isupper() and w not in stops]
            for start, end in self.quote_spans(index):
                kept.append("“")
                kept.extend(quote_words(sentence.text[start:end]))
            self._signatures[index] = tuple(sorted(kept))
        return self._signatures[index]

    def dates_of(self, index: int) -> tuple[DateFact, ...]:
        if index not in self._dates:
            sentence = self.sentences[index]
            words = trigger_words(t.text for t in self.tokens_of(index))
            self._dates[index] = tuple(date_facts(sentence.text, sentence.start, self.reading.ref, words,
                                                  self.reading.stops))
        return self._dates[index]

    def numbers_of(self, index: int) -> tuple[NumberFact, ...]:
        if index not in self._numbers:
            sentence = self.sentences[index]
            dates = [(d.start, d.end) for d in self.dates_of(index)]
            words = [(t.text.lower(), t.start - sentence.start, t.end - sentence.start) for t in self.tokens_of(index)]
            self._numbers[index] = tuple(number_facts(sentence.text, sentence.start, dates, self.reading.stops, words))
        return self._numbers[index]

    def names_of(self, index: int) -> tuple[NameFact, ...]:
        if index not in self._names:
            sentence = self.sentences[index]
            found = name_facts(sentence.text, sentence.start, self.reading.capitals.words, self.reading.stops,
                               self.tokens_of(index)) if self.reading.names else []
            if found:
                if is_heading(sentence.text):
                    found = []
                else:
                    titles = [(start + sentence.start, end + sentence.start) for start, end in self.quote_spans(index)
                              if is_title(sentence.text[start:end])]
                    found = [n for n in found if self._name_like(n, titles)]
                    lower = self.reading.capitals.lower_words
                    found = [replace(n, weak=True) if is_lower_word(n, lower) else n for n in found]
            self._names[index] = tuple(found)
        return self._names[index]

    def _name_like(self, name: NameFact, titles: list[tuple[int, int]]) -> bool:
        """Whether a run of capitals is a name: not a handle or a link's slug, not within a title
        in quotation marks, no acronym of two-letter words one text alone uses ("HP" for an illness,
        "IN SD"). (A single word either text writes in lower case stays, as weak: `is_lower_word`.)"""
        before = self.body[name.start - 1:name.start]
        after = self.body[name.end:name.end + 1]
        if before in ("@", "/", "#") or after == "/" or "/" in name.surface:
            return False
        if any(start <= name.start and name.end <= end for start, end in titles):
            return False
        words = p.POSSESSIVE.sub("", name.surface).split()
        if all(w.replace(".", "").isupper() and len(w.replace(".", "")) <= 2 for w in words) \
                and not (len(name.key) == 1 and name.key[0] in lx.NAME_ALIASES) \
                and not all(self.reading.capitals.in_every(w) for w in words):
            return False
        return True

    def quote_spans(self, index: int) -> list[tuple[int, int]]:
        """The quoted stretches of sentence `index`, as offsets in the sentence: the body's
        quotations (found line by line, so that one running over sentences is seen) clipped to it."""
        if self._quotations is None:
            self._quotations = quotations(self.body)
        sentence = self.sentences[index]
        return [(max(start, sentence.start) - sentence.start, min(end, sentence.end) - sentence.start)
                for start, end in self._quotations if start < sentence.end and sentence.start < end]

    def quotes_of(self, index: int) -> tuple[QuoteFact, ...]:
        if index not in self._quotes:
            sentence = self.sentences[index]
            spans = self.quote_spans(index)
            found = []
            if spans:
                context = [n for i in range(max(0, index - 2), index + 1) for n in self.names_of(i)]
                found = quote_facts(sentence.text, sentence.start, spans, context, self._recent_speaker(index))
            self._quotes[index] = tuple(found)
        return self._quotes[index]

    def keys_of(self, index: int) -> frozenset[str]:
        """The words of sentence `index` folded like names' words (names.word_keys): in any case, since
        a rewrite may lower-case a name that opened a sentence ("...; nbc said")."""
        if index not in self._keys:
            stops = self.reading.stops
            self._keys[index] = frozenset(word_keys(t.text for t in self.tokens_of(index)
                                                    if t.text[:1].isupper() or t.text not in stops))
        return self._keys[index]

    def name_index(self, indices: Iterable[int]) -> NameIndex:
        """What the sentences `indices` say, keyed like names."""
        indices = list(indices)
        keys = frozenset().union(*(self.keys_of(i) for i in indices))
        return name_index(keys, [n for i in indices for n in self.names_of(i)])

    def all_numbers(self) -> list[NumberFact]:
        return [n for i in range(len(self.sentences)) for n in self.numbers_of(i)]

    def all_dates(self) -> list[DateFact]:
        return [d for i in range(len(self.sentences)) for d in self.dates_of(i)]

    def all_names(self) -> NameIndex:
        if self._name_index is None:
            self._name_index = self.name_index(range(len(self.sentences)))
        return self._name_index

    def words(self) -> tuple[str, ...]:
        """The body's words, lower-cased: to find a quotation kept with or without its marks."""
        if self._words is None:
            self._words = quote_words(self.body)
        return self._words

    def _recent_speaker(self, index: int) -> Speaker | None:
        """The last speaker named (not a pronoun) in the few sentences before `index`."""
        for i in range(index - 1, max(-1, index - 1 - SPEAKER_LOOKBACK), -1):
            sentence = self.sentences[i]
            named = [q.speaker for q in quote_facts(sentence.text, sentence.start, self.quote_spans(i), [], None)
                     if q.speaker is not None and not q.speaker.pronoun]
            if named:
                return named[-1]
        return None
