"""A learned second opinion on short lines no cleaning rule named: how likely a line is page furniture.

The phrase rules (rules.py) name furniture by its families' words, and each set of lines written
without looking at them still found wordings they missed (bench/BOILERPLATE.md: set N, 249 of 288
before this model). A linear model over a line's character n-grams (within words) and its words
and word pairs carries the families' shape into unseen wordings and languages' variants. It is
trained by bench/furniture_model.py (scikit-learn's TfidfVectorizer and LogisticRegression) on
the boilerplate and prose lines of bench/boilerplate_forms.py's sets A to M, on furniture and
article lines written for it (bench/furniture_training_lines.py) and on the lines of the AEB
tuning half's hand-checked bodies, and exported as plain numbers (furniture_model.json.gz)
that this module scores with, so the pipeline needs no scikit-learn; the training script checks
that the two give the same probabilities.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

MODEL_FILE = Path(__file__).with_name("furniture_model.json.gz")
WHITE_SPACE = re.compile(r"\s\s+")  # as scikit-learn's char_wb analyzer folds it
WORD = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern
# Longer lines are prose, or a phrase rule's business (notices run to sentences). Of the lines it took
# in bench/boilerplate_forms.py's sets (held out or not), the longest has 16 words; at 30 it was
# asked about twice the lines and cost twice the time on the distinct pages of bench/speed.py
# (0.7 s for 400 pages, 0.45 s of it on lines of 15 to 30 words, none taken).
MAX_WORDS = 20
MAX_CACHED_WORDS = 100_000  # each word's n-grams are worked out once (Vectorizer.grams_of)
MAX_CACHED_LINES = 20_000  # and each line's probability: sites repeat their furniture on every page


@dataclass(frozen=True, slots=True)
class Vectorizer:
    """One TF-IDF vectorizer's vocabulary: each term's idf and its weight in the model."""

    analyzer: str  # "char_wb" or "word"
    ngram_range: tuple[int, int]
    terms: dict[str, tuple[float, float]]  # idf squared, and idf times the model's weight

    known: dict[str, tuple[str, ...]] = field(default_factory=dict)  # a word's n-grams in `terms`

    def score(self, text: str) -> float:
        """The line's part of the model's decision: sublinear tf times idf, L2-normalised, dot the weights."""
        squares = dot = 0.0
        for term, count in Counter(self.terms_of(text.lower())).items():
            idf_squared, weighted_idf = self.terms[term]
            tf = 1.0 + math.log(count) if count > 1 else 1.0
            squares += tf * tf * idf_squared
            dot += tf * weighted_idf
        return dot / math.sqrt(squares) if squares else 0.0

    def terms_of(self, text: str) -> list[str]:
        """The text's terms that are in the vocabulary, as scikit-learn's analyzer finds them."""
        low, high = self.ngram_range
        if self.analyzer == "word":
            words = WORD.findall(text)
            grams = [" ".join(words[k : k + n]) for n in range(low, high + 1) for k in range(len(words) - n + 1)]
            return [gram for gram in grams if gram in self.terms]
        found: list[str] = []
        for word in WHITE_SPACE.sub(" ", text).split():
            found += self.grams_of(word)
        return found

    def grams_of(self, word: str) -> tuple[str, ...]:
        """A word's character n-grams in the vocabulary, worked out once: the same words recur in every
        line, and cutting each line anew into n-grams took half again the cleaning's time."""
        known = self.known.get(word)
        if known is None:
            if len(self.known) >= MAX_CACHED_WORDS:
                self.known.clear()
            low, high = self.ngram_range
            padded, grams = f" {word} ", []
            for n in range(low, high + 1):
                # as scikit-learn's _char_wb_ngrams: a word no longer than n gives itself, once
                grams += [padded[k : k + n] for k in range(max(1, len(padded) - n + 1))]
                if len(padded) <= n:
                    break
            # interned: the cache holds one copy of each term, not one per word it is in
            known = self.known[word] = tuple(sys.intern(gram) for gram in grams if gram in self.terms)
        return known


@dataclass(frozen=True, slots=True)
class FurnitureModel:
    vectorizers: tuple[Vectorizer, ...]
    intercept: float
    threshold: float  # chosen by bench/furniture_model.py on lines held out of the training
    seen: dict[str, float] = field(default_factory=dict)  # probabilities of lines scored before

    def probability(self, text: str) -> float:
        known = self.seen.get(text)
        if known is None:
            if len(self.seen) >= MAX_CACHED_LINES:
                self.seen.clear()
            decision = self.intercept + sum(vectorizer.score(text) for vectorizer in self.vectorizers)
            known = self.seen[text] = 1.0 / (1.0 + math.exp(-decision))
        return known

    def is_furniture(self, text: str) -> bool:
        return self.probability(text) >= self.threshold


@cache
def furniture_model() -> FurnitureModel:
    """The exported model, read once per process."""
    with gzip.open(MODEL_FILE, "rt", encoding="utf-8") as stream:
        data = json.load(stream)
    return from_exported(data)


def from_exported(data: dict) -> FurnitureModel:
    """The model from bench/furniture_model.py's export: each term's idf and weight."""
    vectorizers = tuple(Vectorizer(v["analyzer"], tuple(v["ngram_range"]),
                                   {term: (idf * idf, idf * weight) for term, (idf, weight) in v["terms"].items()})
                        for v in data["vectorizers"])
    return FurnitureModel(vectorizers, data["intercept"], data["threshold"])
