"""Body-extraction quality on the 181 AEB news pages, against trafilatura, in one run.

    .venv/bin/python bench/quality.py            # all pages, writes bench/QUALITY.md
    .venv/bin/python bench/quality.py --limit 40 # a quick look, writes nothing

Scores newsflow (trafilatura extraction + newsflow's cleaning rules), plain
`trafilatura.extract` (defaults, comments off) and trafilatura with favor_precision=True, with
the benchmark's own metric (bench/aeb_metric.py). The story-splitting benchmark
(bench/split_bench.py) runs in the same invocation and its results go in the same report.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import trafilatura  # noqa: E402

from bench.aeb_metric import PageScore, Scores, aggregate, score_page, shingles, tokens  # noqa: E402
from newsflow.tasks.extract.decode import decode_bytes  # noqa: E402
from newsflow.tasks.extract.page import extract_html  # noqa: E402
from newsflow.tasks.segment.clean import segment_document  # noqa: E402

AEB = REPO.parent / "shared" / "eval" / "aeb"
REPORT = REPO / "bench" / "QUALITY.md"
LINKING = REPO / "bench" / "LINKING.md"
SYSTEMS = ("newsflow", "trafilatura", "trafilatura_precision")


@dataclass(frozen=True, slots=True)
class Page:
    page_id: str
    url: str
    html: str
    truth: str


@dataclass(frozen=True, slots=True)
class PageResult:
    page_id: str
    url: str
    bodies: dict[str, str]
    rules: Counter
    truth: str


def load_pages(limit: int | None = None) -> list[Page]:
    """The AEB pages with their ground truth, decoded as the pipeline decodes bytes."""
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        data = gzip.decompress((AEB / "html" / f"{page_id}.html.gz").read_bytes())
        html = decode_bytes(data, "text/html").text or ""
        pages.append(Page(page_id, truth[page_id].get("url") or "", html, truth[page_id]["articleBody"]))
    return pages


def newsflow_body(html: str, url: str | None) -> tuple[str, Counter]:
    """newsflow's article text of a page (its stories' bodies) and the spans its rules moved or dropped."""
    page = extract_html(html, url=url)
    if page.page is None:
        return "", Counter()
    drafts = segment_document(page.page.main_text, title_hint=page.title, caption_lines=page.page.layout.caption_lines)
    rules = Counter(span.rule for draft in drafts for span in draft.spans if span.kind != "body")
    return "\n\n".join(draft.body for draft in drafts if draft.body), rules


def run_page(page: Page) -> PageResult:
    body, rules = newsflow_body(page.html, page.url)
    plain = trafilatura.extract(page.html, url=page.url, include_comments=False) or ""
    precise = trafilatura.extract(page.html, url=page.url, include_comments=False, favor_precision=True) or ""
    bodies = {"newsflow": body, "trafilatura": plain, "trafilatura_precision": precise}
    return PageResult(page.page_id, page.url, bodies, rules, page.truth)


def run_all(pages: list[Page], workers: int = 2) -> list[PageResult]:
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(run_page, pages, chunksize=4))


def scores_of(results: list[PageResult]) -> dict[str, Scores]:
    return {name: aggregate([score_page(r.bodies[name], r.truth) for r in results]) for name in SYSTEMS}


def page_f1(score: PageScore) -> float:
    return 2 * score.tp / (2 * score.tp + score.fp + score.fn) if score.tp else 0.0


def losses(results: list[PageResult], top: int = 12) -> list[dict]:
    """Pages where newsflow scores furthest below plain trafilatura, with what leaked or went missing."""
    rows = []
    for r in results:
        ours, theirs = score_page(r.bodies["newsflow"], r.truth), score_page(r.bodies["trafilatura"], r.truth)
        delta = page_f1(ours) - page_f1(theirs)
        if delta < 0:
            rows.append({"id": r.page_id, "url": r.url, "delta": delta, **_diff(r.bodies["newsflow"], r.truth)})
    return sorted(rows, key=lambda row: row["delta"])[:top]


def _diff(predicted: str, truth: str) -> dict[str, str]:
    extra = shingles(tokens(predicted)) - shingles(tokens(truth))
    missing = shingles(tokens(truth)) - shingles(tokens(predicted))
    sample = lambda counter: " … ".join(" ".join(s) for s in list(counter)[:3])  # noqa: E731
    return {"leaked": sample(extra), "missing": sample(missing)}


def render(scores: dict[str, Scores], rules: Counter, worst: list[dict], split: str, seconds: float) -> str:
    lines = [
        "# Quality: article bodies and story splitting",
        "",
        f"Produced by `bench/quality.py` in one run ({seconds:.0f} s on a machine of {os.cpu_count()} cores, 2 processes).",
        "",
        "## Article bodies on the 181 AEB news pages",
        "",
        "Metric: the benchmark's own (4-token shingles, page-normalised counts, F1 from mean precision",
        "and mean recall, accuracy = identical token lists); see `bench/aeb_metric.py`.",
        "",
        "| system | F1 | precision | recall | accuracy |",
        "|---|---|---|---|---|",
    ]
    labels = {"newsflow": "newsflow (trafilatura + cleaning rules)", "trafilatura": "trafilatura.extract (defaults, comments off)",
              "trafilatura_precision": "trafilatura.extract, favor_precision=True"}
    for name in SYSTEMS:
        s = scores[name]
        lines.append(f"| {labels[name]} | {s.f1:.4f} | {s.precision:.4f} | {s.recall:.4f} | {s.accuracy:.4f} |")
    lines += ["", "Goals: precision >= 0.975, F1 >= 0.97, and F1 never below plain trafilatura's.", "",
              "### What the rules moved or dropped (spans, all pages)", "", "| rule | spans |", "|---|---|"]
    lines += [f"| {rule} | {count} |" for rule, count in rules.most_common()]
    lines += ["", "### Pages where newsflow loses most against plain trafilatura", "",
              "| page | F1 delta | leaked (sample) | missing (sample) |", "|---|---|---|---|"]
    for row in worst:
        lines.append(f"| [{row['id'][:10]}]({row['url']}) | {row['delta']:+.3f} | {row['leaked'][:90]} | {row['missing'][:90]} |")
    lines += ["", split]
    if LINKING.exists():  # written by bench/linking.py (its own run: 100k articles take minutes)
        lines += ["", LINKING.read_text(encoding="utf-8").replace("# Linking: quality and cost", "## Linking (bench/linking.py)")]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (writes no report)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    from bench.split_bench import render_split, run_split_benchmark

    started = time.perf_counter()
    results = run_all(load_pages(args.limit), args.workers)
    scores = scores_of(results)
    rules = sum((r.rules for r in results), Counter())
    split = render_split(run_split_benchmark())
    seconds = time.perf_counter() - started
    for name, s in scores.items():
        print(f"{name:24} F1 {s.f1:.4f}  P {s.precision:.4f}  R {s.recall:.4f}  acc {s.accuracy:.4f}")
    print(split)
    if args.limit is None:
        REPORT.write_text(render(scores, rules, losses(results), split, seconds), encoding="utf-8")
        print(f"wrote {REPORT} in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
