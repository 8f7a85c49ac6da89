"""What a run did, counted as it goes, for the CLI summary and the dashboard's artifacts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc


@dataclass(slots=True)
class RunSummary:
    """Counts of one run; `add_batch` folds in each committed batch."""

    run_id: str
    data_dir: str
    inputs: int = 0
    files_read: int = 0
    skipped_known: int = 0
    repeated_in_run: int = 0  # the same input reached twice in this run (processed once)
    skipped: Counter = field(default_factory=Counter)  # paths and records that are no input by design
    stopped: str | None = None  # why the run stopped before reading every input (deadline, SIGTERM)
    warnings: list[str] = field(default_factory=list)  # nothing to read somewhere: not a failure
    unchanged_web: int = 0  # pages and feeds that answered 304 Not Modified
    documents: int = 0
    articles: int = 0
    batches: int = 0
    quarantined: Counter = field(default_factory=Counter)
    dropped_by_rule: Counter = field(default_factory=Counter)
    moved_by_rule: Counter = field(default_factory=Counter)
    links: Counter = field(default_factory=Counter)
    drift: Counter = field(default_factory=Counter)  # drift rows in the dataset, by kind
    seconds: Counter = field(default_factory=Counter)
    new_article_ids: list[str] = field(default_factory=list)
    merged_files: int = 0  # part files the run's compaction merged

    def add_batch(self, written: dict[str, pa.Table], seconds: dict[str, float]) -> None:
        """Count what one batch committed (its rows after deduplication) and its stage times."""
        self.batches += 1
        self.documents += written["documents"].num_rows
        self.articles += written["articles"].num_rows
        self.new_article_ids.extend(written["articles"].column("article_id").to_pylist())
        self.quarantined.update(written["quarantine"].column("reason").to_pylist())
        spans = written["spans"]
        dropped = pc.equal(spans.column("kind"), "dropped")
        self.dropped_by_rule.update(spans.filter(dropped).column("rule").to_pylist())
        moved = pc.and_(pc.invert(dropped), pc.is_valid(spans.column("rule")))
        self.moved_by_rule.update(spans.filter(moved).column("rule").to_pylist())
        self.seconds.update(seconds)

    def as_rows(self) -> list[dict[str, object]]:
        """The summary as (what, count) rows, the shape of a table artifact."""
        rows: list[dict[str, object]] = [
            {"what": "inputs read", "count": self.inputs},
            {"what": "inputs already in the dataset", "count": self.skipped_known},
            {"what": "inputs reached twice in this run", "count": self.repeated_in_run},
            {"what": "web pages and feeds unchanged (304)", "count": self.unchanged_web},
            {"what": "documents", "count": self.documents},
            {"what": "articles", "count": self.articles},
            {"what": "batches", "count": self.batches},
            {"what": "part files merged", "count": self.merged_files},
        ]
        rows += [{"what": f"warning: {text}", "count": 1} for text in self.warnings]
        rows += [{"what": f"skipped: {k}", "count": v} for k, v in sorted(self.skipped.items())]
        rows += [{"what": f"quarantined: {k}", "count": v} for k, v in sorted(self.quarantined.items())]
        rows += [{"what": f"dropped by rule: {k}", "count": v} for k, v in self.dropped_by_rule.most_common()]
        rows += [{"what": f"moved by rule: {k}", "count": v} for k, v in self.moved_by_rule.most_common()]
        rows += [{"what": f"links: {k}", "count": v} for k, v in sorted(self.links.items())]
        rows += [{"what": f"drift: {k}", "count": v} for k, v in sorted(self.drift.items())]
        return rows

    def as_text(self) -> str:
        """The summary the CLI prints."""
        lines = [
            f"run {self.run_id}: {self.inputs} inputs, {self.documents} new documents, "
            f"{self.articles} articles ({self.skipped_known} inputs already ingested"
            + (f", {self.unchanged_web} web pages or feeds unchanged)" if self.unchanged_web else ")"),
            _counter_line("quarantined", self.quarantined),
            *([_counter_line("skipped (hidden files, WARC records of no page, folders reached twice)", self.skipped)]
              if self.skipped else []),
            _counter_line("spans dropped by rule", self.dropped_by_rule),
            _counter_line("spans moved to metadata by rule", self.moved_by_rule),
        ]
        if self.links:
            lines.append(_counter_line("links in the dataset", self.links))
        if self.drift:
            lines.append(_counter_line("facts changed by copies and rewrites (drift)", self.drift))
        if self.repeated_in_run:
            lines.append(f"inputs reached twice in this run, read once: {self.repeated_in_run}")
        if self.stopped:
            lines.append(f"STOPPED early ({self.stopped}): the next run reads the inputs this one did not reach")
        lines += [f"WARNING: {text}" for text in self.warnings]
        data = Path(self.data_dir).resolve()
        lines.append(f"data: {data}")
        lines.append(f'query it: newsflow sql "SELECT title, agency, published_at FROM articles LIMIT 10" --data {data}')
        return "\n".join(lines)


def _counter_line(label: str, counts: Counter) -> str:
    if not counts:
        return f"{label}: none"
    return f"{label}: " + ", ".join(f"{key} {value}" for key, value in counts.most_common())


def stories_markdown(summary: RunSummary, stories: list[dict]) -> str:
    """A markdown report of a run: its counts in a sentence and the dataset's biggest stories."""
    lines = [
        f"# newsflow run {summary.run_id}",
        "",
        f"{summary.documents} new documents, {summary.articles} articles, "
        f"{sum(summary.quarantined.values())} inputs quarantined, {summary.skipped_known} already ingested.",
        "",
        "## Biggest stories in the dataset",
        "",
        "| articles | copies | rewrites | original | agency |",
        "|---|---|---|---|---|",
    ]
    for story in stories:
        title = (story["title"] or "(untitled)").replace("|", "/")
        original = f"[{title}]({story['url']})" if story.get("url") else title
        lines.append(f"| {story['articles']} | {story['copies']} | {story['rewrites']} | {original} | {story['agency'] or ''} |")
    if not stories:
        lines.append("| 0 | 0 | 0 | no stories yet | |")
    return "\n".join(lines) + "\n"


def drift_markdown(summary: RunSummary, rewrites: list[dict]) -> str:
    """A markdown report of the run's copies and rewrites that changed most against their origin."""
    lines = [
        f"# What this run's copies and rewrites changed (run {summary.run_id})",
        "",
        "Facts (numbers, dates, names, quotes) that differ from the story's original; every row is in the "
        "`drift` table, and `newsflow sql sql/queries/fact_drift.sql` shows the sentences side by side.",
        "",
        "| changes | kinds | surest change | article | original |",
        "|---|---|---|---|---|",
    ]
    for rewrite in rewrites:
        title = (rewrite["title"] or rewrite["article_id"]).replace("|", "/")
        article = f"[{title}]({rewrite['url']})" if rewrite.get("url") else title
        origin = (rewrite["origin_title"] or "").replace("|", "/")
        surest = (rewrite["surest"] or "").replace("|", "/")
        lines.append(f"| {rewrite['changes']} | {rewrite['kinds']} | {surest} | {article} | {origin} |")
    if not rewrites:
        lines.append("| 0 | | | no copy or rewrite of this run changed a fact | |")
    return "\n".join(lines) + "\n"
