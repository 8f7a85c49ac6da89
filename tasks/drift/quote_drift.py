"""Quotations compared: reworded, given to another speaker, dropped or added."""

from __future__ import annotations

from difflib import SequenceMatcher

from newsflow.tasks.drift import settings as s
from newsflow.tasks.drift.dates import DateFact
from newsflow.tasks.drift.names import NameFact
from newsflow.tasks.drift.numbers import NumberFact
from newsflow.tasks.drift.pairing import Comparison, Finding, Side, Span, finding
from newsflow.tasks.drift.quotes import QuoteFact, contained, quote_words, same_speaker
from newsflow.tasks.drift.records import ADDED, CHANGED, DROPPED, QUOTE


def compare_quotes(pair: Comparison) -> tuple[list[Finding], set[Span]]:
    """Quotations reworded, given to another speaker, dropped or added; and the spans of the
    speakers whose quotation changed hands (their names are no separate drift)."""
    found: list[Finding] = []
    speakers: set[Span] = set()
    copy_words = quote_words(pair.copy.text)
    free = list(pair.copy.quotes)
    pending = []
    for quote in pair.origin.quotes:
        twin = next((c for c in free if same_words(quote, c)), None)
        if twin is not None:
            free.remove(twin)
            found += speaker_change(pair, quote, twin, speakers)
        else:
            pending.append(quote)
    for quote in pending:
        kept = contained(quote.words, copy_words)  # the words stand, the marks went
        twin, factor = rewording_of(quote, free, 1 if kept else len(pending), pair.score)
        if twin is not None and (not kept or factor == 1.0):
            free.remove(twin)
            found += rewording(pair, quote, twin, speakers, factor)
        elif not kept and not contained(quote.words, pair.copy.body.words()):
            found.append(finding(pair, QUOTE, DROPPED, quote, None, (quote.display(), None)))
    found += added_quotes(pair, free)
    return found, speakers


def same_words(origin: QuoteFact, copy: QuoteFact) -> bool:
    """The same quotation, or one quoting a part of the other (a fragment, not the whole but a word)."""
    if origin.words == copy.words:
        return True
    short, long = sorted((origin.words, copy.words), key=len)
    return len(short) <= s.QUOTE_FRAGMENT_SHARE * len(long) and contained(short, long)


def speaker_change(pair: Comparison, origin: QuoteFact, copy: QuoteFact, speakers: set[Span]) -> list[Finding]:
    """A quotation given to another speaker: one row per attribution, however many quotations it covers."""
    if same_speaker(origin.speaker, copy.speaker):
        return []
    assert origin.speaker is not None and copy.speaker is not None
    if (copy.speaker.start, copy.speaker.end) in speakers:
        return []
    speakers.update({(origin.speaker.start, origin.speaker.end), (copy.speaker.start, copy.speaker.end)})
    factor = 0.85 if origin.speaker.resolved or copy.speaker.resolved else 1.0
    return [finding(pair, QUOTE, CHANGED, origin, copy, (origin.display(), copy.display()), factor)]


def rewording_of(quote: QuoteFact, free: list[QuoteFact], leftovers: int,
                 score: float) -> tuple[QuoteFact | None, float]:
    """The copy's quotation in place of a reworded one: the most alike, or the only one left
    where the sentences around them say the same thing (ALONE_MIN_SCORE)."""
    if not free:
        return None, 1.0
    ratios = [SequenceMatcher(None, quote.words, c.words, autojunk=False).ratio() for c in free]
    best = max(range(len(free)), key=ratios.__getitem__)
    if ratios[best] >= s.QUOTE_MIN_SIMILARITY:
        return free[best], 1.0
    if leftovers == 1 and len(free) == 1 and score >= s.ALONE_MIN_SCORE:
        return free[0], s.FALLBACK_PAIRING_FACTOR
    return None, 1.0


def rewording(pair: Comparison, origin: QuoteFact, copy: QuoteFact, speakers: set[Span], factor: float) -> list[Finding]:
    """A reworded quotation, unless all its changed words are facts with rows of their own."""
    if only_facts_differ(pair, origin, copy):
        return []
    if not same_speaker(origin.speaker, copy.speaker) and origin.speaker and copy.speaker:
        speakers.update({(origin.speaker.start, origin.speaker.end), (copy.speaker.start, copy.speaker.end)})
    return [finding(pair, QUOTE, CHANGED, origin, copy, (origin.display(), copy.display()), factor)]


def only_facts_differ(pair: Comparison, origin: QuoteFact, copy: QuoteFact) -> bool:
    """Whether the words a quotation changed are numbers, dates or names (reported as such), give
    or take stop words around them ("in 2024" -> "recently")."""
    stops = pair.origin.body.reading.stops
    origin_facts = fact_words(pair.origin, origin)
    copy_facts = fact_words(pair.copy, copy)
    changed: set[str] = set()
    matcher = SequenceMatcher(None, origin.words, copy.words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            left, right = set(origin.words[i1:i2]), set(copy.words[j1:j2])
            if not (left <= origin_facts | stops and right <= copy_facts | stops):
                return False
            changed |= (left & origin_facts) | (right & copy_facts)
    return bool(changed)


def fact_words(side: Side, quote: QuoteFact) -> set[str]:
    facts: list[NumberFact | DateFact | NameFact] = [*side.numbers, *side.dates, *side.names]
    return {w for f in facts if quote.start <= f.start and f.end <= quote.end for w in quote_words(f.surface)}


def added_quotes(pair: Comparison, free: list[QuoteFact]) -> list[Finding]:
    if pair.score < s.ADDED_MIN_SCORE:
        return []
    origin_words = quote_words(pair.origin.text)
    body_words = pair.origin.body.words() if free else ()
    return [finding(pair, QUOTE, ADDED, None, c, (None, c.display())) for c in free
            if not contained(c.words, origin_words) and not contained(c.words, body_words)]
