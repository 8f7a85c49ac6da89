"""Which inputs a run processes: each input once, and none the dataset already settled.

An input is settled when the dataset holds its document (same place, same bytes) or a quarantine
row of a lasting reason for it (tasks/core/schema.py is_passing); a quarantine row a reader gives is
settled when the same row is there. Within a run the same input reached twice (overlapping
sources, a feed listing a link twice, a JSONL line repeated) is processed once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsflow.tasks.core.ids import document_id, quarantine_key, sha256_hex
from newsflow.tasks.core.schema import Quarantine, RawDocument, Skipped
from newsflow.tasks.pipeline.report import RunSummary
from newsflow.tasks.store.dataset import KnownKeys


def admitted(inputs: Iterable[RawDocument | Quarantine | Skipped], known: KnownKeys, summary: RunSummary,
             retry_quarantined: bool = False) -> Iterator[RawDocument | Quarantine]:
    """The inputs to process, counted into `summary` (inputs, files, skipped, known, repeated)."""
    this_run: set[str] = set()
    last_file = None
    for item in inputs:
        if isinstance(item, Skipped):
            summary.skipped[item.why] += 1
            continue
        summary.inputs += 1
        this_file = item.source_uri.split("#", 1)[0]
        summary.files_read += this_file != last_file
        last_file = this_file
        key = input_key(item)
        if key in this_run:
            summary.repeated_in_run += 1
        elif settled(item, key, known, retry_quarantined):
            summary.skipped_known += 1
        else:
            this_run.add(key)
            yield item


def input_key(item: RawDocument | Quarantine) -> str:
    """A document's id, or a reader's quarantine row's key."""
    if isinstance(item, Quarantine):
        return quarantine_key(item.source_uri, item.reason, item.content_sha256)
    return document_id(item.source_uri, sha256_hex(item.data))


def settled(item: RawDocument | Quarantine, key: str, known: KnownKeys, retry_quarantined: bool) -> bool:
    if isinstance(item, Quarantine):
        return key in known.quarantine_keys
    return key in known.doc_ids or (not retry_quarantined and key in known.settled_inputs)
