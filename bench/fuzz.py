"""Fuzzing newsflow's readers: thousands of mangled inputs through the reading and batch code in
this process, and a few hundred through `newsflow ingest`.

    .venv/bin/python bench/fuzz.py                        # 10,000 inputs, then 4 CLI runs of 100
    .venv/bin/python bench/fuzz.py --inputs 600 --cli-runs 1 --seed 3
    .venv/bin/python bench/fuzz.py --replay warc:flip:7000013   # one input again, with its rows

The inputs are tests/hostile.py's: every kind (.txt, .html, .jsonl, .warc, .warc.gz, and the
file system's FIFOs and symlinks) with every fault that applies to it, in turn, each built from
its own seed (`--seed` times 1,000,000 plus its number), so any input can be built again.

In process (no Prefect): each input is written into a folder of its own, read with
newsflow.tasks.sources.files.read_sources and run through newsflow.tasks.pipeline.batches.process_batch, as a worker runs a
batch; an exception that escapes, or a read that takes over `--seconds`, is a crash. Every input
must be accounted for (tests/hostile.py `account`: a document or quarantine row per file, line,
response record, or a bad_archive row for a broken archive) with no quarantine detail over
1,000 characters.

Through the CLI: `--cli-runs` runs of `newsflow ingest` (a process of its own, default runner,
against one Prefect server started here) over folders of `--cli-inputs` mangled inputs each; each
must exit 0, account for every input in the dataset, and add no row when run again.

Prints a table by kind and fault, the outcomes, the crashes with their seeds; writes
bench/_work/fuzz/results.json (read by bench/reliability.py). Exit status 1 on any crash,
unaccounted input, CLI run that did not exit 0, or rerun that added rows.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import warnings
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

import hostile  # noqa: E402
from hostile import BENCH_SCALE, FAULTS_BY_KIND, FS_FAULTS, KINDS  # noqa: E402

WORK = REPO / "bench" / "_work" / "fuzz"
RESULTS = WORK / "results.json"
CASES = [(kind, fault) for kind in KINDS for fault in FAULTS_BY_KIND[kind]] + [("fs", f) for f in FS_FAULTS]
SEED_STRIDE = 1_000_000


def case(seed: int, number: int) -> tuple[str, str, int]:
    """(kind, fault, input seed) of input `number`: every case in turn."""
    kind, fault = CASES[number % len(CASES)]
    return kind, fault, seed * SEED_STRIDE + number


def quiet() -> None:
    """The readers' libraries log and warn on every bad input (trafilatura, warcio): noise here."""
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")


class Tally:
    """Counts by (kind, fault), outcomes by kind, and the inputs that went wrong."""

    COLUMNS = ("inputs", "units", "documents", "quarantine rows", "skipped", "unaccounted", "crashes")

    def __init__(self) -> None:
        self.cases: dict[str, Counter] = defaultdict(Counter)
        self.outcomes: dict[str, Counter] = defaultdict(Counter)
        self.crashes: list[dict] = []
        self.unaccounted: list[dict] = []
        self.seconds: dict[str, float] = defaultdict(float)

    def add(self, kind: str, fault: str, inputs: list[hostile.Input], rows: list[hostile.Row] | None,
            seed: int, crash: BaseException | None = None) -> None:
        counts = self.cases[f"{kind}/{fault}"]
        counts["inputs"] += len(inputs)
        counts["units"] += sum(item.min_rows for item in inputs)
        if crash is not None:
            counts["crashes"] += 1
            frames = traceback.extract_tb(crash.__traceback__)
            where = f"{frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno}" if frames else "?"
            self.crashes.append({"kind": kind, "fault": fault, "seed": seed, "type": type(crash).__name__,
                                 "message": str(crash)[:300], "where": where,
                                 "replay": f"{kind}:{fault}:{seed}"})
            return
        for row in rows or []:
            if row.table == "documents":
                counts["documents"] += 1
                self.outcomes[kind]["document"] += 1
            elif row.table == "quarantine":
                counts["quarantine rows"] += 1
                self.outcomes[kind][f"quarantine: {row.reason}"] += 1
            else:
                counts["skipped"] += 1
                self.outcomes[kind][f"skipped: {row.reason}"] += 1
        for entry in hostile.account(inputs, rows or []):
            if entry.problem:
                counts["unaccounted"] += 1
                self.unaccounted.append({"kind": kind, "fault": fault, "seed": seed, "file": entry.input.name,
                                         "note": entry.input.note, "problem": entry.problem,
                                         "rows": sorted({f"{r.table}:{r.reason}" for r in entry.rows}),
                                         "replay": f"{kind}:{fault}:{seed}"})

    def as_dict(self) -> dict:
        return {"cases": {k: dict(v) for k, v in sorted(self.cases.items())},
                "outcomes": {k: dict(v.most_common()) for k, v in sorted(self.outcomes.items())},
                "crashes": self.crashes, "unaccounted": self.unaccounted,
                "seconds": {k: round(v, 1) for k, v in sorted(self.seconds.items())}}


def build_one(folder: Path, kind: str, fault: str, seed: int, number: int) -> list[hostile.Input]:
    return hostile.build(folder, kind, fault, random.Random(seed), number, BENCH_SCALE)


def fuzz_in_process(count: int, seed: int, seconds: float, progress: bool = True) -> Tally:
    """`count` inputs, each in a folder of its own, through read_sources and process_batch."""
    tally = Tally()
    WORK.mkdir(parents=True, exist_ok=True)
    hostile.run_pipeline([REPO / "examples" / "inbox" / "01-portal-wire-story.txt"])  # loads spaCy once
    started = time.monotonic()
    for number in range(count):
        kind, fault, input_seed = case(seed, number)
        with tempfile.TemporaryDirectory(dir=WORK, prefix="in-process-") as tmp:
            folder = Path(tmp) / "inbox"
            folder.mkdir()
            began = time.monotonic()
            inputs = build_one(folder, kind, fault, input_seed, number)
            try:
                with hostile.deadline(seconds, f"{kind}/{fault} seed {input_seed}"):
                    run = hostile.run_pipeline([folder])
            except Exception as error:  # the finding: an exception escaped the reading code
                tally.add(kind, fault, inputs, None, input_seed, crash=error)
            else:
                tally.add(kind, fault, inputs, run.rows, input_seed)
            tally.seconds[f"{kind}/{fault}"] += time.monotonic() - began
        if progress and (number + 1) % 500 == 0:
            print(f"  {number + 1} inputs, {time.monotonic() - started:.0f} s, {len(tally.crashes)} crashes, "
                  f"{len(tally.unaccounted)} unaccounted", file=sys.stderr, flush=True)
    return tally


def fuzz_cli(runs: int, per_run: int, seed: int, first_number: int, timeout: float) -> list[dict]:
    """`runs` runs of `newsflow ingest` over folders of `per_run` mangled inputs, each run twice."""
    from dataset_checks import row_counts
    from prefect_server import client_env, prefect_server

    results = []
    home = WORK / "prefect-home"
    shutil.rmtree(home, ignore_errors=True)
    with prefect_server(home) as api_url:
        env = {**client_env(home, api_url), "PREFECT_LOGGING_LEVEL": "WARNING"}
        for run_number in range(runs):
            where = WORK / f"cli-{run_number}"
            shutil.rmtree(where, ignore_errors=True)
            folder, data = where / "inbox", where / "data"
            folder.mkdir(parents=True)
            inputs, kinds = [], Counter()
            for offset in range(per_run):
                number = first_number + run_number * per_run + offset
                kind, fault, input_seed = case(seed, number)
                inputs += build_one(folder, kind, fault, input_seed, number)
                kinds[f"{kind}/{fault}"] += 1
            result = {"run": run_number, "inputs": len(inputs), "cases": dict(kinds)}
            first = cli(folder, data, env, timeout)
            result.update(exit=first["exit"], seconds=first["seconds"], stderr=first["stderr"])
            if data.exists():
                try:
                    accounts = hostile.account(inputs, hostile.dataset_rows(data))
                    result["unaccounted"] = [{"file": a.input.name, "fault": f"{a.input.kind}/{a.input.fault}",
                                              "problem": a.problem} for a in accounts if a.problem]
                    before = row_counts(data)
                    result["rows"] = before
                    second = cli(folder, data, env, timeout)
                    result.update(rerun_exit=second["exit"], rerun_stderr=second["stderr"])
                    after = row_counts(data)
                    result["rerun_added"] = {t: after[t] - before[t] for t in after if after[t] != before.get(t)}
                except Exception as error:  # a dataset the checks cannot read is itself the finding
                    result["check_error"] = f"{type(error).__name__}: {error}"[:500]
            else:
                result["check_error"] = "no dataset written"
            results.append(result)
            print(f"  CLI run {run_number}: exit {result['exit']}, {len(result.get('unaccounted', []))} unaccounted, "
                  f"rerun exit {result.get('rerun_exit')}, added {result.get('rerun_added')}", file=sys.stderr,
                  flush=True)
    return results


def cli(folder: Path, data: Path, env: dict, timeout: float) -> dict:
    """`newsflow ingest folder --data data` in a session of its own; killed whole on timeout."""
    command = [sys.executable, "-m", "newsflow.flows.cli", "ingest", str(folder), "--data", str(data)]
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    try:
        _, err = process.communicate(timeout=timeout)
        code = process.returncode
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        _, err = process.communicate()
        code, err = "timeout", f"killed after {timeout} s\n{err}"
    return {"exit": code, "seconds": round(time.monotonic() - started, 1), "stderr": (err or "")[-1500:]}


def replay(spec: str, seconds: float) -> int:
    """Build one input again from `kind:fault:seed` and show what became of it."""
    kind, fault, seed_text = spec.rsplit(":", 2)
    seed = int(seed_text)
    with tempfile.TemporaryDirectory(prefix="newsflow-replay-") as tmp:
        folder = Path(tmp) / "inbox"
        folder.mkdir()
        inputs = build_one(folder, kind, fault, seed, seed % SEED_STRIDE)
        for item in inputs:
            print(f"input {item.name}: {item.units} unit(s), {item.note}")
        with hostile.deadline(seconds):
            run = hostile.run_pipeline([folder])  # an exception here is the crash, with its traceback
        for row in run.rows:
            print(f"  {row.table:10} {row.reason or '':24} {row.source_uri.rsplit('/', 1)[-1]}  {(row.detail or '')[:100]}")
        problems = [a.problem for a in hostile.account(inputs, run.rows) if a.problem]
        print("accounted for" if not problems else f"NOT accounted for: {problems}")
        return 1 if problems else 0


def render(results: dict) -> str:
    """The tables of a result, in Markdown."""
    tally = results["in_process"]
    lines = [f"In process: {results['inputs']} inputs (seed {results['seed']}), "
             f"{sum(c.get('inputs', 0) for c in tally['cases'].values())} files or special files written, "
             f"{results['in_process_seconds']:.0f} s.", "",
             "| kind/fault | " + " | ".join(Tally.COLUMNS) + " | seconds |",
             "|---|" + "---:|" * (len(Tally.COLUMNS) + 1)]
    for name, counts in tally["cases"].items():
        lines.append(f"| {name} | " + " | ".join(str(counts.get(c, 0)) for c in Tally.COLUMNS)
                     + f" | {tally['seconds'].get(name, 0):.1f} |")
    totals = Counter()
    for counts in tally["cases"].values():
        totals.update(counts)
    lines.append("| **all** | " + " | ".join(f"**{totals.get(c, 0)}**" for c in Tally.COLUMNS) + " | |")
    lines += ["", "Outcomes (rows) by input kind:", "", "| kind | outcome | rows |", "|---|---|---:|"]
    for kind, outcomes in tally["outcomes"].items():
        lines += [f"| {kind} | {outcome} | {count} |" for outcome, count in outcomes.items()]
    lines += ["", f"Crashes (an exception escaped the reading code): {len(tally['crashes'])}"]
    by_type = Counter(f"{c['type']} at {c['where']} ({c['kind']}/{c['fault']})" for c in tally["crashes"])
    examples = {f"{c['type']} at {c['where']} ({c['kind']}/{c['fault']})": c for c in tally["crashes"]}
    lines += [f"- {count} x {key}: {examples[key]['message'][:160]!r}; replay `{examples[key]['replay']}`"
              for key, count in by_type.most_common(30)]
    lines += ["", f"Unaccounted inputs: {len(tally['unaccounted'])}"]
    by_problem = Counter(f"{u['kind']}/{u['fault']}: {_shape(u['problem'])}" for u in tally["unaccounted"])
    first = {f"{u['kind']}/{u['fault']}: {_shape(u['problem'])}": u for u in tally["unaccounted"]}
    lines += [f"- {count} x {key.split(':', 1)[0]} (e.g. {first[key]['file']}{', ' + first[key]['note'] if first[key]['note'] else ''}: "
              f"{first[key]['problem']}; its rows {first[key]['rows']}); replay `{first[key]['replay']}`"
              for key, count in by_problem.most_common(30)]
    if results.get("cli"):
        lines += ["", "Through the CLI (`newsflow ingest`, default runner; each folder ingested twice):", "",
                  "| run | inputs | exit | seconds | unaccounted | rerun exit | rows added by the rerun |",
                  "|---:|---:|---:|---:|---:|---:|---|"]
        for run in results["cli"]:
            lines.append(f"| {run['run']} | {run['inputs']} | {run['exit']} | {run['seconds']} | "
                         f"{len(run.get('unaccounted', [])) if 'unaccounted' in run else run.get('check_error')} | "
                         f"{run.get('rerun_exit')} | {run.get('rerun_added') or 'none'} |")
        for run in results["cli"]:
            for item in run.get("unaccounted", [])[:10]:
                lines.append(f"- run {run['run']}: {item['file']} ({item['fault']}): {item['problem']}")
            if run["exit"] != 0:
                lines.append(f"- run {run['run']} stderr: `{run['stderr'][-400:]!r}`")
    return "\n".join(lines)


def _shape(problem: str) -> str:
    """A problem without its numbers, to group alike ones."""
    return "".join("N" if ch.isdigit() else ch for ch in problem).replace("NN", "N")[:120]


def failed(results: dict) -> bool:
    tally = results["in_process"]
    cli_bad = any(run["exit"] != 0 or run.get("unaccounted") or run.get("rerun_added") or run.get("check_error")
                  or run.get("rerun_exit") not in (0, None) for run in results.get("cli", []))
    return bool(tally["crashes"] or tally["unaccounted"] or cli_bad)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="inputs run in process")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=120, help="an input read longer than this is a hang")
    parser.add_argument("--cli-runs", type=int, default=4)
    parser.add_argument("--cli-inputs", type=int, default=100, help="inputs in each CLI run's folder")
    parser.add_argument("--cli-timeout", type=float, default=1800)
    parser.add_argument("--replay", metavar="KIND:FAULT:SEED", help="build and run one input again")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    quiet()
    if args.replay:
        return replay(args.replay, args.seconds)
    started = time.monotonic()
    tally = fuzz_in_process(args.inputs, args.seed, args.seconds)
    results = {"inputs": args.inputs, "seed": args.seed, "in_process": tally.as_dict(),
               "in_process_seconds": time.monotonic() - started, "cases": len(CASES)}
    if args.cli_runs:
        results["cli"] = fuzz_cli(args.cli_runs, args.cli_inputs, args.seed, args.inputs, args.cli_timeout)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, default=str))
    print(render(results))
    print(f"\nresults: {args.out}")
    return 1 if failed(results) else 0


if __name__ == "__main__":
    sys.exit(main())
