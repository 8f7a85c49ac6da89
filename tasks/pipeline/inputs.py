"""A run's inputs: the files under its sources, walked once before any is read (so the run knows
how many there are), then the pages of its URL list and feeds, fetched as they are read; only
those the dataset has not settled (tasks/pipeline/admit.py)."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from itertools import chain
from pathlib import Path

from newsflow.tasks.core.schema import Quarantine, RawDocument, Skipped
from newsflow.tasks.pipeline.admit import admitted
from newsflow.tasks.pipeline.report import RunSummary
from newsflow.tasks.sources.files import holds_several, read_walked, small_run, walk
from newsflow.tasks.sources.http_cache import HttpCache
from newsflow.tasks.sources.web import FetchOptions, WebCounts, iter_web_inputs, read_url_list
from newsflow.tasks.store.dataset import KnownKeys


class RunInputs:
    """The inputs of one run, iterated once. `files` is the number of paths under the sources
    that give something (a file's documents or a quarantine row); `total` the number of inputs,
    when it is known before reading: None if an archive, a JSONL file or a feed is among them."""

    def __init__(self, sources: list[str], urls_file: str | None, feeds_file: str | None, fetch: FetchOptions,
                 cache: HttpCache, summary: RunSummary) -> None:
        self.summary = summary
        self.entries = list(walk(source for source in sources if present(source, summary)))
        self.files = sum(not isinstance(entry, Skipped) for entry in self.entries)
        self.web_counts = WebCounts()
        urls, feeds = read_urls(present(urls_file, summary)), read_urls(present(feeds_file, summary))
        self.from_web = bool(urls or feeds)
        several = feeds or any(isinstance(entry, Path) and holds_several(entry) for entry in self.entries)
        self.total = None if several else self.files + len(urls)
        self.web = web_inputs(urls, feeds, fetch, cache, self.web_counts)

    def small(self, batch_size: int) -> bool:
        """Whether the run is known to be small (`small_run`); a URL list or a feed is never
        known to be: it gives what it fetches."""
        return not self.from_web and small_run(self.entries, batch_size)

    def admitted(self, known: KnownKeys, retry_quarantined: bool) -> Iterator[RawDocument | Quarantine]:
        """The inputs to process: the web's first (fetched in the background meanwhile), then the files'."""
        return admitted(chain(self.web, read_walked(self.entries)), known, self.summary, retry_quarantined)

    def close(self) -> None:
        """Stop the fetching threads (a deadline may have cut the run short) and count the 304s."""
        self.web.close()
        self.summary.unchanged_web = self.web_counts.unchanged


def present(path: str | None, summary: RunSummary) -> str | None:
    """`path` when it exists. A missing one is a warning of the run, not a failure: a scheduled
    run over an inbox or a feeds file not created yet has nothing to do there, and says so."""
    if path is None or Path(path).exists():
        return path
    # By absolute path: a scheduled run's folder is the deployment's, which the user may not know.
    summary.warnings.append(f"{Path(path).absolute()} does not exist: nothing was read there")
    return None


def read_urls(path: str | None) -> list[str]:
    return read_url_list(Path(path)) if path else []


def web_inputs(urls: list[str], feeds: list[str], options: FetchOptions, cache: HttpCache,
               counts: WebCounts) -> Generator[RawDocument | Quarantine, None, None]:
    """The pages of the URL list and of the feeds' entries, streamed as they are fetched."""
    if urls or feeds:
        yield from iter_web_inputs(urls, feeds, options, cache, counts)
