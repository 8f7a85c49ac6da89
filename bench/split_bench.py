"""Story-splitting benchmark: seeded concatenations of the AEB ground-truth articles.

Layouts scrapers produce (issue 3): (a) newspaper pages: headline twice, the caption two to
four times with its credit, a lone site mark (seed 004); (b) blank-line gaps and a new
headline line; (c) "Read more" / "Related" teasers between stories; (d) a headline line and
nothing else. Titles are the pages' own (trafilatura metadata, cached in aeb_titles.json).

Scores: story-count accuracy; boundary precision and recall, a predicted boundary matching a
true one within one line; and the share of the single articles (each alone under its
headline) that get split.
"""

from __future__ import annotations

import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newsflow.tasks.segment.clean import segment_document  # noqa: E402

AEB = REPO.parent / "shared" / "eval" / "aeb"
TITLES = REPO / "bench" / "aeb_titles.json"
LAYOUTS = ("newspaper", "gap", "teaser", "headline_only")
PHOTOGRAPHERS = ("Miguel Pereira/Reuters", "AP Photo/Evan Vucci", "Anna Meier/dpa", "Getty Images", "AFP/Lena Roux")
SITE_MARKS = ("TT", "DL", "NYT", "WP", "RG")
TEASERS = ("Read more: {}", "RELATED: {}", "Related: {}", "Read more")


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    paragraphs: list[str]


@dataclass(frozen=True, slots=True)
class Sample:
    layout: str
    text: str
    boundaries: list[int]  # line index where each story after the first begins
    stories: int


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
    import gzip

    from newsflow.tasks.extract.decode import decode_bytes
    from newsflow.tasks.extract.page import extract_html

    titles = {}
    for page_id in sorted(truth):
        html = decode_bytes(gzip.decompress((AEB / "html" / f"{page_id}.html.gz").read_bytes()), "text/html").text
        title = extract_html(html or "").title
        if title:
            titles[page_id] = re.split(r"\s+[|–—]\s+|\s+-\s+(?=[A-Z][\w .]+$)", title)[0].strip()
    TITLES.write_text(json.dumps(titles, ensure_ascii=False, indent=1), encoding="utf-8")
    return titles


def caption_for(article: Article, rng: random.Random) -> str:
    sentence = re.split(r"(?<=[.!?])\s", rng.choice(article.paragraphs))[0]
    words = sentence.split()[:22]
    return " ".join(words).rstrip(".,;:") + f". (Photo: {rng.choice(PHOTOGRAPHERS)})"


def render_story(article: Article, layout: str, rng: random.Random) -> list[str]:
    """The lines of one story in a layout ('' is a blank line)."""
    if layout == "newspaper":
        caption = caption_for(article, rng)
        copies = rng.randint(1, 2)
        head = [article.title, ""] + [caption] * copies + [rng.choice(SITE_MARKS), ""]
        return head + [article.title, ""] + [caption] * copies + [""] + _paragraphs(article, blank=True)
    if layout == "gap":
        return [article.title, ""] + _paragraphs(article, blank=True)
    return [article.title] + article.paragraphs


def _paragraphs(article: Article, blank: bool) -> list[str]:
    lines = []
    for paragraph in article.paragraphs:
        lines += [paragraph, ""] if blank else [paragraph]
    return lines


def make_sample(articles: list[Article], layout: str, rng: random.Random) -> Sample:
    chosen = rng.sample(articles, rng.randint(2, 5))
    lines: list[str] = []
    boundaries = []
    for k, article in enumerate(chosen):
        if k:
            if layout == "gap":
                lines += ["", ""]
            elif layout == "teaser":
                lines.append(rng.choice(TEASERS).format(rng.choice(articles).title))
            boundaries.append(sum(1 for line in lines if line.strip()))
        lines += render_story(article, layout, rng)
    return Sample(layout, "\n".join(lines) + "\n", boundaries, len(chosen))


def predicted_boundaries(text: str) -> tuple[int, list[int]]:
    """Stories found and the line index (non-blank lines) where each story after the first starts."""
    drafts = [d for d in segment_document(text) if d.body]
    starts = [line_start for line_start in _line_starts(text)]
    boundaries = []
    for draft in drafts[1:]:
        offset = draft.spans[0].start
        boundaries.append(max(i for i, start in enumerate(starts) if start <= offset))
    return len(drafts), boundaries


def _line_starts(text: str) -> list[int]:
    starts, offset = [], 0
    for raw in text.splitlines(keepends=True):
        if raw.strip():
            starts.append(offset)
        offset += len(raw)
    return starts


@dataclass(frozen=True, slots=True)
class SplitScores:
    samples: int
    count_accuracy: float
    boundary_precision: float
    boundary_recall: float
    boundary_f1: float
    single_articles: int
    wrongly_split: float
    by_layout: dict[str, float]


def run_split_benchmark(samples_per_layout: int = 50, seed: int = 20250113) -> SplitScores:
    rng = random.Random(seed)
    articles = load_articles()
    samples = [make_sample(articles, layout, rng) for layout in LAYOUTS for _ in range(samples_per_layout)]
    counted, matched_true, matched_pred, total_true, total_pred = 0, 0, 0, 0, 0
    by_layout: dict[str, list[bool]] = {layout: [] for layout in LAYOUTS}
    for sample in samples:
        found, predicted = predicted_boundaries(sample.text)
        right = found == sample.stories
        counted += right
        by_layout[sample.layout].append(right)
        matched_true += sum(any(abs(t - p) <= 1 for p in predicted) for t in sample.boundaries)
        matched_pred += sum(any(abs(t - p) <= 1 for t in sample.boundaries) for p in predicted)
        total_true += len(sample.boundaries)
        total_pred += len(predicted)
    singles = [predicted_boundaries(a.title + "\n" + "\n".join(a.paragraphs) + "\n")[0] for a in articles]
    precision = matched_pred / total_pred if total_pred else 1.0
    recall = matched_true / total_true if total_true else 1.0
    return SplitScores(
        samples=len(samples),
        count_accuracy=counted / len(samples),
        boundary_precision=precision,
        boundary_recall=recall,
        boundary_f1=2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        single_articles=len(singles),
        wrongly_split=sum(n > 1 for n in singles) / len(singles),
        by_layout={layout: sum(v) / len(v) for layout, v in by_layout.items()},
    )


def render_split(s: SplitScores) -> str:
    lines = [
        "## Story splitting",
        "",
        f"{s.samples} seeded concatenations of 2 to 5 AEB articles ({s.samples // len(LAYOUTS)} per layout), "
        f"and the {s.single_articles} articles alone under their headline.",
        "",
        "| measure | value | goal |",
        "|---|---|---|",
        f"| story-count accuracy | {s.count_accuracy:.4f} | >= 0.95 |",
        f"| boundary precision | {s.boundary_precision:.4f} | |",
        f"| boundary recall | {s.boundary_recall:.4f} | |",
        f"| boundary F1 (within one line) | {s.boundary_f1:.4f} | >= 0.95 |",
        f"| single articles wrongly split | {s.wrongly_split:.4f} | <= 0.01 |",
        "",
        "Count accuracy by layout: " + ", ".join(f"{k} {v:.2f}" for k, v in s.by_layout.items()),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render_split(run_split_benchmark()))
