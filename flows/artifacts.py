"""What a run shows in the Prefect dashboard: its summary, its biggest stories, its progress."""

from __future__ import annotations

import logging
from pathlib import Path
from uuid import UUID

from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)

from newsflow.tasks.pipeline.report import RunSummary, stories_markdown
from newsflow.tasks.store.dataset import connect, sql_text

# Artifact keys take lowercase letters, digits and dashes only (docs/STACK.md).
SUMMARY_KEY = "ingest-summary"
# The CLI listens here to draw its progress bar (flows/cli.py).
PROGRESS_LOG = logging.getLogger("newsflow.progress")
STORIES_KEY = "ingest-stories"


def start_progress(description: str) -> UUID:
    return create_progress_artifact(progress=0.0, description=description)


def report_progress(artifact_id: UUID, done: int, total: int) -> None:
    """Progress to the dashboard's artifact and, as a log record, to the CLI's progress bar."""
    done = min(done, total)  # web pages and feed entries are not known ahead, so not in `total`
    update_progress_artifact(artifact_id=artifact_id, progress=100.0 * done / max(total, 1))
    PROGRESS_LOG.info("%d of %d inputs read", done, total, extra={"done": done, "total": total})


def publish_summary(summary: RunSummary) -> None:
    """The run's counts as a table, and its dataset's biggest stories as a markdown report."""
    create_table_artifact(key=SUMMARY_KEY, table=summary.as_rows(), description=f"newsflow run {summary.run_id}")
    db = connect(Path(summary.data_dir))
    cursor = db.execute(sql_text("report_stories"))
    columns = [c[0] for c in cursor.description]
    rows = [dict(zip(columns, row)) for row in cursor.fetchall()]
    create_markdown_artifact(key=STORIES_KEY, markdown=stories_markdown(summary, rows),
                             description="the biggest stories in the dataset after this run")
