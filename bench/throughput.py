"""Throughput: documents per second end to end and per stage, with baselines in the same run.

    .venv/bin/python bench/throughput.py --sizes 500 2000     # writes bench/RESULTS.md

For each corpus size (AEB pages and the seeds, with seeded variations, written under
bench/_work/), in one run: a bare `trafilatura.extract` loop over the same HTML; newsflow's
task functions called without Prefect (read, extract, clean+split, enrich, entities, write,
link); the Prefect flow with its default runner; and the flow on two Dask worker processes.
Reported: documents per second, seconds per stage, peak memory (RSS, this process and its
children), Parquet size, and the ratios the scale issue asks for.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import shutil
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

import trafilatura  # noqa: E402

from tasks import batches  # noqa: E402
from tasks.decode import decode_bytes  # noqa: E402
from tasks.link import update_links  # noqa: E402
from tasks.sources import read_sources  # noqa: E402
from tasks.store import commit_batch, data_lock  # noqa: E402

SHARED = REPO.parent / "shared"
WORK = REPO / "bench" / "_work" / "throughput"
REPORT = REPO / "bench" / "RESULTS.md"
BOILERPLATE = ("<p>Advertisement</p>", "<p>Sign up for our newsletter, delivered straight to your inbox.</p>",
               "<p>Read more: Markets close higher</p>", "<p>Share this article</p>")


def make_corpus(n: int, seed: int = 5) -> Path:
    """n documents: AEB pages with a boilerplate line and a new title, and the seed texts."""
    folder = WORK / f"corpus-{n}"
    if folder.exists() and len(list(folder.iterdir())) == n:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    pages = [decode_bytes(gzip.decompress(p.read_bytes()), "text/html").text or ""
             for p in sorted((SHARED / "eval" / "aeb" / "html").glob("*.html.gz"))]
    seeds = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    for i in range(n):
        if i % 50 == 49:
            (folder / f"doc-{i:06d}.txt").write_text(rng.choice(seeds) + f"\n\nUpdate {i}.\n", encoding="utf-8")
            continue
        html = rng.choice(pages).replace("</p>", "</p>" + rng.choice(BOILERPLATE), 1)
        html = html.replace("<title>", f"<title>Edition {i}: ", 1)
        (folder / f"doc-{i:06d}.html").write_text(html, encoding="utf-8")
    return folder


def peak_memory_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def bare_trafilatura(corpus: Path) -> float:
    started = time.perf_counter()
    for path in sorted(corpus.glob("*.html")):
        trafilatura.extract(path.read_text(encoding="utf-8"), include_comments=False)
    return time.perf_counter() - started


def plain_pipeline(corpus: Path, data: Path, batch_size: int = 250) -> dict[str, float]:
    """newsflow's task functions in a plain loop: no Prefect, the orchestration-free baseline."""
    shutil.rmtree(data, ignore_errors=True)
    seconds: Counter = Counter()
    started = time.perf_counter()
    run_id, now = "plain", datetime.now(UTC)
    inputs = list(read_sources([corpus]))
    seconds["read"] = time.perf_counter() - started
    new_ids: list[str] = []
    for number in range(0, len(inputs), batch_size):
        batch = batches.prepare_batch(inputs[number : number + batch_size], run_id, now)
        batch = batches.index_batch(batches.enrich_batch(batches.segment_batch(batch)), None)
        write_started = time.perf_counter()
        tables = batches.batch_tables(batch)
        with data_lock(data):
            commit_batch(data, f"{run_id}-{number:05d}", now.date(), tables)
        seconds["write"] += time.perf_counter() - write_started
        seconds.update(batch.seconds)
        new_ids += [a.article_id for a in batch.articles]
    link_started = time.perf_counter()
    update_links(data, new_ids)
    seconds["link"] = time.perf_counter() - link_started
    seconds["total"] = time.perf_counter() - started
    return dict(seconds)


def flow_run(corpus: Path, data: Path, workers: int | None = None) -> float:
    from flows.cli import main

    shutil.rmtree(data, ignore_errors=True)
    args = ["ingest", str(corpus), "--data", str(data)] + (["--workers", str(workers)] if workers else [])
    started = time.perf_counter()
    assert main(args) in (0, 1)
    return time.perf_counter() - started


def parquet_mb(data: Path) -> float:
    return sum(p.stat().st_size for p in data.rglob("*.parquet")) / 1e6


def measure(n: int) -> dict:
    corpus = make_corpus(n)
    html_docs = len(list(corpus.glob("*.html")))
    bare = bare_trafilatura(corpus)
    plain = plain_pipeline(corpus, WORK / f"data-plain-{n}")
    warm = flow_run(corpus, WORK / f"data-warmup-{n}")  # starts the temporary server once
    flow = flow_run(corpus, WORK / f"data-flow-{n}")
    two = flow_run(corpus, WORK / f"data-dask-{n}", workers=2)
    return {"documents": n, "html_documents": html_docs, "bare_trafilatura_s": bare, "plain": plain,
            "flow_first_s": warm, "flow_s": flow, "dask2_s": two, "peak_mb": peak_memory_mb(),
            "parquet_mb": parquet_mb(WORK / f"data-flow-{n}")}


def render(rows: list[dict]) -> str:
    lines = ["# Throughput", "", "Produced by `bench/throughput.py` in one run on this machine (2 cores).", "",
             "| documents | flow docs/s | plain docs/s | Prefect overhead | extract+clean / bare trafilatura "
             "| 2 Dask workers vs default | peak MB | Parquet MB |", "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        p = r["plain"]
        extract_clean = p.get("extract", 0) + p.get("clean_split", 0)
        lines.append(
            f"| {r['documents']:,} | {r['documents'] / r['flow_s']:.1f} | {r['documents'] / p['total']:.1f} "
            f"| {100 * (r['flow_s'] - p['total']) / p['total']:+.1f}% | {extract_clean / r['bare_trafilatura_s']:.2f}x "
            f"| {r['flow_s'] / r['dask2_s']:.2f}x | {r['peak_mb']:.0f} | {r['parquet_mb']:.1f} |")
    lines += ["", "Seconds per stage, task functions without Prefect:", "",
              "| documents | " + " | ".join(sorted(rows[0]["plain"])) + " |",
              "|---|" + "---|" * len(rows[0]["plain"])]
    for r in rows:
        lines.append(f"| {r['documents']:,} | " + " | ".join(f"{r['plain'][k]:.1f}" for k in sorted(r["plain"])) + " |")
    lines += ["", "Flow times exclude the first run, which also starts Prefect's temporary server "
              f"({rows[0]['flow_first_s'] - rows[0]['flow_s']:.0f} s more at the first size).", "",
              "```json", json.dumps(rows, indent=1, default=float), "```"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    args = parser.parse_args(argv)
    rows = []
    for n in args.sizes:
        rows.append(measure(n))
        print(json.dumps(rows[-1], default=float), flush=True)
    REPORT.write_text(render(rows), encoding="utf-8")
    print(f"wrote {REPORT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
