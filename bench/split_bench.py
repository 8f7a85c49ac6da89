"""Story-splitting benchmark: real AEB article bodies glued in page layouts, or alone in layouts
that must not be split, with the splitting's weights fitted without the layout scored.

    .venv/bin/python bench/split_bench.py          # writes bench/SPLIT.md
    .venv/bin/python bench/split_bench.py --fit    # prints weights fitted on every layout

The AEB articles (ground-truth bodies under their pages' own titles, cached in aeb_titles.json)
are split in two halves: documents built from the even half train the weights
(bench/split_fit.py), documents built from the odd half are scored, so no weight is fitted on
the bodies it is scored on. Layouts and their markup in six languages: bench/split_layouts.py.
The real AEB pages, as the pipeline extracts them, are one more one-story layout, halved alike.

Leave-one-layout-out: for each layout, weights fitted on the training documents of every other
layout score the layout's held-out documents. Then the weights in tasks/core/settings.py (fitted
on the training documents of every layout) score every layout, and the real AEB pages (extracted
as the pipeline extracts them) must each come out as one story.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import random
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.split_fit import fit, prepare, render_weights  # noqa: E402
from bench.split_layouts import LANGUAGES, LAYOUTS, MULTI_STORY, Article, Doc, alone, glued  # noqa: E402
from newsflow.tasks.core.schema import BODY, TITLE  # noqa: E402
from newsflow.tasks.segment.clean import segment_document  # noqa: E402
from newsflow.tasks.segment.split import FITTED_WEIGHTS, BreakWeights  # noqa: E402

AEB = REPO.parent / "shared" / "eval" / "aeb"
TITLES = REPO / "bench" / "aeb_titles.json"
REPORT = REPO / "bench" / "SPLIT.md"
SEED = 20250113
TEST_DOCS = 50  # documents per layout scored
TRAIN_DOCS = 12  # documents per layout the weights are fitted on
REAL_PAGES = "aeb_pages"  # the real pages, a one-story layout beside the rendered ones
BENCH_LAYOUTS = (*LAYOUTS, REAL_PAGES)
GOAL_COUNT = 0.97
GOAL_SINGLES_SPLIT = 0.005


def load_articles() -> list[Article]:
    """Ground-truth bodies with their page titles; pages without a usable title are left out."""
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    titles = cached_titles(truth)
    articles = []
    for page_id in sorted(truth):
        paragraphs = [p.strip() for p in truth[page_id]["articleBody"].split("\n") if p.strip()]
        title = titles.get(page_id)
        if title and paragraphs and is_headline_like(title):
            articles.append(Article(title, paragraphs))
    return articles


def is_headline_like(title: str) -> bool:
    """Page titles that are headlines: not a section name ("Opinion"), not a sentence or a blurb."""
    words = len(title.split())
    return (words >= 3 or len(title) >= 12) and words <= 25 and not title.endswith((".", "…"))


def cached_titles(truth: dict) -> dict[str, str]:
    """Each page's title from trafilatura's metadata, extracted once and kept in aeb_titles.json."""
    if TITLES.exists():
        return json.loads(TITLES.read_text(encoding="utf-8"))
    titles = {}
    for page_id, page in aeb_pages(truth).items():
        if page[1]:
            titles[page_id] = re.split(r"\s+[|–—]\s+|\s+-\s+(?=[A-Z][\w .]+$)", page[1])[0].strip()
    TITLES.write_text(json.dumps(titles, ensure_ascii=False, indent=1), encoding="utf-8")
    return titles


@functools.cache
def aeb_page_texts() -> dict[str, tuple[str, str | None]]:
    """Each AEB page's text and title, extracted as the pipeline extracts them (once a run)."""
    return aeb_pages(json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8")))


def aeb_pages(truth: dict) -> dict[str, tuple[str, str | None]]:
    """Each AEB page's text and title, extracted as the pipeline extracts them: again with its
    fallback settings when the cleaner finds no article text (tasks/pipeline/batches.py; AEB's
    barrons.com page, whose precise extraction is a reprint notice)."""
    from newsflow.tasks.extract.decode import decode_bytes
    from newsflow.tasks.extract.page import FALLBACK_EXTRACTION, extract_html

    pages = {}
    for page_id in sorted(truth):
        data = gzip.decompress((AEB / "html" / f"{page_id}.html.gz").read_bytes())
        html, url = decode_bytes(data, "text/html").text or "", truth[page_id].get("url")
        page = extract_html(html, url=url)
        if not any(draft.body for draft in segment_document(page.text, title_hint=page.title)):
            page = extract_html(html, url=url, settings=FALLBACK_EXTRACTION)
        pages[page_id] = (page.text, page.title)
    return pages


def halves(articles: list[Article]) -> tuple[list[Article], list[Article]]:
    """Training articles (even places) and held-out articles (odd places)."""
    return articles[0::2], articles[1::2]


def make_docs(layout: str, articles: list[Article], count: int, rng: random.Random) -> list[Doc]:
    """`count` documents of a layout from `articles` (each one's markup in a language drawn at random)."""
    if layout in MULTI_STORY:
        return [glued(layout, rng.sample(articles, rng.randint(2, 4)), rng.choice(LANGUAGES), rng, articles)
                for _ in range(count)]
    order = [articles[k % len(articles)] for k in range(count)]
    rng.shuffle(order)
    return [alone(layout, article, rng.choice(LANGUAGES), rng) for article in order]


@dataclass(slots=True)
class LayoutScore:
    """What the splitter got right and wrong on one layout's documents."""

    docs: int = 0
    count_right: int = 0
    true_boundaries: int = 0
    exact_boundaries: int = 0
    near_found: int = 0  # predicted boundaries within one line of a true one
    found_boundaries: int = 0
    byline_opens_story: int = 0  # a split fault: the story starts at its byline, its headline left behind
    byline_in_body: int = 0  # the byline stays as the body's first paragraph (a cleaning fault)
    headline_trails: int = 0  # a body ends with the next story's headline
    wrong_docs: list[str] = field(default_factory=list)

    @property
    def count_accuracy(self) -> float:
        return self.count_right / self.docs if self.docs else 1.0


def score_doc(doc: Doc, weights: BreakWeights, into: LayoutScore) -> None:
    drafts = [d for d in segment_document(doc.text, weights=weights) if d.body]
    starts = line_starts(doc.text)
    found = [line_of(starts, next(s.start for s in d.spans if s.kind in (BODY, TITLE))) for d in drafts]
    into.docs += 1
    into.count_right += len(drafts) == doc.stories
    if len(drafts) != doc.stories and len(into.wrong_docs) < 3:
        into.wrong_docs.append(f"{doc.language}: {len(drafts)} for {doc.stories}")
    into.true_boundaries += len(doc.starts) - 1
    into.exact_boundaries += len(set(found[1:]) & set(doc.starts[1:]))
    into.found_boundaries += len(found) - 1
    into.near_found += sum(any(abs(f - t) <= 1 for t in doc.starts[1:]) for f in found[1:])
    bylines, headlines = set(doc.bylines), {h for h in doc.headlines if h}
    for draft in drafts:
        paragraphs = draft.body.split("\n\n")
        into.byline_opens_story += draft.title in bylines
        into.byline_in_body += paragraphs[0] in bylines
        into.headline_trails += paragraphs[-1] in headlines and paragraphs[-1] != draft.title


def line_starts(text: str) -> list[int]:
    """Offsets of the non-blank lines."""
    starts, offset = [], 0
    for raw in text.splitlines(keepends=True):
        if raw.strip():
            starts.append(offset + len(raw) - len(raw.lstrip()))
        offset += len(raw)
    return starts


def line_of(starts: list[int], offset: int) -> int:
    return max(i for i, start in enumerate(starts) if start <= offset)


def score_layout(docs: list[Doc], weights: BreakWeights) -> LayoutScore:
    score = LayoutScore()
    for doc in docs:
        score_doc(doc, weights, score)
    return score


@dataclass(frozen=True, slots=True)
class Corpus:
    train: dict[str, list[Doc]]
    test: dict[str, list[Doc]]
    singles: list[Doc]  # each held-out article alone under its headline


def real_pages() -> tuple[list[Doc], list[Doc]]:
    """The real AEB pages (one article each, as extracted), halved as the articles are: a layout
    of its own, with every boilerplate and furniture line the extraction leaves."""
    pages = [Doc(REAL_PAGES, "", text, [0], [title or ""], []) for _, (text, title) in sorted(aeb_page_texts().items())]
    return pages[0::2], pages[1::2]


def build_corpus(test_docs: int = TEST_DOCS, train_docs: int = TRAIN_DOCS, seed: int = SEED) -> Corpus:
    train_articles, test_articles = halves(load_articles())
    rng = random.Random(seed)  # the held-out documents are the same whatever the training set's size
    test = {layout: make_docs(layout, test_articles, test_docs, rng) for layout in LAYOUTS}
    singles = [alone("single", article, "en", rng) for article in test_articles]
    rng = random.Random(seed + 1)
    train = {layout: make_docs(layout, train_articles, train_docs, rng) for layout in LAYOUTS}
    train[REAL_PAGES], test[REAL_PAGES] = real_pages()
    return Corpus(train, test, singles)


def leave_one_layout_out(corpus: Corpus, workers: int = 2) -> dict[str, tuple[BreakWeights, LayoutScore]]:
    """Each layout's held-out documents scored by weights fitted on the other layouts' training documents."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        fitted = dict(zip(BENCH_LAYOUTS, pool.map(fit_without, BENCH_LAYOUTS, [corpus.train] * len(BENCH_LAYOUTS))))
    return {layout: (fitted[layout], score_layout(corpus.test[layout], fitted[layout])) for layout in BENCH_LAYOUTS}


def fit_without(layout: str | None, train: dict[str, list[Doc]]) -> BreakWeights:
    """Weights fitted on the training documents of every layout but `layout` (None: of all)."""
    return fit([prepare(doc) for other, docs in train.items() if other != layout for doc in docs])


def wrongly_split_pages(weights: BreakWeights = FITTED_WEIGHTS) -> list[str]:
    """The AEB pages (one article each) that the splitter cuts into more than one story."""
    return [page_id for page_id, (text, title) in aeb_page_texts().items()
            if len([d for d in segment_document(text, title_hint=title, weights=weights) if d.body]) > 1]


@dataclass(frozen=True, slots=True)
class SplitScores:
    """The settings' weights on every layout's held-out documents (bench/quality.py's summary)."""

    samples: int
    count_accuracy: float
    boundary_precision: float
    boundary_recall: float
    boundary_f1: float
    single_articles: int
    wrongly_split: float
    by_layout: dict[str, LayoutScore]


def run_split_benchmark(test_docs: int = TEST_DOCS, seed: int = SEED, corpus: Corpus | None = None,
                        workers: int = 2) -> SplitScores:
    """The weights of tasks/core/settings.py scored on the held-out documents of every layout, the
    layouts shared among `workers` processes."""
    corpus = corpus or build_corpus(test_docs, 0, seed)
    groups = [*corpus.test.values(), corpus.singles]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        *scored, singles = pool.map(score_layout, groups, [FITTED_WEIGHTS] * len(groups))
    by_layout = dict(zip(corpus.test, scored))
    scores = list(by_layout.values())
    precision = sum(s.near_found for s in scores) / max(1, sum(s.found_boundaries for s in scores))
    recall = sum(s.near_found for s in scores) / max(1, sum(s.true_boundaries for s in scores))
    one_story = [by_layout[layout] for layout in BENCH_LAYOUTS if layout not in MULTI_STORY] + [singles]
    return SplitScores(
        samples=sum(s.docs for s in scores),
        count_accuracy=sum(s.count_right for s in scores) / sum(s.docs for s in scores),
        boundary_precision=precision,
        boundary_recall=recall,
        boundary_f1=2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        single_articles=sum(s.docs for s in one_story),
        wrongly_split=1 - sum(s.count_right for s in one_story) / sum(s.docs for s in one_story),
        by_layout=by_layout,
    )


def render_split(s: SplitScores) -> str:
    """The summary bench/quality.py prints; the whole table is bench/SPLIT.md."""
    return "\n".join([
        "## Story splitting",
        "",
        f"{s.samples} held-out documents in {len(s.by_layout)} layouts ({len(MULTI_STORY)} that glue 2 to 4 AEB "
        f"articles, the rest one article that must stay whole), scored with the weights of the settings; "
        "leave-one-layout-out and the layouts one by one: bench/SPLIT.md (bench/split_bench.py).",
        "",
        "| measure | value | goal |",
        "|---|---|---|",
        f"| story-count accuracy | {s.count_accuracy:.4f} | >= {GOAL_COUNT} |",
        f"| boundary F1 (within one line) | {s.boundary_f1:.4f} | |",
        f"| one-story documents wrongly split | {s.wrongly_split:.4f} | <= {GOAL_SINGLES_SPLIT} |",
    ])


def render_report(lolo: dict[str, tuple[BreakWeights, LayoutScore]], scores: SplitScores, pages: list[str],
                  seconds: float) -> str:
    lines = [
        "# Story splitting: layouts left out",
        "",
        f"Produced by `bench/split_bench.py` in one run ({seconds:.0f} s on a machine of 2 cores). The AEB "
        "articles are halved: weights are fitted on documents built from the even half "
        f"({TRAIN_DOCS} per layout), and scored on documents built from the odd half ({TEST_DOCS} per layout). "
        "Each layout writes its markup in en, de, fr, es, it or pt, drawn per document (bench/split_layouts.py).",
        "",
        "## Leave one layout out",
        "",
        "Weights fitted on the training documents of every other layout (bench/split_fit.py), scored on the "
        "layout's held-out documents. Goal: story count right >= 0.97 on every layout.",
        "",
        "| layout | stories | documents | count right | boundaries exact | story opens at its byline "
        "| body ends with next headline |",
        "|---|---|---|---|---|---|---|",
    ]
    for layout, (_, s) in lolo.items():
        kind = "2-4" if layout in MULTI_STORY else "1"
        exact = f"{s.exact_boundaries}/{s.true_boundaries}" if s.true_boundaries else "-"
        lines.append(f"| {layout} | {kind} | {s.docs} | {s.count_accuracy:.3f} | {exact} | {s.byline_opens_story} "
                     f"| {s.headline_trails} |")
    worst = min(s.count_accuracy for _, s in lolo.values())
    lines += [
        "",
        f"Lowest count accuracy of a layout left out: {worst:.3f} (goal >= {GOAL_COUNT}).",
        "",
        "## The settings' weights on every layout",
        "",
        f"Weights in tasks/core/settings.py: {render_weights(FITTED_WEIGHTS)}.",
        "",
        "| measure | value | goal |",
        "|---|---|---|",
        f"| story-count accuracy, all layouts | {scores.count_accuracy:.4f} | >= {GOAL_COUNT} |",
        f"| boundary precision / recall (within one line) | {scores.boundary_precision:.4f} / "
        f"{scores.boundary_recall:.4f} | |",
        f"| one-story documents wrongly split ({scores.single_articles}) | {scores.wrongly_split:.4f} "
        f"| <= {GOAL_SINGLES_SPLIT} |",
        f"| stories opening at their byline | {sum(s.byline_opens_story for s in scores.by_layout.values())} | 0 |",
        f"| bodies ending with the next story's headline | "
        f"{sum(s.headline_trails for s in scores.by_layout.values())} | 0 |",
        f"| bodies whose first paragraph is a desk byline (cleaning, issue 17 item 1) | "
        f"{sum(s.byline_in_body for s in scores.by_layout.values())} | 0 |",
        f"| real AEB pages split into more than one story (of 181) | {len(pages)} | 0 |",
        "",
        "Count accuracy by layout: " + ", ".join(f"{k} {v.count_accuracy:.2f}" for k, v in scores.by_layout.items()),
    ]
    if pages:
        lines += ["", "AEB pages split: " + ", ".join(page[:10] for page in pages)]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="print the weights fitted on every layout and stop")
    args = parser.parse_args()
    began = time.perf_counter()
    corpus = build_corpus()
    if args.fit:
        print(render_weights(fit_without(None, corpus.train)))
        return
    lolo = leave_one_layout_out(corpus)
    scores = run_split_benchmark(corpus=corpus)
    pages = wrongly_split_pages()
    REPORT.write_text(render_report(lolo, scores, pages, time.perf_counter() - began), encoding="utf-8")
    print(REPORT.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
