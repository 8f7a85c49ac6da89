"""Which sentences of a copy say what which sentences of the origin say.

Each sentence is a bag of weighted terms: content-word stems (5 letters, so that "supplied" and
"supplying" meet), with names and numbers counting double since paraphrases keep them. Pairs score
the weighted Dice of their bags; they are taken greedily, best first, one to one, so that
reordered sentences find each other. Then a leftover sentence joins a partner that holds most of
its words (merged or split sentences), and leftovers between aligned neighbours pair in order.
Aligned sentences linked through shared partners form one group, compared as a whole."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from newsflow.tasks.drift import patterns as p
from newsflow.tasks.drift import settings as s
from newsflow.tasks.drift.facts import BodyFacts
from newsflow.tasks.drift.names import Token, opens_clause, without_possessive
from newsflow.tasks.drift.sentences import Sentence, normalised

STEM_LETTERS = 5
IDENTICAL = 1.0


@dataclass(frozen=True, slots=True)
class Group:
    origin: tuple[int, ...]  # sentence indices, ascending
    copy: tuple[int, ...]
    score: float  # the best pair's score
    identical: bool  # one sentence each, equal but for spacing and quotation mark style


@dataclass(frozen=True, slots=True)
class Alignment:
    groups: tuple[Group, ...]
    origin_aligned: frozenset[int]
    copy_aligned: frozenset[int]


@dataclass(frozen=True, slots=True)
class Pair:
    origin: int
    copy: int
    score: float
    origin_share: float  # of the origin sentence's weight, how much the copy sentence holds
    copy_share: float
    identical: bool = False


def sentence_terms(sentence: Sentence, words: list[Token], stops: frozenset[str]) -> dict[str, float]:
    """Weighted terms of a sentence (given its words): content-word stems 1, names and numbers 2."""
    terms: dict[str, float] = {}
    for word, start, _ in words:
        lower = without_possessive(word.lower())
        if p.DIGIT.search(word):
            term, weight = lower, 2.0
        elif lower in stops or len(lower) < 3:
            continue
        elif word[:1].isupper() and not opens_clause(sentence.text, start - sentence.start):
            term, weight = lower[:STEM_LETTERS], 2.0
        else:
            term, weight = lower[:STEM_LETTERS], 1.0
        terms[term] = max(terms.get(term, 0.0), weight)
    return terms


def align(origin: BodyFacts, copy: BodyFacts) -> Alignment:
    """Groups of origin and copy sentences that say the same thing."""
    identical = identical_pairs(origin.sentences, copy.sentences)
    matched_origin = {i for i, _ in identical}
    matched_copy = {j for _, j in identical}
    stops = origin.reading.stops
    # Sentences kept verbatim need no terms: their partner is certain.
    origin_terms = [sentence_terms(x, origin.tokens_of(x.index), stops) if x.index not in matched_origin else {}
                    for x in origin.sentences]
    copy_terms = [sentence_terms(x, copy.tokens_of(x.index), stops) if x.index not in matched_copy else {}
                  for x in copy.sentences]
    pairs = scored_pairs(origin_terms, copy_terms)
    pairs.update({(i, j): Pair(i, j, IDENTICAL, 1.0, 1.0, identical=True) for i, j in identical})
    edges = one_to_one(pairs)
    edges += merged(pairs, edges)
    edges += gap_pairs(pairs, edges, len(origin.sentences), len(copy.sentences))
    return grouped(edges)


def identical_pairs(origin: list[Sentence], copy: list[Sentence]) -> list[tuple[int, int]]:
    """Sentences equal but for spacing and quotation mark style, paired in order (as written
    first, which is most of them in a syndicated copy, then folded)."""
    found: list[tuple[int, int]] = []
    for key in (lambda x: x.text, lambda x: normalised(x.text)):
        taken_origin = {i for i, _ in found}
        taken_copy = {j for _, j in found}
        waiting: dict[str, list[int]] = defaultdict(list)
        for sentence in origin:
            if sentence.index not in taken_origin:
                waiting[key(sentence)].append(sentence.index)
        for sentence in copy:
            twins = waiting.get(key(sentence)) if sentence.index not in taken_copy else None
            if twins:
                found.append((twins.pop(0), sentence.index))
    return found


def scored_pairs(origin_terms: list[dict[str, float]], copy_terms: list[dict[str, float]]) -> dict[tuple[int, int], Pair]:
    """Every pair of sentences sharing a term, with its weighted Dice score."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, terms in enumerate(origin_terms):
        for term in terms:
            postings[term].append(i)
    origin_weight = [sum(t.values()) for t in origin_terms]
    pairs: dict[tuple[int, int], Pair] = {}
    for j, terms in enumerate(copy_terms):
        shared: dict[int, float] = defaultdict(float)
        for term, weight in terms.items():
            for i in postings.get(term, ()):
                shared[i] += min(weight, origin_terms[i][term])
        copy_weight = sum(terms.values())
        for i, common in shared.items():
            score = 2 * common / (origin_weight[i] + copy_weight)
            pairs[(i, j)] = Pair(i, j, score, common / origin_weight[i], common / copy_weight)
    return pairs


def one_to_one(pairs: dict[tuple[int, int], Pair]) -> list[Pair]:
    """Pairs above the threshold, best first, each sentence used once; ties go to the pair
    nearest in position (repeated sentences keep their order)."""
    ranked = sorted((x for x in pairs.values() if x.score >= s.ALIGN_MIN_SCORE),
                    key=lambda x: (-x.score, abs(x.origin - x.copy)))
    used_origin: set[int] = set()
    used_copy: set[int] = set()
    chosen = []
    for pair in ranked:
        if pair.origin not in used_origin and pair.copy not in used_copy:
            chosen.append(pair)
            used_origin.add(pair.origin)
            used_copy.add(pair.copy)
    return chosen


def merged(pairs: dict[tuple[int, int], Pair], edges: list[Pair]) -> list[Pair]:
    """A leftover sentence joined to the partner that holds most of its words."""
    used_origin = {e.origin for e in edges}
    used_copy = {e.copy for e in edges}
    best_origin: dict[int, Pair] = {}
    best_copy: dict[int, Pair] = {}
    for pair in pairs.values():
        if pair.score < s.MERGE_MIN_SCORE:
            continue
        if pair.origin not in used_origin and pair.copy in used_copy and pair.origin_share >= s.MERGE_MIN_CONTAINMENT:
            if pair.origin not in best_origin or pair.origin_share > best_origin[pair.origin].origin_share:
                best_origin[pair.origin] = pair
        if pair.copy not in used_copy and pair.origin in used_origin and pair.copy_share >= s.MERGE_MIN_CONTAINMENT:
            if pair.copy not in best_copy or pair.copy_share > best_copy[pair.copy].copy_share:
                best_copy[pair.copy] = pair
    return list(best_origin.values()) + list(best_copy.values())


def gap_pairs(pairs: dict[tuple[int, int], Pair], edges: list[Pair], origin_count: int, copy_count: int) -> list[Pair]:
    """Leftover origin sentences between two aligned neighbours paired, in order, with the leftover
    copy sentences between those neighbours' partners."""
    partners: dict[int, list[int]] = defaultdict(list)
    for edge in edges:
        partners[edge.origin].append(edge.copy)
    used_copy = {e.copy for e in edges}
    found = []
    for run in leftover_runs(set(partners), origin_count):
        before = max(partners[run[0] - 1]) if run[0] > 0 else -1
        after = min(partners[run[-1] + 1]) if run[-1] + 1 < origin_count else copy_count
        if run[0] > 0 and run[-1] + 1 < origin_count and before < after:
            free = [j for j in range(before + 1, after) if j not in used_copy]
            found.extend(in_order(pairs, run, free))
    return found


def leftover_runs(aligned: set[int], count: int) -> list[list[int]]:
    """Maximal runs of consecutive unaligned sentence indices."""
    runs: list[list[int]] = []
    for i in range(count):
        if i in aligned:
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def in_order(pairs: dict[tuple[int, int], Pair], run: list[int], free: list[int]) -> list[Pair]:
    """Origin sentences of a run paired with free copy sentences, keeping order, each pair
    scoring at least GAP_MIN_SCORE; one sentence each side pairs whatever it scores: the copy
    put one sentence in the place of one (a name swapped in "Not to get too Albert Einstein on
    you" leaves no word of weight in common)."""
    if len(run) == 1 and len(free) == 1:
        return [pairs.get((run[0], free[0]), Pair(run[0], free[0], 0.0, 0.0, 0.0))]
    found = []
    start = 0
    for i in run:
        for k in range(start, len(free)):
            pair = pairs.get((i, free[k]))
            if pair is not None and pair.score >= s.GAP_MIN_SCORE:
                found.append(pair)
                start = k + 1
                break
    return found


def grouped(edges: list[Pair]) -> Alignment:
    """Connected sentences as groups (union-find over origin and copy sentences)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for edge in edges:
        parent[root(("o", edge.origin))] = root(("c", edge.copy))
    members: dict[tuple[str, int], list[Pair]] = defaultdict(list)
    for edge in edges:
        members[root(("o", edge.origin))].append(edge)
    groups = []
    for group_edges in members.values():
        origins = tuple(sorted({e.origin for e in group_edges}))
        copies = tuple(sorted({e.copy for e in group_edges}))
        identical = len(group_edges) == 1 and group_edges[0].identical
        groups.append(Group(origins, copies, max(e.score for e in group_edges), identical))
    groups.sort(key=lambda g: g.origin[0])
    return Alignment(tuple(groups), frozenset(e.origin for e in edges), frozenset(e.copy for e in edges))
