"""Keywords per article with YAKE (unsupervised, per-language stop words, no model to download)."""

from __future__ import annotations

from functools import lru_cache

import yake

from tasks.settings import KEYWORD_DEDUP, KEYWORD_MAX_WORDS, KEYWORDS_PER_ARTICLE

# Languages YAKE ships stop words for; others fall back to its language-neutral list.
YAKE_LANGUAGES = {"ar", "bg", "br", "cz", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr", "hi", "hr",
                  "hu", "hy", "id", "it", "ja", "lt", "lv", "nl", "no", "pl", "pt", "ro", "ru", "sk", "sl",
                  "sv", "tr", "uk", "zh"}


@lru_cache(maxsize=64)
def _extractor(language: str, k: int) -> yake.KeywordExtractor:
    return yake.KeywordExtractor(lan=language, n=KEYWORD_MAX_WORDS, top=k, dedupLim=KEYWORD_DEDUP)


def extract_keywords(text: str, language: str | None, k: int = KEYWORDS_PER_ARTICLE) -> list[str]:
    """The `k` most characteristic one- and two-word terms of `text`, best first."""
    if not text.strip():
        return []
    code = language if language in YAKE_LANGUAGES else "noLang"
    return [keyword for keyword, _score in _extractor(code, k).extract_keywords(text)]
