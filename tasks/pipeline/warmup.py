"""The stages loaded while Prefect starts. A small run (tasks/sources/files.py `small_run`)
processes its batch in the newsflow process, which would otherwise load trafilatura, spaCy and its
model only once the flow runs, after Prefect's temporary server has started: loaded on a thread
meanwhile, they cost the run no time of its own. A larger run's worker processes load them as
they start (flows/runners.py `start_worker`). (The stages' modules import nothing of Prefect.)

The warm-up runs the stages once on a page of its own, not only the model loads: the stages import
and build more on their first document (MinHash, the stop word lists, trafilatura's and htmldate's
first call), 0.2-0.3 s of the example inbox's run otherwise. What it leaves in the process's caches
(the mentions of its paragraphs, the facts of its body) is what any document with the same words
would get (tasks/pipeline/reuse.py, tasks/enrich/entities.py)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from newsflow.tasks.core.schema import RawDocument, Skipped
from newsflow.tasks.sources.files import small_run, walk

WARM_UP_PAGE = RawDocument(
    source_uri="newsflow:warm-up", source_kind="file", media_type="text/html",
    data=b"""<html><head><title>Harbour bridge reopens after repairs</title>
<meta property="article:published_time" content="2026-03-02T08:30:00+01:00"></head><body>
<article><h1>Harbour bridge reopens after repairs</h1><p>By Jane Walker</p>
<p>LISBON (Reuters) - The harbour bridge reopened on Monday after three weeks of repairs, the city
council said, ending long detours for commuters and freight traffic.</p>
<figure><img src="bridge.jpg"><figcaption>The bridge at dawn. Photo: Ana Costa</figcaption></figure>
<p>Engineers replaced two expansion joints and resurfaced the deck, Mayor Carlos Moedas told
reporters at the reopening.</p></article></body></html>""",
)


def known_small_run(sources: list[str], from_web: bool, batch_size: int) -> bool:
    """Whether these sources make a small run (`small_run`), known before the flow walks them: the
    walk stops at the first file more than a batch holds."""
    if from_web:
        return False
    entries, files = [], 0
    for entry in walk(sources):
        entries.append(entry)
        files += not isinstance(entry, Skipped)
        if files > batch_size:
            break
    return small_run(entries, batch_size)


def warm_up_on_a_thread(spacy_model: str | None) -> None:
    """Load the stages' libraries and models on a thread of this process (`load_stages`)."""
    threading.Thread(target=load_stages, args=(spacy_model,), name="newsflow-warm-up", daemon=True).start()


def load_stages(spacy_model: str | None) -> None:
    """Run the stages once on WARM_UP_PAGE; a failure is left for the first batch to report."""
    try:
        from newsflow.tasks.pipeline.batches import process_batch

        process_batch([WARM_UP_PAGE], "warm-up", datetime.now(UTC), spacy_model, reuse=False)
    except Exception:  # the batch loads them again, and reports what fails then, on its documents
        pass
