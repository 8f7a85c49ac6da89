"""Names compared: a person, place or organisation replaced by another, dropped or added."""

from __future__ import annotations

import re
from collections import Counter

from newsflow.tasks.drift import lexicon as lx
from newsflow.tasks.drift import settings as s
from newsflow.tasks.drift.names import (
    NameFact,
    carries,
    folded_word,
    make_name,
    same_entity,
    says_word,
    shares_prefix,
)
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
    # So is one the diff put in place of another name of the sentence, which the copy (near verbatim:
    # a paraphrase shuffles names) then names more often and the other less ("Levina said ..., and Usov rejected" -> "and Levina rejected").
    counts_o = Counter(n.key[-1] for n in origin_names if n.key)
    counts_c = Counter(n.key[-1] for n in copy_names if n.key)

    def recounted(o: NameFact, c: NameFact) -> bool:
        if pair.score < s.ADDED_MIN_SCORE or not (o.key and c.key) or o.weak or c.weak \
                or shares_prefix(o.key[-1], c.key[-1]):
            return False  # "Israeli" -> "Israel's": the same name said another way
        return counts_c[c.key[-1]] > counts_o[c.key[-1]] \
            and counts_c[o.key[-1]] < counts_o[o.key[-1]]

    swaps: list[tuple[NameFact, NameFact]] = []
    for c in copy_names:
        new_words = not all(says_word(origin_index, w) for w in c.key)
        replaced = [n for n in origin_names if pair.swapped(span(n), span(c)) and n not in {x for x, _ in swaps}
                    and not (n.weak and c.weak) and not same_entity(n.key, c.key) and (new_words or recounted(n, c))]
        o = min(replaced, key=lambda n: n.weak, default=None)  # a name before a nationality word
        # A nationality word moved rather than replaced: the copy's sentences still say it ("the
        # Swedish town" -> "across the Arctic, ... Sweden's hub").
        if o is not None and not (o.weak and carries(copy_index, o)):
            swaps.append((o, c))
    swaps += surname_swaps(pair, origin_names, {id(o) for o, _ in swaps}, copy_names)
    swapped_origin = {id(o) for o, _ in swaps}
    swapped_copy = {id(c) for _, c in swaps}
    missing = [n for n in origin_names if id(n) not in swapped_origin and not n.weak and not carries(copy_index, n)]
    added = [c for c in new if id(c) not in swapped_copy and not c.weak]
    missing = [n for n in missing if not any(overlaps(span(n), span(o)) for o, _ in swaps)]
    # A name said another way ("Norwegian" -> "Norway", "Corp" -> "Corporation") is no drift at all.
    alike = [(o, c) for o in missing for c in added if same_entity(o.key, c.key)]
    missing = [n for n in missing if not any(n is o for o, _ in alike)]
    added = [n for n in added if not any(n is c for _, c in alike)
             and not any(o.weak and o.key and same_entity(o.key, n.key) for o in origin_names)]
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


def surname_swaps(pair: Comparison, origin_names: list[NameFact], taken: set[int],
                  copy_names: list[NameFact]) -> list[tuple[NameFact, NameFact]]:
    """A person named by surname alone after a full mention ("Usov told reporters"), whose surname
    the copy replaced with another capitalised word where case says nothing ("Cook told reporters"
    opening a sentence, which alone would not make "Cook" a name): a name changed. The word must
    be no common word: not a stop word, office, nationality or speaker noun, nor written in lower
    case anywhere in either text."""
    surnames = [n for n in origin_names if id(n) not in taken and not n.weak and len(n.key) == 1]
    if not surnames:
        return []
    copy_tokens = [t for i in pair.copy.indices for t in pair.copy.body.tokens_of(i)]
    stops = pair.copy.body.reading.stops
    found = []
    for o in surnames:
        for origin_span, copy_span in pair.replaced():
            if not overlaps(origin_span, span(o)):
                continue
            words = [t for t in copy_tokens if copy_span[0] <= t.start < copy_span[1]]
            if len(words) != 1 or any(overlaps(span(words[0]), span(c)) for c in copy_names):
                continue
            word = folded_word(words[0].text)
            if not words[0].text[:1].isupper() or word == o.key[0] or not is_rare_word(pair, word, stops):
                continue
            if o.key[0] in full_mentions(pair):  # the origin named this person in full
                found.append((o, make_name(words)))
    return found


def full_mentions(pair: Comparison) -> set[str]:
    """The last words of the origin's names of more than one word: surnames of people named in full."""
    return {n.key[-1] for n in pair.origin.body.all_names().names if len(n.key) > 1}


def is_rare_word(pair: Comparison, word: str, stops: frozenset[str]) -> bool:
    """A folded capitalised word that may be a surname: no function word, office, nationality,
    group of speakers, month or weekday, and never written in lower case in either text."""
    if not word.isalpha() or len(word) < 3:
        return False
    if word in stops or word in lx.SENTENCE_OPENERS or word in lx.TITLES or word in lx.NATIONALITY_WORDS \
            or word in lx.SPEAKER_NOUNS or word in lx.PRONOUNS or word.capitalize() in lx.MONTHS \
            or word.capitalize() in lx.WEEKDAYS:
        return False
    pattern = re.compile(rf"\b{re.escape(word)}\b")
    return not (pattern.search(pair.origin.body.body) or pattern.search(pair.copy.body.body))
