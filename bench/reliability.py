"""Reliability: what bench/fuzz.py tried and what became of it, and the peak memory of
`newsflow ingest` on single hostile inputs. Writes bench/RELIABILITY.md.

    .venv/bin/python bench/reliability.py                   # fuzz results of bench/fuzz.py, all memory cases
    .venv/bin/python bench/reliability.py --run-fuzz        # run bench/fuzz.py first (10k inputs, 4 CLI runs)
    .venv/bin/python bench/reliability.py --only many_attributes robots_300mb
    .venv/bin/python bench/reliability.py --render-only     # the report from the stored results

The fuzz part is bench/_work/fuzz/results.json, as bench/fuzz.py last wrote it (`--run-fuzz`
runs it first). The memory part runs `newsflow ingest` (a process of its own, its default
runner: a worker process a core) once per case, over a folder holding one hostile input, or a
URL list or feed served by a local HTTP server on 127.0.0.1 (`--allow-private-hosts`), against
one Prefect server started here; every 0.2 s it sums the PSS of the newsflow process and its
children (shared pages counted once), leaving out any Prefect server or uvicorn process, and
reports the peak. A case that fails (an error, a timeout, a run past `--kill-at` GiB, which is
killed) is recorded as such; the script goes on. Each case's measure is stored in
bench/_work/reliability/memory.json, so `--only` reruns some cases and keeps the others.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

import hostile  # noqa: E402

from bench import fuzz  # noqa: E402

WORK = REPO / "bench" / "_work" / "reliability"
MEMORY = WORK / "memory.json"
REPORT = REPO / "bench" / "RELIABILITY.md"
GOAL_GIB = 1.5
GIB = 2**30
SAMPLE_SECONDS = 0.2

# The web cases' sizes: a robots.txt of 300 MB, and a feed of 150 entries whose pages are
# 4.8 MB each (under the 5 MB page cap, so every one is fetched and held whole).
ROBOTS_BYTES = 300 * 10**6
FEED_PAGES = 150
FEED_PAGE_BYTES = 4_800_000


# ---------------------------------------------------------------------------------------------
# The cases: each prepares its inputs in `where` and returns the arguments of `newsflow ingest`.

def case_sparse_txt(where: Path, server: LocalSite) -> list[str]:
    folder = inbox(where)
    hostile.write_sparse(folder / "sparse-1gib.txt", GIB)
    return [str(folder)]


def case_warc_huge_body(where: Path, server: LocalSite) -> list[str]:
    folder = inbox(where)
    hostile.write_warc_with_huge_body(folder / "huge-body.warc", GIB)
    return [str(folder)]


def case_gzip_zeros(where: Path, server: LocalSite) -> list[str]:
    folder = inbox(where)
    hostile.write_gzip_of_zeros(folder / "zeros.warc.gz", GIB)
    return [str(folder)]


def case_many_attributes(where: Path, server: LocalSite) -> list[str]:
    import random

    folder = inbox(where)
    (folder / "attributes.html").write_text(hostile.many_attributes_html(random.Random(1), hostile.MANY_ATTRIBUTES))
    return [str(folder)]


def case_robots_300mb(where: Path, server: LocalSite) -> list[str]:
    urls = where / "urls.txt"
    urls.write_text(f"{server.url}/story.html\n")
    return ["--urls", str(urls), "--allow-private-hosts"]


def case_feed_150_pages(where: Path, server: LocalSite) -> list[str]:
    feeds = where / "feeds.txt"
    feeds.write_text(f"{server.url}/feed.xml\n")
    return ["--feeds", str(feeds), "--allow-private-hosts"]


def case_feed_150_copies(where: Path, server: LocalSite) -> list[str]:
    feeds = where / "feeds.txt"
    feeds.write_text(f"{server.url}/feed-copies.xml\n")
    return ["--feeds", str(feeds), "--allow-private-hosts"]


CASES: dict[str, tuple[str, Callable[[Path, LocalSite], list[str]]]] = {
    "sparse_txt": ("a 1 GiB sparse .txt", case_sparse_txt),
    "warc_huge_body": ("a WARC record with a 1 GiB body", case_warc_huge_body),
    "gzip_zeros": (".warc.gz of compressed zeros, 1 GiB decompressed", case_gzip_zeros),
    "many_attributes": ("a page with a tag of 50,000 attributes", case_many_attributes),
    "robots_300mb": ("a 300 MB robots.txt (local HTTP server)", case_robots_300mb),
    "feed_150_pages": (f"a feed of {FEED_PAGES} pages of 4.8 MB (local HTTP server)", case_feed_150_pages),
    "feed_150_copies": (f"the same, every page one paragraph repeated, all {FEED_PAGES} alike", case_feed_150_copies),
}
WEB_CASES = ("robots_300mb", "feed_150_pages", "feed_150_copies")


def inbox(where: Path) -> Path:
    folder = where / "inbox"
    folder.mkdir(parents=True)
    return folder


# ---------------------------------------------------------------------------------------------
# A local site: a 300 MB robots.txt, a story page, a feed and its pages, all generated as sent.

class LocalSite:
    def __init__(self) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LocalSite:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


STORY = ("<p>Officials in Ghent said on Monday that the harbour bridge would open in 2031, after a decade of "
         "delays, and that residents would be consulted on the plans before the council decides.</p>\n")


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path.split("?", 1)[0]
        base = f"http://{self.headers.get('Host')}"
        if path == "/robots.txt":
            head = b"User-agent: *\nAllow: /\n"
            line = b"Disallow: /archive/%010d/\n"
            count = (ROBOTS_BYTES - len(head)) // len(line % 0)
            chunks = (b"".join(line % i for i in range(n, min(n + 4096, count))) for n in range(0, count, 4096))
            self.stream("text/plain", len(head) + count * len(line % 0), itertools.chain([head], chunks))
        elif path == "/story.html":
            self.send_body("text/html; charset=utf-8", self.page("Harbour bridge to open in 2031", 20))
        elif path in ("/feed.xml", "/feed-copies.xml"):
            folder = "page" if path == "/feed.xml" else "copy"
            items = "".join(f"<item><title>Story {i}</title><link>{base}/{folder}/{i}.html</link>"
                            f"<pubDate>Mon, 06 Jan 2031 10:00:00 GMT</pubDate></item>" for i in range(FEED_PAGES))
            self.send_body("application/rss+xml", (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Local"
                                                   f"</title><link>{base}/</link>{items}</channel></rss>").encode())
        elif path.startswith(("/page/", "/copy/")):
            number = path.rsplit("/", 1)[-1].split(".", 1)[0]
            head = f"<html><head><title>Story {number}</title></head><body><article><h1>Story {number}</h1>".encode()
            tail = b"</article></body></html>"
            if path.startswith("/copy/"):  # one paragraph over and over, the same on every page
                paragraphs = STORY.encode() * ((FEED_PAGE_BYTES - len(head) - len(tail)) // len(STORY))
            else:  # paragraphs that differ from each other and from every other page's
                paragraphs = "".join(STORY.replace("Ghent", f"Ghent-{number}-{i}").replace("2031", str(2031 + i % 50))
                                     for i in range((FEED_PAGE_BYTES - 4000) // (len(STORY) + 12))).encode()
            body = head + paragraphs + tail
            self.send_body("text/html; charset=utf-8", body + b" " * max(0, FEED_PAGE_BYTES - len(body)))
        else:
            self.send_body("text/plain", b"not found", status=404)

    def page(self, title: str, paragraphs: int) -> bytes:
        return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                + STORY * paragraphs + "</article></body></html>").encode()

    def send_body(self, content_type: str, body: bytes, status: int = 200) -> None:
        self.stream(content_type, len(body), iter([body]), status)

    def stream(self, content_type: str, length: int, chunks: Iterator[bytes], status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        self.end_headers()
        try:
            for chunk in chunks:
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):  # the client stopped reading (a size cap): fine
            pass


# ---------------------------------------------------------------------------------------------
# Measuring a run.

def tree_memory(pid: int, parts: dict[str, int] | None = None) -> tuple[int, int, int]:
    """(summed PSS, summed RSS, processes) of a process and its children, in bytes, without any
    Prefect server or uvicorn process; `parts` gets each process's PSS by a short name."""
    try:
        root = psutil.Process(pid)
        processes = [root] + root.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0, 0, 0
    pss = rss = counted = 0
    for process in processes:
        try:
            command = " ".join(process.cmdline())
            if "uvicorn" in command or ("prefect" in command and " server" in command):
                continue
            info = process.memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
        pss, rss, counted = pss + info.pss, rss + info.rss, counted + 1
        if parts is not None:
            name = "newsflow" if process.pid == pid else f"child {process.pid} ({command[:40]})"
            parts[name] = info.pss
    return pss, rss, counted


def measure(args: list[str], data: Path, env: dict, timeout: float, kill_at: float) -> dict:
    """Run `newsflow ingest ARGS --data DATA`, sampling its tree's memory; killed whole past
    `timeout` seconds or `kill_at` bytes of PSS."""
    command = [sys.executable, "-m", "newsflow.flows.cli", "ingest", *args, "--data", str(data)]
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    peak = {"pss": 0, "rss": 0, "processes": 0, "at_seconds": 0.0}
    timeline: list[tuple[float, int]] = []  # (seconds, MiB): the highest sample of every 5 s
    killed = None
    output: dict[str, str] = {}
    readers = [threading.Thread(target=lambda name=name, pipe=pipe: output.__setitem__(name, pipe.read()), daemon=True)
               for name, pipe in (("out", process.stdout), ("err", process.stderr))]
    for reader in readers:
        reader.start()
    while process.poll() is None:
        parts: dict[str, int] = {}
        pss, rss, count = tree_memory(process.pid, parts)
        if pss > peak["pss"]:
            peak.update(pss=pss, processes=count, at_seconds=round(time.monotonic() - started, 1),
                        parts={name: round(value / 2**20) for name, value in parts.items()})
        peak["rss"] = max(peak["rss"], rss)
        elapsed = time.monotonic() - started
        window = round(elapsed // 5 * 5, 1)
        if timeline and timeline[-1][0] == window:
            timeline[-1] = (window, max(timeline[-1][1], round(pss / 2**20)))
        else:
            timeline.append((window, round(pss / 2**20)))
        if elapsed > timeout or pss > kill_at:
            killed = f"killed after {elapsed:.0f} s" if elapsed > timeout else f"killed at {pss / GIB:.2f} GiB PSS"
            os.killpg(process.pid, signal.SIGKILL)
            break
        time.sleep(SAMPLE_SECONDS)
    process.wait()
    for reader in readers:
        reader.join(10)
    return {"exit": process.returncode, "killed": killed, "seconds": round(time.monotonic() - started, 1),
            "peak_pss_mib": round(peak["pss"] / 2**20), "peak_rss_mib": round(peak["rss"] / 2**20),
            "processes_at_peak": peak["processes"], "peak_at_seconds": peak["at_seconds"], "timeline": timeline,
            "peak_by_process_mib": peak.get("parts", {}),
            "stdout": (output.get("out") or "")[-1500:], "stderr": (output.get("err") or "")[-1500:]}


def outcome(data: Path) -> str:
    """What the run left in the dataset: documents and quarantine rows by reason."""
    try:
        rows = hostile.dataset_rows(data)
    except Exception as error:  # no dataset, or one the views cannot read: say so
        return f"(no dataset: {type(error).__name__})"
    counts = Counter("document" if r.table == "documents" else f"quarantine {r.reason}" for r in rows)
    return ", ".join(f"{n} {what}" for what, n in counts.most_common()) or "no row"


def has_flag(flag: str) -> bool:
    result = subprocess.run([sys.executable, "-m", "newsflow.flows.cli", "ingest", "--help"], cwd=REPO, capture_output=True,
                            text=True)
    return flag in result.stdout


def run_memory_cases(names: list[str], timeout: float, kill_at: float) -> dict[str, dict]:
    from prefect_server import client_env, prefect_server

    results: dict[str, dict] = {}
    home = WORK / "prefect-home"
    shutil.rmtree(home, ignore_errors=True)
    private_hosts = has_flag("--allow-private-hosts")
    with prefect_server(home) as api_url, LocalSite() as site:
        env = {**client_env(home, api_url), "PREFECT_LOGGING_LEVEL": "WARNING"}
        for name in names:
            title, prepare = CASES[name]
            where = WORK / name
            shutil.rmtree(where, ignore_errors=True)
            where.mkdir(parents=True)
            result: dict = {"case": title, "when": datetime.now(UTC).isoformat(timespec="seconds")}
            print(f"memory: {name} ...", file=sys.stderr, flush=True)
            try:
                if name in WEB_CASES and not private_hosts:
                    result["not_run"] = ("`newsflow ingest` has no --allow-private-hosts yet, and the fetcher needs "
                                         "it to fetch from the local server on 127.0.0.1")
                else:
                    args = prepare(where, site)
                    result.update(measure(args, where / "data", env, timeout, kill_at))
                    result["outcome"] = outcome(where / "data")
            except Exception as error:  # a case that cannot even be set up is recorded, not fatal
                result["error"] = f"{type(error).__name__}: {error}"[:500]
            finally:
                for big in [p for p in where.rglob("*") if p.is_file() and not p.is_symlink()
                            and p.stat().st_blocks * 512 > 50 * 2**20]:
                    big.unlink()  # the 1 GiB inputs are not kept
            results[name] = result
            print(f"memory: {name}: {summary(result)}", file=sys.stderr, flush=True)
    return results


def summary(result: dict) -> str:
    if "not_run" in result:
        return f"not run: {result['not_run']}"
    if "error" in result:
        return f"failed to run: {result['error']}"
    return (f"exit {result['exit']}{' (' + result['killed'] + ')' if result.get('killed') else ''}, "
            f"{result['seconds']} s, peak {result['peak_pss_mib']} MiB PSS")


# ---------------------------------------------------------------------------------------------
# The report.

def git_state() -> str:
    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
        return result.stdout.strip()

    dirty = git("status", "--porcelain", "--untracked-files=no")
    return f"commit {git('rev-parse', '--short', 'HEAD')}" + (" with uncommitted changes" if dirty else "")


def render(fuzz_results: dict | None, memory: dict[str, dict]) -> str:
    lines = ["# Reliability", "",
             "Generated by `bench/reliability.py` (fuzzing: `bench/fuzz.py`; inputs: `tests/hostile.py`). "
             f"Written {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')} on {git_state()}, "
             f"{os.cpu_count()} cores, {psutil.virtual_memory().total / GIB:.0f} GiB of memory.", "",
             "The promise: bad input never fails a run and is never lost silently. Every input (file, WARC "
             "record, JSONL line, URL, feed entry) ends as a document or a quarantine row whose detail names the "
             "exception type and is at most 1,000 characters; a run exits 0 for any bad input; a rerun adds "
             "nothing.", ""]
    lines += ["## What was tried, and what happened", ""]
    if fuzz_results is None:
        lines += ["Not run yet: `bench/fuzz.py` has written no results (`--run-fuzz` runs it).", ""]
    else:
        cases = fuzz_results["in_process"]["cases"]
        kinds, faults = Counter(), Counter()
        for key, counts in cases.items():
            kind, fault = key.split("/", 1)
            kinds[kind] += counts.get("inputs", 0)
            faults[fault] += counts.get("inputs", 0)
        lines += [f"`bench/fuzz.py --inputs {fuzz_results['inputs']} --seed {fuzz_results['seed']}`: every kind of "
                  f"input with every fault that applies to it ({fuzz_results['cases']} cases, in turn), each input "
                  "built from its own seed, written into a folder of its own and run through `read_sources` and "
                  "`process_batch` in one process; then folders of mangled inputs through `newsflow ingest`, each "
                  "twice. An input is accounted for when each of its units (the file; each distinct non-blank "
                  "JSONL line; each whole response record of an archive, or a bad_archive row) has a document or "
                  "quarantine row (tests/hostile.py `account`). `units` counts them; a crash is an exception that "
                  "escaped, or a read that outlived the time limit.", "",
                  "Files written by input kind: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) + ".",
                  "By fault: " + ", ".join(f"{k} {v}" for k, v in sorted(faults.items())) + ".", ""]
        lines += [fuzz.render(fuzz_results), ""]
        lines.append(f"Verdict: {'FAILED' if fuzz.failed(fuzz_results) else 'passed'} (crashes "
                     f"{len(fuzz_results['in_process']['crashes'])}, unaccounted inputs "
                     f"{len(fuzz_results['in_process']['unaccounted'])}, CLI runs not clean "
                     f"{sum(1 for r in fuzz_results.get('cli', []) if r['exit'] != 0 or r.get('unaccounted') or r.get('rerun_added'))}).")
        lines.append("")
    when = sorted(r["when"] for r in memory.values() if r.get("when"))
    measured = f" Measured from {when[0]} to {when[-1]} (UTC)." if when else ""
    lines += ["## Peak memory of a run on one hostile input", "",
              f"Goal: each under {GOAL_GIB} GiB (summed PSS of `newsflow ingest` and its worker processes; the "
              "Prefect server, started apart, is not counted). One run a case, its default runner (a worker "
              f"process a core), sampled every 0.2 s.{measured}", "",
              "| case | exit | seconds | peak PSS | at second | peak RSS (summed) | processes | under 1.5 GiB | what the dataset holds |",
              "|---|---:|---:|---:|---:|---:|---:|---|---|"]
    over_time: list[str] = []
    for name, (title, _) in CASES.items():
        result = memory.get(name)
        if result is None:
            lines.append(f"| {title} | | | | | | | not measured yet | |")
        elif "not_run" in result or "error" in result:
            lines.append(f"| {title} | | | | | | | {'not run: ' + result['not_run'] if 'not_run' in result else 'failed to run: ' + result['error']} | |")
        else:
            ok = (result["exit"] == 0 and not result.get("killed") and result["peak_pss_mib"] < GOAL_GIB * 1024)
            verdict = "yes" if ok else f"**no**{' (' + result['killed'] + ')' if result.get('killed') else ''}"
            exit_text = result["exit"] if not result.get("killed") else "killed"
            lines.append(f"| {title} | {exit_text} | {result['seconds']} | {result['peak_pss_mib']:,} MiB | "
                         f"{result['peak_at_seconds']} | {result['peak_rss_mib']:,} MiB | {result['processes_at_peak']} | "
                         f"{verdict} | {result.get('outcome', '')} |")
            if not ok and result.get("timeline"):
                over_time.append(f"- {name}: " + ", ".join(f"{int(t)} s {mib:,}" for t, mib in
                                                           _thin(result["timeline"], 24)))
                if result.get("peak_by_process_mib"):
                    over_time.append("  - at the peak, PSS by process (MiB): " + ", ".join(
                        f"{who} {mib:,}" for who, mib in result["peak_by_process_mib"].items()))
    if over_time:
        lines += ["", "PSS over time of the cases over the goal (MiB, the highest sample of each 5 s, thinned):", "",
                  *over_time]
    failures = [(name, r) for name, r in memory.items() if r.get("stderr") and (r.get("exit") or r.get("killed"))]
    if failures:
        lines += ["", "Runs that did not exit 0 (end of stderr):", ""]
        for name, result in failures:
            tail = result["stderr"].strip().splitlines()[-3:]
            lines.append(f"- {name}: `{' / '.join(tail)[:400]}`")
    lines += ["", "Cases: the sparse .txt is a hole of 1 GiB (`os.truncate`); the WARC's single HTML response "
              "has a body of 1 GiB of words (written streaming); the .warc.gz is one gzip member of 1 GiB of zeros "
              "(about 1 MB on disk, one endless line to a header reader); the page has one `<div>` of 50,000 "
              "attributes; the robots.txt is 300 MB of Disallow rules before a page of the site is fetched "
              "(`--urls`); the feed lists 150 entries whose pages are 4.8 MB each, just under the 5 MB page cap "
              "(`--feeds`): distinct paragraphs on distinct pages, or (the copies case) one paragraph repeated, "
              "every page alike. The two web cases are served by a local HTTP server on 127.0.0.1, so they need "
              "`--allow-private-hosts`.", ""]
    return "\n".join(lines)


def _thin(timeline: list, points: int) -> list:
    """At most `points` samples of a timeline, its peak always among them."""
    if len(timeline) <= points:
        return timeline
    step = len(timeline) / points
    kept = {int(i * step) for i in range(points)} | {max(range(len(timeline)), key=lambda i: timeline[i][1])}
    return [timeline[i] for i in sorted(kept)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run-fuzz", action="store_true", help="run bench/fuzz.py first (its default sizes)")
    parser.add_argument("--fuzz-results", type=Path, default=fuzz.RESULTS)
    parser.add_argument("--only", nargs="+", choices=list(CASES), help="memory cases to (re)run")
    parser.add_argument("--render-only", action="store_true", help="no run: the report from the stored results")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds a memory case may run")
    parser.add_argument("--kill-at", type=float, default=8.0, help="GiB of PSS at which a case is killed")
    args = parser.parse_args(argv)
    if args.run_fuzz and not args.render_only:
        fuzz.main(["--out", str(args.fuzz_results)])  # its exit status is its verdict, shown in the report
    fuzz_results = json.loads(args.fuzz_results.read_text()) if args.fuzz_results.exists() else None
    memory = json.loads(MEMORY.read_text()) if MEMORY.exists() else {}
    if not args.render_only:
        WORK.mkdir(parents=True, exist_ok=True)
        memory.update(run_memory_cases(args.only or list(CASES), args.timeout, args.kill_at * GIB))
        MEMORY.write_text(json.dumps(memory, indent=1))
    REPORT.write_text(render(fuzz_results, memory))
    print(f"wrote {REPORT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
