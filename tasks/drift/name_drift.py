"""Names compared: a person, place or organisation replaced by another, dropped or added."""

from __future__ import annotations

from newsflow.tasks.drift import settings as s
from newsflow.tasks.drift.names import NameFact, carries, says_word
from newsflow.tasks.drift.pairing import (
    Comparison,
    Finding,
    Side,
    Span,
    finding,
    nothing,
    overlaps,
    pair_up,
    sentence_tokens,
    span,
)
from newsflow.tasks.drift.records import ADDED, CHANGED, DROPPED, NAME


def compare_names(pair: Comparison, speakers: set[Span]) -> list[Finding]:
    """Names the copy replaced (`changed`), lost (`dropped`) or brought in (`added`). Names that
    are the speakers of a quotation given to someone else are left to the quotation's row."""
    origin_index, copy_index = pair.origin.name_index(), pair.copy.name_index()
    origin_names = [n for n in pair.origin.names if not within(n, speakers)]
    copy_names = [n for n in pair.copy.names if not within(n, speakers)]
    new = [n for n in copy_names if not carries(origin_index, n)]
    # A name the diff replaced with one holding words new to the origin's sentences is changed,
    # even if the copy says the old one elsewhere or the new one ends like a known name
    # ("Western District of New York" -> "Harriet Vance of New York").
    swaps: list[tuple[NameFact, NameFact]] = []
    for c in [n for n in copy_names if not all(says_word(origin_index, w) for w in n.key)]:
        replaced = [n for n in origin_names if pair.swapped(span(n), span(c)) and n not in {x for x, _ in swaps}
                    and not (n.weak and c.weak) and n.key != c.key]
        o = min(replaced, key=lambda n: n.weak, default=None)  # a name before a nationality word
        if o is not None:
            swaps.append((o, c))
    swapped_origin = {id(o) for o, _ in swaps}
    swapped_copy = {id(c) for _, c in swaps}
    missing = [n for n in origin_names if id(n) not in swapped_origin and not n.weak and not carries(copy_index, n)]
    added = [c for c in new if id(c) not in swapped_copy and not c.weak]
    missing = [n for n in missing if not any(overlaps(span(n), span(o)) for o, _ in swaps)]
    pairs, dropped, added = pair_up(pair, missing, added, nothing, lambda o, c: same_neighbour(pair, o, c))
    pairs += [(o, c, 1.0) for o, c in swaps]
    found = [finding(pair, NAME, CHANGED, o, c, (o.display(), c.display()), factor) for o, c, factor in pairs]
    if dropped:
        body_index = pair.copy.body.all_names()
        found += [finding(pair, NAME, DROPPED, o, None, (o.display(), None)) for o in dropped
                  if not carries(body_index, o)]
    if added and pair.score >= s.ADDED_MIN_SCORE:
        body_index = pair.origin.body.all_names()
        found += [finding(pair, NAME, ADDED, None, c, (None, c.display())) for c in added if not carries(body_index, c)]
    return found


def within(name: NameFact, spans: set[Span]) -> bool:
    return any(overlaps(span(name), other) for other in spans)


def same_neighbour(pair: Comparison, origin: NameFact, copy: NameFact) -> bool:
    """Whether two names stand between the same words on at least one side (a name swapped in place)."""
    left_o, right_o = neighbours(pair.origin, origin)
    left_c, right_c = neighbours(pair.copy, copy)
    return (left_o is not None and left_o == left_c) or (right_o is not None and right_o == right_c)


def neighbours(side: Side, name: NameFact) -> tuple[str | None, str | None]:
    words = [t for i in side.indices for t in sentence_tokens(side.body, i)]
    before = [w for w, start, _ in words if start < name.start]
    after = [w for w, start, _ in words if start >= name.end]
    return (before[-1] if before else None), (after[0] if after else None)
