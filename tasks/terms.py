"""Content words of a text and the cosine of their counts: the similarity that both story
splitting (is the text after this headline about something else?) and same-story linking use."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import spacy

WORD = re.compile(r"[^\W\d_]{3,}")


@lru_cache(maxsize=32)
def stop_words(language: str | None) -> frozenset[str]:
    """spaCy's stop words for a language (English when spaCy has no such language)."""
    try:
        return frozenset(spacy.util.get_lang_class(language or "en").Defaults.stop_words)
    except ImportError:
        return frozenset(spacy.util.get_lang_class("en").Defaults.stop_words)


def content_terms(text: str, language: str | None = None) -> Counter:
    """Counts of a text's content words (letters only, 3+ long, lower-cased, no stop words)."""
    stops = stop_words(language)
    return Counter(word for word in WORD.findall(text.lower()) if word not in stops)


def cosine(left: Counter, right: Counter) -> float:
    """Cosine similarity of two term-count vectors (0 when either is empty)."""
    if not left or not right:
        return 0.0
    dot = sum(count * right[term] for term, count in left.items() if term in right)
    return dot / math.sqrt(sum(v * v for v in left.values()) * sum(v * v for v in right.values()))
