"""The link flow: the articles not linked yet against the whole dataset, or everything from scratch
(relink); then each copy and rewrite compared with its story's original (drift)."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task

from newsflow.tasks.drift.update import update_drift
from newsflow.tasks.link.update import update_links
from newsflow.tasks.store.dataset import data_lock


@task(name="link")
def link_articles(data_dir: str, from_scratch: bool = False) -> dict[str, int]:
    """Link the pending articles (every article not yet in `stories`: this run's, and those a
    killed or failed run committed) or, `from_scratch`, every article, and rewrite links and
    stories under the data folder's lock; link counts by relation (none when nothing was pending).

    No list of article ids crosses the task boundary: what to link is read from the dataset
    under the lock, so a rerun completes what any earlier run left, and the task's parameters
    stay small at 100k articles."""
    with data_lock(Path(data_dir)):
        return dict(update_links(Path(data_dir), None if from_scratch else ()))


@task(name="drift")
def compare_with_origins(data_dir: str, from_scratch: bool = False, workers: int | None = None) -> dict[str, int]:
    """Compare every copy and rewrite not compared yet (`from_scratch`: all) with its story's
    original, on `workers` processes (default: a core each), and rewrite `drift` under the data
    folder's lock; drift rows by kind."""
    with data_lock(Path(data_dir)):
        return dict(update_drift(Path(data_dir), from_scratch, workers))


@flow(name="relink", flow_run_name="relink {data_dir}")
def relink_flow(data_dir: str = "data") -> dict[str, int]:
    """Rebuild links, stories and drift from scratch; the result equals incremental linking."""
    links = link_articles(data_dir, from_scratch=True)
    compare_with_origins(data_dir, from_scratch=True)
    return links
