"""Language identification with py3langid (langid.py's model): an ISO 639-1 code and a confidence."""

from __future__ import annotations

import re
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from newsflow.tasks.core.settings import LANGUAGE_SAMPLE_CHARS, MIN_LANGUAGE_LETTERS

LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    # Loaded once per process (0.6 s); norm_probs makes the score a probability in [0, 1].
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """The language of `text` and the detector's confidence; (None, 0.0) when too short to tell."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if len(LETTER.findall(sample)) < MIN_LANGUAGE_LETTERS:
        return None, 0.0
    code, probability = _identifier().classify(sample)
    return code, round(float(probability), 4)
