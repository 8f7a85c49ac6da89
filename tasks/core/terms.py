"""Content words of a text and the cosine of their counts: the similarity that both story
splitting (is the text after this headline about something else?) and same-story linking use."""

from __future__ import annotations

import math
import re
import runpy
from collections import Counter
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

# A content word: letters only (no digits or underscores), at least three of them.
CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")


def _spacy_languages() -> Path:
    """spaCy's folder of language data. Found, not imported: importing spaCy costs 50 MB in
    processes that only need its word lists."""
    spec = find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("spaCy, which newsflow depends on, is not installed")
    return Path(spec.submodule_search_locations[0]) / "lang"


SPACY_LANGUAGES = _spacy_languages()


# Verbs and phrases that attribute speech ("said", "according to"): in a news story they are
# among the most frequent words, capitalised nowhere and spread over every paragraph, so the
# keyword scorer (tasks/enrich/keywords.py) ranks them high, yet they say nothing of what the story is about. spaCy's stop-word
# lists (the function words `stop_words` reads) hold only some of them (German
# "sagte", Spanish "dijo", French "dit", but not English "said" or Portuguese "disse"), and no
# installed library ships such a list, hence these, per language, in the forms news prose uses
# (past, present, participle). A word both a verb and a noun ("notes", "claims") is left out.
REPORTING_WORDS = {
    "en": "say says said saying tell tells told telling according added adds adding stated states explained "
          "explains noted asked replied insisted claimed reportedly acknowledged commented remarked declared "
          "confirmed announced argued recalled urged",
    "de": "sagt sagte sagten sagen gesagt erklärt erklärte erklärten betont betonte betonten teilte mitteilte "
          "mitgeteilt berichtet berichtete berichteten laut zufolge meinte meint fügte hinzugefügt sprach "
          "bestätigte bestätigt kündigte angekündigt",
    "fr": "dit déclaré déclare déclarent affirmé affirme affirment ajouté ajoute expliqué explique expliquent "
          "indiqué indique précisé précise souligné souligne estimé assuré assure raconté raconte confié confie "
          "annoncé annonce selon",
    "es": "dijo dice dicen dijeron afirmó afirma afirmaron señaló señala explicó explica añadió añade agregó "
          "indicó indica aseguró asegura declaró comentó sostuvo precisó manifestó según informó anunció",
    "it": "detto dice dicono dichiarato dichiara spiegato spiega aggiunto aggiunge affermato afferma "
          "sottolineato sottolinea riferito riferisce osservato annunciato spiegano secondo",
    "pt": "disse diz dizem disseram afirmou afirma afirmaram explicou explica acrescentou acrescenta declarou "
          "declara informou informa ressaltou destacou contou segundo anunciou",
}
# Every language's together: a line that attributes speech is reported, not printed by the page
# (tasks/segment/rules.py takes no such line for a promo or a consent notice).
ALL_REPORTING_WORDS = frozenset(word for words in REPORTING_WORDS.values() for word in words.split())


@lru_cache(maxsize=32)
def stop_words(language: str | None) -> frozenset[str]:
    """spaCy's stop words for a language (English when spaCy has no list for it)."""
    # The list's own file, run alone: importing it as a module first imports its language
    # package, which compiles the tokenizer exceptions (for French 2.7-4.4 s on top of importing
    # spaCy, against milliseconds for the file alone, on a 2-core x86-64 VM with 24 GB of RAM
    # running other jobs). spaCy's stop_words.py files define STOP_WORDS and import nothing.
    for code in (language or "en", "en"):
        path = SPACY_LANGUAGES / code / "stop_words.py"
        if code.isalpha() and path.is_file():
            return frozenset(runpy.run_path(str(path))["STOP_WORDS"])
    raise RuntimeError(f"spaCy's English stop words are missing from {SPACY_LANGUAGES}; reinstall spacy")


def content_terms(text: str, language: str | None = None, stops: frozenset[str] | None = None) -> Counter[str]:
    """Counts of a text's content words (letters only, 3+ long, lower-cased, no stop words: the
    language's, or `stops` when given)."""
    stops = stop_words(language) if stops is None else stops
    return Counter(word for word in CONTENT_WORD.findall(text.lower()) if word not in stops)


@lru_cache(maxsize=64)
def function_words(languages: tuple[str | None, ...]) -> frozenset[str]:
    """The stop words of several languages together."""
    return frozenset().union(*(stop_words(language) for language in languages))


def cosine(left: Counter[str], right: Counter[str]) -> float:
    """Cosine similarity of two term-count vectors (0 when either is empty)."""
    if not left or not right:
        return 0.0
    if len(right) < len(left):
        left, right = right, left
    dot = sum(count * right[term] for term, count in left.items() if term in right)
    return dot / (norm(left) * norm(right))


def norm(counts: Counter[str]) -> float:
    """The Euclidean length of a term-count vector."""
    return math.sqrt(sum(v * v for v in counts.values()))
