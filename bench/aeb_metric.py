"""The article-extraction-benchmark metric (../shared/eval/README.md), reimplemented.

Tokens are the \\w+ matches (Unicode, case kept); a text is the multiset of its 4-token
shingles (a shorter text is one shingle of all its tokens). Per page, tp/fp/fn are divided by
their sum so that every page weighs the same; precision and recall are means over pages, F1
comes from those two means, and accuracy is the share of pages with identical token lists.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

TOKEN = re.compile(r"\w+")
SHINGLE = 4


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text or "")


def shingles(words: list[str]) -> Counter:
    if len(words) < SHINGLE:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


@dataclass(frozen=True, slots=True)
class PageScore:
    tp: float
    fp: float
    fn: float
    exact: bool


def score_page(predicted: str, truth: str) -> PageScore:
    """Normalised true positives, false positives and false negatives of one page."""
    got, want = tokens(predicted), tokens(truth)
    p, t = shingles(got), shingles(want)
    tp = sum((p & t).values())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0, got == want)
    return PageScore(tp / total, fp / total, fn / total, got == want)


@dataclass(frozen=True, slots=True)
class Scores:
    f1: float
    precision: float
    recall: float
    accuracy: float
    pages: int


def aggregate(pages: list[PageScore]) -> Scores:
    """F1 from mean precision and mean recall, as the benchmark computes it."""
    precisions = [_ratio(p.tp, p.fp) for p in pages if p.tp + p.fp > 0 or p.fn == 0]
    recalls = [_ratio(p.tp, p.fn) for p in pages if p.tp + p.fn > 0 or p.fp == 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(p.exact for p in pages) / len(pages) if pages else 0.0
    return Scores(f1, precision, recall, accuracy, len(pages))


def _ratio(tp: float, other: float) -> float:
    """tp/(tp+other); a page with nothing extra and nothing missing scores 1."""
    return 1.0 if tp + other == 0 else tp / (tp + other)
