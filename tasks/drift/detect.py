"""Fact drift (issue 21): what a syndicated copy or a rewrite changed against its origin.

`find_drift` splits both bodies into sentences, aligns them (`align.py`), compares the facts of
each aligned group (`compare.py`), and reports the facts of origin sentences the copy left out
where it otherwise follows the origin (both neighbours aligned), and of copy sentences inserted
between two followed ones. One `Drift` row per difference (a left-out sentence: one row per fact
of it the copy says nowhere else); see `records.py` for the fields and the modules of each kind
for how values are normalised:

- number: "32 people", "~30 people" (approximate), "USD 5,000,000", "12%", "dozens of people";
- date: "2023", "2025-01-17"; a relative date resolved against its article's reference date with
  its words, "2025-01-17 (friday)", or its words alone when no date is known ("earlier this year");
- name: the name without offices or nationality words ("Vladimir Putin");
- quote: "speaker: words as written" (the words alone when nobody is named). A quotation given
  to another speaker is one `quote` `changed` row, not also a `name` row.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import datetime

from newsflow.tasks.core.terms import stop_words
from newsflow.tasks.drift import settings as s
from newsflow.tasks.drift.align import Alignment, align
from newsflow.tasks.drift.compare import Finding, compare_group, dropped_sentence, inserted_sentence
from newsflow.tasks.drift.dates import DateRef
from newsflow.tasks.drift.facts import BodyFacts, Capitals, Reading
from newsflow.tasks.drift.records import (
    ADDED,
    CHANGED,
    CHANGES,
    DATE,
    DROPPED,
    KINDS,
    NAME,
    NUMBER,
    QUOTE,
    VAGUER,
    Drift,
    DriftText,
)
from newsflow.tasks.drift.sentences import Sentence, normalised, split_sentences

__all__ = ["ADDED", "CHANGED", "CHANGES", "DATE", "DROPPED", "KINDS", "NAME", "NUMBER", "QUOTE", "VAGUER",
           "Drift", "DriftText", "find_drift"]

# Languages that capitalise every noun: capitals say nothing of names there.
NOUN_CAPITALISING = frozenset({"de", "lb"})


def find_drift(origin: DriftText, copy: DriftText, fallback_date: datetime | None = None) -> list[Drift]:
    """The differences of facts between `copy` and its `origin`, one row each, in origin order.

    fallback_date: the story's earliest known date, used (with lower confidence) when an
    article has no published_at."""
    if origin.body == copy.body or normalised(origin.body) == normalised(copy.body):
        return []
    origin_sentences, copy_sentences = split_sentences(origin.body), split_sentences(copy.body)
    stops = stop_words(origin.language)
    capitals = Capitals(origin.body, copy.body)
    with_names = (origin.language or "en") not in NOUN_CAPITALISING
    origin_facts = BodyFacts(origin.body, origin_sentences,
                             Reading(reference_date(origin, fallback_date, copy), stops, capitals, with_names))
    copy_facts = BodyFacts(copy.body, copy_sentences,
                           Reading(reference_date(copy, fallback_date, origin), stops, capitals, with_names))
    alignment = align(origin_facts, copy_facts)
    findings = [f for g in alignment.groups if not g.identical for f in compare_group(g, origin_facts, copy_facts)]
    followed = left_out(alignment, len(origin_sentences))
    for i in unfollowed(alignment.origin_aligned, len(origin_sentences)):
        factor = 1.0 if i in followed else s.UNFOLLOWED_FACTOR
        findings += dropped_sentence(i, origin_facts, copy_facts, factor)
    for j in inserted(alignment, len(copy_sentences)):
        findings += inserted_sentence(j, origin_facts, copy_facts)
    return rows(findings, origin_sentences, copy_sentences)


def reference_date(text: DriftText, fallback: datetime | None, other: DriftText) -> DateRef:
    """The day an article's relative dates count from: its own date, else the story's earliest,
    else the other article's, each less sure than the one before."""
    if text.published_at is not None:
        return DateRef(text.published_at.date(), 1.0)
    if fallback is not None:
        return DateRef(fallback.date(), s.FALLBACK_DATE_CONFIDENCE)
    if other.published_at is not None:
        return DateRef(other.published_at.date(), s.OTHER_DATE_CONFIDENCE)
    return DateRef(None, s.NO_DATE_CONFIDENCE)


def unfollowed(aligned: frozenset[int], count: int) -> list[int]:
    """Unaligned sentences whose neighbours are aligned: left out of a text that otherwise follows
    (at either end, the two sentences on the one side must be aligned). A shorter rewrite leaves
    runs of sentences out, and a run's inner sentences have an unaligned neighbour."""
    found = []
    for i in range(count):
        if i in aligned:
            continue
        if 0 < i < count - 1:
            neighbours = (i - 1, i + 1)
        else:
            neighbours = (1, 2) if i == 0 else (i - 1, i - 2)
        if count > 2 and all(n in aligned for n in neighbours):
            found.append(i)
    return found


def left_out(alignment: Alignment, count: int) -> list[int]:
    """Unfollowed origin sentences (`unfollowed`) where the copy runs on in order across the gap:
    its partners of the neighbours in order and at most one sentence apart. Where the copy jumps
    elsewhere, it did not follow this stretch of the origin (a paragraph not carried, a list)."""
    partners: dict[int, tuple[int, ...]] = {i: g.copy for g in alignment.groups for i in g.origin}
    found = []
    for i in unfollowed(alignment.origin_aligned, count):
        if 0 < i < count - 1:
            gap = min(partners[i + 1]) - max(partners[i - 1])
        else:
            near, far = (1, 2) if i == 0 else (i - 1, i - 2)
            gap = abs(min(partners[near]) - min(partners[far]))
        if 0 < gap <= s.LEFT_OUT_MAX_GAP:
            found.append(i)
    return found


def inserted(alignment: Alignment, count: int) -> list[int]:
    """Unaligned copy sentences between two aligned ones whose origin sentences are adjacent."""
    origins_of: dict[int, tuple[int, ...]] = {j: g.origin for g in alignment.groups for j in g.copy}
    found = []
    for j in unfollowed(alignment.copy_aligned, count):
        if 0 < j < count - 1 and 0 <= min(origins_of[j + 1]) - max(origins_of[j - 1]) <= 1:
            found.append(j)
    return found


def rows(findings: list[Finding], origin: list[Sentence], copy: list[Sentence]) -> list[Drift]:
    """Findings as rows with their sentences, one row per difference, in origin then copy order."""
    best: dict[tuple[object, ...], Drift] = {}
    for f in findings:
        o = sentence_at(origin, f.origin_at)
        c = sentence_at(copy, f.copy_at)
        row = Drift(f.kind, f.change, f.origin_value, f.value,
                    o.text if o else None, o.start if o else None, o.end if o else None,
                    c.text if c else None, c.start if c else None, c.end if c else None,
                    max(0.0, min(1.0, f.confidence)))
        key = (row.kind, row.change, row.origin_value, row.value, row.origin_start, row.start)
        if key not in best or best[key].confidence < row.confidence:
            best[key] = row
    return sorted(best.values(), key=lambda r: (r.origin_start if r.origin_start is not None else 1 << 62,
                                               r.start if r.start is not None else -1))


def sentence_at(sentences: list[Sentence], offset: int | None) -> Sentence | None:
    """The sentence holding a body offset (the last one starting at or before it)."""
    if offset is None or not sentences:
        return None
    index = bisect_right([x.start for x in sentences], offset) - 1
    return sentences[max(0, index)]
