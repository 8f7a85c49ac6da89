"""Cheaper named entities: spaCy settings measured against today's entities on the AEB pages.

    .venv/bin/python bench/ner_options.py        # writes bench/results/ner_options.json

The articles are newsflow's own (extract, clean and split, language) of the 181 AEB pages; NER runs
on those in English, as the pipeline runs it. Each option runs over all of them in this process
(CPU seconds, best of `--repeat`), and its entities are scored against the current settings'
(the reference: NER_BATCH_SIZE texts a batch, the first NER_MAX_CHARS characters of each body):
recall and precision of the (article, name, label) triples, and of the names alone.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.quality import load_pages  # noqa: E402
from newsflow.tasks.core.settings import NER_BATCH_SIZE, NER_MAX_CHARS  # noqa: E402
from newsflow.tasks.enrich import entities as ner  # noqa: E402
from newsflow.tasks.enrich.language import detect_language  # noqa: E402
from newsflow.tasks.extract.page import extract_html  # noqa: E402
from newsflow.tasks.segment.clean import segment_document  # noqa: E402

RESULTS = REPO / "bench" / "results" / "ner_options.json"


@dataclass(frozen=True)
class Option:
    name: str
    batch_size: int = NER_BATCH_SIZE
    max_chars: int = NER_MAX_CHARS


OPTIONS = (
    Option("today (batch 8, 20,000 characters)"),
    Option("batch 32", batch_size=32),
    Option("batch 2", batch_size=2),
    Option("first 8,000 characters", max_chars=8000),
    Option("first 5,000 characters", max_chars=5000),
    Option("first 3,000 characters", max_chars=3000),
    Option("first 2,000 characters", max_chars=2000),
)


def english_articles() -> list[tuple[str, str]]:
    """(article id, body) of newsflow's English articles of the AEB pages."""
    articles = []
    for page in load_pages():
        extracted = extract_html(page.html, url=page.url)
        for index, draft in enumerate(segment_document(extracted.text, title_hint=extracted.title)):
            if draft.body.strip() and detect_language(draft.body)[0] == "en":
                articles.append((f"{page.page_id}-{index}", draft.body))
    return articles


def entities_with(option: Option, articles: list[tuple[str, str]]) -> tuple[set[tuple[str, str, str]], float]:
    """The (article, name, label) triples found with `option`, and the CPU seconds NER took."""
    nlp = ner.load_pipeline(None)
    saved = ner.NER_BATCH_SIZE, ner.NER_MAX_CHARS
    ner.NER_BATCH_SIZE, ner.NER_MAX_CHARS = option.batch_size, option.max_chars
    try:
        started = time.process_time()
        found = ner.extract_entities(nlp, articles)
        seconds = time.process_time() - started
    finally:
        ner.NER_BATCH_SIZE, ner.NER_MAX_CHARS = saved
    return {(e.article_id, e.text, e.label) for e in found}, seconds


def agreement(found: set, reference: set) -> dict[str, float]:
    names, reference_names = {(a, t) for a, t, _ in found}, {(a, t) for a, t, _ in reference}
    return {"recall": len(found & reference) / len(reference), "precision": len(found & reference) / len(found),
            "name_recall": len(names & reference_names) / len(reference_names),
            "name_precision": len(names & reference_names) / len(names)}


def measure(repeat: int) -> dict:
    articles = english_articles()
    characters = sorted(len(body) for _, body in articles)
    rows, reference = [], None
    for option in OPTIONS:
        runs = [entities_with(option, articles) for _ in range(repeat)]
        found = runs[0][0]
        reference = found if reference is None else reference
        rows.append({"option": option.name, "cpu_s": min(seconds for _, seconds in runs), "entities": len(found),
                     **agreement(found, reference)})
        print(json.dumps(rows[-1]), flush=True)
    return {"articles": len(articles), "median_chars": characters[len(characters) // 2],
            "over_5000_chars": sum(c > 5000 for c in characters), "options": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each option; the fastest counts")
    args = parser.parse_args(argv)
    result = measure(args.repeat)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
