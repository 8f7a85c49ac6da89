"""Throughput, scaling and memory of an ingest, with the baselines measured in the same run.

    .venv/bin/python bench/throughput.py --sizes 1000 10000    # every measure at each size
    .venv/bin/python bench/throughput.py --ingest-only 100000  # the flow alone, at scale

Each invocation saves its measures in bench/results/<size>.json, and bench/RESULTS.md is
rendered from all of them. At each size (a corpus from bench/corpus.py), in one run:
- bare trafilatura: `trafilatura.extract` (defaults, comments off) on the corpus's HTML pages,
  and newsflow's extract-and-clean on the same pages, interleaved page by page;
- plain: newsflow's batch function (tasks/pipeline/batches.py) without Prefect, on a process pool as
  large as the flow's default runner, batching, looking up earlier bodies in the dataset, writing
  and linking as the flow does: the baseline of the orchestration overhead;
- the flow (`newsflow ingest`, a process of its own) with its default runner, and on a local
  Dask cluster of one and of two worker processes; all against one Prefect server started
  here, so no run pays for a temporary server. `--pairs K` runs plain and flow K times,
  interleaved, and the report judges the median of the K overheads.
Memory is that of the newsflow process and all its children (workers), sampled every half
second: summed PSS (shared pages counted once; the peak reported) and summed RSS. The Prefect
server, a process of its own, is not included.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

import trafilatura  # noqa: E402
from prefect_server import client_env, prefect_server  # noqa: E402
from trafilatura.utils import load_html  # noqa: E402

from bench.corpus import make_corpus  # noqa: E402
from newsflow.flows.runners import worker_environment  # noqa: E402
from newsflow.tasks.core.schema import Quarantine, RawDocument, Skipped  # noqa: E402
from newsflow.tasks.core.settings import BATCH_SIZE  # noqa: E402
from newsflow.tasks.drift.update import update_drift  # noqa: E402
from newsflow.tasks.extract.decode import decode_bytes  # noqa: E402
from newsflow.tasks.extract.page import page_metadata, page_text  # noqa: E402
from newsflow.tasks.link.update import update_links  # noqa: E402
from newsflow.tasks.pipeline import batches  # noqa: E402
from newsflow.tasks.pipeline.run import chunked  # noqa: E402
from newsflow.tasks.segment.clean import segment_document  # noqa: E402
from newsflow.tasks.sources.files import read_sources  # noqa: E402
from newsflow.tasks.store.compact import merge_part_files  # noqa: E402
from newsflow.tasks.store.dataset import commit_batch, data_lock  # noqa: E402

WORK = REPO / "bench" / "_work" / "throughput"
RESULTS = REPO / "bench" / "results"
REPORT = REPO / "bench" / "RESULTS.md"
NEWSFLOW = str(Path(sys.executable).with_name("newsflow"))
WORKERS = os.cpu_count() or 1
RUNS = ("compare", "plain", "flow", "dask1", "dask2")


class MemorySampler:
    """Peak memory and CPU time of a process and its descendants, sampled on a thread: the summed
    resident sets (RSS, which counts a shared library once per process), the summed proportional
    set sizes (PSS, which shares such pages out among the processes: the memory the tree takes),
    and the CPU seconds the tree spent while sampled (user and system, every thread). CPU time
    shows what wall time on a shared machine may hide: runs minutes apart here differed by 15%
    in wall time on the same work."""

    def __init__(self, pid: int, every: float = 0.5, server: str | None = None) -> None:
        self.pid, self.every = pid, every
        self.server = server  # a word of the command line of a child that is Prefect's server: left out
        self.peak_mb = self.peak_rss_mb = self.peak_root_mb = 0.0
        # Where the peak is: seconds into the run, and the processes' count and root's share then.
        self.at_peak: dict[str, float] = {}
        self._started = time.perf_counter()
        self._cpu: dict[int, float] = {}
        self._cpu_at_start = process_cpu_s(pid)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def cpu_s(self) -> float:
        return sum(self._cpu.values()) - self._cpu_at_start

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            pss, rss, root, processes = tree_memory_mb(self.pid, self._cpu, self.server)
            if pss > self.peak_mb:
                self.at_peak = {"seconds": time.perf_counter() - self._started, "root_mb": root,
                                "processes": processes}
            self.peak_mb, self.peak_rss_mb = max(self.peak_mb, pss), max(self.peak_rss_mb, rss)
            self.peak_root_mb = max(self.peak_root_mb, root)
            self._stop.wait(self.every)


def process_cpu_s(pid: int) -> float:
    try:
        times = psutil.Process(pid).cpu_times()
    except psutil.NoSuchProcess:
        return 0.0
    return times.user + times.system


def tree_memory_mb(pid: int, cpu: dict[int, float], server: str | None = None) -> tuple[float, float, float, int]:
    """(summed PSS, summed RSS, the root process's PSS, processes) of a process tree, in MB; each process's
    CPU seconds so far go into `cpu` (a process that ended keeps its last sample). A process whose
    command line has the word `server` (the temporary Prefect server a run starts) is left out."""
    try:
        root = psutil.Process(pid)
        processes = [root] + root.children(recursive=True)
        if server is not None:
            processes = [p for p in processes if not _has_word(p, server)]
    except psutil.NoSuchProcess:
        return 0.0, 0.0, 0.0, 0
    pss = rss = root_pss = 0
    for process in processes:
        try:
            info = process.memory_full_info()
            times = process.cpu_times()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        cpu[process.pid] = times.user + times.system
        pss, rss = pss + info.pss, rss + info.rss
        root_pss = info.pss if process.pid == pid else root_pss
    return pss / 2**20, rss / 2**20, root_pss / 2**20, len(processes)


def _has_word(process: psutil.Process, word: str) -> bool:
    try:
        return word in process.cmdline()
    except psutil.Error:
        return False


def compare_extraction(corpus: Path, limit: int) -> dict[str, float]:
    """Seconds, on the same HTML pages, of bare trafilatura; of newsflow's extract-and-clean (the
    same work: bytes to the article's text), and of the page metadata newsflow reads besides
    (title, authors, date, site name: enrichment that trafilatura.extract does not do)."""
    pages = [raw for raw in read_sources([corpus]) if isinstance(raw, RawDocument) and raw.media_type == "text/html"][:limit]
    seconds: Counter = Counter()
    for raw in pages:
        started = time.perf_counter()
        trafilatura.extract(raw.data, include_comments=False)
        extracting = time.perf_counter()
        tree = load_html(decode_bytes(raw.data, raw.media_type).text)
        text = page_text(tree, None)
        metadata = time.perf_counter()
        title = page_metadata(tree, None).title
        cleaning = time.perf_counter()
        segment_document(text, title_hint=title)
        done = time.perf_counter()
        seconds["bare_trafilatura_s"] += extracting - started
        seconds["extract_clean_s"] += (metadata - extracting) + (done - cleaning)
        seconds["metadata_s"] += cleaning - metadata
    return {"pages": len(pages), **seconds}


def plain_run(corpus: Path, data: Path, workers: int) -> dict:
    """The batch function without Prefect, on `workers` processes, written, compacted and linked
    like the flow."""
    run_id, now = "plain", datetime.now(UTC)
    seconds: Counter = Counter()
    new_ids: list[str] = []
    started = time.perf_counter()
    # Spawned: each starts a fresh interpreter and loads its models, with the flow's workers'
    # environment (one BLAS thread: with two, the entities stage took 2.7x as long on two cores),
    # given before the pool's processes import numpy. The flow's workers are forked from a fork
    # server that loaded the stages once (flows/runners.py): about 4 CPU s fewer for the flow, under
    # 1% of a 10k-document run's 480.
    spawn = multiprocessing.get_context("spawn")
    with worker_environment(), MemorySampler(os.getpid()) as memory:
        # Closed before merging and linking, as the flow's runner is.
        with ProcessPoolExecutor(workers, mp_context=spawn) as pool:
            pending: deque = deque()
            for number, raws in enumerate(chunked(timed(inputs_of(corpus), seconds, "read"), BATCH_SIZE)):  # as the flow batches
                pending.append((number, pool.submit(batches.process_batch, raws, run_id, now, None, data_dir=str(data))))
                while len(pending) > 2 * workers:
                    new_ids += write_plain(data, pending.popleft(), run_id, now, seconds)
            while pending:
                new_ids += write_plain(data, pending.popleft(), run_id, now, seconds)
        compact_started = time.perf_counter()
        merge_part_files(data, partition=f"ingest_date={now.date().isoformat()}")
        seconds["compact"] = time.perf_counter() - compact_started
        link_started = time.perf_counter()
        with data_lock(data):
            update_links(data, new_ids)
            drift_started = time.perf_counter()
            update_drift(data)
        seconds["link"] = drift_started - link_started
        seconds["drift"] = time.perf_counter() - drift_started
    return {"seconds": time.perf_counter() - started, "stages": dict(seconds), "articles": len(new_ids),
            "peak_mb": memory.peak_mb, "peak_rss_mb": memory.peak_rss_mb, "cpu_s": memory.cpu_s}


def inputs_of(corpus: Path) -> Iterator[RawDocument | Quarantine]:
    """What the flow processes of a folder: its documents and quarantine rows (a Skipped hidden
    file is counted by the flow, not processed)."""
    return (item for item in read_sources([corpus]) if not isinstance(item, Skipped))


def write_plain(data: Path, item: tuple, run_id: str, now: datetime, seconds: Counter) -> list[str]:
    number, future = item
    processed = future.result()
    started = time.perf_counter()
    with data_lock(data):
        commit_batch(data, f"{run_id}-{number:05d}", now.date(), processed.tables)
    seconds["write"] += time.perf_counter() - started
    seconds.update(processed.seconds)
    return processed.tables["articles"].column("article_id").to_pylist()


def timed(items, seconds: Counter, stage: str):
    """`items`, with the time spent producing them added to seconds[stage]."""
    iterator = iter(items)
    while True:
        started = time.perf_counter()
        try:
            item = next(iterator)
        except StopIteration:
            return
        finally:
            seconds[stage] += time.perf_counter() - started
        yield item


def flow_run(corpus: Path, data: Path, env: dict, extra: list[str]) -> dict:
    """`newsflow ingest` in a process of its own; its time, exit status, peak memory and CPU
    seconds, and those of the Prefect server meanwhile (orchestration on the same cores)."""
    server_started = prefect_server_cpu_s()
    started = time.perf_counter()
    process = subprocess.Popen([NEWSFLOW, "ingest", str(corpus), "--data", str(data), *extra], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    with MemorySampler(process.pid) as memory:
        output, _ = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"newsflow ingest {' '.join(extra)} exited {process.returncode}:\n{output[-3000:]}")
    return {"seconds": seconds, "peak_mb": memory.peak_mb, "peak_rss_mb": memory.peak_rss_mb,
            "peak_flow_process_mb": memory.peak_root_mb, "at_peak": memory.at_peak, "cpu_s": memory.cpu_s,
            "server_cpu_s": prefect_server_cpu_s() - server_started, "summary": summary_lines(output)}


def prefect_server_cpu_s() -> float:
    """CPU seconds so far of the Prefect server this script started (and its children)."""
    total = 0.0
    for process in psutil.Process().children(recursive=True):
        try:
            if "server" in process.cmdline() and "start" in process.cmdline():
                total += sum(process_cpu_s(p.pid) for p in [process, *process.children(recursive=True)])
        except psutil.NoSuchProcess:
            continue
    return total


def summary_lines(output: str) -> list[str]:
    """The run summary newsflow printed (its first line starts with 'run '), without the log lines."""
    lines = output.strip().splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("run ")), len(lines))
    return lines[start : start + 6]


def parquet_mb(data: Path) -> dict[str, float]:
    sizes: Counter = Counter()
    files: Counter = Counter()
    for path in data.rglob("*.parquet"):
        table = path.relative_to(data).parts[0]
        sizes[table] += path.stat().st_size / 1e6
        files[table] += 1
    return {"total_mb": sum(sizes.values()), "files": sum(files.values()),
            "largest_file_mb": max((p.stat().st_size for p in data.rglob("*.parquet")), default=0) / 1e6,
            "by_table_mb": {k: round(v, 1) for k, v in sorted(sizes.items())}}


@contextmanager
def prefect_api():
    with tempfile.TemporaryDirectory(prefix="bench-prefect-") as home, prefect_server(Path(home)) as api_url:
        yield client_env(Path(home), api_url)


def measure(n: int, compare_pages: int, runs: list[str], pairs: int) -> dict:
    corpus, work = make_corpus(n), WORK / str(n)
    result: dict = {"documents": n, "workers": WORKERS,
                    f"measured_at_{'_'.join(runs)}": datetime.now(UTC).isoformat(timespec="seconds")}
    if "compare" in runs:
        result["extraction"] = compare_extraction(corpus, compare_pages)
        print(json.dumps(result["extraction"]), flush=True)
    with prefect_api() as env:
        overhead_pairs = []
        # Interleaved plain and flow runs: a slow spell of this shared machine (its wall time
        # varies by 15% between hours) falls on both runs of a pair, and the median of the
        # pairs' overheads is what the report judges.
        for _ in range(pairs if {"plain", "flow"} <= set(runs) else 1):
            if "plain" in runs:
                plain = plain_run(corpus, fresh(work / "plain"), WORKERS)
                result.setdefault("plain", plain)
                print("plain", plain["seconds"], flush=True)
            if "flow" in runs:
                flow = flow_run(corpus, fresh(work / "flow"), env, [])
                result.setdefault("flow", flow)
                print("flow", flow["seconds"], flush=True)
            if {"plain", "flow"} <= set(runs):
                overhead_pairs.append({"plain_s": plain["seconds"], "flow_s": flow["seconds"],
                                       "plain_cpu_s": plain["cpu_s"], "flow_cpu_s": flow["cpu_s"],
                                       "server_cpu_s": flow["server_cpu_s"]})
        if overhead_pairs:
            result["overhead_pairs"] = overhead_pairs
        for name, extra in (("dask1", ["--workers", "1"]), ("dask2", ["--workers", "2"])):
            if name in runs:
                result[name] = flow_run(corpus, fresh(work / name), env, extra)
                print(name, result[name]["seconds"], flush=True)
    if "flow" in runs:
        result["parquet"] = parquet_mb(work / "flow")
    return result


def fresh(folder: Path) -> Path:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[], help="corpus sizes to measure in full")
    parser.add_argument("--ingest-only", type=int, nargs="*", default=[], help="sizes to run the flow alone at")
    parser.add_argument("--compare-pages", type=int, default=1000, help="HTML pages for the extraction comparison")
    parser.add_argument("--runs", nargs="+", choices=RUNS, default=list(RUNS),
                        help="measures to take at --sizes (the others saved for that size are kept)")
    parser.add_argument("--pairs", type=int, default=1,
                        help="interleaved plain and flow runs at --sizes; the report judges their median overhead")
    args = parser.parse_args(argv)
    RESULTS.mkdir(exist_ok=True)
    plans = [(n, args.runs, args.pairs) for n in args.sizes] + [(n, ["flow"], 1) for n in args.ingest_only]
    for n, runs, pairs in plans:
        saved = RESULTS / f"{n}.json"
        earlier = json.loads(saved.read_text()) if saved.exists() else {}
        result = {**earlier, **measure(n, args.compare_pages, runs, pairs)}
        saved.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        REPORT.write_text(render_report(), encoding="utf-8")
        print(f"wrote {REPORT}", flush=True)
    return 0


def render_report() -> str:
    from bench.throughput_report import render

    sizes = sorted((p for p in RESULTS.glob("*.json") if p.stem.isdigit()), key=lambda p: int(p.stem))
    # bench/speed.py's goals and bench/ner_options.py's figures, by file name.
    others = {p.stem: json.loads(p.read_text()) for p in RESULTS.glob("*.json") if not p.stem.isdigit()}
    return render([json.loads(p.read_text()) for p in sizes], others)


if __name__ == "__main__":
    sys.exit(main())
