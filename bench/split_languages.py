"""Story splitting on glued stories written in other languages than English. Writes
bench/SPLIT_LANGUAGES.md.

bench/split_bench.py and bench/split_unseen.py glue AEB's article bodies, nearly all English, and
write only the layout's markup in other languages. Here the bodies themselves are in twelve
languages: original stories written for newsflow
(bench/stories/, 8 per language; bench/stories_later/, written after the change these stories
prompted, 4 more per language and three languages more; bench/stories_final/, written after
that, with English, Danish, Czech, Romanian, Catalan and Brazilian Portuguese; each folder's
README says how).
They are glued in every multi-story layout of bench/split_layouts.py and set alone in every
one-story layout, with the layout's markup in the stories' language (in English for the languages
bench/split_layouts.py has no markup for).

Each document is split twice in the same run: as the pipeline does, with the function words of the
document's language left out of the topic words (tasks/segment/split.py `prose_languages`), and
with English's function words only, as the splitter did before. Run:
`.venv/bin/python -m bench.split_languages`.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.reports import write_report
from bench.split_layouts import LANGUAGES, MULTI_STORY, ONE_STORY, Article, Doc, alone, glued
from newsflow.tasks.segment import split
from newsflow.tasks.segment.clean import segment_document

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "bench" / "SPLIT_LANGUAGES.md"
SETS = {"stories": REPO / "bench" / "stories", "stories_later": REPO / "bench" / "stories_later",
        "stories_final": REPO / "bench" / "stories_final"}
SEED = 11
DOCS_PER_LAYOUT = 6  # glued documents per language and multi-story layout


def load_stories(folder: Path) -> dict[str, list[Article]]:
    """Each language's stories: a headline line, a blank line, paragraphs split by blank lines."""
    stories: dict[str, list[Article]] = {}
    for path in sorted(folder.glob("*/*.txt")):
        headline, *paragraphs = [part.strip() for part in path.read_text(encoding="utf-8").split("\n\n") if part.strip()]
        stories.setdefault(path.parent.name, []).append(Article(headline, paragraphs))
    return stories


def documents(stories: dict[str, list[Article]], seed: int = SEED) -> list[Doc]:
    """Glued documents in every multi-story layout and every story alone in every one-story layout,
    each labelled with its stories' language."""
    rng = random.Random(seed)
    every = [article for _, articles in sorted(stories.items()) for article in articles]  # related links' titles
    docs = []
    for language, articles in sorted(stories.items()):
        markup = language if language in LANGUAGES else "en"
        written = [glued(layout, rng.sample(articles, rng.randint(2, min(4, len(articles)))), markup, rng, every)
                   for layout in MULTI_STORY for _ in range(DOCS_PER_LAYOUT)]
        written += [alone(layout, article, markup, rng) for layout in ONE_STORY for article in articles]
        docs += [Doc(d.layout, language, d.text, d.starts, d.headlines, d.bylines) for d in written]
    return docs


@dataclass(slots=True)
class Tally:
    right: int = 0
    docs: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.docs += 1

    def __str__(self) -> str:
        return f"{self.right}/{self.docs} ({self.right / self.docs:.3f})" if self.docs else "-"


def story_count(doc: Doc) -> int:
    return sum(1 for draft in segment_document(doc.text) if draft.body)


def english_function_words_only() -> Callable[[], None]:
    """Make the splitter read every document with English's function words, as before; returns the undo."""
    detected = split.prose_languages
    split.prose_languages = lambda lines, prose: ("en",)
    return lambda: setattr(split, "prose_languages", detected)


def score(docs: list[Doc]) -> dict[tuple[str, str], Tally]:
    """Tallies of documents with the right story count, keyed (language or "all", "glued" or "one story")."""
    tallies: dict[tuple[str, str], Tally] = {}
    for doc in docs:
        ok = story_count(doc) == doc.stories
        kind = "glued" if doc.stories > 1 or doc.layout in MULTI_STORY else "one story"
        for key in ((doc.language, kind), ("all", kind), (doc.layout, "layout")):
            tallies.setdefault(key, Tally()).add(ok)
    return tallies


def render() -> str:
    started = time.perf_counter()
    results = {}
    for name, folder in SETS.items():
        docs = documents(load_stories(folder))
        undo = english_function_words_only()
        try:
            before = score(docs)
        finally:
            undo()
        results[name] = (before, score(docs))
    seconds = time.perf_counter() - started
    lines = [
        "# Story splitting on stories written in other languages",
        "",
        f"Produced by `bench/split_languages.py` in one run ({seconds:.0f} s). {__doc__.split(chr(10) + chr(10))[1]}",
        "",
        "Documents with the right story count: glued documents (2 to 4 stories) and stories alone (one "
        "story; a wrong count is a wrong split).",
        "",
    ]
    for name, (before, after) in results.items():
        languages = sorted({key[0] for key in after if key[1] != "layout" and key[0] != "all"})
        lines += [f"## {name}/", "", "| language | glued, English's function words | glued, the document's language "
                  "| one story, English's | one story, the document's |", "|---|---|---|---|---|"]
        for language in [*languages, "all"]:
            lines.append(f"| {language} | {before[(language, 'glued')]} | {after[(language, 'glued')]} "
                         f"| {before[(language, 'one story')]} | {after[(language, 'one story')]} |")
        lines += ["", "| layout (all languages) | English's function words | the document's language |", "|---|---|---|"]
        lines += [f"| {layout} | {before[(layout, 'layout')]} | {after[(layout, 'layout')]} |"
                  for layout in [*MULTI_STORY, *ONE_STORY]]
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    return write_report(REPORT, render())


if __name__ == "__main__":
    sys.exit(main())
