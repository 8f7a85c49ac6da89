"""Fit the splitting's break weights (tasks/segment/split.py BreakWeights) on documents whose
stories are known.

The splitter merges boundaries greedily, so what counts is the number of stories it ends with,
not how well one boundary's score separates true from false ones in isolation (a logistic
regression on the features of the final segments, tried first, got fewer story counts right
than the hand-set start below, on every layout but two). The fit is a coordinate search on the
story counts themselves: from START, each weight and the threshold in turn moved up and down by
a step (the threshold also by 2, 4 and 8 steps), a move kept when more documents come out
with the right number of stories (documents of one-story layouts weigh double: a wrong split
costs a reader more than a missed one); PASSES passes, each with half the steps of the one
before. The documents' lines are classified once (`prepare`), so a try costs only the merging.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bench.split_layouts import Doc
from newsflow.tasks.segment.clean import classify_line, mark_author_boxes
from newsflow.tasks.segment.lines import split_lines
from newsflow.tasks.segment.split import (
    FEATURES,
    BreakWeights,
    LineFacts,
    describe,
    merge_segments,
    story_candidates,
)

# The start: the weights hand-set on the four layouts of the first benchmark (issue 3), with the
# features added since at 0.
START = BreakWeights((1.0, 0.4, -0.2, 0.3, 0.25, -0.1, -0.45, -0.45, 0.0, 0.0), -0.3)
PASSES = 1  # two took twice as long: the leave-one-layout-out run took 15 minutes on the loaded 2-core machine
THRESHOLD_REACH = (1, 2, 4, 8)
ONE_STORY_WEIGHT = 2


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document's lines worked out once, with its candidates and its true story starts."""

    doc: Doc
    facts: LineFacts
    candidates: list[int]
    fixed: set[int]


def prepare(doc: Doc) -> Prepared:
    lines = split_lines(doc.text)
    for line in lines:
        classify_line(line)
    mark_author_boxes(lines)
    facts = describe(lines)
    candidates, fixed = story_candidates(facts, Counter(line.key for line in lines))
    return Prepared(doc, facts, candidates, fixed)


def stories_found(prepared: Prepared, weights: BreakWeights) -> int:
    """Stories the splitter finds with `weights` (segments with text beyond a headline)."""
    facts = prepared.facts
    segments = merge_segments(facts, prepared.candidates, prepared.fixed, weights)
    return sum(1 for s in segments if s.words - (facts.words[s.start] if facts.headline[s.start] else 0) > 0)


def fit(prepared: list[Prepared], start: BreakWeights = START) -> BreakWeights:
    """The weights that get most story counts of `prepared` right, by coordinate search from `start`."""
    best, best_score = start, objective(prepared, start)
    for turn in range(PASSES):
        for k in range(len(FEATURES) + 1):
            step = _step(best, k) / 2**turn
            # The threshold is searched further: a start far off leaves every nearby try as bad.
            reach = THRESHOLD_REACH if k == len(FEATURES) else (1,)
            for delta in (sign * step * times for times in reach for sign in (1, -1)):
                tried = _moved(best, k, delta)
                score = objective(prepared, tried)
                if score > best_score:
                    best, best_score = tried, score
    return best


def objective(prepared: list[Prepared], weights: BreakWeights) -> int:
    """Documents with the right story count, one-story documents counted ONE_STORY_WEIGHT times."""
    return sum((1 if item.doc.stories > 1 else ONE_STORY_WEIGHT) * (stories_found(item, weights) == item.doc.stories)
               for item in prepared)


def _step(weights: BreakWeights, k: int) -> float:
    value = weights.score_max if k == len(FEATURES) else weights.weights[k]
    return max(abs(value) / 2, 0.1)


def _moved(weights: BreakWeights, k: int, delta: float) -> BreakWeights:
    if k == len(FEATURES):
        return BreakWeights(weights.weights, round(weights.score_max + delta, 4))
    values = list(weights.weights)
    values[k] = round(values[k] + delta, 4)
    return BreakWeights(tuple(values), weights.score_max)


def render_weights(weights: BreakWeights) -> str:
    return ", ".join(f"{name} {w:+.3f}" for name, w in zip(FEATURES, weights.weights)) + f"; max {weights.score_max:+.3f}"
