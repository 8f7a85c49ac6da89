"""What comparing one group of aligned sentences needs, whatever the kind of fact: its two sides,
the word diff between them, matching the facts both state, pairing the rest, and the finding
a difference becomes.

Facts equal on both sides are set aside first. What is left of the origin's is paired with what
is left of the copy's: where the word diff replaced the one with the other, or as the only
leftovers of their kind. A pair is `changed` or `vaguer`; an origin fact left unpaired is
`dropped` when the copy says it nowhere; a copy fact left unpaired is `added` when the sentences
are near-verbatim and the origin says it nowhere (the modules `*_drift.py`, one per kind)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TypeVar

from newsflow.tasks.drift import settings as s
from newsflow.tasks.drift.dates import DateFact
from newsflow.tasks.drift.facts import BodyFacts
from newsflow.tasks.drift.names import NameFact, NameIndex, Token
from newsflow.tasks.drift.numbers import NumberFact
from newsflow.tasks.drift.quotes import QuoteFact

Fact = TypeVar("Fact", NumberFact, DateFact, NameFact, QuoteFact)
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Finding:
    """One difference, located by a body offset inside the sentence it concerns on each side."""

    kind: str
    change: str
    origin_value: str | None
    value: str | None
    origin_at: int | None
    copy_at: int | None
    confidence: float


@dataclass(slots=True)
class Side:
    """One side of a group: its sentences' facts together, each kind gathered when first asked for."""

    body: BodyFacts
    indices: tuple[int, ...]
    _index: NameIndex | None = None

    @property
    def numbers(self) -> list[NumberFact]:
        return [n for i in self.indices for n in self.body.numbers_of(i)]

    @property
    def dates(self) -> list[DateFact]:
        return [d for i in self.indices for d in self.body.dates_of(i)]

    @property
    def names(self) -> list[NameFact]:
        return [n for i in self.indices for n in self.body.names_of(i)]

    @property
    def quotes(self) -> list[QuoteFact]:
        return [q for i in self.indices for q in self.body.quotes_of(i)]

    @property
    def text(self) -> str:
        return " ".join(self.body.sentences[i].text for i in self.indices)

    @property
    def anchor(self) -> int:
        return self.body.sentences[self.indices[0]].start

    def elsewhere(self, facts: list[Fact]) -> list[Fact]:
        """The facts (of the whole body) outside this side's sentences."""
        inside = [(self.body.sentences[i].start, self.body.sentences[i].end) for i in self.indices]
        return [f for f in facts if not any(start <= f.start < end for start, end in inside)]

    def name_index(self) -> NameIndex:
        if self._index is None:
            self._index = self.body.name_index(self.indices)
        return self._index


@dataclass(slots=True)
class Comparison:
    """A group's two sides and what pairing needs of them: the replaced spans of a word diff."""

    origin: Side
    copy: Side
    score: float
    _replaced: list[tuple[Span, Span]] | None = None
    _kept: list[tuple[Span, Span]] | None = None

    @property
    def support(self) -> float:
        """How far the alignment backs a finding: 0.75 for a loose pair, 1 for a close one."""
        return 0.75 + 0.25 * min(1.0, self.score / 0.7)

    def replaced(self) -> list[tuple[Span, Span]]:
        """(origin span, copy span) of each stretch of words the copy replaced."""
        if self._replaced is None:
            left = [t for i in self.origin.indices for t in sentence_tokens(self.origin.body, i)]
            right = [t for i in self.copy.indices for t in sentence_tokens(self.copy.body, i)]
            matcher = SequenceMatcher(None, [t[0] for t in left], [t[0] for t in right], autojunk=False)
            opcodes = matcher.get_opcodes()
            self._replaced = [
                ((left[i1][1], left[i2 - 1][2]), (right[j1][1], right[j2 - 1][2]))
                for op, i1, i2, j1, j2 in opcodes
                if op == "replace" and i2 - i1 <= s.MAX_SWAP_WORDS and j2 - j1 <= s.MAX_SWAP_WORDS
            ]
            self._kept = [((left[i1 + k][1], left[i1 + k][2]), (right[j1 + k][1], right[j1 + k][2]))
                          for op, i1, i2, j1, _ in opcodes if op == "equal" for k in range(i2 - i1)]
        return self._replaced

    def kept_in(self, origin: Span, copy: Span) -> bool:
        """Whether the diff kept a word of `origin` as a word of `copy` ("November 19" cut to "November")."""
        self.replaced()
        assert self._kept is not None
        return any(overlaps(o, origin) and overlaps(c, copy) for o, c in self._kept)

    def swapped(self, origin: Span, copy: Span) -> bool:
        """Whether the diff replaced words of `origin` with words of `copy`."""
        return any(overlaps(o, origin) and overlaps(c, copy) for o, c in self.replaced())


def sentence_tokens(body: BodyFacts, index: int) -> list[tuple[str, int, int]]:
    return [(t.text.lower(), t.start, t.end) for t in body.tokens_of(index)]


def overlaps(left: Span, right: Span) -> bool:
    return left[0] < right[1] and right[0] < left[1]


def span(fact: NumberFact | DateFact | NameFact | QuoteFact | Token) -> Span:
    return fact.start, fact.end


def take_equal(pair: Comparison, origin: list[Fact], copy: list[Fact],
               equal: Callable[[Fact, Fact], bool]) -> tuple[list[Fact], list[Fact]]:
    """Both sides without the facts they share, each matched once: same words first ("Nov. 18"
    with "Nov. 18", not with a "Monday" that means the same day), then `equal`; the pairs nearest
    in place first (a sentence saying "2024" twice, one of them edited to "2021")."""
    left, right = list(origin), list(copy)
    for same in (lambda o, c: surface(o) == surface(c) and equal(o, c), equal):
        twins = sorted(((o, c) for o in left for c in right if same(o, c)),
                       key=lambda twin: abs((twin[0].start - pair.origin.anchor) - (twin[1].start - pair.copy.anchor)))
        for o, c in twins:
            if o in left and c in right:
                left.remove(o)
                right.remove(c)
    return left, right


def surface(fact: NumberFact | DateFact | NameFact | QuoteFact) -> str:
    return " ".join((fact.text if isinstance(fact, QuoteFact) else fact.surface).lower().split())


def pair_up(pair: Comparison, origin: list[Fact], copy: list[Fact], fits: Callable[[Fact, Fact], bool],
            alone: Callable[[Fact, Fact], bool]) -> tuple[list[tuple[Fact, Fact, float]], list[Fact], list[Fact]]:
    """Leftover facts paired: where the word diff replaced one with the other and `fits` allows,
    else as the one leftover of each side when `alone` allows. Returns pairs (with a confidence
    factor) and what stays unpaired on each side."""
    pairs: list[tuple[Fact, Fact, float]] = []
    left = list(origin)
    right = list(copy)
    for fact in origin:
        twin = next((other for other in right if pair.swapped(span(fact), span(other)) and fits(fact, other)), None)
        if twin is not None:
            pairs.append((fact, twin, 1.0))
            left.remove(fact)
            right.remove(twin)
    # As the only leftovers: surely only in sentences that say much the same; two loosely aligned
    # sentences of independent reports often each hold a fact the other lacks ("last Friday", "last fall").
    if len(left) == 1 and len(right) == 1 and alone(left[0], right[0]):
        loose = pair.score < s.ALONE_MIN_SCORE
        pairs.append((left[0], right[0], s.FALLBACK_PAIRING_FACTOR * (s.LOOSE_PAIRING_FACTOR if loose else 1.0)))
        left, right = [], []
    return pairs, left, right


def finding(pair: Comparison, kind: str, change: str, origin: Fact | None, copy: Fact | None,
            values: tuple[str | None, str | None], factor: float = 1.0) -> Finding:
    """A difference between `origin` and `copy` (None for the side that lacks it), with its confidence."""
    if any(isinstance(fact, QuoteFact) and fact.scare for fact in (origin, copy)):
        factor *= s.SCARE_QUOTE_FACTOR
    return Finding(kind, change, values[0], values[1],
                   origin.start if origin is not None else pair.origin.anchor,
                   copy.start if copy is not None else pair.copy.anchor,
                   round(s.BASE_CONFIDENCE[change] * pair.support * factor, 3))


def anything(origin: object, copy: object) -> bool:
    return True


def nothing(origin: object, copy: object) -> bool:
    return False
