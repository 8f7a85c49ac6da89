"""The link flow: new articles against the whole dataset, or everything from scratch (relink)."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task

from tasks.link import update_links
from tasks.store import data_lock


@task(name="link")
def link_articles(data_dir: str, new_article_ids: list[str] | None) -> dict[str, int]:
    """Find links and rebuild stories under the data folder's lock; link counts by relation."""
    with data_lock(Path(data_dir)):
        return dict(update_links(Path(data_dir), new_article_ids))


@flow(name="link", flow_run_name="link {data_dir}")
def link_flow(data_dir: str = "data", new_article_ids: list[str] | None = None) -> dict[str, int]:
    """Link the given new articles (all articles when None) and rewrite links and stories."""
    return link_articles(data_dir, new_article_ids)


@flow(name="relink", flow_run_name="relink {data_dir}")
def relink_flow(data_dir: str = "data") -> dict[str, int]:
    """Rebuild links and stories from scratch; the result equals incremental linking."""
    return link_articles(data_dir, None)
