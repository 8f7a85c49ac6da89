"""bench/RESULTS.md from the measures bench/throughput.py saved (bench/results/<size>.json)."""

from __future__ import annotations

import json
from pathlib import Path

NOTES = Path(__file__).with_name("throughput_notes.md")  # read by a person, kept beside the figures

STAGES = ("read", "extract", "clean_split", "enrich", "entities", "signatures", "tables", "write", "compact", "link",
          "drift")
GOALS = {
    "overhead": "orchestration overhead <= 5% of a 10k-document run",
    "extract": "extract-and-clean within 1.3x bare trafilatura on the same pages",
    "workers": "two workers >= 1.7x one",
    "memory": "peak memory within 1.5 GB, flat as the corpus grows tenfold",
    "scale": "100k documents ingest and link on one 2-core, 24 GB machine",
}


def render(rows: list[dict], others: dict[str, dict] | None = None) -> str:
    lines = ["# Throughput, scaling and memory", "",
             "Produced by `bench/throughput.py` on a 2-core, 24 GB machine. Each size is one run of the",
             "script: its baselines and its flows were measured together, so every ratio below compares",
             "measures taken minutes apart on the same corpus. Corpus: `bench/corpus.py` (half HTML pages,",
             "three in ten text files, two in ten JSONL records, all varied from the 181 AEB pages and the",
             "seeds). Memory: the newsflow process and all its workers, sampled every 0.5 s: the summed",
             "proportional set size (PSS: pages shared between processes, such as libraries, counted once)",
             "and, beside it, the summed resident sets (RSS, which counts them in every process). The",
             "Prefect server, a process of its own, is not included.", ""]
    others = others or {}
    lines += _speed(others.get("speed", {}), rows) + _entity_options(others.get("ner_options"))
    lines += _end_to_end(rows) + [""] + _ratios(rows) + [""] + _stages(rows) + [""] + _parquet(rows)
    if NOTES.exists():
        lines += ["", NOTES.read_text(encoding="utf-8").rstrip()]
    lines += ["", "## Raw measures", "", "```json", json.dumps(rows, indent=1), "```"]
    return "\n".join(lines) + "\n"


def _end_to_end(rows: list[dict]) -> list[str]:
    out = ["## End to end", "",
           "CPU seconds: the run's processes (the newsflow process and its workers), plus the Prefect",
           "server's during the run. Measured: the day of the run that gave the row (code changes between",
           "days: compare rows of one day).", "",
           "| documents | runner | seconds | documents/s | CPU seconds | peak PSS MB | peak RSS MB | measured |",
           "|---|---|---|---|---|---|---|---|"]
    names = (("plain", "task functions, no Prefect (process pool)"), ("flow", "flow, default runner"),
             ("dask1", "flow, Dask, 1 worker"), ("dask2", "flow, Dask, 2 workers"))
    for row in rows:
        for key, label in names:
            if key in row:
                run = row[key]
                out.append(f"| {row['documents']:,} | {label} | {run['seconds']:.0f} | "
                           f"{row['documents'] / run['seconds']:.1f} | {_cpu(run)} | {run['peak_mb']:.0f} | "
                           f"{run.get('peak_rss_mb', 0):.0f} | {_measured_on(row, key)} |")
    return out


def _measured_on(row: dict, run: str) -> str:
    """The day of the latest invocation whose runs (`measured_at_<run>_<run>...`) included `run`."""
    days = [when[:10] for name, when in row.items()
            if name.startswith("measured_at_") and run in name.removeprefix("measured_at_").split("_")]
    return max(days, default="")


FLAT = 1.2  # "flat": a tenfold corpus may cost at most this much more peak memory
MEMORY_MB = 1536


# A bare loop whose wall time is this far above its CPU time waited for something (the disk, the
# host): its ratio flatters newsflow, and the run is not counted.
BARE_WAIT_SHARE = 1.1


def _speed_met(step: dict, goal: float) -> str:
    bare = step["bare"]
    if bare["seconds"] > BARE_WAIT_SHARE * bare["cpu_s"]:
        return (f"not counted: the bare loop waited (wall {bare['seconds']:.1f} s, CPU {bare['cpu_s']:.1f} s); "
                "run again")
    return _met(step["ratio"] <= goal)


def _pairs(step: dict) -> str:
    """The ratio of every interleaved pair of runs, when the step ran several (the median pair's runs are shown)."""
    ratios = step.get("pair_ratios", [])
    if len(ratios) < 2:
        return ""
    return f"; the median of {len(ratios)} interleaved pairs' ratios ({', '.join(f'{r:.2f}x' for r in ratios)})"


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _cpu(run: dict) -> str:
    if "cpu_s" not in run:
        return "-"
    server = run.get("server_cpu_s")
    return f"{run['cpu_s']:.0f}" + (f" + {server:.0f} server" if server is not None else "")


def _ratios(rows: list[dict]) -> list[str]:
    out = ["## The goals, as ratios measured in one run", "", "| documents | measure | value | goal | met |",
           "|---|---|---|---|---|"]
    for row in rows:
        n = f"{row['documents']:,}"
        if "plain" in row and "flow" in row:
            out += _overhead(row)
        if "extraction" in row:
            e = row["extraction"]
            ratio = e["extract_clean_s"] / e["bare_trafilatura_s"]
            out.append(f"| {n} | extract+clean / bare trafilatura ({e['pages']} pages) | "
                       f"{ratio:.2f}x | {GOALS['extract']} | {_met(ratio <= 1.3)} |")
            out.append(f"| {n} | the same, with the page metadata newsflow also reads | "
                       f"{(e['extract_clean_s'] + e['metadata_s']) / e['bare_trafilatura_s']:.2f}x | | |")
        if "dask1" in row and "dask2" in row:
            speedup = row["dask1"]["seconds"] / row["dask2"]["seconds"]
            out.append(f"| {n} | 2 Dask workers vs 1 | {speedup:.2f}x | {GOALS['workers']} | {_met(speedup >= 1.7)} |")
        if "flow" in row:
            peak = row["flow"]["peak_mb"]
            out.append(f"| {n} | peak memory (PSS), default runner | {peak:.0f} MB | {GOALS['memory']} | "
                       f"{_met(peak <= MEMORY_MB)} |")
        if row["documents"] >= 100_000 and "flow" in row:
            out.append(f"| {n} | ingested and linked by the default runner | {row['flow']['seconds'] / 60:.0f} min | "
                       f"{GOALS['scale']} | yes |")
    if not any(row["documents"] >= 100_000 and "flow" in row for row in rows):
        out.append(f"| 100,000 | ingested and linked by the default runner | not measured | {GOALS['scale']} | **no** |")
    out += _growth(rows)
    return out


def _overhead(row: dict) -> list[str]:
    """Flow against the plain baseline: the median of interleaved pairs when there are several."""
    pairs = row.get("overhead_pairs") or [{"plain_s": row["plain"]["seconds"], "flow_s": row["flow"]["seconds"],
                                           "plain_cpu_s": row["plain"].get("cpu_s"), "flow_cpu_s": row["flow"].get("cpu_s"),
                                           "server_cpu_s": row["flow"].get("server_cpu_s", 0)}]
    n = f"{row['documents']:,}"
    wall = [p["flow_s"] / p["plain_s"] - 1 for p in pairs]
    judged = row["documents"] >= 10_000  # fixed start-up costs weigh more on a small run
    what = "flow vs the same functions without Prefect"
    if len(pairs) > 1:
        what += f", median of {len(pairs)} interleaved pairs ({', '.join(f'{w:+.1%}' for w in wall)})"
    out = [f"| {n} | {what} | {_median(wall):+.1%} | {GOALS['overhead'] if judged else '(judged at 10k documents)'} | "
           f"{_met(_median(wall) <= 0.05) if judged else ''} |"]
    if all(p.get("plain_cpu_s") and p.get("flow_cpu_s") for p in pairs):
        cpu = [(p["flow_cpu_s"] + (p.get("server_cpu_s") or 0)) / p["plain_cpu_s"] - 1 for p in pairs]
        out.append(f"| {n} | the same in CPU seconds (the Prefect server's included) | {_median(cpu):+.1%} | | |")
    return out


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _growth(rows: list[dict]) -> list[str]:
    """Memory and link time as the corpus grows tenfold."""
    out = []
    by_size = {row["documents"]: row for row in rows if "flow" in row}
    for small in sorted(by_size):
        big = by_size.get(small * 10)
        if big is None:
            continue
        growth = big["flow"]["peak_mb"] / by_size[small]["flow"]["peak_mb"]
        days = _measured_on(by_size[small], "flow"), _measured_on(big, "flow")
        # Runs of different days ran different code: their ratio is shown, not judged.
        met = _met(growth <= FLAT) if days[0] == days[1] else f"not judged: runs of {days[0]} and {days[1]}"
        out.append(f"| {small:,} -> {big['documents']:,} | peak memory (PSS) grows | {growth:.2f}x | "
                   f"flat (<= {FLAT}x) | {met} |")
        if "plain" in big and "plain" in by_size[small]:
            ratio = big["plain"]["stages"]["link"] / by_size[small]["plain"]["stages"]["link"]
            links = links_found(big) / max(links_found(by_size[small]), 1)
            # Not judged here: every document of this corpus is a variant of one of ~190 pages,
            # so near-duplicate pairs grow with the square of the corpus. bench/LINKING.md
            # measures linking on a stream shaped like news.
            out.append(f"| {small:,} -> {big['documents']:,} | link time grows, while the links found "
                       f"grow {links:.0f}x (variants of the same pages) | {ratio:.1f}x | <= 12x on "
                       f"bench/LINKING.md's news-like stream | |")
    return out


def links_found(row: dict) -> int:
    """Links in the dataset after the default run, from its printed summary."""
    for line in row["flow"].get("summary", []):
        if line.startswith("links in the dataset:"):
            return sum(int(part.rsplit(" ", 1)[1]) for part in line.split(":", 1)[1].split(","))
    return 0


def _stages(rows: list[dict]) -> list[str]:
    plain = [row for row in rows if "plain" in row]
    if not plain:
        return []
    out = ["## Per stage (task functions without Prefect)", "",
           "Seconds a stage took and documents a second through it: extract to signatures summed over the",
           "workers (each a core), read, write, compact and link in the main process. Cleaning and",
           "splitting are one pass over a document's lines (tasks/segment/clean.py: classify the lines, cut the",
           "stories, then mark each story's title and captions), so they are timed together.", "",
           "| documents | " + " | ".join(STAGES) + " |", "|---|" + "---|" * len(STAGES)]
    for row in plain:
        stages = row["plain"]["stages"]
        cells = [f"{stages.get(s, 0):.1f} s ({row['documents'] / stages[s]:.0f}/s)" if stages.get(s) else "-"
                 for s in STAGES]
        out.append(f"| {row['documents']:,} | " + " | ".join(cells) + " |")
    return out


def _parquet(rows: list[dict]) -> list[str]:
    out = ["## Parquet written by the default run", "", "| documents | MB | part files | largest file MB |",
           "|---|---|---|---|"]
    for row in rows:
        if "parquet" in row:
            p = row["parquet"]
            out.append(f"| {row['documents']:,} | {p['total_mb']:.0f} | {p['files']} | {p['largest_file_mb']:.1f} |")
    return out


def _speed(speed: dict, rows: list[dict]) -> list[str]:
    """bench/speed.py's goals: each a ratio to a baseline of the same run, with the load it ran under."""
    if not speed:
        return []
    out = ["## The speed goals (bench/speed.py)", "",
           "Each line compares measures of one step of one run of `bench/speed.py`; `newsflow ingest` is",
           "the user's command (default runner, its own temporary Prefect server). Load: the machine's",
           "load average (1, 5, 15 min) when the step started, on 2 cores shared with other work: above",
           "~2 the wall-clock figures are slower than on a quiet machine, the ratios less so. Memory and",
           "CPU seconds: newsflow's processes, without the temporary server.", "",
           "| step | measure | value | goal | met | load |", "|---|---|---|---|---|---|"]
    if "floor_median_s" in speed.get("startup", {}):
        s = speed["startup"]
        pairs = _median([example / floor for floor, example in zip(s["floor_s"], s["example_s"])])
        out.append(f"| startup | `newsflow ingest examples/inbox`, median of {len(s['example_s'])}: "
                   f"{s['example_median_s']:.1f} s; the floor (Prefect's temporary server started as newsflow "
                   f"starts it, and stopped, around an empty flow), median of {len(s['floor_s'])}: {s['floor_median_s']:.1f} s (runs "
                   f"interleaved; the median of the five pairs' ratios: {pairs:.2f}x) | "
                   f"{s['ratio']:.2f}x | <= 1.3x the floor | {_met(s['ratio'] <= 1.3)} | {s['load_before']} |")
    for step, label, goal in (("republished", "the 181 AEB pages five times over", 2.0),
                              ("distinct", "distinct pages (no two bodies alike)", 2.5)):
        if "ratio" not in speed.get(step, {}):
            continue
        s = speed[step]
        out.append(f"| {step} | {label}: {s['bare']['pages']:,} pages, {s['articles']:,} articles "
                   f"({s['distinct_bodies']:,} distinct bodies, {s['english_share']:.0%} English); newsflow "
                   f"{s['flow']['seconds']:.1f} s ({s['flow']['cpu_s']:.0f} CPU s, peak {s['flow']['peak_mb']:.0f} MB "
                   f"PSS) against bare trafilatura in one process {s['bare']['seconds']:.1f} s ({s['bare']['cpu_s']:.0f} "
                   f"CPU s; CPU seconds {s['flow']['cpu_s'] / s['bare']['cpu_s']:.2f}x){_pairs(s)} | "
                   f"{s['ratio']:.2f}x | <= {goal}x | {_speed_met(s, goal)} | {s['load_before']} |")
        peak = s["flow"]["peak_mb"]
        out.append(f"| {step} | peak memory (summed PSS) of newsflow's processes | {peak:.0f} MB | "
                   f"<= {MEMORY_MB} MB (1.5 GiB) | {_met(peak <= MEMORY_MB)} | {s['load_before']} |")
    ten = next((row for row in rows if row["documents"] == 10_000 and "flow" in row), None)
    if "10k" not in speed:
        out.append("| 10k | documents a second end to end, default runner | not measured by bench/speed.py yet | "
                   ">= 20 | **no** | |")
    elif ten is not None:
        rate = ten["documents"] / ten["flow"]["seconds"]
        out.append(f"| 10k | documents a second end to end, default runner ({ten['flow']['seconds']:.0f} s) | "
                   f"{rate:.1f} | >= 20 | {_met(rate >= 20)} | {speed['10k']['load_before']} |")
    return out + [""]


def _entity_options(figures: dict | None) -> list[str]:
    """bench/ner_options.py: spaCy settings against today's entities on the AEB articles."""
    if not figures:
        return []
    out = ["## Entities: the options measured (bench/ner_options.py)", "",
           f"NER over newsflow's {figures['articles']} English articles of the 181 AEB pages (median "
           f"{figures['median_chars']:,} characters, {figures['over_5000_chars']} over 5,000), in one process",
           f"(spaCy {figures.get('spacy', 'before 3.8.7: 3.8.18')}),",
           "CPU seconds (best of the runs, each with an empty paragraph cache). Recall and precision of the",
           "(article, name, label) triples against the first line's (NER over whole bodies, as newsflow ran",
           "it before), and of the names alone.", "",
           "| option | CPU s | entities | recall | precision | name recall | name precision |",
           "|---|---|---|---|---|---|---|"]
    for row in figures["options"]:
        out.append(f"| {row['option']} | {row['cpu_s']:.1f} | {row['entities']:,} | {row['recall']:.3f} | "
                   f"{row['precision']:.3f} | {row['name_recall']:.3f} | {row['name_precision']:.3f} |")
    if near := figures.get("near_copies"):
        out += ["", f"A copy of each article with one paragraph cut ({near['copies']} copies), as syndicated copies "
                f"trim one: NER took {near['cold_cpu_s']:.1f} CPU s with an empty paragraph cache and "
                f"{near['warm_cpu_s']:.1f} CPU s after the articles, whose other paragraphs the cache holds."]
    return out + [""]
