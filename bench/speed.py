"""The speed goals, each a ratio to a baseline measured in the same run, and bench/RESULTS.md.

    .venv/bin/python bench/speed.py                # every step below, then bench/RESULTS.md
    .venv/bin/python bench/speed.py --steps startup republished   # some steps; the others' saved figures are kept

Steps (saved in bench/results/speed.json; the 10k step in bench/results/10000.json):
- startup: the floor, a process that starts Prefect's temporary server, runs an empty flow and
  stops (what any `newsflow ingest` pays), against `newsflow ingest examples/inbox`, interleaved,
  five times each; the medians compared.
- republished: the 181 AEB pages five times over (five folders of the same files, as a wire story
  republished by five sites) through `newsflow ingest`, against a one-process loop of bare
  `trafilatura.extract` over the same 905 pages: three pairs of runs, interleaved, the median
  of the pairs' ratios judged.
- distinct: at least 1,000 HTML pages no two of which have the same article body
  (bench/corpus.py `distinct_pages`: the AEB pages and copies each cut by another paragraph),
  the same two ways.
- 10k: bench/throughput.py at 10,000 documents (extraction compared, the task functions without
  Prefect and the flow, two interleaved pairs): documents a second and orchestration overhead.
Every `newsflow ingest` here is the command a user runs: default runner, its own temporary Prefect
server. Each step records the machine's load average before it starts (`os.getloadavg`): the
machine is shared, and wall-clock ratios are only as good as the quiet around them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

import trafilatura  # noqa: E402

from bench import throughput  # noqa: E402
from bench.corpus import AEB, distinct_pages  # noqa: E402
from newsflow.tasks.store.dataset import connect  # noqa: E402

WORK = REPO / "bench" / "_work" / "speed"
SAVED = REPO / "bench" / "results" / "speed.json"
EXAMPLES = REPO / "examples" / "inbox"
STEPS = ("startup", "republished", "distinct", "10k")
COPIES = 5
DISTINCT_PAGES = 1000
STARTUP_RUNS = 5
PAIRS = 3  # interleaved runs of the bare loop and of newsflow, per corpus
# The floor: what Prefect costs any run, as `newsflow` sets it up (flows/cli.py: its defaults, its
# temporary server started first, no heartbeats to it), with no work.
FLOOR = ("from newsflow.flows.cli import quiet_prefect_defaults, reporting_to\n"
         "from newsflow.flows.temporary_server import temporary_server_unless_configured\n"
         "quiet_prefect_defaults()\n"
         "with temporary_server_unless_configured() as server:\n"
         "    from prefect import flow\n"
         "    with reporting_to(server): flow(name='floor')(lambda: None)()")


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def user_env(home: Path) -> dict[str, str]:
    """A user's environment: no Prefect API configured (each run starts its temporary server)."""
    env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    return {**env, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


def run_process(command: list[str], env: dict[str, str]) -> dict:
    """Wall and CPU seconds and peak memory (summed PSS) of a command and its processes."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    # Prefect's temporary server (a uvicorn child of the run) is not newsflow's: left out, as
    # bench/throughput.py leaves out the server it starts.
    with throughput.MemorySampler(process.pid, server="uvicorn") as memory:
        output, _ = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}:\n{output[-3000:]}")
    return {"seconds": seconds, "cpu_s": memory.cpu_s, "peak_mb": memory.peak_mb,
            "summary": throughput.summary_lines(output)}


def ingest(folder: Path, data: Path, env: dict[str, str]) -> dict:
    shutil.rmtree(data, ignore_errors=True)
    return run_process([throughput.NEWSFLOW, "ingest", str(folder), "--data", str(data)], env)


def startup(env: dict[str, str]) -> dict:
    floors, examples = [], []
    for _ in range(STARTUP_RUNS):
        floors.append(run_process([sys.executable, "-c", FLOOR], env)["seconds"])
        examples.append(ingest(EXAMPLES, WORK / "example-data", env)["seconds"])
    floor, example = statistics.median(floors), statistics.median(examples)
    return {"floor_s": floors, "example_s": examples, "floor_median_s": floor, "example_median_s": example,
            "ratio": example / floor}


def bare_trafilatura(folder: Path) -> dict:
    """One process, `trafilatura.extract` (defaults, comments off) on each HTML page's bytes."""
    pages = sorted(folder.rglob("*.html"))
    started, cpu = time.perf_counter(), time.process_time()
    for page in pages:
        trafilatura.extract(page.read_bytes(), include_comments=False)
    return {"pages": len(pages), "seconds": time.perf_counter() - started, "cpu_s": time.process_time() - cpu}


def republished_pages() -> Path:
    folder = WORK / "republished"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        for copy in range(COPIES):
            site = folder / f"site-{copy}"
            site.mkdir(parents=True)
            for page in sorted((AEB / "html").glob("*.html.gz")):
                (site / page.name.removesuffix(".gz")).write_bytes(gzip.decompress(page.read_bytes()))
        (folder / ".complete").write_text("")
    return folder


def read_once(folder: Path) -> None:
    """Every page read once, untimed, before each side is timed: both then read the pages from
    the page cache. The machine reclaims cold page cache (kdamond), and a loop that read the
    pages from disk ran with a wall time a third above its CPU time, flattering the ratio."""
    for page in folder.rglob("*.html"):
        page.read_bytes()


def against_trafilatura(folder: Path, env: dict[str, str], name: str) -> dict:
    """PAIRS runs of the bare loop and of `newsflow ingest`, interleaved; the ratio judged is the
    median of the pairs' ratios (the host's speed moves by a third within the hour, and a pair's
    two runs are minutes apart), with the median pair's runs kept beside every pair's ratio."""
    pairs = []
    for _ in range(PAIRS):
        read_once(folder)
        bare = bare_trafilatura(folder)
        read_once(folder)
        flow = ingest(folder, WORK / f"{name}-data", env)
        pairs.append({"bare": bare, "flow": flow, "ratio": flow["seconds"] / bare["seconds"]})
    median = sorted(pairs, key=lambda pair: pair["ratio"])[len(pairs) // 2]
    db = connect(WORK / f"{name}-data")
    articles, bodies = db.execute("SELECT count(*), count(DISTINCT body_sha256) FROM articles").fetchone()
    languages = dict(db.execute("SELECT coalesce(language, '?'), count(*) FROM articles GROUP BY ALL").fetchall())
    db.close()
    return {**median, "pair_ratios": [pair["ratio"] for pair in pairs], "articles": articles,
            "distinct_bodies": bodies, "english_share": languages.get("en", 0) / max(articles, 1)}


def measure(steps: list[str]) -> dict:
    saved = json.loads(SAVED.read_text()) if SAVED.exists() else {}
    WORK.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="speed-prefect-") as home:
        env = user_env(Path(home))
        # A new PREFECT_HOME's first temporary server creates its database (seconds a user pays
        # once): paid here, untimed, not by whichever step comes first.
        run_process([sys.executable, "-c", FLOOR], env)
        for step in steps:
            began, before = time.perf_counter(), load()
            if step == "startup":
                result = startup(env)
            elif step == "republished":
                result = against_trafilatura(republished_pages(), env, "republished")
            elif step == "distinct":
                result = against_trafilatura(distinct_pages(DISTINCT_PAGES), env, "distinct")
            else:
                throughput.main(["--sizes", "10000", "--runs", "compare", "plain", "flow", "--pairs", "2"])
                result = {}
            saved[step] = {**result, "load_before": before, "load_after": load(),
                           "step_s": time.perf_counter() - began,
                           "measured_at": datetime.now(UTC).isoformat(timespec="seconds")}
            print(step, json.dumps({k: v for k, v in saved[step].items() if k not in ("bare", "flow")}), flush=True)
            SAVED.parent.mkdir(exist_ok=True)
            SAVED.write_text(json.dumps(saved, indent=1) + "\n", encoding="utf-8")
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", nargs="+", choices=STEPS, default=list(STEPS))
    args = parser.parse_args(argv)
    measure(args.steps)
    throughput.REPORT.write_text(throughput.render_report(), encoding="utf-8")
    print(f"wrote {throughput.REPORT}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
