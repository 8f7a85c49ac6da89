"""Keywords per article: the one- and two-word terms that rank highest on YAKE's main features:
frequency, an early first mention, capitalisation inside sentences and spread over sentences.

Why not YAKE itself: it took ~120 ms for an article of 700 words on a 2-core x86-64 VM with
24 GB of RAM (0.14 ms a word, most of it building its co-occurrence graph in Python), more than
trafilatura's whole extraction of the page, which made keywords the second-slowest stage after
NER. This scorer keeps the features YAKE ranks on and takes about 1 ms for 700 words on the
same VM (median 0.97 ms over the 59 AEB articles of 500-900 words, each its best of five).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from newsflow.tasks.core.settings import KEYWORD_MIN_BIGRAM_COUNT, KEYWORDS_PER_ARTICLE
from newsflow.tasks.core.terms import REPORTING_WORDS, stop_words

# Weekday names: a news story dates its events by them ("on Tuesday", "am Mittwoch", "jeudi"),
# so they are frequent and spread like a topic word, and name none.
WEEKDAYS = {
    "en": "monday tuesday wednesday thursday friday saturday sunday",
    "de": "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "pt": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo segunda terça quarta quinta sexta",
}
# French puts the speaker after the verb, joined by hyphens: "a-t-il", "explique-t-elle", "ont-ils"
# ("-on" only after "-t-": "add-on" is an English word).
INVERTED_SPEAKER = re.compile(r"-t-(?:il|elle|on|ils|elles)$|-(?:il|elle|ils|elles)$")

SENTENCE_END = re.compile(r"(?<=[.!?…。！？])\s+|\n+")
# A word of letters and digits, or words joined by hyphens or apostrophes taken whole
# (state-of-the-art, Kremlin's).
WORD_OR_COMPOUND = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# 's or ’s ending a word.
POSSESSIVE_S = re.compile(r"['’]s$")


@dataclass(slots=True)
class Term:
    """What the score looks at for one term (its lower-cased words)."""

    count: int = 0
    first_sentence: int = 0
    sentences: set[int] = field(default_factory=set)
    capitalised: int = 0  # mentions written with a capital inside a sentence
    forms: Counter = field(default_factory=Counter)

    def add(self, form: str, sentence: int, inside: bool) -> None:
        if not self.count:
            self.first_sentence = sentence
        self.count += 1
        self.sentences.add(sentence)
        self.capitalised += inside and form[:1].isupper()
        self.forms[form] += 1


def extract_keywords(text: str, language: str | None, k: int = KEYWORDS_PER_ARTICLE) -> list[str]:
    """The `k` most characteristic one- and two-word terms of `text`, best first."""
    terms = collect_terms(text, words_to_skip(language))
    ranked = sorted(terms.items(), key=lambda item: (-score(item[1], len(item[0])), item[0]))
    return pick_distinct(ranked, k)


@lru_cache(maxsize=32)
def words_to_skip(language: str | None) -> frozenset[str]:
    """Function words, reporting words and weekday names of `language` (English ones for a language
    without a list)."""
    reporting = REPORTING_WORDS.get(language or "en", REPORTING_WORDS["en"])
    weekdays = WEEKDAYS.get(language or "en", WEEKDAYS["en"])
    return stop_words(language) | frozenset(reporting.split()) | frozenset(weekdays.split())


def collect_terms(text: str, stops: frozenset[str]) -> dict[tuple[str, ...], Term]:
    """Every content word, and every recurring pair of adjacent content words, with its statistics."""
    mentions = list(term_mentions(text, stops))
    counts = Counter(key for key, _, _, _ in mentions)
    terms: dict[tuple[str, ...], Term] = defaultdict(Term)
    for key, form, sentence, inside in mentions:
        if len(key) == 1 or counts[key] >= KEYWORD_MIN_BIGRAM_COUNT:
            terms[key].add(form, sentence, inside)
    return terms


def term_mentions(text: str, stops: frozenset[str]) -> Iterator[tuple[tuple[str, ...], str, int, bool]]:
    """(key, form, sentence number, not first in its sentence) of each word and word pair."""
    for number, sentence in enumerate(SENTENCE_END.split(text)):
        previous = None
        for position, match in enumerate(WORD_OR_COMPOUND.finditer(sentence)):
            form = POSSESSIVE_S.sub("", match.group())
            word = form.lower()
            if word in stops or len(word) < 2 or word.isdigit() or INVERTED_SPEAKER.search(word):
                previous = None
                continue
            yield (word,), form, number, position > 0
            # A pair is a term when nothing stands between its words and both are names or neither
            # is: "New York", "air quality"; not "Kremlin said".
            if previous is not None and match.start() - previous[1] <= 1 and previous[0][0].isupper() == form[0].isupper():
                yield (previous[0].lower(), word), f"{previous[0]} {form}", number, position > 1
            previous = (form, match.end())


def score(term: Term, words: int) -> float:
    """Higher for terms mentioned often, early, capitalised and across sentences; pairs weigh more."""
    casing = 1.0 + term.capitalised / term.count
    spread = math.log2(1 + len(term.sentences))
    return term.count * casing * spread * words / math.log2(2 + term.first_sentence)


def pick_distinct(ranked: list[tuple[tuple[str, ...], Term]], k: int) -> list[str]:
    """The best terms, skipping a word already named by a chosen pair and pairs of chosen words."""
    chosen: list[str] = []
    covered: set[str] = set()
    for key, term in ranked:
        if len(chosen) == k:
            break
        if set(key) <= covered:
            continue
        chosen.append(term.forms.most_common(1)[0][0])
        covered.update(key)
    return chosen
