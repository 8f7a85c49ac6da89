"""Cheaper named entities: spaCy settings measured against the entities of whole bodies on the AEB pages.

    .venv/bin/python bench/ner_options.py        # writes bench/results/ner_options.json

The articles are newsflow's own (extract, clean and split, language) of the 181 AEB pages; NER runs
on those in English, as the pipeline runs it. Each option runs over all of them in this process
(CPU seconds, best of `--repeat`, each run with an empty paragraph cache), and its entities are
scored against the reference: NER over whole bodies as newsflow ran it before it read paragraphs
(8 bodies a batch, the first 20,000 characters of each): recall and precision of the (article,
name, label) triples, and of the names alone. A last row reads, after the articles, a copy of each
with one paragraph cut (as a syndicated copy trims one): what the paragraph cache saves a near copy.
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

import spacy  # noqa: E402
from thinc.api import NumpyOps  # noqa: E402

from bench.quality import load_pages  # noqa: E402
from newsflow.tasks.core.language import detect_language  # noqa: E402
from newsflow.tasks.core.schema import Entity  # noqa: E402
from newsflow.tasks.core.settings import NER_BATCH_SIZE, NER_MAX_CHARS  # noqa: E402
from newsflow.tasks.enrich import entities as ner  # noqa: E402
from newsflow.tasks.extract.page import extract_html  # noqa: E402
from newsflow.tasks.segment.clean import segment_document  # noqa: E402

RESULTS = REPO / "bench" / "results" / "ner_options.json"


@dataclass(frozen=True)
class Option:
    name: str
    whole_bodies: bool = False  # NER over each body at once, as before, instead of a paragraph at a time
    batch_size: int = NER_BATCH_SIZE
    max_chars: int = NER_MAX_CHARS
    blis: bool = False  # the layers' matrix products by blis, as spaCy does by default, not numpy


REFERENCE = Option("whole bodies (before: batch 8, 20,000 characters)", whole_bodies=True, batch_size=8, max_chars=20_000)
OPTIONS = (
    REFERENCE,
    Option(f"paragraphs (today: batch {NER_BATCH_SIZE}, {NER_MAX_CHARS:,} characters)"),
    Option("paragraphs, batch 8", batch_size=8),
    Option("paragraphs, matrix products by blis (spaCy's default; before)", blis=True),
    Option("paragraphs, first 8,000 characters", max_chars=8000),
    Option("paragraphs, first 5,000 characters", max_chars=5000),
    Option("paragraphs, first 3,000 characters", max_chars=3000),
    Option("whole bodies, first 8,000 characters", whole_bodies=True, batch_size=8, max_chars=8000),
    Option("whole bodies, first 3,000 characters", whole_bodies=True, batch_size=8, max_chars=3000),
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
    ner.paragraph_mentions(nlp).clear()  # every run reads every paragraph
    if option.blis:
        ner.multiply_with(nlp, NumpyOps())
    try:
        started = time.process_time()
        found = whole_body_entities(nlp, articles, option) if option.whole_bodies else ner.extract_entities(nlp, articles)
        seconds = time.process_time() - started
    finally:
        ner.NER_BATCH_SIZE, ner.NER_MAX_CHARS = saved
        ner.multiply_with_numpy(nlp)
    return {(e.article_id, e.text, e.label) for e in found}, seconds


def whole_body_entities(nlp, articles: list[tuple[str, str]], option: Option) -> list[Entity]:
    """NER as newsflow ran it before reading paragraphs: each body's first characters as one text."""
    texts = (text[:option.max_chars] for _, text in articles)
    entities: list[Entity] = []
    with nlp.memory_zone():
        for (article_id, _), doc in zip(articles, nlp.pipe(texts, batch_size=option.batch_size)):
            mentions = [(ner.clean_mention(e.text, ner.LABELS[e.label_]), ner.LABELS[e.label_])
                        for e in doc.ents if e.label_ in ner.LABELS]
            entities.extend(ner.fold_mentions(article_id, [(text, label) for text, label in mentions if text]))
    return entities


def near_copies(articles: list[tuple[str, str]]) -> dict:
    """CPU seconds of NER over a copy of each article with its second paragraph cut, read after the
    articles (the cache holding their paragraphs) and with an empty cache."""
    nlp = ner.load_pipeline(None)
    copies = []
    for article_id, body in articles:
        paragraphs = body.split("\n")
        copies.append((article_id, "\n".join(paragraphs[:1] + paragraphs[2:]) if len(paragraphs) > 2 else body))
    seconds = {}
    for name, first in (("cold", []), ("after the articles", articles)):
        ner.paragraph_mentions(nlp).clear()
        ner.extract_entities(nlp, first)
        started = time.process_time()
        ner.extract_entities(nlp, copies)
        seconds[name] = time.process_time() - started
    return {"copies": len(copies), "cold_cpu_s": seconds["cold"], "warm_cpu_s": seconds["after the articles"]}


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
        reference = found if option is REFERENCE else reference
        rows.append({"option": option.name, "cpu_s": min(seconds for _, seconds in runs), "entities": len(found),
                     **agreement(found, reference)})
        print(json.dumps(rows[-1]), flush=True)
    return {"spacy": spacy.__version__, "articles": len(articles), "median_chars": characters[len(characters) // 2],
            "over_5000_chars": sum(c > 5000 for c in characters), "options": rows,
            "near_copies": near_copies(articles)}


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
