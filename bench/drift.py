"""Fact-drift detection quality: `find_drift` (newsflow.tasks.drift.detect) run over copies of the
AEB article bodies with edits planted at known places (bench/drift_edits.py), unedited copies and
copies reworded without changing a fact; precision and recall by kind, false drifts per 100 copies
that change no fact, and the time per pair.

    .venv/bin/python bench/drift.py                  # every pair, writes bench/DRIFT.md
    .venv/bin/python bench/drift.py --limit 10       # the pairs of 10 articles, writes nothing
    .venv/bin/python bench/drift.py --pairs-only     # what the generator makes, without the detector
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.drift_edits import (  # noqa: E402
    EDIT_TYPES,
    EDITED_COPIES_PER_ARTICLE,
    KINDS,
    REWORDED_COPIES_PER_ARTICLE,
    Pair,
    PlantedEdit,
    make_pairs,
    usable_bodies,
)

AEB = REPO.parent / "shared" / "eval" / "aeb"
REPORT = REPO / "bench" / "DRIFT.md"
DETECTOR = "newsflow.tasks.drift.detect"
# Every origin and copy is dated as the AEB pages were collected (November 2019), so that a
# relative date in a copy ('this week') reads against a date near the story's.
PUBLISHED = datetime(2019, 11, 20, 12, 0, tzinfo=UTC)
GOAL_PRECISION, GOAL_RECALL, GOAL_FALSE_PER_100 = 0.95, 0.90, 1.0
EXAMPLES = 8


@dataclass(frozen=True)
class Detected:
    """One row of find_drift, read by attribute name only (the benchmark imports no detector type)."""

    kind: str
    change: str
    origin_value: str
    value: str
    origin_start: int | None
    origin_end: int | None
    start: int | None
    end: int | None
    confidence: float | None
    sentence: str
    origin_sentence: str

    @classmethod
    def of(cls, row: Any) -> Detected:
        def text(name: str) -> str:
            found = getattr(row, name, None)
            found = found.value if isinstance(found, Enum) else found
            return "" if found is None else str(found)

        def offset(name: str) -> int | None:
            found = getattr(row, name, None)
            return found if isinstance(found, int) and found >= 0 else None

        confidence = getattr(row, "confidence", None)
        return cls(text("kind"), text("change"), text("origin_value"), text("value"), offset("origin_start"),
                   offset("origin_end"), offset("start"), offset("end"),
                   float(confidence) if isinstance(confidence, int | float) else None,
                   text("sentence"), text("origin_sentence"))


@dataclass
class PairResult:
    pair: Pair
    detected: list[Detected]
    seconds: float
    error: str = ""


# ---------------------------------------------------------------------------------------------
# Pairs and the detector


def load_articles() -> list[tuple[str, str]]:
    """(page id, hand-checked body) of the AEB news pages, in a fixed order."""
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    return [(key, truth[key]["articleBody"]) for key in sorted(truth)]


def load_detector() -> tuple[Callable[..., Any], Callable[[Any, Any], list[Any]]]:
    """DriftText and find_drift, imported only now: the generator and the pair counts work without them."""
    try:
        module = importlib.import_module(DETECTOR)
        return module.DriftText, module.find_drift
    except (ImportError, AttributeError) as error:
        raise SystemExit(f"bench/drift.py needs the fact-drift detector: `from {DETECTOR} import DriftText, "
                         f"find_drift` failed ({error}). It lives in tasks/drift/detect.py; until it exists, "
                         f"`--pairs-only` shows what the benchmark is made of.") from error


def run_pairs(pairs: list[Pair], drift_text: Callable[..., Any], find_drift: Callable[[Any, Any], list[Any]],
              ) -> tuple[list[PairResult], float]:
    """find_drift on every pair, timed; the first call (which loads what the detector needs) apart."""
    started = time.perf_counter()
    find_drift(drift_text("Warm-up.", PUBLISHED, "en"), drift_text("Warm-up.", PUBLISHED, "en"))
    warm_up = time.perf_counter() - started
    results = []
    for n, pair in enumerate(pairs, 1):
        origin, copy = drift_text(pair.origin, PUBLISHED, "en"), drift_text(pair.copy, PUBLISHED, "en")
        started = time.perf_counter()
        try:
            rows, error = [Detected.of(row) for row in find_drift(origin, copy)], ""
        except Exception as failure:  # one failing pair is reported, not the end of the run
            rows, error = [], f"{type(failure).__name__}: {failure}"
        results.append(PairResult(pair, rows, time.perf_counter() - started, error))
        if n % 200 == 0:
            print(f"  {n}/{len(pairs)} pairs", file=sys.stderr)
    return results, warm_up


# ---------------------------------------------------------------------------------------------
# Matching detections to planted edits


def overlaps(start: int | None, end: int | None, other_start: int | None, other_end: int | None) -> bool:
    """Whether two spans share a character (an empty span counts when it lies inside the other)."""
    if None in (start, end, other_start, other_end):
        return False
    if start == end:
        return other_start <= start <= other_end
    return max(start, other_start) < min(end, other_end)


def matches(row: Detected, edit: PlantedEdit, strict: bool) -> bool:
    """A detection is a planted edit when the kind agrees (and the change, if strict) and its copy
    sentence or origin sentence overlaps the planted one."""
    if row.kind not in edit.kinds or (strict and row.change != edit.change):
        return False
    return overlaps(row.start, row.end, edit.start, edit.end) or \
        overlaps(row.origin_start, row.origin_end, edit.origin_start, edit.origin_end)


@dataclass
class Tally:
    """Counts for one kind (or edit type): required rows found, and detections judged."""

    expected: int = 0
    found: int = 0
    found_loose: int = 0
    detections: int = 0
    correct: int = 0
    correct_loose: int = 0

    @property
    def recall(self) -> float | None:
        return self.found / self.expected if self.expected else None

    @property
    def recall_loose(self) -> float | None:
        return self.found_loose / self.expected if self.expected else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.detections if self.detections else None

    @property
    def precision_loose(self) -> float | None:
        return self.correct_loose / self.detections if self.detections else None


@dataclass
class Scores:
    by_kind: dict[str, Tally] = field(default_factory=lambda: {kind: Tally() for kind in KINDS})
    by_edit: dict[str, Tally] = field(default_factory=lambda: {edit: Tally() for edit in EDIT_TYPES})
    copies: Counter = field(default_factory=Counter)  # unedited / reworded copies
    false_rows: Counter = field(default_factory=Counter)  # rows on those copies, by variant
    false_by_kind: Counter = field(default_factory=Counter)  # (variant, kind)
    copies_with_false: Counter = field(default_factory=Counter)
    misses: list[tuple[PairResult, PlantedEdit]] = field(default_factory=list)
    false_positives: list[tuple[PairResult, Detected]] = field(default_factory=list)
    wrong_change: list[tuple[PairResult, Detected]] = field(default_factory=list)  # right kind and place
    errors: list[PairResult] = field(default_factory=list)


def score(results: list[PairResult]) -> Scores:
    scores = Scores()
    for result in results:
        if result.error:
            scores.errors.append(result)
        if result.pair.variant == "edited":
            score_edited(result, scores)
        else:
            variant = result.pair.variant
            scores.copies[variant] += 1
            scores.false_rows[variant] += len(result.detected)
            scores.copies_with_false[variant] += bool(result.detected)
            scores.false_by_kind.update((variant, row.kind) for row in result.detected)
            scores.false_positives.extend((result, row) for row in result.detected)
    return scores


def score_edited(result: PairResult, scores: Scores) -> None:
    edits, rows = result.pair.edits, result.detected
    for row in rows:
        tally = scores.by_kind.setdefault(row.kind, Tally())
        tally.detections += 1
        strict, loose = (any(matches(row, edit, strict=flag) for edit in edits) for flag in (True, False))
        tally.correct += strict
        tally.correct_loose += loose
        if not loose:
            scores.false_positives.append((result, row))
        elif not strict:
            scores.wrong_change.append((result, row))
    for edit in edits:
        if not edit.required:
            continue
        found = any(matches(row, edit, strict=True) for row in rows)
        found_loose = any(matches(row, edit, strict=False) for row in rows)
        for tally in (scores.by_kind[edit.kind], scores.by_edit[edit.edit]):
            tally.expected += 1
            tally.found += found
            tally.found_loose += found_loose
        if not found:
            scores.misses.append((result, edit))


# ---------------------------------------------------------------------------------------------
# The report


def ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def per_100(rows: int, copies: int) -> float:
    return 100 * rows / copies if copies else 0.0


def clip(text: str, width: int = 160) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"


def pair_counts(pairs: list[Pair]) -> list[str]:
    variants = Counter(pair.variant for pair in pairs)
    edited = [pair for pair in pairs if pair.variant == "edited"]
    planted = Counter(edit.edit for pair in edited for edit in pair.edits if edit.change != "dropped")
    planted["sentence_dropped"] = len({(pair.pair_id, edit.origin_start) for pair in edited for edit in pair.edits
                                      if edit.change == "dropped"})
    rows = Counter((edit.kind, edit.required) for pair in edited for edit in pair.edits)
    articles = len({pair.article_id for pair in pairs})
    two = sum(len({(e.edit, e.origin_start) for e in pair.edits}) == 2 for pair in edited)
    return [
        f"{articles} articles; {len(pairs)} pairs: {variants['unedited']} unedited copies (one identical, one with "
        f"only its whitespace changed, per article), {variants['reworded']} reworded copies, {variants['edited']} "
        f"edited copies ({two} with two edits, {sum(pair.reworded for pair in edited)} also reworded around their "
        "edits).",
        "",
        "| planted edit | edits planted |",
        "|---|---|",
        *[f"| {edit} | {planted[edit]} |" for edit in EDIT_TYPES],
        "",
        "| kind | rows to find (required) | optional rows (dropped sentences) |",
        "|---|---|---|",
        *[f"| {kind} | {rows[(kind, True)]} | {rows[(kind, False)]} |" for kind in KINDS],
    ]


def goals(scores: Scores) -> list[tuple[str, str, bool]]:
    out = []
    for kind in KINDS:
        tally = scores.by_kind[kind]
        out.append((f"precision {kind} >= {GOAL_PRECISION}", ratio(tally.precision),
                    tally.precision is not None and tally.precision >= GOAL_PRECISION))
        out.append((f"recall {kind} >= {GOAL_RECALL}", ratio(tally.recall),
                    tally.recall is not None and tally.recall >= GOAL_RECALL))
    for variant in ("unedited", "reworded"):
        rate = per_100(scores.false_rows[variant], scores.copies[variant])
        out.append((f"false drifts per 100 {variant} copies <= {GOAL_FALSE_PER_100:g}", f"{rate:.2f}",
                    rate <= GOAL_FALSE_PER_100))
    return out


def change_shown(old: str, new: str, width: int = 60) -> str:
    """'old' → 'new', both cut around where they first differ (a reworded quote differs in one word)."""
    same = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    start = max(0, same - width // 3)
    def cut(text: str) -> str:
        return "…" + clip(text[start:], width) if start else clip(text, width)

    return f"{cut(old)!r} → {cut(new)!r}"


def spread(items: list, count: int) -> list:
    """count items taken evenly through the list (the first ones all come from a few articles)."""
    if len(items) <= count:
        return items
    return [items[i * len(items) // count] for i in range(count)]


def describe_miss(result: PairResult, edit: PlantedEdit) -> str:
    pair = result.pair
    near = [row for row in result.detected if matches(row, edit, strict=False) or
            overlaps(row.origin_start, row.origin_end, edit.origin_start, edit.origin_end)]
    reported = "; ".join(f"{row.kind}/{row.change} {change_shown(row.origin_value, row.value, 40)}"
                         for row in near) or "nothing"
    return (f"| {pair.pair_id} | {edit.edit} ({edit.kind}/{edit.change}) | "
            f"{change_shown(edit.origin_value, edit.value)} | {clip(pair.origin[edit.origin_start:edit.origin_end])} | "
            f"{reported} |")


def describe_row(result: PairResult, row: Detected) -> str:
    sentence = row.sentence or row.origin_sentence
    confidence = "" if row.confidence is None else f"{row.confidence:.2f}"
    planted = "; ".join(f"{e.edit} ({e.kind}/{e.change})" for e in result.pair.edits
                        if e.required and (overlaps(row.start, row.end, e.start, e.end)
                                           or overlaps(row.origin_start, row.origin_end, e.origin_start, e.origin_end)))
    return (f"| {result.pair.pair_id} | {row.kind}/{row.change} | {change_shown(row.origin_value, row.value)} | "
            f"{confidence} | {planted or '-'} | {clip(sentence)} |")


def examples(title: str, rows: list[tuple[PairResult, Detected]]) -> list[str]:
    shown = spread(rows, EXAMPLES)
    return ["", f"## {title} ({len(shown)} of {len(rows)}, spread through the pairs)", "",
            "| pair | row | value | confidence | planted there | sentence |", "|---|---|---|---|---|---|",
            *([describe_row(result, row) for result, row in shown] or ["| none | | | | | |"])]


def timing(results: list[PairResult], warm_up: float) -> list[str]:
    seconds = sorted(result.seconds for result in results)
    words = statistics.mean(len(r.pair.origin.split()) + len(r.pair.copy.split()) for r in results)
    p95 = seconds[min(len(seconds) - 1, int(0.95 * len(seconds)))]
    return [
        "| measure | value |", "|---|---|",
        f"| pairs | {len(seconds)} (origin and copy {words:.0f} words together on average) |",
        f"| mean per pair | {1000 * statistics.mean(seconds):.1f} ms |",
        f"| median per pair | {1000 * statistics.median(seconds):.1f} ms |",
        f"| 95th percentile | {1000 * p95:.1f} ms |",
        f"| slowest pair | {1000 * seconds[-1]:.1f} ms |",
        f"| first call (loads what the detector needs) | {warm_up:.1f} s |",
    ]


def render(pairs: list[Pair], results: list[PairResult], scores: Scores, warm_up: float, seed: int,
           seconds: float) -> str:
    lines = [
        "# Fact drift: benchmark",
        "",
        f"Produced by `bench/drift.py` (seed {seed}) in one run ({seconds:.0f} s on a machine of {os.cpu_count()} "
        f"cores, one process): `find_drift` from `{DETECTOR}` on every pair below.",
        "",
        "## Method",
        "",
        "Origins are the hand-checked bodies of the AEB news pages (`../shared/eval/aeb/ground-truth.json`) "
        "of 80 words or more that are English prose (a fifth of their words or more among the commonest English "
        "words; this leaves out the non-English pages and two English pages that are score tables and recipe "
        "lists). `bench/drift_edits.py` makes their copies; it is the "
        "ground-truth side and shares no code with the detector (its sentence splitter, fact finders and "
        "capitalised-sequence name finder are its own, and an edit is planted only where they are sure of "
        "what they found; a body with no place for an edit gets none). Per article:",
        "",
        "- two **unedited** copies: the body itself, and the body with only its whitespace changed;",
        f"- {REWORDED_COPIES_PER_ARTICLE} **reworded** copies that change no fact: neighbouring sentences of a "
        "paragraph swapped, common words swapped for synonyms from a short hand list (said→stated, big→large, "
        "also→additionally; never inside quotes, never a number's unit), a leading phrase moved to the end of "
        "its sentence ('On Monday, X said.' → 'X said on Monday.'). The generator checks that every number, "
        "date, name and quote of the origin is still there;",
        f"- {EDITED_COPIES_PER_ARTICLE} **edited** copies with one or two planted edits each, the edit types taken "
        "in turn from a shuffled cycle; half of them are also reworded around their edits. The edits: a number "
        "changed ('28 people' → '17 people', '$399' → '$598'), a number made vaguer ('800 students' → 'hundreds "
        "of students', '$200 million' → 'millions of dollars'), a date shifted ('in 2014' → 'in 2013', 'Monday' "
        "→ 'Thursday', 'November 3' → 'November 5'), a date made vaguer or relative ('in 2016' → 'in the "
        "mid-2010s', 'on November 12' → 'in November', 'in April' → 'in the spring', 'police said on Monday' → "
        "'police said recently', 'the vote will take place on Monday' → '... in the coming days': a weekday only "
        "where the tense is clear), a person, organisation or place swapped for one of the same type from another "
        "AEB article, a "
        "quote reworded (one or two words inside the quotation marks), a quote attributed to another person "
        "(the name beside 'said' swapped), a sentence stating a number, date or quote dropped.",
        "",
        "Every copy and origin is dated 2019-11-20 (when the AEB pages were collected). The expected rows:",
        "",
        "- a changed or vaguer value: one row, its kind, change `changed` or `vaguer`, at the planted sentence;",
        "- a quote attributed to another person: one row of kind `name`, change `changed` (who said it); a "
        "`quote`/`changed` row at that sentence is credited too;",
        "- a dropped sentence: one row per kind (number, date, name, quote) with change `dropped`. A row is "
        "*required* when the sentence states a fact of that kind that the copy no longer states anywhere, as the "
        "generator finds them: a number outside dates; a date (a bare year only after a preposition: 'in 2014', "
        "not 'the 2020 election'); a person, organisation or place name other than a quote's speaker; numbers, "
        "dates and names only outside quotes (inside, they are the quote's); a quote of four words or more "
        "attributed to someone (a speech verb or a colon before it), or of eight or more. The others are "
        "*optional*: any fact of a dropped sentence "
        "reported dropped is true, so it is credited, but one still stated elsewhere in the copy (or one the "
        "generator's finders do not see) need not be reported.",
        "",
        "A detection matches an expected row when its kind agrees, its change agrees, and its copy-sentence "
        "span or its origin-sentence span overlaps the planted sentence. Recall = required rows matched / "
        "required rows; precision = detections on edited copies that match a row (required or optional) / "
        "detections on edited copies. The loose columns ask the kind and the place only, not the change (a "
        "swapped name reported as one name dropped and another added counts there). Every row on an unedited "
        "or reworded copy is a false drift.",
        "",
        "## Pairs",
        "",
        *pair_counts(pairs),
        "",
        "## Precision and recall by kind (edited copies)",
        "",
        "| kind | required rows | found | recall | detections | correct | precision | recall (kind only) | "
        "precision (kind only) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, tally in scores.by_kind.items():
        lines.append(f"| {kind} | {tally.expected} | {tally.found} | {ratio(tally.recall)} | {tally.detections} | "
                     f"{tally.correct} | {ratio(tally.precision)} | {ratio(tally.recall_loose)} | "
                     f"{ratio(tally.precision_loose)} |")
    lines += ["", "## Recall by planted edit", "", "| edit | required rows | found | recall | recall (kind only) |",
              "|---|---|---|---|---|"]
    lines += [f"| {edit} | {t.expected} | {t.found} | {ratio(t.recall)} | {ratio(t.recall_loose)} |"
              for edit, t in scores.by_edit.items()]
    lines += ["", "## False drifts on copies that change no fact", "",
              "| copies | count | rows reported | per 100 copies | copies with any row | rows by kind |",
              "|---|---|---|---|---|---|"]
    for variant in ("unedited", "reworded"):
        kinds = ", ".join(f"{kind} {n}" for (v, kind), n in sorted(scores.false_by_kind.items()) if v == variant)
        lines.append(f"| {variant} | {scores.copies[variant]} | {scores.false_rows[variant]} | "
                     f"{per_100(scores.false_rows[variant], scores.copies[variant]):.2f} | "
                     f"{scores.copies_with_false[variant]} | {kinds or '-'} |")
    lines += ["", "## Goals", "", "| goal | measured | met |", "|---|---|---|"]
    lines += [f"| {goal} | {value} | {'yes' if met else 'no'} |" for goal, value, met in goals(scores)]
    lines += ["", "## Time per pair", "", *timing(results, warm_up)]
    if scores.errors:
        lines += ["", f"## Pairs the detector failed on: {len(scores.errors)}", ""]
        lines += [f"- {r.pair.pair_id}: {clip(r.error, 200)}" for r in scores.errors[:EXAMPLES]]
    shown = spread(scores.misses, EXAMPLES)
    lines += ["", f"## Examples of misses ({len(shown)} of {len(scores.misses)}, spread through the pairs)", "",
              "| pair | planted | value | origin sentence | reported there |", "|---|---|---|---|---|"]
    lines += [describe_miss(result, edit) for result, edit in shown] or ["| none | | | | |"]
    lines += examples("Examples of rows with the right kind and place but another change", scores.wrong_change)
    lines += examples("Examples of false drifts, of a kind or at a place where nothing was planted",
                      scores.false_positives)
    return "\n".join(lines) + "\n"


def summary(scores: Scores, results: list[PairResult]) -> str:
    lines = [f"{'kind':8} {'req':>5} {'recall':>7} {'det':>5} {'prec':>7} {'recall~':>8} {'prec~':>7}"]
    for kind, t in scores.by_kind.items():
        lines.append(f"{kind:8} {t.expected:5} {ratio(t.recall):>7} {t.detections:5} {ratio(t.precision):>7} "
                     f"{ratio(t.recall_loose):>8} {ratio(t.precision_loose):>7}")
    for variant in ("unedited", "reworded"):
        rate = per_100(scores.false_rows[variant], scores.copies[variant])
        lines.append(f"false drifts per 100 {variant} copies: {rate:.2f} ({scores.copies[variant]} copies)")
    if results:
        lines.append(f"mean {1000 * statistics.mean(r.seconds for r in results):.1f} ms per pair; "
                     f"{len(scores.errors)} pairs failed")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None,
                        help="only the pairs of the first N articles (writes no report)")
    parser.add_argument("--seed", type=int, default=21, help="the generator's seed (default 21)")
    parser.add_argument("--pairs-only", action="store_true", help="count the pairs, without the detector")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    articles = load_articles()
    pairs = make_pairs(articles, args.seed, args.limit)
    print(f"{len(usable_bodies(articles))} usable AEB bodies; {len(pairs)} pairs", file=sys.stderr)
    if args.pairs_only:
        print("\n".join(pair_counts(pairs)))
        return 0
    drift_text, find_drift = load_detector()
    results, warm_up = run_pairs(pairs, drift_text, find_drift)
    scores = score(results)
    print(summary(scores, results))
    if args.limit is None:
        seconds = time.perf_counter() - started
        REPORT.write_text(render(pairs, results, scores, warm_up, args.seed, seconds), encoding="utf-8")
        print(f"wrote {REPORT} in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
